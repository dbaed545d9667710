/**
 * The Settings tab's state: the settings being edited (verified when they were loaded), whether they
 * are saved, the pane's language, and what was wrong with the settings the workbook carried. Pure.
 */
import type { Text } from "../../core/finding";
import type { Lang } from "../../core/i18n";
import type { ParSettings } from "../../excel/settings";

export interface SettingsState {
  settings: ParSettings;
  /** When the settings were last saved with the workbook; null: changed since (or never saved). */
  savedAt: number | null;
  lang: Lang;
  /** What the stored settings held that was not used, with what is used instead (shown on the Check tab). */
  problems: Text[];
  /**
   * The workbook's own settings when the settings rule did not apply them (excel/settings-rule.ts): the
   * Check tab shows what they would give and offers to use them. Null when applied or once used.
   */
  pending: PendingSettings | null;
  /** Whose settings the check uses and why, when that is worth a word (not when they are simply the user's own). */
  why: Text | null;
}

export interface PendingSettings {
  /** The workbook's settings, verified. */
  settings: ParSettings;
  /** How they differ from what is known on this machine ("bộ chỉ số … (đã sửa) #hash", "cột đã chỉnh tay …"). */
  differences: Text[];
  /** They carry a custom rubric: using them can also remember that rubric as accepted. */
  customRubric: boolean;
}

export type SettingsAction =
  | {
      type: "settings/loaded";
      settings: ParSettings;
      problems: Text[];
      pending?: PendingSettings | null;
      why?: Text | null;
    }
  /** "Dùng cài đặt của sổ": the pending settings become the ones in use. */
  | { type: "settings/useWorkbook"; why: Text }
  | { type: "settings/update"; settings: ParSettings }
  | { type: "settings/column"; sheet: string; role: string; col: number | null }
  | { type: "settings/clearColumns" }
  | { type: "settings/saved"; at: number }
  | { type: "settings/lang"; lang: Lang };

export function initialSettings(lang: Lang): SettingsState {
  return { settings: { rubricId: null }, savedAt: null, lang, problems: [], pending: null, why: null };
}

export function settingsReducer(state: SettingsState, action: SettingsAction): SettingsState {
  switch (action.type) {
    case "settings/loaded":
      return {
        ...state,
        settings: action.settings,
        problems: action.problems,
        lang: action.settings.language ?? state.lang,
        pending: action.pending ?? null,
        why: action.why ?? null,
      };
    case "settings/useWorkbook":
      if (!state.pending) return state;
      return { ...state, settings: state.pending.settings, pending: null, why: action.why };
    case "settings/update":
      return { ...state, settings: action.settings, savedAt: null, why: edited(state) };
    case "settings/column": {
      const { columns } = state.settings;
      // Corrections belong to one sheet: correcting another sheet's column starts a new map.
      const roles = { ...(columns?.sheet === action.sheet ? columns.roles : {}), [action.role]: action.col };
      return {
        ...state,
        settings: { ...state.settings, columns: { sheet: action.sheet, roles } },
        savedAt: null,
        why: edited(state),
      };
    }
    case "settings/clearColumns": {
      const { columns: _dropped, ...rest } = state.settings;
      return { ...state, settings: rest, savedAt: null, why: edited(state) };
    }
    case "settings/saved":
      return { ...state, savedAt: action.at };
    case "settings/lang":
      return { ...state, lang: action.lang, settings: { ...state.settings, language: action.lang } };
  }
}

/**
 * The "whose settings and why" line once the user edits: while the workbook's settings are still
 * pending it stays true (the check uses the user's choice); after they were used, the user's edits
 * make the settings their own and the line no longer holds.
 */
function edited(state: SettingsState): Text | null {
  return state.pending ? state.why : null;
}
