/**
 * The evidence list sheet many templates keep ("Danh mục tài liệu kiểm chứng", "Danh mục TLKC": number,
 * document number, date, title), and the score rows' citations of it ("TL 05", "TL05", "05; 06",
 * "TL 05-07"). Recognised by its title (or sheet name) and its columns; the documents it lists are what
 * the evidence checks (number, date, in the year) then run on.
 */
import { citation } from "./evidence";
import { fold, foldWords } from "./fold";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot";

export interface ListedDocument {
  /** The list's own number ("05" → 5). */
  no: number;
  /** Sheet row (0-based) and the number cell's column, for findings on the list. */
  row: number;
  col: number;
  /** The entry as one line (document number, date, title as written), for messages and the citation checks. */
  text: string;
  /** A date the list gives in a date column (an Excel date or text), as shown. */
  date: { text: string; year: number } | null;
}

export interface EvidenceList {
  sheet: string;
  headerRow: number;
  entries: Map<number, ListedDocument>;
}

const TITLES = ["danh muc tai lieu kiem chung", "danh muc tlkc", "danh muc minh chung"];
/** Header words per column, folded without punctuation. */
const NUMBER_HEADER = /^(stt|tt|so tt|so thu tu|ma tl|ma tai lieu|ma so|so tl|ky hieu tl)$/;
const DOC_HEADER = /(so ky hieu|so hieu|so van ban|ky hieu van ban|so va ky hieu)/;
const DATE_HEADER = /^ngay|ngay ban hanh|thoi gian ban hanh/;
const TITLE_HEADER = /(trich yeu|ten tai lieu|ten van ban|noi dung)/;
/** How far down a title and header are looked for. */
const HEAD_ROWS = 15;

/** The workbook's evidence list, or null when no sheet is one (the first one found wins). */
export function findEvidenceList(wb: WorkbookSnapshot): EvidenceList | null {
  for (const sheet of wb.sheets) {
    const list = readList(sheet);
    if (list) return list;
  }
  return null;
}

function readList(sheet: SheetSnapshot): EvidenceList | null {
  const head = sheet.values.slice(0, HEAD_ROWS);
  const titled =
    TITLES.some((t) => fold(sheet.name).includes(t)) ||
    head.some((r) => r.some((v) => typeof v === "string" && TITLES.some((t) => fold(v).includes(t))));
  if (!titled) return null;
  for (let i = 0; i < head.length; i++) {
    const cols = headerColumns(head[i]);
    if (!cols) continue;
    const entries = new Map<number, ListedDocument>();
    for (let k = i + 1; k < sheet.values.length; k++) {
      const cells = sheet.values[k];
      const no = listNumber(cells[cols.no]);
      if (no === null || entries.has(no)) continue;
      const parts = [cols.doc, cols.date, cols.title].flatMap((c) =>
        c === undefined ? [] : [shown(cells[c])],
      );
      entries.set(no, {
        no,
        row: k + sheet.origin.row,
        col: cols.no + sheet.origin.col,
        text: parts.filter((p) => p !== "").join(" — "),
        date: cols.date === undefined ? null : dateOf(cells[cols.date]),
      });
    }
    return { sheet: sheet.name, headerRow: i + sheet.origin.row, entries };
  }
  return null;
}

/** The list's columns from a header row: a number column and a document-number or title column at least. */
function headerColumns(row: readonly CellValue[]) {
  let no: number | undefined;
  let doc: number | undefined;
  let date: number | undefined;
  let title: number | undefined;
  row.forEach((v, c) => {
    if (typeof v !== "string") return;
    const w = foldWords(v);
    if (no === undefined && NUMBER_HEADER.test(w)) no = c;
    else if (doc === undefined && DOC_HEADER.test(w)) doc = c;
    else if (date === undefined && DATE_HEADER.test(w)) date = c;
    else if (title === undefined && TITLE_HEADER.test(w)) title = c;
  });
  if (no === undefined || (doc === undefined && title === undefined)) return null;
  return { no, doc, date, title };
}

/** A list number as written: 5, "05", "TL 05", "TL05", "TLKC-05". */
function listNumber(v: CellValue): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v > 0 && v < 100_000 ? v : null;
  if (typeof v !== "string") return null;
  const m = /^\s*(?:tlkc|tl)?\s*[-.]?\s*0*(\d{1,5})\s*\.?\s*$/.exec(fold(v));
  return m ? Number(m[1]) : null;
}

function shown(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "number" && isSerialDate(v)) return serialText(v);
  return String(v).trim();
}

function dateOf(v: CellValue): { text: string; year: number } | null {
  if (typeof v === "number")
    return isSerialDate(v) ? { text: serialText(v), year: serialDate(v).getUTCFullYear() } : null;
  if (typeof v !== "string") return null;
  return citation(v).dates[0] ?? null;
}

/** Excel's day numbers for 1954–2119: a number in a date column is a date, not a count. */
function isSerialDate(v: number): boolean {
  return v >= 20_000 && v <= 80_000;
}

function serialDate(v: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000);
}

function serialText(v: number): string {
  const d = serialDate(v);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * The list number a link into the workbook points at ("#'Danh mục TLKC'!B7": the entry on row 7 of the
 * list sheet), or null for a link elsewhere.
 */
export function listNumberAtLink(list: EvidenceList, link: string): number | null {
  const m = /^#(?:'((?:[^']|'')+)'|([^!]+))!\$?[A-Za-z]{1,3}\$?(\d{1,7})(?::.*)?$/.exec(link.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  if (fold(sheet) !== fold(list.sheet)) return null;
  const row = Number(m[3]) - 1;
  for (const d of list.entries.values()) if (d.row === row) return d.no;
  return null;
}

/** Citations of the list in an evidence cell: "TL 05; TL 06", "TL05", "TL 05-07", or bare "05; 06". */
const TL = /\b(?:tlkc|tl)\s*[-.]?\s*0*(\d{1,5})(?:\s*[-–]\s*(?:tlkc|tl)?\s*0*(\d{1,5}))?(?![\d/])/g;
const BARE = /^\s*\d{1,5}(?:\s*[-–]\s*\d{1,5})?(?:\s*[;,]\s*\d{1,5}(?:\s*[-–]\s*\d{1,5})?)*\s*[;,.]?\s*$/;
const BARE_PART = /0*(\d{1,5})(?:\s*[-–]\s*0*(\d{1,5}))?/g;
/** A range cites at most this many numbers ("TL 1-99999" is a typo, not 99,999 citations). */
const MAX_RANGE = 500;

/** The list numbers an evidence cell cites, in order, without repeats; null where it cites none. */
export function citedNumbers(text: string): number[] | null {
  const f = fold(text);
  const out: number[] = [];
  const seen = new Set<number>();
  const push = (from: number, to: number) => {
    const end = to >= from && to - from < MAX_RANGE ? to : from;
    for (let n = from; n <= end; n++) {
      if (!seen.has(n)) out.push(n);
      seen.add(n);
    }
  };
  const re = TL.test(f) ? TL : BARE.test(f) ? BARE_PART : null;
  if (!re) return null;
  re.lastIndex = 0;
  for (let m = re.exec(f); m; m = re.exec(f)) push(Number(m[1]), m[2] ? Number(m[2]) : Number(m[1]));
  return out.length ? out : null;
}
