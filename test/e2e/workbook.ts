// Prints the workbook the end-to-end test opens in the fake Excel host: three units' sheets copied into
// one consolidation workbook, the first with planted defects (so a check has findings to click).
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { consolidationWorkbook, generateUnit } from "../../src/sample";
import { specToSnapshot } from "../../src/core/sheet-spec";

const rubric = builtinRubric("example-commune-2024") as Rubric;
const units = [
  generateUnit(rubric, {
    seed: 11,
    index: 0,
    appraisal: 1,
    defects: ["missing-evidence", "score-out-of-range"],
  }),
  generateUnit(rubric, { seed: 11, index: 1, appraisal: 1 }),
  generateUnit(rubric, { seed: 11, index: 2, appraisal: 1 }),
];
const sheets = consolidationWorkbook(units).map(specToSnapshot);
process.stdout.write(JSON.stringify({ source: "Tong-hop.xlsx", sheets }));
