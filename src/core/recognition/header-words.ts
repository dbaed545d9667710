/**
 * Which column role a header's words name, read by meaning rather than by the first word that matches:
 * "Điểm thẩm định lần 2 (sau giải trình)" is the second appraisal round, not the explanation column,
 * because a header that names a score ("Điểm …") is a score column whatever else it says. The words
 * per role are the registry's (core/columns.ts); the order of precedence between them is here.
 */
import { COLUMN_ROLE_SPECS, COLUMN_ROLES, type ColumnRole } from "../columns";
import { memoize } from "../memo";

const words = (role: ColumnRole) => COLUMN_ROLE_SPECS[role].words;

/** What a header says: its role ("appraised": a round told by position), and roles it also names. */
export interface HeaderReading {
  role: ColumnRole | "appraised";
  /**
   * Roles of the other kind (a score where a text was chosen, or the reverse) that the header's words
   * also name: the choice is said in a finding, never made silently.
   */
  alsoNamed: readonly ColumnRole[];
  /** Why the role was chosen over `alsoNamed`: the header names a score, or the order of precedence. */
  because: "names-a-score" | "precedence";
}

/** A header that begins by naming a score: "Điểm tự đánh giá", "Điểm thẩm định lần 2 (sau giải trình)". */
const NAMES_A_SCORE = /^diem\b/;
const ROUND_1 = /\b(lan|vong) (1|i)\b/;
/** "Lần 2", "Sau giải trình" alone say which round, not of what: the group above says it. */
const ROUND_ONLY = /^((lan|vong) (\d|i{1,3})|sau (giai trinh|phuc tra))\b/;
/**
 * Phrases whose meaning is settled, left out when looking for other roles the header names: "Ý kiến
 * thẩm định" is the appraiser's note, "sau giải trình" the round after the unit's explanations.
 */
const SETTLED = /\b(y kien|nhan xet|ghi chu)\b.*\btham dinh\b|\bsau (giai trinh|phuc tra)\b/g;

const SCORE_ROLES: readonly ColumnRole[] = ["max", "self", "appraised1"];
const TEXT_ROLES: readonly ColumnRole[] = ["evidence", "explanation", "note"];

function roleOf(h: string): ColumnRole | "appraised" | null {
  if (words("code").test(h)) return "code";
  if (ROUND_ONLY.test(h)) return null;
  if (NAMES_A_SCORE.test(h)) {
    if (words("max").test(h)) return "max";
    if (words("self").test(h)) return "self";
    if (words("appraised2").test(h)) return "appraised2";
    if (ROUND_1.test(h)) return "appraised1";
    if (words("appraised1").test(h)) return "appraised";
    // "Điểm", "Điểm số": whose score, the group above says.
    return null;
  }
  // Tried in this order: "Hướng dẫn chấm / Tài liệu kiểm chứng yêu cầu" is guidance before evidence,
  // "Thẩm định lần 2 (sau giải trình)" a round before an explanation, "Ý kiến thẩm định" a note before
  // an appraisal, "Giải trình/Ghi chú" an explanation before a note.
  if (words("guidance").test(h)) return "guidance";
  if (words("self").test(h)) return "self";
  const round = words("appraised2").test(h) ? "appraised2" : ROUND_1.test(h) ? "appraised1" : null;
  if (round && words("appraised1").test(h) && !words("note").test(h)) return round;
  if (words("explanation").test(h)) return "explanation";
  if (words("note").test(h)) return "note";
  if (words("appraised1").test(h)) return "appraised";
  if (words("evidence").test(h)) return "evidence";
  if (words("max").test(h)) return "max";
  if (words("label").test(h)) return "label";
  return null;
}

function read(h: string): HeaderReading | null {
  const role = roleOf(h);
  if (!role) return null;
  const kind = role === "appraised" || role === "appraised2" ? "appraised1" : role;
  const others = SCORE_ROLES.includes(kind) ? TEXT_ROLES : TEXT_ROLES.includes(kind) ? SCORE_ROLES : [];
  const rest = h.replace(SETTLED, " ");
  const alsoNamed = others.filter((r) => words(r).test(rest));
  return { role, alsoNamed, because: NAMES_A_SCORE.test(h) ? "names-a-score" : "precedence" };
}

/** Header texts repeat across a batch's workbooks: read each distinct one once. */
export const readHeader = memoize(read, 20_000);

/** Roles a header can name. */
export const ROLE_COUNT = COLUMN_ROLES.length;
