import { userSettingsStore } from "../../src/excel/user-store";

/** One user's storage (the pane's localStorage), in memory: two of them are two people on two machines. */
export function memoryUserStore() {
  const map = new Map<string, string>();
  return userSettingsStore({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) });
}
