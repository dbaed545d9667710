import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { FINDING_CODES } from "../../src/core/finding";
import { rankUnits } from "../../src/core/rank";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { generateUnit, unitWorkbook } from "../../src/sample";
import { scoreUnit } from "../../src/core/score";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";

/**
 * Whatever a unit sends, recognise → validate → score → rank never throws: every problem comes out
 * as a finding. Sheets are random, but salted with what the recogniser looks for (headers, codes,
 * scores as text, error values) so the fuzz reaches deep into validation rather than stopping early.
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;
const codes = flattenRubric(rubric).map((i) => i.code);
const HEADERS = [
  "STT",
  "Nội dung",
  "Điểm tối đa",
  "Điểm tự đánh giá",
  "Tài liệu kiểm chứng",
  "Điểm thẩm định",
  "Ghi chú",
  "TLKC",
  "Tự chấm",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 30 }),
  fc.constantFrom(...codes),
  fc.constantFrom(...HEADERS),
  fc.constantFrom(
    "1,5",
    "0,25",
    "#REF!",
    "#VALUE!",
    "không áp dụng",
    "=cmd|' /C calc'!A0",
    "",
    " ",
    "1e308",
    "NaN",
  ),
  fc.constantFrom(
    "Kế hoạch số 12/KH-UBND ngày 15/01/2024",
    "Quyết định 5/QĐ ngày 31/12/2019",
    "https://x.gov.vn/a",
  ),
  fc.string({ maxLength: 40 }),
  fc.boolean(),
  fc.constantFrom(45292, 1e15, -0, Number.MAX_SAFE_INTEGER),
);

const sheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    name: fc.oneof(
      fc.constantFrom("Sheet1", "Biểu chấm", "Kết quả", "Xếp hạng"),
      fc.string({ minLength: 1, maxLength: 31 }),
    ),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 9 }), { minLength: 0, maxLength: 40 }),
    formulaEvery: fc.integer({ min: 0, max: 7 }),
    origin: fc.record({ row: fc.integer({ min: 0, max: 5 }), col: fc.integer({ min: 0, max: 3 }) }),
    merges: fc.array(fc.constantFrom("A1:C1", "A5:A6", "B2:B3", "D4:E4"), { maxLength: 3 }),
  })
  .map(({ name, rows, formulaEvery, origin, merges }) => {
    const width = Math.max(0, ...rows.map((r) => r.length));
    const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
    const errorCells = new Set<string>();
    const formulas = values.map((r, i) =>
      r.map((v, j) => {
        if (typeof v === "string" && v.startsWith("#")) errorCells.add(`${i},${j}`);
        return formulaEvery && (i * width + j) % (formulaEvery + 3) === 0
          ? `=SUM(D${i + 2}:D${i + 5})`
          : null;
      }),
    );
    return { name, origin, values, formulas, errorCells, merges };
  });

const workbook: fc.Arbitrary<WorkbookSnapshot> = fc.record({
  source: fc.constantFrom("don-vi.xlsx", "=evil.xlsx", "Xã An Bình.xlsx"),
  sheets: fc.array(sheet, { minLength: 0, maxLength: 3 }),
});

describe("the whole pipeline on random workbooks", () => {
  it("never throws, with or without a rubric, and reports only known finding codes", () => {
    fc.assert(
      fc.property(workbook, fc.boolean(), fc.boolean(), (wb, withRubric, allSheets) => {
        const analysis = analyseWorkbook(wb, {
          rubric: withRubric ? rubric : null,
          source: wb.source,
          allSheets,
        });
        const all = [...analysis.findings, ...analysis.units.flatMap((u) => u.findings)];
        for (const f of all) {
          expect(FINDING_CODES).toContain(f.code);
          expect(f.message.vi.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
        }
        // Nothing usable is never silent.
        if (analysis.units.length === 0) expect(analysis.findings.length).toBeGreaterThan(0);
        for (const u of analysis.units) expect(u.unit.length).toBeGreaterThan(0);
        const ranking = rankUnits(
          analysis.units.map((u) => ({
            unit: u.unit,
            source: wb.source,
            sheet: u.sheet,
            score: u.score,
            errors: u.findings.filter((f) => f.severity === "error").length,
          })),
          { rubric, by: "final" },
        );
        // Every unit comes back exactly once: ranked with a place and a finite score, or unranked with a reason.
        const ranked = ranking.groups.flatMap((g) => g.units);
        expect(ranked.length + ranking.unranked.length).toBe(analysis.units.length);
        for (const r of ranked) {
          expect(r.rank).toBeGreaterThanOrEqual(1);
          expect(Number.isFinite(r.score)).toBe(true);
        }
        for (const u of ranking.unranked) expect(u.reason.vi.length * u.reason.en.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

/** Real unit workbooks with random damage: cells overwritten, rows removed, columns blanked. */
const damage = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("set" as const), row: fc.nat(80), col: fc.nat(10), value: cell }),
    fc.record({ kind: fc.constant("drop-row" as const), row: fc.nat(80) }),
    fc.record({ kind: fc.constant("blank-col" as const), col: fc.nat(10) }),
  ),
  { maxLength: 25 },
);

describe("real unit workbooks with random damage", () => {
  it("are analysed without throwing; scores stay finite and rescoring the entries is stable", () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>,
        damage,
        (seed, appraisal, edits) => {
          const wb = unitWorkbook(generateUnit(rubric, { seed, index: 0, appraisal }));
          const s = wb.sheets[0];
          for (const e of edits) {
            if (e.kind === "set" && s.values[e.row] && e.col < s.values[e.row].length)
              s.values[e.row][e.col] = e.value;
            if (e.kind === "drop-row" && e.row < s.values.length) {
              s.values.splice(e.row, 1);
              s.formulas?.splice(e.row, 1);
              s.numberFormats?.splice(e.row, 1);
            }
            if (e.kind === "blank-col") for (const r of s.values) if (e.col < r.length) r[e.col] = null;
          }
          const analysis = analyseWorkbook(wb, { rubric, source: wb.source });
          for (const u of analysis.units) {
            for (const v of [u.score.index.final, u.score.indexWithoutSurvey.final]) {
              if (v !== null) expect(Number.isFinite(v)).toBe(true);
            }
            // Scoring again from the same entries gives the same result: no hidden state.
            expect(scoreUnit(rubric, u.entries)).toEqual(u.score);
          }
          if (analysis.units.length === 0) expect(analysis.findings.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
