/** The unit's name from the title block: "Đơn vị: …", the name beside it, or the commune's letterhead. */
import { a1 } from "../address";
import { fold } from "../fold";
import type { CellValue, SheetSnapshot } from "../snapshot";

export const UNIT_LINE = /^(don vi|ten don vi|co quan|ten co quan|unit)\s*:/;
/** A commune's own letterhead: "UBND XÃ AN BÌNH", "Ủy ban nhân dân phường 3" (not the district or province above it). */
const COMMUNE_HEAD = /^(ubnd|uy ban nhan dan)\s+((xa|phuong|thi tran|dac khu)\s+\S.*)$/;

export function findUnitName(
  sheet: SheetSnapshot,
  headerRow: number,
): { name: string | null; address: string | null } {
  const last = Math.min(headerRow - sheet.origin.row, sheet.values.length);
  let letterhead: { text: string; row: number; col: number } | null = null;
  for (let r = 0; r < last; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const f = fold(v);
      if (!UNIT_LINE.test(f)) {
        if (!letterhead && COMMUNE_HEAD.test(f)) letterhead = { text: v, row: r, col: c };
        continue;
      }
      // The template's placeholder "……" or "..." is not a name.
      const after = v.slice(v.indexOf(":") + 1);
      const name = withoutPlaceholder(after);
      // "Đơn vị:" alone in its cell: many templates write the name in the next one (after merged cells).
      // A placeholder after the colon says the name belongs in this cell: nothing beside it is read.
      const beside = after.trim() ? null : nameBeside(row, c);
      if (!name && !beside && letterhead) break;
      const col = beside ? beside.col : c;
      return {
        name: name || beside?.name || null,
        address: a1(sheet.origin.row + r, sheet.origin.col + col),
      };
    }
  }
  if (letterhead) {
    // Drop "UBND" / "Ủy ban nhân dân" by word count: the original may be in any Unicode form or case.
    const words = letterhead.text.trim().split(/\s+/);
    const prefix = fold(words[0]) === "ubnd" ? 1 : 4;
    const text = words
      .slice(prefix)
      .join(" ")
      .replace(/[\s:.…_-]+$/u, "");
    return {
      name: displayName(text),
      address: a1(sheet.origin.row + letterhead.row, sheet.origin.col + letterhead.col),
    };
  }
  return { name: null, address: null };
}

/** How far right of "Đơn vị:" the name may stand: past a few merged or empty cells, not across the sheet. */
const NAME_BESIDE_COLUMNS = 8;
/**
 * Another label, not a name: "Năm: 2024", "Kỳ đánh giá:", "Ngày … tháng … năm …", "Năm 2024", and the
 * form's number often standing at the right of the title rows ("Mẫu số 01", "Biểu số 02/CCHC", "Phụ lục I").
 */
const NOT_A_NAME =
  /:|^ngay\b.*\bthang\b|^nam\s+\d|^ky (danh gia|bao cao)\b|^(mau so|bieu so|bieu mau|phu luc)\b/;

/** The text without the template's placeholder dots, ellipses, underscores and dashes around it. */
function withoutPlaceholder(text: string): string {
  return text.replace(/^[.…_\s-]+|[.…_\s]+$/g, "").trim();
}

/**
 * The unit's name in the first non-empty cell right of the "Đơn vị:" cell at `c`, within
 * NAME_BESIDE_COLUMNS; null when that cell is a placeholder, another label or not text.
 */
function nameBeside(row: readonly CellValue[], c: number): { name: string; col: number } | null {
  for (let k = c + 1; k < row.length && k <= c + NAME_BESIDE_COLUMNS; k++) {
    const v = row[k];
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v !== "string" || NOT_A_NAME.test(fold(v.trim()))) return null;
    const name = withoutPlaceholder(v);
    return name ? { name, col: k } : null;
  }
  return null;
}

/** Letterheads are in capitals ("XÃ AN BÌNH"); names are shown as written elsewhere ("Xã An Bình"). */
function displayName(text: string): string {
  if (text !== text.toLocaleUpperCase("vi")) return text;
  return (
    text
      .normalize("NFC")
      .toLocaleLowerCase("vi")
      .replace(/(^|\s)(\p{L})/gu, (_m, space: string, ch: string) => space + ch.toLocaleUpperCase("vi"))
      // A two-word level is one noun: "Đặc khu Trường Sa", "Thị trấn Tây Đằng" (not "Đặc Khu …").
      .replace(/^(Đặc K|Thị T)(?=(hu|rấn)\s)/u, (m) => m.slice(0, -1) + m.slice(-1).toLocaleLowerCase("vi"))
  );
}
