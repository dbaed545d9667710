/**
 * Everything the standalone page needs from the engine, behind one dynamic import (see App.tsx): the
 * reader, analysis, ranking, sheet specs, the CSV and the rubric choice arrive after the first paint,
 * in chunks of their own. ExcelJS is a further chunk, loaded only when a file is downloaded.
 */

export {
  checkBytes,
  fileTooLarge,
  MAX_FILE_BYTES,
  rankFiles,
  rankingRubric,
  rankingSpecs,
  reportSpecs,
  readSurvey,
  surveyOfFiles,
  writeWorkbook,
} from "./check";
// The survey import ("Nhập điểm điều tra", readSurvey above): read with the CLI's limits.
export type { SurveyFile } from "../app/survey-file";
export type { SurveyOutcome } from "../app/survey";
export type { CheckedFile, RankChoice } from "./check";
export { findingsCsv } from "./findings-csv";
export { rememberChoice, restoreChoice, rubricFromFile, rubricOf } from "./rubric-choice";
export type { RubricChoice } from "./rubric-choice";
export { builtinRubrics } from "../core/rubric/builtin";
export { countBySeverity } from "../core/finding";
export { groupRuleProblem } from "../core/rank";
