import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { recogniseWorkbook } from "../../src/core/recognise";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { importRubricFromTable, importRubricFromWorkbook } from "../../src/core/rubric/import";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit, LAYOUT_VARIANTS, unitWorkbook } from "../../src/sample";

const rubrics = [builtinRubric("example-commune-2024"), builtinRubric("example-agency-2024")] as Rubric[];

// No-rubric analysis recognises the unit's table once and imports the rubric from that same table.
describe("importing a rubric from a table already recognised", () => {
  for (const rubric of rubrics) {
    for (const variant of LAYOUT_VARIANTS) {
      it(`${rubric.id}, ${variant}: same as importing the sheet`, () => {
        const wb = unitWorkbook(generateUnit(rubric, { seed: 7, index: 3, variant, appraisal: 1 }));
        for (const table of recogniseWorkbook(wb, null, { allSheets: true }).tables) {
          const sheet = wb.sheets.find((s) => s.name === table.sheet);
          const own = { source: wb.source, sheets: sheet ? [sheet] : [] };
          const meta = { id: "workbook", name: wb.source };
          const before = JSON.stringify(table);
          const reused = importRubricFromTable(own, table, meta);
          expect(JSON.stringify(table)).toBe(before);
          const fresh = importRubricFromWorkbook(own, meta);
          expect(reused.rubric).toEqual(fresh.rubric);
          expect(reused.problems).toEqual(fresh.problems);
          expect(reused.table).toEqual(fresh.table);
        }
      });
    }
  }
});

// Found by the pipeline fuzz: a table whose maxima cannot make a rubric was dropped without a word.
describe("a unit table that yields no rubric of its own is reported, never dropped in silence", () => {
  const sheet = (max: number) => ({
    name: "Biểu",
    origin: { row: 0, col: 0 },
    values: [
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"],
      ["1", "Công tác chỉ đạo", max, 1],
    ],
    formulas: [
      [null, null, null, null],
      [null, null, null, null],
    ],
    errorCells: new Set<string>(),
    merges: [],
  });

  it("a negative maximum is an error on its cell", () => {
    const a = analyseWorkbook(
      { source: "am.xlsx", sheets: [sheet(-1)] },
      { rubric: null, source: "am.xlsx" },
    );
    expect(a.units).toHaveLength(0);
    const onCell = a.findings.find((f) => f.address === "C2");
    expect(onCell?.severity).toBe("error");
    expect(onCell?.message.vi).toContain("âm");
    expect(onCell?.message.en).toContain("negative");
  });

  it("a maximum no rubric accepts (not finite) gets an error on the table's header", () => {
    const a = analyseWorkbook(
      { source: "nan.xlsx", sheets: [sheet(Number.NaN)] },
      { rubric: null, source: "nan.xlsx" },
    );
    expect(a.units).toHaveLength(0);
    expect(a.findings.length).toBeGreaterThan(0);
    expect(a.findings.every((f) => f.severity === "error" && f.address !== null)).toBe(true);
    expect(a.findings.map((f) => f.message.en).join(" ")).toMatch(/rubric|maximum/i);
  });
});
