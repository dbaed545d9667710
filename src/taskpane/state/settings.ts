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
}

export type SettingsAction =
  | { type: "settings/loaded"; settings: ParSettings; problems: Text[] }
  | { type: "settings/update"; settings: ParSettings }
  | { type: "settings/column"; sheet: string; role: string; col: number | null }
  | { type: "settings/clearColumns" }
  | { type: "settings/saved"; at: number }
  | { type: "settings/lang"; lang: Lang };

export function initialSettings(lang: Lang): SettingsState {
  return { settings: { rubricId: null }, savedAt: null, lang, problems: [] };
}

export function settingsReducer(state: SettingsState, action: SettingsAction): SettingsState {
  switch (action.type) {
    case "settings/loaded":
      return {
        ...state,
        settings: action.settings,
        problems: action.problems,
        lang: action.settings.language ?? state.lang,
      };
    case "settings/update":
      return { ...state, settings: action.settings, savedAt: null };
    case "settings/column": {
      const { columns } = state.settings;
      // Corrections belong to one sheet: correcting another sheet's column starts a new map.
      const roles = { ...(columns?.sheet === action.sheet ? columns.roles : {}), [action.role]: action.col };
      return {
        ...state,
        settings: { ...state.settings, columns: { sheet: action.sheet, roles } },
        savedAt: null,
      };
    }
    case "settings/clearColumns": {
      const { columns: _dropped, ...rest } = state.settings;
      return { ...state, settings: rest, savedAt: null };
    }
    case "settings/saved":
      return { ...state, savedAt: action.at };
    case "settings/lang":
      return { ...state, lang: action.lang, settings: { ...state.settings, language: action.lang } };
  }
}
