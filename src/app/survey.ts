/**
 * The province's survey table on every face: the CLI's `rank --survey` and the pane's and the page's
 * "Nhập điểm điều tra". Reading the table and matching it are core's (core/survey.ts: the header rules,
 * the decimal mark, `surveyLookup`/`mergeSurvey` by `unitKey`); here are the two steps every face shares —
 * a unit re-scored with its survey row, and what matched and what did not — so no face has its own rule.
 */
import type { Text } from "../core/finding";
import type { RankInput } from "../core/rank";
import type { Rubric } from "../core/rubric/schema";
import { scoreUnit, type UnitScore } from "../core/score";
import type { UnitEntries } from "../core/entries";
import {
  mergeSurvey,
  type SurveyMerge,
  type SurveyRow,
  surveyLookup,
  surveyMergeProblems,
} from "../core/survey";

/** What re-scoring needs of an analysed unit (a UnitAnalysis, the CLI's UnitResult before it is slimmed). */
export interface SurveyScorable {
  unit: string;
  rubric: Rubric;
  entries?: UnitEntries;
  score: UnitScore;
}

/**
 * Each unit with its survey row scored in (`scoreUnit(…, { survey })`), matched by name as `mergeSurvey`
 * matches (folded, "UBND" and punctuation ignored, the first row of a unit counts); a unit without a row
 * keeps the score its workbook gave. New objects: the units given are left as they were.
 */
export function withSurveyScores<U extends SurveyScorable>(
  units: readonly U[],
  rows: readonly SurveyRow[],
): U[] {
  if (rows.length === 0) return [...units];
  const surveyOf = surveyLookup(rows);
  return units.map((u) => {
    const survey = surveyOf(u.unit);
    if (survey === null || !u.entries) return u;
    return { ...u, score: scoreUnit(u.rubric, u.entries, { survey }) };
  });
}

/** The survey table against the units ranked: matched, units without a row, rows without a unit. */
export interface SurveyMatch {
  merge: SurveyMerge;
  /** The mismatches as bilingual lines (what the CLI prints on stderr, what the cards list). */
  problems: Text[];
}

/** Every unit that has a score (after duplicates are settled by rank, as the CLI reports them) against the rows. */
export function surveyMatchOf(inputs: readonly RankInput[], rows: readonly SurveyRow[]): SurveyMatch {
  const merge = mergeSurvey(
    inputs.filter((i) => i.score).map((i) => i.unit),
    rows,
  );
  return { merge, problems: surveyMergeProblems(merge) };
}

/** A survey table used for a ranking, as the cards show it: the file, its rows and findings, the match. */
export interface SurveyOutcome {
  /** The file's name as picked. */
  file: string;
  /** Rows used from the table (`SurveyTable.rows.length`). */
  rows: number;
  /** Every row of the table not used, with why (naming the file and cell). */
  rowProblems: Text[];
  match: SurveyMatch;
}

/** The card's view of a survey table and its match (`surveyMatchOf` over the ranking's inputs). */
export function surveyOutcomeOf(
  file: string,
  table: { rows: readonly SurveyRow[]; problems: readonly Text[] },
  match: SurveyMatch,
): SurveyOutcome {
  return { file, rows: table.rows.length, rowProblems: [...table.problems], match };
}
