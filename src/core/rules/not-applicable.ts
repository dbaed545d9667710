/**
 * "Không áp dụng" / "không phát sinh": an item that does not apply to the unit, written in a score cell or
 * in the note. Allowed only where the rubric allows it; claimed elsewhere it is an error on the cell.
 */
import type { ItemEntry, ScoreColumn } from "../entries";
import { fold } from "../fold";
import { msg } from "../messages";
import type { FlatItem } from "../rubric/tree";
import type { RuleContext } from "./context";

/**
 * The words offices write for an item that does not apply, whatever the rubric lists (folded, dots and
 * brackets dropped: "K.A.D" is "kad"): recognised in every score cell, allowed only where the rubric allows.
 */
export const NOT_APPLICABLE_WORDS: readonly string[] = [
  "khong ap dung",
  "khong phat sinh",
  "kad",
  "kps",
  "x",
  "-",
];

/**
 * Whether a cell's text is a not-applicable word: the rubric's markers or NOT_APPLICABLE_WORDS (folded;
 * "KPS (đã báo cáo)" counts). A one-character mark ("x", "-") counts alone only, and only in a score
 * cell (`inNote` false): "- 0,5" is a number with a dash, and a note reading "-" says nothing.
 */
export function isNotApplicableWord(ctx: RuleContext, text: string | null, inNote = false): boolean {
  if (!text) return false;
  const f = fold(text).replace(/[().]/g, "").trim();
  const word = (m: string) =>
    m.length === 1 ? !inNote && f === m : f === m || f.startsWith(`${m} `) || f.startsWith(`${m},`);
  return ctx.markers.some(word) || NOT_APPLICABLE_WORDS.some(word);
}

/** Items the rubric marks may be "không áp dụng"; when it marks none, any item may be (unless marked false). */
export function notApplicableAllowed(ctx: RuleContext, item: FlatItem): boolean {
  return item.item.notApplicableAllowed ?? !ctx.anyMarkedNotApplicable;
}

/**
 * Settle the entry's not-applicable flag once its score cells are read: a word in the note alone counts
 * when no score is written; a claim on an item that does not allow it is withdrawn, and reported where
 * it was written in a score cell (in the note alone, missing-score says so).
 */
export function checkNotApplicable(
  ctx: RuleContext,
  item: FlatItem,
  entry: ItemEntry,
  marked: { column: ScoreColumn; address: string; text: string } | null,
): void {
  if (
    !entry.notApplicable &&
    entry.self === null &&
    entry.appraised1 === null &&
    isNotApplicableWord(ctx, entry.note, true)
  )
    entry.notApplicable = true;
  if (!entry.notApplicable || notApplicableAllowed(ctx, item)) return;
  // Claiming "không áp dụng" where the rubric does not allow it would score the item in full (or
  // shrink the maximum): the total is wrong until the unit scores it.
  entry.notApplicable = false;
  if (marked)
    ctx.add(
      "score-not-allowed",
      "error",
      marked.address,
      item.code,
      msg.notApplicableNotAllowed(ctx.named(item.code), marked.column, marked.text),
      { found: marked.text, column: marked.column },
    );
}
