/**
 * The pane's whole state: one slice per tab (check, ranking, settings) plus what all tabs share — the
 * running action, the visible error, a ribbon command's notice waiting since the pane was closed.
 * Pure, so every transition is tested without React; `useParIndex` only dispatches.
 */
import { toText } from "../../core/errors";
import type { Text } from "../../core/finding";
import type { Lang } from "../../core/i18n";
import type { StoredNotice } from "../../commands/notices";
import { type CheckAction, type CheckState, checkReducer, initialCheck } from "./check";
import { initialRanking, type RankingAction, type RankingState, rankingReducer } from "./ranking";
import { initialSettings, type SettingsAction, type SettingsState, settingsReducer } from "./settings";

export type BusyKind = "check" | "write" | "rank" | "settings";

export interface PaneState {
  check: CheckState;
  ranking: RankingState;
  settings: SettingsState;
  busy: BusyKind | null;
  error: Text | null;
  notice: StoredNotice | null;
}

export type StatusAction =
  | { type: "busy/start"; kind: BusyKind }
  | { type: "busy/end" }
  | { type: "error/set"; error: unknown }
  | { type: "error/clear" }
  | { type: "notice/set"; notice: StoredNotice | null };

export type PaneAction = CheckAction | RankingAction | SettingsAction | StatusAction;

export function initialPane(lang: Lang): PaneState {
  return {
    check: initialCheck,
    ranking: initialRanking,
    settings: initialSettings(lang),
    busy: null,
    error: null,
    notice: null,
  };
}

/** Any thrown thing in both languages, through the one error contract (core/errors.ts). */
export function errorText(error: unknown): Text {
  return { vi: toText(error, "vi"), en: toText(error, "en") };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  const [slice] = action.type.split("/");
  switch (slice) {
    case "check":
      return { ...state, check: checkReducer(state.check, action as CheckAction) };
    case "rank":
      return { ...state, ranking: rankingReducer(state.ranking, action as RankingAction) };
    case "settings":
      return { ...state, settings: settingsReducer(state.settings, action as SettingsAction) };
    default:
      return statusReducer(state, action as StatusAction);
  }
}

function statusReducer(state: PaneState, action: StatusAction): PaneState {
  switch (action.type) {
    case "busy/start":
      // A new action hides the previous failure: the error shown is always about the last thing tried.
      return { ...state, busy: action.kind, error: null };
    case "busy/end":
      return { ...state, busy: null, ranking: { ...state.ranking, progress: null } };
    case "error/set":
      return { ...state, error: errorText(action.error) };
    case "error/clear":
      return { ...state, error: null };
    case "notice/set":
      return { ...state, notice: action.notice };
  }
}
