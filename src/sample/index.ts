/** Sample data: the blank template, generated unit workbooks, the seed commune, the consolidation workbook. */
export { consolidationWorkbook } from "./consolidate";
export {
  DEFECT_FINDING,
  DEFECT_KINDS,
  type DefectKind,
  type DefectRequest,
  type GeneratedUnit,
  type GenerateUnitOptions,
  type GenerateUnitsOptions,
  generateUnit,
  generateUnits,
  type PlantedDefect,
  type TruthScore,
  type TruthTotals,
  type UnitTruth,
} from "./generate";
export { LAYOUT_VARIANTS, type LayoutRole, type LayoutVariant } from "./layout";
export { fileNameFor, groupOf, sheetNameFor, unitName } from "./names";
export { SEED_COMMUNE, scoresForTotals, seedCommuneWorkbook, type TotalsTarget } from "./seed-commune";
export {
  TEMPLATE_SHEET_NAME,
  type TemplateOptions,
  templateSpec,
  UNIT_PLACEHOLDER,
} from "./template";
export { unitWorkbook } from "./workbook";
export { type Resubmission, type ResubmitChange, resubmitUnit } from "./resubmit";
export { madeUpLastYear } from "./last-year";
