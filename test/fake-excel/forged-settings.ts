import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { generateUnit } from "../../src/sample";

/**
 * The case of issue #24 item 7, shared by the service and pane tests: a unit's file carrying a rubric
 * under the built-in's id with lower rating bands, and a column correction that reads the appraisal
 * from a column of its own making.
 */
const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;

/**
 * A unit appraised to 67.44 ("Trung bình"), with another unit's appraisal figures (same rubric, same rows)
 * in a column of their own beside its table: read through the column correction, 87.64.
 */
export function forgedUnit(): { sheet: SheetSpec; extraCol: number } {
  const plain = generateUnit(rubric, { seed: 8, index: 0, quality: 0.6, appraisal: 1 });
  const high = generateUnit(rubric, { seed: 108, index: 0, quality: 1, appraisal: 1 });
  const col = plain.truth.columns.appraised1 as number;
  const extraCol = Math.max(...plain.sheets[0].cells.map((c) => c.col)) + 1;
  // The high unit's appraisal figures, without a header, beside the plain unit's table: the "corrected" column.
  const copied = high.sheets[0].cells
    .filter((c) => c.col === col && c.row >= plain.truth.firstDataRow)
    .map((c) => ({ ...c, col: extraCol }));
  return { sheet: { ...plain.sheets[0], cells: [...plain.sheets[0].cells, ...copied] }, extraCol };
}

export function forgedSettings(sheet: string, extraCol: number) {
  const forged = structuredClone(rubric);
  forged.ratingBands = forged.ratingBands.map((b) => ({ ...b, min: Math.max(0, b.min - 10) }));
  return { rubricId: rubric.id, customRubric: forged, columns: { sheet, roles: { appraised1: extraCol } } };
}
