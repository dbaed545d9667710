import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { parseGuidance } from "../../src/core/rubric/guidance";
import { importRubricFromWorkbook } from "../../src/core/rubric/import";
import { MAX_RUBRIC_ITEMS, type Rubric } from "../../src/core/rubric/schema";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";

/**
 * Import and validation are linear in the number of items (issue #13): the shapes that were quadratic
 * (100,000 children of one parent: 76 s; 50,000 areas: 138 s; bullets "-" repeated under one parent)
 * run within a bound a quadratic pass cannot meet on any machine (each is a second or two here), and
 * the guidance parser reads pathological text in one pass. A rubric has at most MAX_RUBRIC_ITEMS items,
 * from a template too: a rubric at the limit is imported and checked against; a 100,000-row table is
 * refused as a template (after building its tree: that pass is what is timed) and checked against the
 * rubric at the limit (100,000 rows matched against 20,000 items).
 */
const BOUND_MS = 45_000;
const BIG = 100_000;

function workbook(rows: CellValue[][]): WorkbookSnapshot {
  return { source: "lon.xlsx", sheets: [{ name: "Biểu", origin: { row: 0, col: 0 }, values: rows }] };
}

const HEADER: CellValue[] = ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"];

/** Each shape as a table of `n` items (0.1 points each under one parent: its maximum stays within MAX_POINTS). */
const SHAPES: [string, (n: number) => CellValue[][]][] = [
  [
    "children of one parent",
    (n) => [
      HEADER,
      ["1", "Lĩnh vực", (n - 1) / 10, (n - 1) / 10],
      ...Array.from({ length: n - 1 }, (_, i): CellValue[] => [`1.${i + 1}`, `Tiêu chí ${i + 1}`, 0.1, 0.1]),
    ],
  ],
  [
    "areas",
    (n) => [
      HEADER,
      ...Array.from({ length: n }, (_, i): CellValue[] => [`${i + 1}`, `Lĩnh vực ${i + 1}`, 1, 1]),
    ],
  ],
  [
    "bullets '-' under one Roman area (one written code for every item)",
    (n) => [
      HEADER,
      ["I", "Lĩnh vực", (n - 1) / 10, (n - 1) / 10],
      ...Array.from({ length: n - 1 }, (_, i): CellValue[] => ["-", `Nội dung ${i + 1}`, 0.1, 0.1]),
    ],
  ],
];

describe("linear in the number of items", () => {
  it.each(SHAPES)(
    "%s: a template at the limit is imported and a unit checked against it; a 100,000-row one is refused and checked against it",
    (_shape, rows) => {
      const atLimit = workbook(rows(MAX_RUBRIC_ITEMS));
      const rubric = importRubricFromWorkbook(atLimit).rubric as Rubric;
      expect(rubric).not.toBeNull();
      const unit = analyseWorkbook(atLimit, { rubric, source: "lon.xlsx", candidates: [] }).units[0];
      expect(unit.table.rows.filter((r) => r.item).length).toBe(MAX_RUBRIC_ITEMS);
      expect(unit.findings.filter((f) => f.severity === "error")).toEqual([]);

      const big = workbook(rows(BIG));
      const refused = importRubricFromWorkbook(big);
      expect(refused.rubric).toBeNull();
      expect(refused.problems.at(-1)?.message.en).toContain("has more than 20,000 items");
      const checked = analyseWorkbook(big, { rubric, source: "lon.xlsx", candidates: [] }).units[0];
      expect(checked.table.rows).toHaveLength(BIG);
      expect(new Set(checked.table.rows.map((r) => r.item).filter(Boolean)).size).toBe(MAX_RUBRIC_ITEMS);
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
