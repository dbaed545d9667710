import { describe, expect, it } from "vitest";
import { analyseSnapshot } from "../../src/cli/analyse-file";
import { columnsOption } from "../../src/cli/args";
import { columnsOutsideError } from "../../src/cli/columns-check";
import { tableColumnSpan } from "../../src/core/recognition/span";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { generateUnits, unitWorkbook } from "../../src/sample";

/**
 * #24 item 6: `--columns self=ZZ` (a column outside the table) gave one "no self score" per row and no
 * hint; it is now a usage error naming the option as typed, the file, the sheet and the columns allowed.
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;

function units(count: number): WorkbookSnapshot[] {
  return generateUnits(rubric, { count, seed: 3, defectRate: 0, variantRate: 0 }).map(unitWorkbook);
}

/** The first unit sheet's table, widened: one more cell right of its last column, in a data row. */
function widen(wb: WorkbookSnapshot, by: number): WorkbookSnapshot {
  const sheet = wb.sheets[0];
  const values = sheet.values.map((row) => [...row]);
  const dataRow = values.findIndex((row) => row.some((v) => typeof v === "number"));
  values[dataRow][Math.max(...values.map((r) => r.length)) - 1 + by] = "ghi chú";
  return { ...wb, source: `wide-${wb.source}`, sheets: [{ ...sheet, values }, ...wb.sheets.slice(1)] };
}

describe("tableColumnSpan", () => {
  it("spans the cells of the table's rows only, in sheet columns (the snapshot may start right of A)", () => {
    const sheet = {
      name: "Tự chấm",
      origin: { row: 2, col: 1 },
      values: [
        ["BIỂU TỰ CHẤM ĐIỂM", null, null, null, null, null, null, "a wide title"],
        ["STT", "Nội dung", "Điểm tối đa", "Tự chấm"],
        [null, "1.1", 2, 1],
        ["1.2", "x", 2, null, null, ""],
        ["Người lập biểu", null, null, null, null, null, null, null, null, "far right"],
      ],
    };
    expect(tableColumnSpan(sheet, { headerRow: 3, lastDataRow: 5 })).toEqual({ first: 1, last: 4 });
    expect(tableColumnSpan(sheet, { headerRow: 4, lastDataRow: 5 })).toEqual({ first: 1, last: 4 });
    expect(tableColumnSpan(sheet, { headerRow: 9, lastDataRow: 12 })).toBeNull();
  });
});

describe("--columns outside the table", () => {
  const ctx = (raw: string) => ({ rubric, columns: columnsOption(raw) });

  it("self=ZZ is found on the unit sheet, with the pair as typed and the table's columns", () => {
    const [wb] = units(1);
    const r = analyseSnapshot(wb.source, wb, ctx("Self=zz"));
    expect(r.columnsOutside).toEqual([{ sheet: wb.sheets[0].name, given: "Self=zz", first: 0, last: 6 }]);
    const e = columnsOutsideError([r], r.units.length);
    expect(e?.text.vi).toBe(
      `--columns Self=zz: bảng của trang "${wb.sheets[0].name}" (tệp ${wb.source}) chỉ có các cột A–G; chọn một cột từ A đến G.`,
    );
    expect(e?.text.en).toBe(
      `--columns Self=zz: the table on sheet "${wb.sheets[0].name}" (file ${wb.source}) has only columns A–G; choose a column from A to G.`,
    );
  });

  it("a column inside the table, or none, is taken as before", () => {
    const [wb] = units(1);
    for (const raw of ["self=E", "self=G,evidence=F,explanation=none", "note=none"]) {
      const r = analyseSnapshot(wb.source, wb, ctx(raw));
      expect([raw, r.columnsOutside]).toEqual([raw, undefined]);
      expect(columnsOutsideError([r], r.units.length)).toBeNull();
    }
  });

  it("a batch where one table is wider: the narrow ones are refused, counted, with the hint to run them apart", () => {
    const [a, b, c] = units(3);
    const results = [widen(a, 2), b, c].map((wb) => analyseSnapshot(wb.source, wb, ctx("self=I")));
    expect(results.map((r) => r.columnsOutside?.length ?? 0)).toEqual([0, 1, 1]);
    const e = columnsOutsideError(results, 3);
    expect(e?.text.en).toBe(
      `--columns self=I: the table on sheet "${b.sheets[0].name}" (file ${b.source}) has only columns A–G; choose a column from A to G. 1 more sheet lacks this column too. --columns applies to every sheet of every file: run the files laid out differently on their own.`,
    );
    // One language per text: no English in the Vietnamese one.
    expect(e?.text.vi).not.toMatch(/\b(the|sheet|file|choose|more)\b/);
    expect(e?.text.vi).toMatch(/Còn 1 trang khác cũng không có cột này\. --columns áp dụng cho mọi trang/);
  });

  it("no unit found at all (label=ZZ,code=ZY leaves no row): refused against the widest sheet's cells", () => {
    const [wb] = units(1);
    const r = analyseSnapshot(wb.source, wb, ctx("label=ZZ,code=ZY"));
    expect(r.units).toEqual([]);
    const e = columnsOutsideError([r], 0);
    expect(e?.text.en).toBe(
      `--columns label=ZZ: sheet "${wb.sheets[0].name}" (file ${wb.source}) holds data only in columns A–G; choose a column from A to G.`,
    );
    expect(e?.text.vi).toMatch(
      /^--columns label=ZZ: trang ".+" \(tệp .+\) chỉ có dữ liệu ở các cột A–G; chọn một cột từ A đến G\.$/,
    );
  });

  it("a workbook that is no unit anyway (a narrow notes list) does not stop a run that found units", () => {
    const [unit] = units(1);
    const notes: WorkbookSnapshot = {
      source: "ghi-chu.xlsx",
      sheets: [
        {
          name: "Ghi chú",
          origin: { row: 0, col: 0 },
          values: [
            ["Đơn vị", "Ghi chú"],
            ["Xã A", "đã nộp"],
          ],
        },
      ],
    };
    const results = [unit, notes].map((wb) => analyseSnapshot(wb.source, wb, ctx("self=E")));
    expect(results.map((r) => r.units.length)).toEqual([1, 0]);
    expect(columnsOutsideError(results, 1)).toBeNull();
    // Alone, where nothing is a unit, the same column past its cells is refused.
    expect(columnsOutsideError([results[1]], 0)?.text.en).toMatch(
      /^--columns self=E: sheet "Ghi chú" .* columns A–B;/,
    );
  });
});
