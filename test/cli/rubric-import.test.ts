import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args";
import { importRubricFile } from "../../src/cli/rubric-import";

/** `par-index rubric import`: the loader's limits hold for a rubric built from a template, named by file and sheet. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "par-index-rubric-import-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function template(name: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Biểu mẫu");
  for (const row of rows) ws.addRow(row);
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

describe("rubric import refuses a template deeper than any province's rubric", () => {
  it("13 levels: a usage error naming the file, the sheet, the item and the limit, in both languages", async () => {
    // Codes 1, 1.1, 1.1.1 … thirteen levels, each the only child of the one above (maxima add up).
    const levels = Array.from({ length: 13 }, (_, i) => [
      Array.from({ length: i + 1 }, () => "1").join("."),
      `Cấp ${i + 1}`,
      1,
    ]);
    const path = await template("mau-sau.xlsx", [["STT", "Nội dung", "Điểm tối đa"], ...levels]);
    const error = await importRubricFile(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    const { vi, en } = (error as UsageError).text;
    const twelfth = Array.from({ length: 12 }, () => "1").join(".");
    expect(en).toContain(`mau-sau.xlsx › Biểu mẫu: The table on sheet "Biểu mẫu" (header row 1)`);
    expect(en).toContain(`more than 12 levels deep at item ${twelfth} (row 13)`);
    expect(vi).toContain(`mau-sau.xlsx › Biểu mẫu: Bảng ở trang tính "Biểu mẫu" (dòng tiêu đề 1)`);
    expect(vi).toContain(`lồng sâu quá 12 cấp tại tiêu chí ${twelfth} (dòng 13)`);
    expect(vi).not.toMatch(/\b(levels|deep|items|table|sheet)\b/);
  });
});
