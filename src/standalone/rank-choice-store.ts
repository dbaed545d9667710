/**
 * The page remembers how its ranking is built — the score column, the part, the groups, dense ranks — in
 * the browser's storage, as it remembers its rubric and language, so an appraiser who ranks on the
 * evidence part finds it chosen next time. What comes back is untrusted: each field is checked against
 * what the card offers, and saved data that cannot be used is replaced by the default with a notice
 * saying so, never silently. Storage that is disabled or full fails nothing: the page ranks as on a first
 * visit.
 */
import type { Text } from "../core/finding";
import type { RankChoice } from "./check";
import type { KeyValueStore } from "./rubric-choice";

export const RANK_CHOICE_KEY = "par-index.standalone.rank-choice";

export const DEFAULT_RANK_CHOICE: RankChoice = {
  by: "final",
  part: "index",
  groupBy: "rubric",
  dense: false,
};

/** A saved choice past this size is not parsed: the real one is under 100 characters. */
const MAX_SAVED_CHARS = 1_000;

const BY = ["final", "appraised", "self"] as const;
const PART = ["index", "evidence"] as const;
/** The group rules the page's card offers (the pane's custom patterns are not offered here). */
const GROUP_BY = ["rubric", "none"] as const;

const oneOf = <T extends string>(allowed: readonly T[], v: unknown): v is T =>
  typeof v === "string" && (allowed as readonly string[]).includes(v);

export function restoreRankChoice(store: KeyValueStore | null): { choice: RankChoice; problem: Text | null } {
  let raw: string | null = null;
  try {
    raw = store?.getItem(RANK_CHOICE_KEY) ?? null;
  } catch {
    return { choice: DEFAULT_RANK_CHOICE, problem: null };
  }
  if (raw === null) return { choice: DEFAULT_RANK_CHOICE, problem: null };
  let data: unknown = null;
  try {
    if (raw.length <= MAX_SAVED_CHARS) data = JSON.parse(raw);
  } catch {
    data = null;
  }
  const d = (data ?? {}) as Record<string, unknown>;
  if (oneOf(BY, d.by) && oneOf(PART, d.part) && oneOf(GROUP_BY, d.groupBy) && typeof d.dense === "boolean")
    return { choice: { by: d.by, part: d.part, groupBy: d.groupBy, dense: d.dense }, problem: null };
  return {
    choice: DEFAULT_RANK_CHOICE,
    problem: {
      vi: "Không dùng lại được cách xếp hạng đã chọn lần trước (dữ liệu lưu trong trình duyệt không hợp lệ); đang xếp theo mặc định (điểm cuối cùng, Chỉ số CCHC, nhóm theo bộ chỉ số), hãy chọn lại nếu cần.",
      en: "The ranking choice made last time could not be used again (the data saved in the browser is invalid); ranking on the default (final score, PAR index, the rubric's groups), choose again if needed.",
    },
  };
}

/** Remembers the choice; a browser that refuses (storage full or disabled) only means choosing again. */
export function rememberRankChoice(store: KeyValueStore | null, choice: RankChoice): void {
  try {
    store?.setItem(
      RANK_CHOICE_KEY,
      JSON.stringify({ by: choice.by, part: choice.part, groupBy: choice.groupBy, dense: choice.dense }),
    );
  } catch {
    // Nothing to undo: the choice holds for this visit, and the next one starts from the default.
  }
}
