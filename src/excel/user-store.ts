/**
 * Where the pane keeps what this user accepted and their own rubric choice: the origin's localStorage,
 * per user and per machine, never the workbook (a workbook's word about what is trusted is exactly what
 * the settings rule does not take). Behind a two-method interface so tests hand a Map-backed store and
 * another host can use another storage.
 */
import { parseUserSettings, type UserSettings } from "./settings-rule";

export interface UserSettingsStore {
  read(): UserSettings;
  write(settings: UserSettings): void;
}

export const USER_SETTINGS_KEY = "parIndex.userSettings";
/** A stored value past this size is not parsed (a custom rubric is tens of kilobytes). */
const MAX_STORED_CHARS = 2_000_000;

/** The smallest part of the Storage API used here. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

export function userSettingsStore(storage: KeyValueStore | null = defaultStorage()): UserSettingsStore {
  return {
    read() {
      try {
        const raw = storage?.getItem(USER_SETTINGS_KEY) ?? null;
        if (!raw || raw.length > MAX_STORED_CHARS) return parseUserSettings(null);
        return parseUserSettings(JSON.parse(raw));
      } catch {
        // Blocked or damaged storage: nothing is accepted, the user's choice is the default.
        return parseUserSettings(null);
      }
    },
    write(settings) {
      try {
        storage?.setItem(USER_SETTINGS_KEY, JSON.stringify(settings));
      } catch {
        // A full or blocked storage must not fail the action; the pane asks again next time.
      }
    },
  };
}

function defaultStorage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
