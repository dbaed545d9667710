import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { writeWorkbook } from "../../src/files/write-workbook";
import { consolidationWorkbook, generateUnits } from "../../src/sample";

/**
 * Issue #22 at the bench's scale, counted rather than timed (the bench times the 1,000-sheet workbook):
 * a consolidation workbook of SHEETS generated unit sheets is SHEETS units, by their sheet names, to
 * validate, score, intake, rank and appraisal alike — the count the bench's `--only units` row checks.
 */
const SHEETS = 60;
const BIN = join(process.cwd(), "bin", "par-index.js");
const rubric = builtinRubric("example-commune-2024") as Rubric;
let dir = "";
let file = "";
let sheets: string[] = [];

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ["--max-old-space-size=512", BIN, ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, LANG: "en_US.UTF-8", PAR_INDEX_THREADS: "1" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sorted = (xs: string[]) => [...xs].sort();

beforeAll(async () => {
  if (!existsSync(join(process.cwd(), "build", "cli", "main.mjs")))
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  dir = mkdtempSync(join(tmpdir(), "par-index-consolidation-"));
  const spec = consolidationWorkbook(generateUnits(rubric, { count: SHEETS, seed: 2222, appraisal: 1 }));
  sheets = spec.map((s) => s.name);
  file = join(dir, "tong-hop.xlsx");
  writeFileSync(file, await writeWorkbook(spec));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`a consolidation workbook of ${SHEETS} unit sheets`, () => {
  it("the generator made one sheet per unit, every name different", () => {
    expect(new Set(sheets).size).toBe(SHEETS);
  });

  it("validate and score report each sheet as a unit", () => {
    const validate = JSON.parse(cli(["validate", file, "--json"]).stdout) as { files: { sheet: string }[] };
    expect(sorted(validate.files.map((f) => f.sheet))).toEqual(sorted(sheets));
    const score = JSON.parse(cli(["score", file, "--json"]).stdout) as { units: { sheet: string }[] };
    expect(sorted(score.units.map((u) => u.sheet))).toEqual(sorted(sheets));
  });

  it("intake receives each sheet and rank ranks each", () => {
    const intake = JSON.parse(cli(["intake", file, "--json"]).stdout) as {
      rows: { submission: { sheet: string } | null; others: { sheet: string }[] }[];
    };
    const received = intake.rows.flatMap((r) => [
      ...(r.submission ? [r.submission.sheet] : []),
      ...r.others.map((o) => o.sheet),
    ]);
    expect(sorted(received)).toEqual(sorted(sheets));
    const rank = JSON.parse(cli(["rank", file, "--json"]).stdout) as {
      groups: { units: { sheet: string }[] }[];
      unranked: { sheet: string }[];
    };
    const ranked = [...rank.groups.flatMap((g) => g.units), ...rank.unranked].map((u) => u.sheet);
    expect(sorted(ranked)).toEqual(sorted(sheets));
  });

  it("appraisal writes one file per sheet", () => {
    const out = join(dir, "tham-dinh");
    const r = cli(["appraisal", file, "-o", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith(".xlsx"))).toHaveLength(SHEETS);
  });
});
