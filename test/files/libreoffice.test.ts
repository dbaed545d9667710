import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { SheetSpec } from "../../src/core/sheet-spec";
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
