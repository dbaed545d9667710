import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { readWorkbook } from "../../src/files/read-workbook";

/**
 * `--annex` and `--signature` on intake and appraisal (issue #26): the built CLI writes the user's annex
 * lines above the sheet's title and the signature block under its table, and refuses a bad value as a
 * usage error (exit 2) before anything is written.
 */
const BIN = join(process.cwd(), "bin", "par-index.js");
let dir: string;
let units: string;
const ANNEX = "Phụ lục 02|Kèm theo Quyết định số 45/QĐ-UBND ngày 03 tháng 02 năm 2027";
const SIGNATURE = "NGƯỜI LẬP BIỂU|TM. ỦY BAN NHÂN DÂN|Thái Bình, ngày 03 tháng 02 năm 2027";

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ["--max-old-space-size=512", BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Row (0-based on the sheet) of the first cell whose text matches. */
function rowOf(sheet: SheetSnapshot, match: (text: string) => boolean): number {
  const i = sheet.values.findIndex((r) => r.some((v) => typeof v === "string" && match(v)));
  return i < 0 ? -1 : sheet.origin.row + i;
}

/**
 * The annex lines on the sheet's first two rows, the title under them, and the signature block under
 * the table: the place and date two rows below the last row written before it, the signers under that.
 */
function expectAnnexAround(sheet: SheetSnapshot, title: RegExp) {
  const titleRow = rowOf(sheet, (t) => title.test(t));
  expect(rowOf(sheet, (t) => t === "Phụ lục 02")).toBe(0);
  expect(rowOf(sheet, (t) => t.startsWith("Kèm theo Quyết định số 45/QĐ-UBND"))).toBe(1);
  expect(titleRow).toBeGreaterThan(1);
  // The rubric line opens the sheet's own content, under the annex and over the title (issue #24).
  expect(rowOf(sheet, (t) => /^(Bộ chỉ số|Rubric): /.test(t))).toBe(titleRow - 1);
  const placeDate = rowOf(sheet, (t) => t === "Thái Bình, ngày 03 tháng 02 năm 2027");
  const filled = sheet.values
    .map((r, i) => (r.some((v) => v !== null && v !== "") ? sheet.origin.row + i : -1))
    .filter((i) => i >= 0 && i < placeDate);
  const lastBefore = Math.max(...filled);
  expect(lastBefore).toBeGreaterThan(titleRow + 1); // the table's rows, under the title
  expect(placeDate).toBe(lastBefore + 2);
  expect(rowOf(sheet, (t) => t === "NGƯỜI LẬP BIỂU")).toBe(placeDate + 1);
  expect(rowOf(sheet, (t) => t === "TM. ỦY BAN NHÂN DÂN")).toBe(placeDate + 1);
}

beforeAll(() => {
  if (!existsSync(join(process.cwd(), "build", "cli", "main.mjs")))
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  dir = mkdtempSync(join(tmpdir(), "par-index-annex-"));
  units = join(dir, "units");
  expect(cli(["sample", "-o", units, "--count", "2", "--seed", "5", "--appraisal", "1"]).status).toBe(0);
}, 120_000);

describe("--annex / --signature", () => {
  it("intake -o prints the annex above the title and the signature under the table", () => {
    const out = join(dir, "intake.xlsx");
    const r = cli(["intake", units, "-o", out, "--annex", ANNEX, "--signature", SIGNATURE]);
    expect(r.status, r.stderr).toBeLessThan(2);
    const sheet = readWorkbook(readFileSync(out), "intake.xlsx").sheets[0];
    expectAnnexAround(sheet, /^SUBMISSIONS OF PAR INDEX/);
  });

  it("appraisal prints them on every unit's result sheet", () => {
    const out = join(dir, "appraisal");
    const r = cli(["appraisal", units, "-o", out, "--annex", ANNEX, "--signature", SIGNATURE]);
    expect(r.status, r.stderr).toBe(0);
    const written = readdirSync(out).filter((f) => f.endsWith(".xlsx"));
    expect(written).toHaveLength(2);
    for (const f of written) {
      const sheet = readWorkbook(readFileSync(join(out, f)), f).sheets[0];
      expectAnnexAround(sheet, /^PAR INDEX APPRAISAL RESULT/);
    }
  });

  it("validate --report names the rubric on the report's first line, in the run's language", () => {
    const out = join(dir, "report.xlsx");
    const r = cli(["validate", units, "--report", out]);
    expect(r.status, r.stderr).toBeLessThan(2);
    const sheet = readWorkbook(readFileSync(out), "report.xlsx").sheets[0];
    expect(rowOf(sheet, (t) => /^Rubric: .+/.test(t))).toBe(0);
    expect(rowOf(sheet, (t) => /^CHECK REPORT/.test(t))).toBe(1);
  });

  it("a bad value is a usage error (exit 2) and nothing is written", () => {
    const tooMany = "a|b|c|d|e|f|g";
    const out = join(dir, "bad.xlsx");
    const r = cli(["intake", units, "-o", out, "--annex", tooMany]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--annex: at most 6 lines/);
    expect(existsSync(out)).toBe(false);
    const a = cli(["appraisal", units, "-o", join(dir, "bad-out"), "--signature", "a|b|c|d"]);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/--signature/);
    expect(existsSync(join(dir, "bad-out"))).toBe(false);
  });
});
