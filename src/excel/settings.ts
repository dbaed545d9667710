/**
 * Choices saved with the workbook (Office document settings), so an appraiser opening the same file
 * sees the same rubric and ranking options as the clerk who filled it.
 */
import type { RankBasis } from "../core/rank";

export interface ParSettings {
  /** Built-in rubric id, or null to use the workbook's own structure. */
  rubricId: string | null;
  /** A rubric loaded from JSON or imported from a template (validated again on use); wins over rubricId. */
  customRubric?: unknown;
  /** Ranking: score basis, group rule ("rubric", "none" or a regular expression), dense ties. */
  by?: RankBasis;
  groupBy?: string;
  dense?: boolean;
  /** Columns the user corrected in the pane when recognition guessed wrong: sheet and role → column. */
  columns?: { sheet?: string; roles: Partial<Record<string, number | null>> };
  /** Pane language; absent: follow Office's display language. */
  language?: "vi" | "en";
}

export const SETTINGS_KEY = "parIndex.settings";

export function loadSettings(defaults: ParSettings): ParSettings {
  const stored = globalThis.Office?.context?.document?.settings?.get(
    SETTINGS_KEY,
  ) as Partial<ParSettings> | null;
  return stored && typeof stored === "object" ? { ...defaults, ...stored } : { ...defaults };
}

export function saveSettings(settings: ParSettings): Promise<void> {
  const store = globalThis.Office?.context?.document?.settings;
  if (!store) return Promise.resolve();
  store.set(SETTINGS_KEY, settings);
  return new Promise((resolve, reject) => {
    store.saveAsync((result) => {
      if (String(result.status) === "failed") reject(result.error);
      else resolve();
    });
  });
}
