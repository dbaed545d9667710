import type { Text } from "../finding";

/**
 * The annex block a printed sheet carries on request (issue #26): the secretariat attaches the ranking
 * to a decision ("Phụ lục 01", "Kèm theo Quyết định số …"), and signs it under the table. Only the
 * text the user gives is printed: nothing is invented, no name, number or date filled in.
 */
export interface Annex {
  /** Lines above the title: the annex number, then the decision line(s). */
  heading: string[];
  /** Under the table: the left signer's title ("NGƯỜI LẬP BIỂU"), the right one's ("TM. …"), the place and date line above the right one. */
  signature: { left: string | null; right: string | null; placeDate: string | null } | null;
}

/** Lines per option and characters per line: a heading, not a document. */
const MAX_LINES = 6;
const MAX_CHARS = 300;

/** `"Phụ lục 01|Kèm theo Quyết định số …"` → its lines, trimmed, blanks dropped; a problem when too long. */
export function annexLines(text: string, option: string): { lines: string[]; problem: Text | null } {
  const lines = text
    .split("|")
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > MAX_LINES || lines.some((l) => l.length > MAX_CHARS))
    return {
      lines: [],
      problem: {
        vi: `--${option}: tối đa ${MAX_LINES} dòng, mỗi dòng tối đa ${MAX_CHARS} ký tự, ngăn cách bằng "|".`,
        en: `--${option}: at most ${MAX_LINES} lines of at most ${MAX_CHARS} characters each, separated by "|".`,
      },
    };
  return { lines, problem: null };
}

/**
 * The CLI's `--annex "Phụ lục 01|Kèm theo Quyết định số …"` and `--signature "NGƯỜI LẬP BIỂU|TM. …|…, ngày
 * … tháng … năm …"` (left signer, right signer, place and date; any part may be left empty) as an Annex,
 * or the problem with them. Neither given: null.
 */
export function parseAnnex(
  annex: string | undefined,
  signature: string | undefined,
): { annex: Annex | null; problem: Text | null } {
  if (annex === undefined && signature === undefined) return { annex: null, problem: null };
  const heading = annexLines(annex ?? "", "annex");
  if (heading.problem) return { annex: null, problem: heading.problem };
  let sig: Annex["signature"] = null;
  if (signature !== undefined) {
    const parts = signature.split("|").map((p) => p.trim());
    if (parts.length > 3 || parts.some((p) => p.length > MAX_CHARS))
      return {
        annex: null,
        problem: {
          vi: `--signature: "người lập|người ký|nơi, ngày" — tối đa 3 phần, mỗi phần tối đa ${MAX_CHARS} ký tự.`,
          en: `--signature: "left signer|right signer|place, date" — at most 3 parts of at most ${MAX_CHARS} characters.`,
        },
      };
    const [left, right, placeDate] = parts;
    sig = { left: left || null, right: right || null, placeDate: placeDate || null };
  }
  return { annex: { heading: heading.lines, signature: sig }, problem: null };
}
