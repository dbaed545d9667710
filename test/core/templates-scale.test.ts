import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { parseGuidance } from "../../src/core/rubric/guidance";
import { importRubricFromWorkbook } from "../../src/core/rubric/import";
import type { Rubric } from "../../src/core/rubric/schema";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";

/**
 * Import and validation are linear in the number of items (issue #13): the shapes that were quadratic
 * (100,000 children of one parent: 76 s; 50,000 areas: 138 s; bullets "-" repeated under one parent)
 * run within a bound a quadratic pass cannot meet on any machine (each is a second or two here), and
 * the guidance parser reads pathological text in one pass.
 */
const BOUND_MS = 45_000;

function workbook(rows: CellValue[][]): WorkbookSnapshot {
  return { source: "lon.xlsx", sheets: [{ name: "Biểu", origin: { row: 0, col: 0 }, values: rows }] };
}

const HEADER: CellValue[] = ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"];

function importAndCheck(rows: CellValue[][], items: number): void {
  const wb = workbook(rows);
  const imported = importRubricFromWorkbook(wb);
  const rubric = imported.rubric as Rubric;
  expect(rubric).not.toBeNull();
  const analysis = analyseWorkbook(wb, { rubric, source: "lon.xlsx", candidates: [] });
  const unit = analysis.units[0];
  expect(unit.table.rows.filter((r) => r.item).length).toBe(items);
  expect(unit.findings.filter((f) => f.severity === "error")).toEqual([]);
}

describe("linear in the number of items", () => {
  it(
    "100,000 children of one parent",
    () => {
      const n = 100_000;
      // 0.1 points each: the area's 10,000 is the largest maximum a rubric may state (MAX_POINTS).
      const rows: CellValue[][] = [HEADER, ["1", "Lĩnh vực", n / 10, n / 10]];
      for (let i = 1; i <= n; i++) rows.push([`1.${i}`, `Tiêu chí ${i}`, 0.1, 0.1]);
      importAndCheck(rows, n + 1);
    },
    BOUND_MS,
  );

  it(
    "50,000 areas",
    () => {
      const n = 50_000;
      const rows: CellValue[][] = [HEADER];
      for (let i = 1; i <= n; i++) rows.push([`${i}`, `Lĩnh vực ${i}`, 1, 1]);
      importAndCheck(rows, n);
    },
    BOUND_MS,
  );

  it(
    "100,000 bullets '-' under one Roman area (one written code, 100,000 items)",
    () => {
      const n = 100_000;
      const rows: CellValue[][] = [HEADER, ["I", "Lĩnh vực", n / 10, n / 10]];
      for (let i = 1; i <= n; i++) rows.push(["-", `Nội dung ${i}`, 0.1, 0.1]);
      importAndCheck(rows, n + 1);
    },
    BOUND_MS,
  );
});

describe("guidance parser on hostile text", () => {
  it("'a' + 400,000 spaces (+ a word or a number) is read in one pass", () => {
    const spaces = " ".repeat(400_000);
    for (const text of [`a${spaces}`, `a${spaces}b; c: 1`, `a${spaces}1; b 0`, `a${spaces}1 điểm; b: 0`])
      expect(() => parseGuidance(text)).not.toThrow();
    // Short hostile segments (within the length cap) still parse as they should.
    const pad = " ".repeat(3_000);
    expect(parseGuidance(`kịp thời${pad}1; chậm 0,5`)).toEqual({ type: "levels", levels: [1, 0.5] });
  }, 5_000);
});
