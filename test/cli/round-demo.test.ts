import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/snapshot";
import { readWorkbook } from "../../src/files/read-workbook";

/** `npm run demo`'s second round: a resubmitted unit, its diff, the intake sheet and the appraisal sheet. */
const BIN = join(process.cwd(), "bin", "par-index.js");
let dir: string;
let stdout: string;
let status: number | null;

beforeAll(() => {
  if (!existsSync(join(process.cwd(), "build", "cli", "main.mjs")))
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  dir = mkdtempSync(join(tmpdir(), "par-demo-"));
  const r = spawnSync(process.execPath, [BIN, "demo", "--out", join(dir, "out")], {
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8", PAR_INDEX_LANG: "en" },
  });
  stdout = r.stdout;
  status = r.status;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rows(file: string): Promise<CellValue[][]> {
  const wb = await readWorkbook(new Uint8Array(readFileSync(join(dir, "out", file))), file);
  return wb.sheets[0].values;
}

describe("the demo's second round", () => {
  it("runs again in the same folder with the same story (its own round-2 file from the last run is not an input)", () => {
    const again = spawnSync(process.execPath, [BIN, "demo", "--out", join(dir, "out")], {
      encoding: "utf8",
      env: { ...process.env, LANG: "en_US.UTF-8", PAR_INDEX_LANG: "en" },
    });
    expect(again.stderr).toBe("");
    expect(again.status).toBe(status);
    const timesMasked = (text: string) => text.replace(/\d\d\/\d\d\/\d{4} \d\d:\d\d/g, "<time>");
    expect(timesMasked(again.stdout)).toBe(timesMasked(stdout));
  }, 120_000);

  it("runs, and says what round 2 did", () => {
    expect(status).toBe(0);
    expect(stdout).toContain("5. Round 2:");
    expect(stdout).toContain("6. Intake");
    expect(stdout).toContain("7. Appraisal result sent back to");
  });

  it("the intake sheet has the resubmitted unit as a duplicate (the newer file counted) and the missing unit", async () => {
    const values = await rows("tiep-nhan.xlsx");
    // The demo ran in English: its sheets are in English too (one language per printed sheet, issue #26).
    const dup = values.find((r) => r[0] === "Duplicate submission");
    expect(dup?.[2]).toMatch(/\(bo sung\)\.xlsx \(\+ .+\.xlsx\)$/);
    expect(values.find((r) => r[1] === "Xã Chưa Nộp Bài")?.[0]).toBe("Missing");
  });

  it("the diff sheet lists the three changed cells and the layout change", async () => {
    const values = await rows("so-sanh-ban-nop-lai.xlsx");
    const fields = values.filter((r) => r[2] === "Changed").map((r) => r[3]);
    expect(fields).toContain("Evidence");
    expect(fields).toContain("Self score");
    expect(fields).toContain("Explanation");
    expect(values.some((r) => r[0] === "rows-moved")).toBe(true);
    expect(values.some((r) => r[0] === "column-moved")).toBe(true);
  });

  it("the appraisal sheet for the resubmitted unit is written beside the units, not among them", () => {
    expect(existsSync(join(dir, "out", "tham-dinh"))).toBe(true);
    expect(stdout).toMatch(/tham-dinh\/.+ - Ket qua tham dinh\.xlsx/);
  });
});
