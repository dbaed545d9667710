/**
 * Finding the header: the row (or two or three rows, group cells over column names) in the first 60
 * whose cells name the most column roles, and which column plays which role.
 */
import { parseRange } from "../address";
import type { ColumnRole } from "../columns";
import { fold, foldWords } from "../fold";
import type { SheetSnapshot } from "../snapshot";
import { ROLE_COUNT, readHeader } from "./header-words";
import type { ColumnChoice, HeaderGuess } from "./types";
import { UNIT_LINE } from "./unit-name";

/** The header is the row (or pair of rows) in the first 60 whose cells name the most column roles. */
export function findHeader(sheet: SheetSnapshot): HeaderGuess | null {
  const values = sheet.values;
  const ranges = (sheet.merges ?? []).map(mergeRange);
  const limit = Math.min(values.length, 60);
  const scan = new HeaderScan(sheet, mergedTopLeft(ranges), limit);
  let best: HeaderGuess | null = null;
  for (let r = 0; r < limit; r++) {
    // A header with the item label and a score column is not followed by another below the data.
    if (best && best.score >= 80 && r > best.row + 3) break;
    // Rows that cannot beat the header found so far need not be read (the rows below a full header).
    const width = values[r - sheet.origin.row]?.length ?? 0;
    for (let count = 1; count <= MAX_HEADER_ROWS; count++) {
      if (r + count - 1 >= sheet.origin.row + values.length) break;
      if (best && bestScore(width, count) <= best.score) continue;
      const g = classify(scan, r, count);
      if (!g || g.score < 2) continue;
      if (!best || g.score > best.score) best = g;
    }
  }
  // The lower rows of a header whose cells are merged down from a row above ("TT" over three rows):
  // the header starts there, though those rows alone named every column.
  while (best && best.count < MAX_HEADER_ROWS + 1) {
    const top = best.row - 1;
    const from = best.row;
    if (!ranges.some((r) => r !== null && r.start.row === top && r.end.row >= from)) break;
    best = { ...best, row: top, count: best.count + 1 };
  }
  return best;
}

/** Provinces draw headers on one row, or two or three with group cells merged over the column names. */
const MAX_HEADER_ROWS = 3;

/** Group cells are short ("Điểm tự đánh giá", "Kết quả thẩm định"); a longer text above a header is a title. */
const GROUP_TEXT_MAX = 40;

/** A group spans a few sub-columns ("Tài liệu kiểm chứng | Điểm | Giải trình"), never the whole table. */
const GROUP_SPAN_MAX = 8;

/** The highest score classify can give `count` rows this wide: every role found, the key ones among them. */
function bestScore(width: number, count: number): number {
  return 100 + 2 * Math.min(width, ROLE_COUNT) - (count - 1);
}

/**
 * "(1) (2) (3) …" or "1 2 3 …" across a row: the column numbers some templates put under the header.
 * At least three cells, every filled cell a small whole number (or one in brackets), counting up by one.
 */
export function isColumnNumberRow(sheet: SheetSnapshot, row: number): boolean {
  const cells = sheet.values[row - sheet.origin.row];
  if (!cells) return false;
  let previous: number | null = null;
  let seen = 0;
  for (const v of cells) {
    if (v === null || v === "") continue;
    const n = typeof v === "number" ? v : typeof v === "string" ? columnNumber(v) : null;
    if (n === null || !Number.isInteger(n) || (previous !== null && n !== previous + 1)) return false;
    previous = n;
    seen++;
  }
  return seen >= 3;
}

