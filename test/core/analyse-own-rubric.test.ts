import { describe, expect, it } from "vitest";
import { recogniseWorkbook } from "../../src/core/recognise";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { importRubricFromTable, importRubricFromWorkbook } from "../../src/core/rubric/import";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit, LAYOUT_VARIANTS, unitWorkbook } from "../../src/core/sample";

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
