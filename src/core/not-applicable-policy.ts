/**
 * Which not-applicable policy a unit is scored under: "full-points" (the item scores its maximum) or
 * "remove-from-max" (the maximum shrinks; index = points ÷ maximum × 100). The rubric says, unless the
 * template's own note says otherwise ("Tiêu chí không phát sinh được tính điểm tối đa", "… không áp dụng
 * thì trừ khỏi tổng điểm chuẩn"): the note is the province's word as the unit received it. Either way
 * the result says which was used and where it came from.
 */
import { a1 } from "./address";
import { fold } from "./fold";
import type { RecognisedTable } from "./recognise";
import type { Rubric } from "./rubric/schema";
import type { SheetSnapshot } from "./snapshot";

export type NotApplicablePolicy = Rubric["notApplicable"]["policy"];

export interface PolicyUsed {
  policy: NotApplicablePolicy;
  from: "rubric" | "template-note";
  /** For a note: where it is and what it says. */
  sheet?: string;
  address?: string;
  text?: string;
}

/** A cell that can be about not-applicable items at all (checked before folding). */
const MENTIONS = /(áp dụng|phát sinh|ap dung|phat sinh|k\.?a\.?d|kps)/i;
const NOT_APPLICABLE = /(khong ap dung|khong phat sinh|\bkad\b|\bkps\b)/;
const REMOVED =
  /(tru|loai|khong tinh)\b[^.;]{0,40}(tong diem|diem toi da|diem chuan|thang diem)|quy doi[^.;]{0,30}(thang diem|100)/;
const FULL = /(duoc|cham|tinh|dat|cho)\b[^.;]{0,25}(du diem|diem toi da|toi da|diem chuan)/;

/**
 * The policy a note outside the table states (above the header or below the last row: a note in the
 * guidance column is about one item, not the template), or null when no note states one.
 */
export function policyNote(
  sheet: SheetSnapshot,
  table: Pick<RecognisedTable, "headerRow" | "rows">,
): { policy: NotApplicablePolicy; address: string; text: string } | null {
  let last = table.headerRow;
  for (const r of table.rows) if (r.row > last) last = r.row;
  for (let i = 0; i < sheet.values.length; i++) {
    const row = i + sheet.origin.row;
    if (row >= table.headerRow && row <= last) continue;
    const cells = sheet.values[i];
    for (let j = 0; j < cells.length; j++) {
      const v = cells[j];
      if (typeof v !== "string" || v.length < 15 || !MENTIONS.test(v)) continue;
      const f = fold(v);
      if (!NOT_APPLICABLE.test(f)) continue;
      const policy = REMOVED.test(f) ? "remove-from-max" : FULL.test(f) ? "full-points" : null;
      if (policy) return { policy, address: a1(row, j + sheet.origin.col), text: v.trim() };
    }
  }
  return null;
}

/** The policy used for a unit: its template's note where it states one, else the rubric's. */
export function policyUsed(rubric: Rubric, sheet: SheetSnapshot, table: RecognisedTable): PolicyUsed {
  const note = policyNote(sheet, table);
  if (!note) return { policy: rubric.notApplicable.policy, from: "rubric" };
  return {
    policy: note.policy,
    from: "template-note",
    sheet: sheet.name,
    address: note.address,
    text: note.text,
  };
}

/** The rubric as the unit is scored: the same object when the policy is the rubric's own. */
export function withPolicy(rubric: Rubric, policy: NotApplicablePolicy): Rubric {
  return policy === rubric.notApplicable.policy
    ? rubric
    : { ...rubric, notApplicable: { ...rubric.notApplicable, policy } };
}