export function columnNumber(text: string): number | null {
  const m = /^\(?\s*(\d{1,2})\s*\)?$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

type CellRange = ReturnType<typeof parseRange>;

/** A batch's workbooks come from one template and repeat the same merges: parse each distinct one once. */
const rangeMemo = new Map<string, CellRange>();
function mergeRange(ref: string): CellRange {
  let range = rangeMemo.get(ref);
  if (range === undefined) {
    range = parseRange(ref);
    if (rangeMemo.size > 5_000) rangeMemo.clear();
    rangeMemo.set(ref, range);
  }
  return range;
}
type MergedTopLeft = Map<number, readonly [number, number]>;

/**
 * Merged cells are looked up for every cell of the first rows: a number key avoids building a string per
 * lookup. parseA1 reads at most three column letters (below 18,278), so rows never collide.
 */
function mergeKey(row: number, col: number): number {
  return row * 32_768 + col;
}

/** Cells covered by a merge (other than its top-left) → the top-left cell, for headers merged across columns. */
function mergedTopLeft(ranges: readonly CellRange[]): MergedTopLeft {
  const out: MergedTopLeft = new Map();
  for (const range of ranges) {
    if (!range) continue;
    const cells = (range.end.row - range.start.row + 1) * (range.end.col - range.start.col + 1);
    if (cells > 400) continue;
    const topLeft = [range.start.row, range.start.col] as const;
    for (let r = range.start.row; r <= range.end.row; r++) {
      for (let c = range.start.col; c <= range.end.col; c++) {
        if (r !== range.start.row || c !== range.start.col) out.set(mergeKey(r, c), topLeft);
      }
    }
  }
  return out;
}

/** One cell of a candidate header row as the header rules see it. */
interface HeaderCell {
  /** The trimmed text, or that of the merge covering an empty cell; "" for anything else. */
  text: string;
  /** The title block's "Đơn vị: Xã Hội Đông" is a name, not a header ("hội đồng" folds the same). */
  unitLine: boolean;
  /** foldWords(text), once needed. */
  words: string | null;
  /** Covered by a merge whose top-left cell is in another column (a title or header merged across). */
  across: boolean;
}

const NO_CELL: HeaderCell = { text: "", unitLine: false, words: "", across: false };
const NO_CELL_ACROSS: HeaderCell = { ...NO_CELL, across: true };

/**
 * The header search tries every row alone and with the row below: each cell of the first rows is read,
 * merged and folded once here, however many of those tries it takes part in.
 */
class HeaderScan {
  private readonly rows: (HeaderCell[] | undefined)[] = [];
  private readonly width: number;

  constructor(
    readonly sheet: SheetSnapshot,
    readonly merged: MergedTopLeft,
    readonly lastRow: number,
  ) {
    let width = 0;
    for (let r = 0; r <= lastRow; r++)
      width = Math.max(width, sheet.values[r - sheet.origin.row]?.length ?? 0);
    this.width = width;
  }

  /** The cell in sheet row `row`, `j` columns right of the snapshot's first column. */
  cell(row: number, j: number): HeaderCell {
    let cells = this.rows[row];
    if (!cells) {
      cells = [];
      for (let k = 0; k < this.width; k++) cells.push(this.read(row, k));
      this.rows[row] = cells;
      this.spanGroups(row, cells);
    }
    return cells[j] ?? this.read(row, j);
  }

  /**
   * A group label's span from the header rows themselves, not from merges (#28): the pane reads no
   * merged areas below ExcelApi 1.13, and "centre across selection" has none. An empty cell right of a
   * short label, above a named sub-column, belongs to that label while the label too stands over a named
   * sub-column: "Điểm tự đánh giá" over "Tài liệu kiểm chứng | Điểm | Giải trình". A merge, where the
   * reader has one, already said it; the span ends where a merge covering the row ends.
   */
  private spanGroups(row: number, cells: HeaderCell[]): void {
    if (row + 1 > this.lastRow) return;
    let label = -1;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (c !== NO_CELL) {
        label = c.text && !c.across && !c.unitLine && c.text.length <= GROUP_TEXT_MAX ? k : -1;
        continue;
      }
      if (label < 0) continue;
      if (k - label > GROUP_SPAN_MAX || !this.named(row + 1, k) || !this.named(row + 1, label)) {
        label = -1;
        continue;
      }
      cells[k] = { text: cells[label].text, unitLine: false, words: null, across: true };
    }
  }

  private named(row: number, j: number): boolean {
    return this.cell(row, j).text !== "";
  }

  private read(row: number, j: number): HeaderCell {
    const { sheet, merged } = this;
    const col = sheet.origin.col + j;
    const from = merged.get(mergeKey(row, col));
    const across = from !== undefined && from[1] !== col;
    let v = sheet.values[row - sheet.origin.row]?.[j];
    if ((v === null || v === undefined || v === "") && from)
      v = sheet.values[from[0] - sheet.origin.row]?.[from[1] - sheet.origin.col];
    const text = typeof v === "string" ? v.trim() : "";
    // A column-number cell ("(3)") under a header names nothing.
    if (text === "" || columnNumber(text) !== null) return across ? NO_CELL_ACROSS : NO_CELL;
    // Folding never makes a colon, and a unit line needs one: most cells skip the fold.
    return { text, unitLine: text.includes(":") && UNIT_LINE.test(fold(text)), words: null, across };
  }
}

