/**
 * Issue #28 item 3: the Office.js rules of Microsoft's add-in template (load before read, sync before
 * read, no sync in a loop) on src/excel, in `npm test`. Written with the TypeScript checker
 * (office-lint.ts says why not ESLint); a probe with one violation of each proves every rule can fail.
 */
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type LintFinding, lintOffice } from "./office-lint";

const ROOT = resolve(__dirname, "../..");
const EXCEL = join(ROOT, "src/excel");
const PROBE = join(EXCEL, "__lint-probe__.ts");
const PROBE_CODE = `
export async function probe(context: Excel.RequestContext) {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  const unloaded = ws.name;                                   // line 4: load-before-read
  ws.load("name,visibility");
  const unsynced = ws.visibility;                             // line 6: sync-before-read
  await context.sync();
  const fine = ws.name;
  const range = ws.getRange("A1");
  range.load("values");
  await context.sync();
  const notLoaded = range.formulas;                           // line 12: load-before-read (other property)
  for (const name of ["a", "b"]) {
    ws.getRange(name).format.font.bold = true;
    await context.sync();                                     // line 15: no-sync-in-loop
  }
  return [unloaded, unsynced, fine, range.values, notLoaded];
}
`;

let findings: LintFinding[] = [];
beforeAll(() => {
  const files = readdirSync(EXCEL)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(EXCEL, f));
  findings = lintOffice({ tsconfig: join(ROOT, "tsconfig.json"), files, virtual: { [PROBE]: PROBE_CODE } });
}, 120_000);

describe("Office.js lint on src/excel", () => {
  it("finds no read before load, no read before sync and no sync in a loop", () => {
    const real = findings.filter((f) => f.file !== PROBE);
    expect(real.map((f) => `${relative(ROOT, f.file)}:${f.line} ${f.rule}: ${f.text}`)).toEqual([]);
  });

  it("catches one of each in a probe", () => {
    const probe = findings.filter((f) => f.file === PROBE).map((f) => `${f.line} ${f.rule} ${f.text}`);
    expect(probe).toEqual([
      "4 load-before-read ws.name",
      "6 sync-before-read ws.visibility",
      "12 load-before-read range.formulas",
      "15 no-sync-in-loop context.sync()",
    ]);
  });
});
