/** The Ranking tab's state: the workbook's sheets to choose from, progress, the last outcome. Pure. */
import type { Text } from "../../core/finding";
import type { SurveyOutcome } from "../../app/survey";
import type { Ranking } from "../../core/rank";

export interface RankOutcome {
  ranking: Ranking;
  sheet: string;
  fileErrors: { file: string; message: Text }[];
  /** False when the host could not set the ranking sheet's page (before ExcelApi 1.9). */
  pageLayout?: boolean;
  /** The survey table imported for this ranking: its file, rows not used, what matched and what did not. */
  survey?: SurveyOutcome;
}

export interface RankingState {
  outcome: RankOutcome | null;
  /** The workbook's own sheets (not the add-in's), for the source picker; null until listed. */
  sheets: { name: string; hidden: boolean }[] | null;
  progress: { done: number; total: number } | null;
  /** Finished rankings: the result is scrolled into view and focused once per ranking. */
  runs: number;
}

export type RankingAction =
  | { type: "rank/sheets"; sheets: { name: string; hidden: boolean }[] }
  | { type: "rank/progress"; done: number; total: number }
  | { type: "rank/done"; outcome: RankOutcome };

export const initialRanking: RankingState = { outcome: null, sheets: null, progress: null, runs: 0 };

export function rankingReducer(state: RankingState, action: RankingAction): RankingState {
  switch (action.type) {
    case "rank/sheets":
      return { ...state, sheets: action.sheets };
    case "rank/progress":
      return { ...state, progress: { done: action.done, total: action.total } };
    case "rank/done":
      return { ...state, outcome: action.outcome, progress: null, runs: state.runs + 1 };
  }
}