function wordsOf(cell: HeaderCell): string {
  cell.words ??= foldWords(cell.text);
  return cell.words;
}

/**
 * What a header column is called and what that name says. The column's own name first ("Tài liệu
 * kiểm chứng" under "Điểm tự đánh giá" is evidence); the whole group ("Điểm thẩm định" over "Lần 2",
 * "Sau giải trình") only when the name alone says nothing, and never a group text long enough to be a title.
 */
function columnName(cells: readonly HeaderCell[], lowest: number) {
  const leaf = cells[lowest];
  let text = leaf.text;
  let h = wordsOf(leaf);
  let reading = h.length > 80 ? null : readHeader(h);
  if (!reading && lowest > 0) {
    const parts: string[] = [];
    for (let i = 0; i <= lowest; i++) {
      const t = cells[i].text;
      if (!t || t === parts[parts.length - 1]) continue;
      if (i < lowest && t.length > GROUP_TEXT_MAX) continue;
      parts.push(t);
    }
    if (parts.length > 1) {
      text = parts.join(" ");
      h = foldWords(text);
      reading = h.length > 80 ? null : readHeader(h);
    }
  }
  return reading ? { text, reading, row: lowest } : null;
}

function classify(scan: HeaderScan, top: number, count: number): HeaderGuess | null {
  const sheet = scan.sheet;
  let width = 0;
  for (let i = 0; i < count; i++)
    width = Math.max(width, sheet.values[top + i - sheet.origin.row]?.length ?? 0);
  if (width === 0) return null;
  const columns: Partial<Record<ColumnRole, number>> = {};
  const headers: Partial<Record<ColumnRole, string>> = {};
  let found = 0;
  const cells: HeaderCell[] = [];
  const choices: ColumnChoice[] = [];
  for (let j = 0; j < width; j++) {
    const col = sheet.origin.col + j;
    cells.length = 0;
    let lowest = -1;
    let unitLine = false;
    for (let i = 0; i < count; i++) {
      const c = scan.cell(top + i, j);
      cells.push(c);
      if (c.text) lowest = i;
      if (c.unitLine) unitLine = true;
    }
    if (lowest < 0 || unitLine) continue;
    // A cell merged across columns names one column, at its top-left; the cells it covers only take
    // its text when a row below tells them apart ("Điểm" over "Tối đa | Tự chấm | Thẩm định").
    const leaf = cells[lowest];
    if (leaf.across) continue;
    const named = columnName(cells, lowest);
    if (!named) continue;
    const { text, reading } = named;
    let role: ColumnRole = reading.role === "appraised" ? "appraised1" : reading.role;
    // "Điểm thẩm định" twice, no round named: the second is the second round.
    if (reading.role === "appraised" && columns.appraised1 !== undefined) role = "appraised2";
    const at = { column: col, row: top + named.row, header: text };
    const taken = columns[role];
    if (taken !== undefined) {
      choices.push({
        kind: "two-columns",
        role,
        ...at,
        chosen: { column: taken, header: headers[role] ?? "" },
      });
      continue;
    }
    if (reading.alsoNamed.length)
      choices.push({ kind: "two-roles", role, ...at, others: reading.alsoNamed, because: reading.because });
    columns[role] = col;
    headers[role] = text;
    found++;
  }
  if (found < 2) return null;
  // Roles that identify a scoring table weigh most; stray words in a title block weigh nothing.
  const key =
    (columns.label !== undefined ? 4 : 0) +
    (columns.self !== undefined || columns.appraised1 !== undefined ? 4 : 0) +
    (columns.max !== undefined ? 2 : 0);
  const score = key * 10 + found * 2 - (count - 1);
  return { row: top, count, columns, headers, score, choices };
}
