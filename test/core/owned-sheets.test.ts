import { describe, expect, it } from "vitest";
import { analyseUnits } from "../../src/app/units";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { isOwnedSheetName } from "../../src/core/sheets/owned";
import { OWNED_SHEETS } from "../../src/core/sheets/style";
import { generateUnits, unitWorkbook } from "../../src/sample";

/**
 * One list of the sheets par-index writes: recognition skipped three name prefixes ("Kết quả",
 * "Xếp hạng", "Báo cáo kiểm tra") while the "not a unit" reasons knew seven, so a sheet named like
 * "So sánh" or "Tiếp nhận" holding a scoring table was read as a unit and listed as ours at once.
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;

describe("sheets par-index writes", () => {
  it("every written sheet's name, folded, numbered or copied, is ours; a unit's own sheet name is not", () => {
    for (const name of OWNED_SHEETS) {
      expect([name, isOwnedSheetName(name)]).toEqual([name, true]);
      expect(isOwnedSheetName(`${name.toUpperCase()} (2)`)).toBe(true);
    }
    expect(isOwnedSheetName("Kết quả 2")).toBe(true);
    expect(isOwnedSheetName("Biểu chấm điểm")).toBe(false);
    expect(isOwnedSheetName("Xã Tân Tiến")).toBe(false);
  });

  it("a scoring table on any of them is never a unit, and is listed once as a sheet par-index writes", () => {
    const [unit] = generateUnits(rubric, { count: 1, seed: 5, defectRate: 0, variantRate: 0 }).map(
      unitWorkbook,
    );
    const table = unit.sheets[0];
    for (const name of OWNED_SHEETS) {
      const wb = { ...unit, sheets: [table, { ...table, name }] };
      const a = analyseUnits(wb, { rubric, source: wb.source });
      expect([name, a.units.map((u) => u.sheet)]).toEqual([name, [table.name]]);
      expect(a.skipped.map((s) => [s.sheet, s.reason])).toEqual([[name, "own-sheet"]]);
    }
  });
});
