/**
 * Rating bands as the province names them ("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu", or its own
 * words), from three places: the CLI option `--rating "Xuất sắc=90,Tốt=80,…"` (and the pane's Settings),
 * the template's note "Xếp loại: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90; …", or the rubric
 * JSON. Boundaries are read as written: "từ 90" / "≥ 90" includes 90, "trên 90" / "> 90" does not, and
 * "dưới 50" is the lowest band. Pure.
 */
import { a1 } from "./address";
import type { Text } from "./finding";
import { fold, foldWords } from "./fold";
import type { RatingBand } from "./rubric/schema";
import type { CellValue, WorkbookSnapshot } from "./snapshot";

export interface RatingsRead {
  bands: RatingBand[];
  problems: Text[];
}

/** English beside the usual Vietnamese names; the province's own words stay as written. */
const ENGLISH: Record<string, string> = {
  "xuat sac": "Excellent",
  tot: "Good",
  kha: "Fair",
  "trung binh": "Average",
  yeu: "Weak",
  kem: "Poor",
  "hoan thanh xuat sac": "Excellent",
  "hoan thanh tot": "Good",
  "hoan thanh": "Fair",
  "khong hoan thanh": "Not achieved",
};

/** Bounds: a rating scale has a handful of bands; a longer text is not one. */
const MAX_BANDS = 12;
const MAX_TEXT = 2_000;

/**
 * `--rating "Xuất sắc=90,Tốt=80,Khá=70,Trung bình=50,Yếu=0"`: name=threshold pairs separated by "," (or
 * ";" — then a threshold may use a decimal comma: "Tốt=79,5;…"). Each band holds its threshold and above.
 * Problems name the part that is wrong; no bands are returned when any part is wrong.
 */
