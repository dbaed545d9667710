/**
 * Analysed files → the intake's submissions, the same for the CLI's `intake` and the pane's Intake tab:
 * every unit sheet is a submission with its file's modification time (duplicates are settled by the
 * intake on those times, see duplicates.ts); a file that gave no unit is an unreadable submission.
 */
import { type AnalysedUnit, failedSubmission, type IntakeSubmission, submissionOf } from "../core/intake";
import { knownTime } from "./duplicates";
import { type AnalysedFile, noUnitReason, type RankableUnit } from "./rank-inputs";

export function submissionsOfFile(f: AnalysedFile<AnalysedUnit & RankableUnit>): IntakeSubmission[] {
  const modified = knownTime(f.modified);
  if (f.units.length === 0) return [failedSubmission(f.source, modified, noUnitReason(f))];
  return f.units.map((u) => submissionOf(f.source, modified, u));
}
