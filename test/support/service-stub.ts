import { vi } from "vitest";
import { type ParSettings, verifySettings } from "../../src/excel/settings";
import { NO_USER_SETTINGS, resolveSettings } from "../../src/excel/settings-rule";

/** The sheet-level half of a stub Excel service: nothing selected, highlighted or watched; one sheet listed. */
export function sheetMethods(sheet = "Xã A") {
  return {
    selectCell: vi.fn(async () => undefined),
    highlight: vi.fn(async () => 0),
    clearHighlights: vi.fn(async () => 0),
    listSheets: vi.fn(async () => [{ name: sheet, hidden: false }]),
    watchChanges: vi.fn(async () => ({ supported: false, stop: async () => undefined })),
  };
}

/**
 * The settings half of a stub Excel service, for pane tests that stub the rest: the real verification and
 * the real settings rule (for a user who accepted nothing yet) over settings kept in memory, so a stub never
 * lags behind what the pane asks of the service.
 */
export function settingsMethods(initial: ParSettings) {
  let settings: unknown = initial;
  return {
    loadSettings: () => verifySettings(settings).settings,
    saveSettings: vi.fn(async (s: ParSettings) => {
      settings = s;
    }),
    settingsRubric: (s?: ParSettings) => verifySettings(s ?? settings).rubric,
    verifySettings: (s?: ParSettings) => verifySettings(s ?? settings),
    resolveSettings: () => resolveSettings(settings, NO_USER_SETTINGS, initial),
    acceptSettings: vi.fn(),
  };
}
