/**
 * The bilingual one-line results of the ribbon commands, and where they wait for the user. Excel has
 * no toast for add-ins and a dialog is what we avoid, so a command's result is kept in the origin's
 * localStorage (shared by the ribbon's page and the pane) and the pane shows it when it next opens:
 * an error of a command run with the pane closed is never left only in the console.
 */
import { toText } from "../core/errors";
import type { Text } from "../core/finding";
import type { RankingResult, ValidateResult } from "../excel/service";

export interface Notice {
  kind: "success" | "warning" | "error";
  text: Text;
}

/** A notice as stored: which command, when (ms since epoch), what it said. */
export interface StoredNotice extends Notice {
  command: string;
  at: number;
}

export const NOTICE_KEY = "parIndex.lastCommandNotice";

/** The smallest part of the Storage API used here, so tests can hand a Map-backed one. */
export type NoticeStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function defaultStore(): NoticeStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be switched off (privacy settings): the notice then stays in the console only.
    return null;
  }
}

export function storeNotice(notice: StoredNotice, store = defaultStore()): void {
  try {
    store?.setItem(NOTICE_KEY, JSON.stringify(notice));
  } catch {
    // A full or blocked storage must not turn a finished command into a failed one.
  }
}

/** The stored notice, removed as it is taken (shown once); null when none or when it is not one of ours. */
export function takeStoredNotice(store = defaultStore()): StoredNotice | null {
  let raw: string | null = null;
  try {
    raw = store?.getItem(NOTICE_KEY) ?? null;
    store?.removeItem(NOTICE_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const n = JSON.parse(raw) as Partial<StoredNotice>;
    const kindOk = n.kind === "success" || n.kind === "warning" || n.kind === "error";
    const textOk = typeof n.text?.vi === "string" && typeof n.text?.en === "string";
    if (!kindOk || !textOk || typeof n.command !== "string" || typeof n.at !== "number") return null;
    return n as StoredNotice;
  } catch {
    return null;
  }
}

/** Any thrown thing as a notice, worded by the one error contract (core/errors.ts). */
export function errorNotice(error: unknown): Notice {
  return { kind: "error", text: { vi: toText(error, "vi"), en: toText(error, "en") } };
}

export function validateNotice(r: ValidateResult): Notice {
  const { error, warning, info } = r.counts;
  const units = r.analysis.units.length;
  const sheets = r.written.map((s) => `"${s}"`).join(", ");
  // The workbook's own settings left unused: said here too, the ribbon having no bar to show it in.
  const note = r.settingsNote;
  return {
    kind: error || warning || note ? "warning" : "success",
    text: {
      vi: `Đã kiểm tra ${units} đơn vị: ${error} lỗi, ${warning} cảnh báo, ${info} lưu ý.${sheets ? ` Đã ghi trang ${sheets}.` : ""}${note ? ` ${note.vi}` : ""}`,
      en: `Checked ${units} unit${units === 1 ? "" : "s"}: ${plural(error, "error")}, ${plural(warning, "warning")}, ${plural(info, "note")}.${sheets ? ` Wrote ${sheets}.` : ""}${note ? ` ${note.en}` : ""}`,
    },
  };
}

export function rankingNotice(r: RankingResult): Notice {
  return {
    kind: r.unranked ? "warning" : "success",
    text: {
      vi: `Đã xếp hạng ${r.rankedUnits} đơn vị${r.unranked ? `, ${r.unranked} đơn vị chưa xếp hạng được` : ""}.`,
      en: `Ranked ${plural(r.rankedUnits, "unit")}${r.unranked ? `, ${r.unranked} could not be ranked` : ""}.`,
    },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
