/**
 * Issue #28 item 1: no Office.js member above the manifest's minimum requirement set (ExcelApi 1.7: Excel
 * 2019 and later, Microsoft 365, Excel on the web and on Mac) is used unless a guard of its set is around
 * it. Every source file is walked with the TypeScript checker (so `Excel.*` reached through a typed
 * `context`, a helper or an object literal counts too), each member resolved to its declaration in
 * `@types/office-js` and its "[Api set: …]" annotation read there. The table of members used is printed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareVersions } from "../support/office-api-sets";
import { type MemberUse, officeMemberUses } from "./office-api-check";

const ROOT = resolve(__dirname, "../..");
const TSCONFIG = join(ROOT, "tsconfig.json");

/**
 * Members allowed above the minimum without a guard, each with why. Empty today: every newer member the
 * add-in uses is behind `isSetSupported`. An entry here is a decision someone has to defend.
 */
const FALLBACKS: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The manifest's `<Set Name="ExcelApi" MinVersion="…"/>`: what every host that installs us has. */
function manifestMinimum(): string {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"/.exec(xml);
  if (!m) throw new Error("manifest.xml declares no ExcelApi minimum");
  return m[1];
}

/** A use the hosts at `minimum` would refuse: above it (or in another set) and not guarded high enough. */
function refused(u: MemberUse, minimum: string): boolean {
  if (!u.set || FALLBACKS[u.member]) return false;
  if (u.set.name !== "ExcelApi") return true; // ExcelApiDesktop/Online: not every host has them
  if (compareVersions(u.set.version, minimum) <= 0) return false;
  return !u.guardedBy || compareVersions(u.guardedBy, u.set.version) < 0;
}

const where = (u: MemberUse) => `${relative(ROOT, u.file)}:${u.line}`;

// The checker's own probe: sources read from memory, inside src/ so the project's types resolve as for
// real code. Walked in the same program as src/ (one parse of the 8.8 MB type definitions, not two).
const PROBE = join(ROOT, "src/excel/__api-set-probe__.ts");
const PROBE_CODE = `
    function supported(v: string): boolean { return Office.context.requirements.isSetSupported("ExcelApi", v); }
    export async function probe(context: Excel.RequestContext) {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRange().getMergedAreasOrNullObject();                                   // line 5: unguarded 1.13
      if (supported("1.13")) ws.getRange().getMergedAreasOrNullObject();            // line 6: guarded
      if (supported("1.9")) ws.getRange().getMergedAreasOrNullObject();             // line 7: guard too low
      if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return;
      ws.pageLayout.orientation = "Landscape";                                      // line 9: after early exit
      const h: Excel.RangeHyperlink = { address: "https://example.org" };          // line 10: literal key, 1.7
      return h;
    }
  `;
let all: MemberUse[] | null = null;
function walk(): MemberUse[] {
  all ??= officeMemberUses({
    tsconfig: TSCONFIG,
    files: sourceFiles(join(ROOT, "src")),
    virtual: { [PROBE]: PROBE_CODE },
  });
  return all;
}

describe("Office.js members against the manifest's minimum API set", () => {
  const minimum = manifestMinimum();
  let uses: MemberUse[] = [];
  beforeAll(() => {
    uses = walk().filter((u) => u.file !== PROBE);
  }, 120_000);

  it("reads ExcelApi 1.7 from the manifest", () => {
    expect(minimum).toBe("1.7");
  });

  it("finds the Office.js members the add-in uses, with their sets", () => {
    const byMember = new Map<string, MemberUse[]>();
    for (const u of uses) byMember.set(u.member, [...(byMember.get(u.member) ?? []), u]);
    const rows = [...byMember.entries()]
      .map(([member, us]) => {
        const set = us[0].set;
        const guards = [...new Set(us.map((u) => u.guardedBy ?? "—"))].join(", ");
        return {
          member,
          set: set ? set.note : (us[0].requirement ?? "—"),
          version: set?.version ?? "0",
          uses: us.length,
          guard: guards,
          first: where(us[0]),
        };
      })
      .sort((a, b) => compareVersions(b.version, a.version) || a.member.localeCompare(b.member));
    console.log(
      [
        `Office.js members used in src/ (${rows.length}; manifest minimum ExcelApi ${minimum}):`,
        "| member | API set | uses | guarded by ExcelApi | first use |",
        "|---|---|---|---|---|",
        ...rows.map((r) => `| ${r.member} | ${r.set} | ${r.uses} | ${r.guard} | ${r.first} |`),
      ].join("\n"),
    );
    // What the add-in is known to use: the walk must see through helpers and typed contexts.
    for (const m of [
      "Excel.run",
      "Excel.Range.values",
      "Excel.Worksheet.getUsedRangeOrNullObject",
      "Excel.Worksheet.pageLayout",
      "Excel.WorksheetCollection.onChanged",
      "Office.RequirementSetSupport.isSetSupported",
    ])
      expect(byMember.has(m), m).toBe(true);
    expect(byMember.get("Excel.Range.values")?.[0].set?.version).toBe("1.1");
    expect(byMember.get("Excel.Worksheet.pageLayout")?.[0].set?.version).toBe("1.9");
  });

  it("uses no member above the minimum outside a guard of its set", () => {
    const bad = uses.filter((u) => refused(u, minimum));
    expect(
      bad.map((u) => `${where(u)} ${u.member} needs ${u.set?.note}, guard: ${u.guardedBy ?? "none"}`),
    ).toEqual([]);
  });

  it("keeps every fallback entry in use (a stale one hides nothing and must go)", () => {
    for (const member of Object.keys(FALLBACKS))
      expect(
        uses.some((u) => u.member === member),
        member,
      ).toBe(true);
  });
});

describe("the checker itself", () => {
  let uses: MemberUse[] = [];
  beforeAll(() => {
    uses = walk().filter((u) => u.file === PROBE);
  }, 120_000);
  const at = (line: number, member: string) => uses.find((u) => u.line === line && u.member === member);

  it("refuses an unguarded 1.13 call and one under a guard of a lower set", () => {
    const merged = "Excel.Range.getMergedAreasOrNullObject";
    expect(at(5, merged)?.guardedBy).toBeNull();
    expect(refused(at(5, merged) as MemberUse, "1.7")).toBe(true);
    expect(at(6, merged)?.guardedBy).toBe("1.13");
    expect(refused(at(6, merged) as MemberUse, "1.7")).toBe(false);
    expect(refused(at(7, merged) as MemberUse, "1.7")).toBe(true);
  });

  it("counts an early exit as a guard for what follows, and reads object-literal keys", () => {
    expect(at(9, "Excel.Worksheet.pageLayout")?.guardedBy).toBe("1.9");
    expect(at(10, "Excel.RangeHyperlink.address")?.set?.version).toBe("1.7");
  });
});
