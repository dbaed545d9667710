import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedSet, RUBRIC_ID, type SetPlan } from "../parity/fixture";

/**
 * Issue #22: a district's consolidation workbook (three commune sheets, instructions, the blank template,
 * a summary of formulas) is three units to every command, and the three other sheets are said once each.
 */
const BIN = join(process.cwd(), "bin", "par-index.js");
let dir: string;
let input: string;
let plan: SetPlan;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ["--max-old-space-size=512", BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8", PAR_INDEX_THREADS: "1" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  if (!existsSync(join(process.cwd(), "build", "cli", "main.mjs")))
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  plan = await generatedSet();
  dir = mkdtempSync(join(tmpdir(), "par-index-every-unit-"));
  input = join(dir, "in");
  mkdirSync(input);
  const file = plan.files.find((f) => f.name === plan.consolidation.file);
  if (!file) throw new Error("no consolidation workbook");
  writeFileSync(join(input, file.name), file.bytes);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a consolidation workbook is every one of its unit sheets", () => {
  it("validate: each unit by its sheet, each other sheet said once, the summary counts files and units apart", () => {
    const r = cli(["validate", input, "--rubric", RUBRIC_ID]);
    expect(r.status, r.stderr).toBe(0); // no errors: the planted missing evidence is a warning
    for (const sheet of plan.consolidation.unitSheets)
      expect(r.stdout).toContain(`table on sheet "${sheet}"`);
    for (const sheet of plan.consolidation.otherSheets) {
      const said = r.stdout.split("\n").filter((l) => l.includes(`Sheet "${sheet}"`));
      expect(said, `sheet "${sheet}" said once`).toHaveLength(1);
    }
    expect(r.stdout).toMatch(/Summary: 1 file, 3 units, 3 sheets not units, 0 unreadable;/);
  });

  it("rank: the three communes ranked; each other sheet said once on stderr, stdout stays JSON", () => {
    const r = cli(["rank", input, "--json", "--rubric", RUBRIC_ID]);
    const ranking = JSON.parse(r.stdout);
    const ranked = ranking.groups.flatMap((g: { units: { sheet: string }[] }) => g.units.map((u) => u.sheet));
    expect(ranked.sort()).toEqual([...plan.consolidation.unitSheets].sort());
    for (const sheet of plan.consolidation.otherSheets)
      expect(r.stderr.split("\n").filter((l) => l.includes(`Sheet "${sheet}"`))).toHaveLength(1);
  });

  it("score and intake: three units", () => {
    const score = JSON.parse(cli(["score", input, "--json", "--rubric", RUBRIC_ID]).stdout);
    expect(score.units.map((u: { sheet: string }) => u.sheet)).toEqual(plan.consolidation.unitSheets);
    expect(score.skipped.map((s: { sheet: string }) => s.sheet)).toEqual(plan.consolidation.otherSheets);
    const intake = JSON.parse(cli(["intake", input, "--json", "--rubric", RUBRIC_ID]).stdout);
    expect(intake.counts.received).toBe(3);
  });

  it("appraisal: one result file per unit sheet, named after the sheet", () => {
    const out = join(dir, "out");
    const r = cli(["appraisal", input, "-o", out, "--rubric", RUBRIC_ID]);
    expect(r.status, r.stderr).toBe(0);
    const written = readdirSync(out).sort();
    expect(written).toHaveLength(3);
    for (const sheet of plan.consolidation.unitSheets)
      expect(written.some((f) => f.includes(sheet.replace(/[\\/:*?"<>|]/g, "_")))).toBe(true);
  });
});
