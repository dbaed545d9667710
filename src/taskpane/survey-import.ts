/**
 * The pane's "Nhập điểm điều tra": the picked table read as `rank --survey` reads it (app/survey-file.ts,
 * the CLI's caps), its range checked against the survey part of the rubric the ranking uses. Loaded only
 * when the user ranks with a survey table: nothing here is on the pane's first load.
 */
import type { SurveyMatch, SurveyOutcome } from "../app/survey";
import type { SurveyFile } from "../app/survey-file";
import type { RankInput } from "../core/rank";
import type { Rubric } from "../core/rubric/schema";

export async function readSurveyPick(file: File, rubric: Rubric): Promise<SurveyFile> {
  const [{ readSurveyFile }, { surveyMaxOf }, { readWorkbookBytes }] = await Promise.all([
    import("../app/survey-file"),
    import("../core/survey"),
    import("../files/read-workbook-bytes"),
  ]);
  return readSurveyFile(file, surveyMaxOf(rubric), readWorkbookBytes);
}

/**
 * The card's view of the table for this ranking: `match` as the service found it (the workbook's sheets),
 * or worked out here from the ranking's inputs (files picked), by the CLI's rule either way.
 */
export async function surveyOutcome(
  file: SurveyFile,
  match: SurveyMatch | readonly RankInput[],
): Promise<SurveyOutcome> {
  const { surveyMatchOf, surveyOutcomeOf } = await import("../app/survey");
  const matched = Array.isArray(match) ? surveyMatchOf(match, file.table.rows) : (match as SurveyMatch);
  return surveyOutcomeOf(file.file, file.table, matched);
}