export function parseRatingOption(text: string): RatingsRead {
  const fail = (vi: string, en: string): RatingsRead => ({
    bands: [],
    problems: [{ vi: `--rating: ${vi}`, en: `--rating: ${en}` }],
  });
  if (text.length > MAX_TEXT) return fail("quá dài.", "too long.");
  const parts = text
    .split(text.includes(";") ? ";" : ",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0)
    return fail(
      'trống; ví dụ: "Xuất sắc=90,Tốt=80,Khá=70,Trung bình=50,Yếu=0".',
      'empty; for example "Xuất sắc=90,Tốt=80,Khá=70,Trung bình=50,Yếu=0".',
    );
  if (parts.length > MAX_BANDS) return fail(`nhiều hơn ${MAX_BANDS} mức.`, `more than ${MAX_BANDS} bands.`);
  const bands: RatingBand[] = [];
  for (const part of parts) {
    const m = /^(.+?)\s*(>=|≥|=|>)\s*(\d+(?:[.,]\d+)?)$/u.exec(part);
    if (!m?.[1].trim())
      return fail(
        `"${part}" không có dạng tên=điểm (ví dụ "Tốt=80").`,
        `"${part}" is not name=points (for example "Tốt=80").`,
      );
    bands.push(band(m[1], Number(m[3].replace(",", ".")), m[2] !== ">"));
  }
  const problem = scaleProblem(bands);
  return problem
    ? { bands: [], problems: [{ vi: `--rating: ${problem.vi}`, en: `--rating: ${problem.en}` }] }
    : { bands: sorted(bands), problems: [] };
}

/**
 * A rating note in a template's text: "Xếp loại: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90;
 * Khá từ 70 đến dưới 80; Trung bình từ 50 đến dưới 70; Yếu dưới 50". Null when the text is not one
 * (fewer than two bands read after "xếp loại"); problems when it is one but does not make a scale.
 */
export function ratingsFromNote(text: string): RatingsRead | null {
  if (text.length > MAX_TEXT) return null;
  const nfc = text.normalize("NFC");
  const head = /(?:mức\s+)?(?:xếp|phân)\s+loại\s*[:.-]?\s*/iu.exec(nfc);
  if (!head) return null;
  const after = nfc.slice(head.index + head[0].length);
  const bands: RatingBand[] = [];
  for (const segment of after.split(/;|\n|\.\s+(?=\p{Lu})/u)) {
    const read = segmentBand(segment);
    if (read) bands.push(read);
    if (bands.length > MAX_BANDS) return null;
  }
  if (bands.length < 2) return null;
  const problem = scaleProblem(bands);
  return problem ? { bands: [], problems: [problem] } : { bands: sorted(bands), problems: [] };
}

/** One band of a note: its name, then "từ N", "trên N", "≥ N", "dưới N"… */
function segmentBand(segment: string): RatingBand | null {
  const m =
    /^\s*[-+•*–]?\s*(?:loại\s+|mức\s+)?["“]?(.+?)["”]?\s*[:–-]?\s*(?:(?:đạt|có|chỉ số|điểm|tổng điểm)\s+)*(từ|trên|dưới|≥|>=|>|<)\s*(\d+(?:[.,]\d+)?)/iu.exec(
      segment,
    );
  if (!m) return null;
  const label = m[1].trim();
  if (!label || label.length > 40) return null;
  const op = m[2].toLowerCase();
  const n = Number(m[3].replace(",", "."));
  if (op === "dưới" || op === "<") return band(label, 0, true);
  return band(label, n, op === "từ" || op === "≥" || op === ">=");
}

function band(label: string, min: number, minInclusive: boolean): RatingBand {
  const name = label.trim();
  const en = ENGLISH[fold(name).replace(/\s+/g, " ")];
  return { label: name, ...(en ? { labelEn: en } : {}), min, minInclusive };
}

/** Two bands with one name or one threshold cannot both be right. */
function scaleProblem(bands: readonly RatingBand[]): Text | null {
  const names = new Set<string>();
  const mins = new Set<string>();
  for (const b of bands) {
    const name = fold(b.label);
    if (names.has(name))
      return { vi: `mức "${b.label}" xuất hiện hai lần.`, en: `the band "${b.label}" appears twice.` };
    names.add(name);
    const key = `${b.min}${b.minInclusive ? "" : "+"}`;
    if (mins.has(key))
      return {
        vi: `hai mức cùng ngưỡng ${b.min} điểm ("${b.label}").`,
        en: `two bands share the threshold ${b.min} ("${b.label}").`,
      };
    mins.add(key);
  }
  return null;
}

function sorted(bands: readonly RatingBand[]): RatingBand[] {
  return [...bands].sort((a, b) => b.min - a.min || Number(a.minInclusive) - Number(b.minInclusive));
}

/** The scale as a user reads and types it back: "Xuất sắc=90,Tốt=80,…" (">" for a threshold not included). */
export function ratingOptionText(bands: readonly RatingBand[]): string {
  return sorted(bands)
    .map((b) => `${b.label}${b.minInclusive ? "=" : ">"}${b.min}`)
    .join(",");
}

/** Where a template's rating scale was read, for the import's report. */
export interface RatingsFound extends RatingsRead {
  sheet: string;
  address: string;
}

/** Bounds: templates are a few hundred rows; a rating note sits in the title block or under the table. */
const SCAN_ROWS = 2_000;
const SCAN_COLS = 40;
const TABLE_ROWS = MAX_BANDS;

/**
 * The template's rating scale: a note in one cell ("Xếp loại: Xuất sắc từ 90 điểm trở lên; …"), or a
 * heading "Xếp loại" with one band per row below it ("Xuất sắc | Từ 90 điểm trở lên"). The first found,
 * sheet by sheet, top to bottom; null when there is none.
 */
export function ratingsInWorkbook(wb: WorkbookSnapshot): RatingsFound | null {
  for (const sheet of wb.sheets) {
    const rows = sheet.values.slice(0, SCAN_ROWS);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? [];
      for (let c = 0; c < Math.min(row.length, SCAN_COLS); c++) {
        const v = row[c];
        if (typeof v !== "string" || !/xep loai|phan loai/.test(fold(v))) continue;
        const place = { sheet: sheet.name, address: a1(sheet.origin.row + r, sheet.origin.col + c) };
        const note = ratingsFromNote(v) ?? ratingsFromNote(`Xếp loại: ${tableBelow(rows, r, c).join(";")}`);
        // A heading alone ("Xếp loại") with nothing readable below is not a scale; keep looking.
        if (note && (note.bands.length || isHeading(v))) return { ...note, ...place };
      }
    }
  }
  return null;
}

/** "Xếp loại", "Mức xếp loại", "Thang xếp loại": a heading whose bands are on the rows below. */
function isHeading(v: string): boolean {
  return /^(muc |thang |bang )?(xep|phan) loai( don vi)?$/.test(foldWords(v));
}

/** The rows under a heading cell, each its cells from that column on joined with spaces, to the first blank. */
function tableBelow(rows: readonly (readonly CellValue[] | undefined)[], r: number, c: number): string[] {
  if (!isHeading(String(rows[r]?.[c] ?? ""))) return [];
  const out: string[] = [];
  for (let k = r + 1; k < Math.min(rows.length, r + 1 + TABLE_ROWS); k++) {
    const cells = (rows[k] ?? [])
      .slice(c, c + 4)
      .filter((x) => x !== null && x !== undefined && String(x).trim());
    if (cells.length === 0) break;
    out.push(cells.map(String).join(" "));
  }
  return out;
}
