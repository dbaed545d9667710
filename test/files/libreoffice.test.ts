import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { readWorkbookFile } from "../../src/files/node";
import { writeWorkbook } from "../../src/files/write-workbook";

/** A written file opens in another spreadsheet program, with values, formula results and escaped text intact. */
const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const dir = mkdtempSync(join(tmpdir(), "par-lo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("LibreOffice opens what writeWorkbook writes", () => {
  it.skipIf(!soffice)(
    "values, formulas and formula-like text survive a CSV conversion (skipped when soffice is not installed)",
    async () => {
      const spec: SheetSpec = {
        name: "Xếp hạng",
        cells: [
          { row: 0, col: 0, value: "Đơn vị" },
          { row: 0, col: 1, value: "Điểm" },
          { row: 1, col: 0, value: "Xã An" },
          { row: 1, col: 1, value: 84.85, style: { numberFormat: "0.00" } },
          { row: 2, col: 0, value: "=1+1" },
          { row: 2, col: 1, value: 10.5, style: { numberFormat: "0.00" } },
          { row: 3, col: 0, value: "Tổng" },
          { row: 3, col: 1, value: 95.35, formula: "=SUM(B2:B3)", style: { numberFormat: "0.00" } },
        ],
        tables: [{ name: "Bang", row: 5, col: 0, headers: ["Hạng", "Tên"], rows: [[1, "@SUM(A1)"]] }],
      };
      const file = join(dir, "xep-hang.xlsx");
      writeFileSync(file, await writeWorkbook([spec]));
      // A private profile: several test runs (and other engineers) may start soffice at once.
      const profile = pathToFileURL(join(dir, "profile")).href;
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76",
          "--outdir",
          dir,
          file,
        ],
        { timeout: 55_000, stdio: "ignore" },
      );
      const rows = readFileSync(join(dir, "xep-hang.csv"), "utf8")
        .trim()
        .split(/\r?\n/)
        .map((l) => l.split(","));
      expect(rows[0]).toEqual(["Đơn vị", "Điểm"]);
      expect(rows[1]).toEqual(["Xã An", "84.85"]);
      expect(rows[2]).toEqual(["=1+1", "10.50"]);
      expect(rows[3]).toEqual(["Tổng", "95.35"]);
      expect(rows[5]).toEqual(["Hạng", "Tên"]);
      expect(rows[6]).toEqual(["1", "@SUM(A1)"]);
    },
    60_000,
  );
});

/** The first sheet as LibreOffice's CSV export writes it: comma-separated, cells as shown, one line a row. */
function toCsv(file: string, profileName: string): string[][] {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, profileName)).href}`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76",
      "--outdir",
      dir,
      file,
    ],
    { timeout: 55_000, stdio: "ignore" },
  );
  const csv = join(dir, file.replace(/^.*\//, "").replace(/\.xlsx$/, ".csv"));
  return readFileSync(csv, "utf8")
    .replace(/\r?\n$/, "")
    .split(/\r?\n/)
    .map((l) => l.split(","));
}

describe("LibreOffice and this reader open Excel's default-key protection alike (#24 item 9)", () => {
  it.skipIf(!soffice)(
    'the workbook encrypted with "VelvetSweatshop": LibreOffice\'s values are ours, cell for cell (skipped without soffice)',
    async () => {
      const file = fileURLToPath(
        new URL("../fixtures/external/derived/Book1-default-key.xlsx", import.meta.url),
      );
      const rows = toCsv(file, "profile-default-key");
      const wb = await readWorkbookFile(file);
      expect(wb.protection).toBe("excel-default-key");
      const sheet = wb.sheets[0];
      const ours = sheet.values.map((r) => r.map((v) => (v === null ? "" : String(v))));
      // Rows above our first row are empty in LibreOffice's export; from there on the grids are the same.
      for (const row of rows.slice(0, sheet.origin.row)) expect(row.every((c) => c === "")).toBe(true);
      const theirs = rows.slice(sheet.origin.row).map((r) => r.slice(sheet.origin.col));
      expect(theirs).toEqual(ours);
      expect(ours.flat().filter((c) => c !== "").length).toBeGreaterThan(3);
    },
    60_000,
  );
});
