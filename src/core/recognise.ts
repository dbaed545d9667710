/**
 * Template recognition: find the scoring table in a workbook the way the unit laid it out — header
 * below a title block, columns moved, renamed or inserted, a header merged over two rows — and match
 * its rows to rubric items by code, or by folded label where codes are missing or styled differently.
 * Users never change their layout for us; instead we say what we recognised so they can check it.
 */
import { a1, columnLetters, parseRange } from "./address";
import type { ColumnRole } from "./columns";
import type { Finding } from "./finding";
import { fold, foldWords } from "./fold";
import { memoize } from "./memo";
import { msg } from "./messages";
import { parseNumberText } from "./numbers";
import { codeStyle, codeText, codeTree, positionalPaths, usesPositionalCodes } from "./recognition/codes";
import type { Rubric } from "./rubric/schema";
import { normaliseCode, rubricIndex, shownPathKey } from "./rubric/tree";
import {
  type CellValue,
  cellAt,
  formulaAt,
  numberFormatAt,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "./snapshot";

export interface TableRow {
  /** 0-based sheet row. */
  row: number;
  code: string | null;
  label: string | null;
  max: number | null;
  /** Rubric code this row was matched to, or null. */
  item: string | null;
  matchedBy: "code" | "label" | null;
  /** The "TỔNG CỘNG" row. */
  isTotal: boolean;
}

export interface RecognisedTable {
  sheet: string;
  /**
   * Which sheet of the snapshot, by position: a crafted workbook can give two sheets one name, and the
   * values checked must be those of the sheet recognised (absent on tables built by hand in tests).
   */
  sheetIndex?: number;
  /** 0-based sheet row of the first header row. */
  headerRow: number;
  headerRowCount: number;
  firstDataRow: number;
  lastDataRow: number;
  /** 0-based sheet column per role. */
  columns: Partial<Record<ColumnRole, number>>;
  /** The header text each column was recognised by (shown to the user so they can check). */
  columnHeaders: Partial<Record<ColumnRole, string>>;
  unitName: string | null;
  /** The "Đơn vị: …" cell, whether filled or not. */
  unitNameAddress: string | null;
  rows: TableRow[];
}

export interface RecogniseOptions {
  /** Every sheet holding a unit table (consolidation workbooks), not only the best one. */
  allSheets?: boolean;
  /**
   * Reading a rubric, not a unit: a table of codes, labels and maxima is enough, with or without score
   * columns (a province's rubric sheet often has none).
   */
  rubricOnly?: boolean;
  /**
   * The user's correction when a column was recognised wrongly: role → 0-based sheet column (null:
   * no such column), on the named sheet or on every sheet. Applied before the rows are read.
   */
  columns?: { sheet?: string; roles: Partial<Record<ColumnRole, number | null>> };
}

export interface Recognition {
  tables: RecognisedTable[];
  findings: Finding[];
}

/** Sheets the add-in writes; never a unit's table. */
const OWNED = ["ket qua", "xep hang", "bao cao kiem tra"];

/**
 * Header words per role, tried in this order: "Hướng dẫn chấm / Tài liệu kiểm chứng yêu cầu" is
 * guidance before it is evidence, "Ý kiến thẩm định" a note before an appraisal, "Giải trình/Ghi chú"
 * an explanation before a note.
 */
const RULES: { role: ColumnRole | "appraised"; test: (h: string) => boolean }[] = [
  { role: "code", test: (h) => /^(stt|tt|so tt|so thu tu|ma|ma so|ma tieu chi|ky hieu)$/.test(h) },
  { role: "guidance", test: (h) => /huong dan|cach cham|cach tinh|phuong phap cham|yeu cau/.test(h) },
  { role: "self", test: (h) => /tu danh gia|tu cham|tu diem|diem tu/.test(h) },
  { role: "explanation", test: (h) => /giai trinh/.test(h) },
  { role: "note", test: (h) => /ghi chu|y kien|nhan xet/.test(h) },
  { role: "appraised", test: (h) => /tham dinh|cham thuc te|thuc te|hoi dong|diem dat duoc/.test(h) },
  {
    role: "evidence",
    test: (h) => /tai lieu kiem chung|tlkc|kiem chung|minh chung|van ban chung minh/.test(h),
  },
  { role: "max", test: (h) => /toi da|diem chuan|thang diem|diem quy dinh/.test(h) },
  { role: "label", test: (h) => /noi dung|linh vuc|tieu chi|chi so|ten chi tieu/.test(h) },
];

/** Header texts repeat across a batch's workbooks: classify each distinct one once. */
const ruleFor = memoize((header: string) => RULES.find((x) => x.test(header)) ?? null, 20_000);

interface HeaderGuess {
  row: number;
  /** Header rows: one, or two/three where group cells are merged over the column names. */
  count: number;
  columns: Partial<Record<ColumnRole, number>>;
  headers: Partial<Record<ColumnRole, string>>;
  score: number;
}

/** The sheet a table was recognised on: by position when known (names can repeat in a crafted file). */
export function sheetOf(wb: WorkbookSnapshot, table: Pick<RecognisedTable, "sheet" | "sheetIndex">) {
  if (table.sheetIndex !== undefined && wb.sheets[table.sheetIndex]?.name === table.sheet)
    return wb.sheets[table.sheetIndex];
  return wb.sheets.find((s) => s.name === table.sheet);
}

export function recogniseWorkbook(
  wb: WorkbookSnapshot,
  rubric: Rubric | null,
  options: RecogniseOptions = {},
): Recognition {
  const candidates: { table: RecognisedTable; score: number }[] = [];
  const partial: { sheet: string; guess: HeaderGuess }[] = [];
  for (const [sheetIndex, sheet] of wb.sheets.entries()) {
    const name = fold(sheet.name);
    if (OWNED.some((o) => name.startsWith(o))) continue;
    const found = findHeader(sheet);
    if (!found) continue;
    const guess = withCorrections(found, options.columns, sheet.name);
    const scores = guess.columns.self !== undefined || guess.columns.appraised1 !== undefined;
    const enough = options.rubricOnly ? scores || guess.columns.max !== undefined : scores;
    if (guess.columns.label === undefined || !enough) {
      partial.push({ sheet: sheet.name, guess });
      continue;
    }
    const table = buildTable(sheet, guess, rubric);
    table.sheetIndex = sheetIndex;
    const matched = table.rows.filter((r) => r.item).length;
    if (table.rows.length === 0) continue;
    candidates.push({ table, score: guess.score * 1000 + matched });
  }
  if (candidates.length === 0) return { tables: [], findings: notFound(wb, partial) };
  if (!options.allSheets)
    return { tables: [candidates.reduce((a, b) => (b.score > a.score ? b : a)).table], findings: [] };
  // A consolidation workbook often keeps the blank template beside the unit sheets: a table where
  // nobody entered a score is not a unit while other sheets have scores. Said, not dropped silently.
  const filled = candidates.filter((c) => hasEnteredScores(sheetOf(wb, c.table) as SheetSnapshot, c.table));
  if (filled.length === 0 || filled.length === candidates.length)
    return { tables: candidates.map((c) => c.table), findings: [] };
  const findings: Finding[] = candidates
    .filter((c) => !filled.includes(c))
    .map((c) => ({
      code: "table-not-found",
      severity: "info",
      sheet: c.table.sheet,
      address: a1(c.table.headerRow, c.table.columns.label ?? 0),
      item: null,
      message: msg.blankTableSkipped(c.table.sheet),
    }));
  return { tables: filled.map((c) => c.table), findings };
}

function notFound(wb: WorkbookSnapshot, partial: { sheet: string; guess: HeaderGuess }[]): Finding[] {
  const best = partial.sort((a, b) => b.guess.score - a.guess.score)[0];
  if (best) {
    const missing: ColumnRole[] = [];
    if (best.guess.columns.label === undefined) missing.push("label");
    if (best.guess.columns.self === undefined && best.guess.columns.appraised1 === undefined)
      missing.push("self");
    const recognised = (Object.entries(best.guess.columns) as [ColumnRole, number][])
      .sort((a, b) => a[1] - b[1])
      .map(([role, col]) => ({ role, column: columnLetters(col), header: best.guess.headers[role] ?? "" }));
    return missing.map((role) => ({
      code: "missing-column",
      severity: "error",
      sheet: best.sheet,
      address: a1(best.guess.row, 0),
      item: null,
      message: msg.missingKeyColumn(role, best.guess.row, recognised),
      expected: role,
    }));
  }
  return [
    {
      code: "table-not-found",
      severity: "error",
      sheet: null,
      address: null,
      item: null,
      message: msg.tableNotFound(wb.source, wb.sheets.length),
    },
  ];
}

/** The header is the row (or pair of rows) in the first 60 whose cells name the most column roles. */
function withCorrections(
  guess: HeaderGuess,
  corrections: RecogniseOptions["columns"],
  sheet: string,
): HeaderGuess {
  if (!corrections || (corrections.sheet && corrections.sheet !== sheet)) return guess;
  const columns = { ...guess.columns };
  const headers = { ...guess.headers };
  for (const [role, col] of Object.entries(corrections.roles) as [ColumnRole, number | null][]) {
    // A column holds one role: moving a role onto a column takes it from the role that had it.
    for (const [other, c] of Object.entries(columns) as [ColumnRole, number][])
      if (c === col && other !== role) delete columns[other];
    if (col === null) delete columns[role];
    else columns[role] = col;
    headers[role] = col === null ? undefined : `${headers[role] ?? ""}`.trim() || "(chọn tay / set by hand)";
  }
  return { ...guess, columns, headers };
}

function findHeader(sheet: SheetSnapshot): HeaderGuess | null {
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

/** Roles a header can name: one per rule, and the appraisal rule names two rounds. */
const ROLE_COUNT = RULES.length + 1;

/** Provinces draw headers on one row, or two or three with group cells merged over the column names. */
const MAX_HEADER_ROWS = 3;

/** Group cells are short ("Điểm tự đánh giá", "Kết quả thẩm định"); a longer text above a header is a title. */
const GROUP_TEXT_MAX = 40;

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

function columnNumber(text: string): number | null {
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
    lastRow: number,
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
    }
    return cells[j] ?? this.read(row, j);
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
 * What a header column is called and the rule that name matches. The column's own name first ("Tài liệu
 * kiểm chứng" under "Điểm tự đánh giá" is evidence); the group above it only when the name alone says
 * nothing ("Điểm", "Lần 1"), and never a group text long enough to be a title.
 */
function columnName(cells: readonly HeaderCell[], lowest: number) {
  const leaf = cells[lowest];
  let text = leaf.text;
  let h = wordsOf(leaf);
  let rule = h.length > 80 ? null : ruleFor(h);
  if (!rule && lowest > 0) {
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
      rule = h.length > 80 ? null : ruleFor(h);
    }
  }
  return rule ? { text, h, rule } : null;
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
    const { text, h, rule } = named;
    let role: ColumnRole = rule.role === "appraised" ? "appraised1" : rule.role;
    if (rule.role === "appraised") {
      if (/lan 2|lan ii|vong 2/.test(h) || columns.appraised1 !== undefined) role = "appraised2";
    }
    if (role === "label" && /^diem\b/.test(h)) continue;
    if (columns[role] !== undefined) continue;
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
  return { row: top, count, columns, headers, score };
}

/**
 * The grand-total row: "TỔNG CỘNG", "Tổng điểm (I+II+…)", a bare "Cộng"/"Tổng". Item labels that merely
 * start with the same syllable ("Công tác chỉ đạo…", "Cổng thông tin…", "Công khai ngân sách") fold to
 * "cong …" too, so a bare "cong"/"tong" only counts when nothing but sums follow it.
 */
const LEADING_CODE = /^((?:[IVXL]+|\d+(?:\.\d+)*|[a-zđ])[.)]|\d+\.\d+(?:\.\d+)*)\s+(\S.*)$/u;

const TOTAL = /^(tong cong|tong so diem|tong diem|total|grand total)\b|^(tong so|tong|cong)( [ivxl0-9+ ]*)?$/;

function buildTable(sheet: SheetSnapshot, guess: HeaderGuess, rubric: Rubric | null): RecognisedTable {
  const first = guess.row + guess.count;
  const at = (row: number, col: number | undefined): CellValue =>
    col === undefined ? null : (sheet.values[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null);
  const rows: TableRow[] = [];
  const lastSheetRow = sheet.origin.row + sheet.values.length - 1;
  let blank = 0;
  for (let r = first; r <= lastSheetRow; r++) {
    const codeCell = at(r, guess.columns.code);
    const labelCell = at(r, guess.columns.label);
    const maxCell = at(r, guess.columns.max);
    let code =
      guess.columns.code === undefined
        ? null
        : codeText(codeCell, numberFormatAt(sheet, r, guess.columns.code));
    let label =
      typeof labelCell === "string"
        ? labelCell.trim() || null
        : labelCell === null
          ? null
          : String(labelCell);
    // Templates without a code column often write the code into the label: "1.1. Kế hoạch", "a) Ban hành".
    if (!code && label) {
      const lead = LEADING_CODE.exec(label);
      if (lead) {
        code = lead[1];
        label = lead[2];
      }
    }
    // Prose in the code column is a note or a footer line ("Ghi chú: …" merged across the table).
    if (code && isProse(code)) {
      if (!label) label = code;
      code = null;
    }
    const max = typeof maxCell === "number" ? maxCell : null;
    if (!code && !label) {
      // Signature blocks sit a few rows below the table: stop after a run of blank rows.
      if (++blank >= 5) break;
      continue;
    }
    blank = 0;
    if (isColumnNumberRow(sheet, r)) continue;
    const isTotal = !code && label !== null && TOTAL.test(foldWords(label));
    // Rows with a label but no code and no max are headings or notes below the table, unless they carry
    // scores; so are coded rows whose maximum cell is empty ("A | PHẦN A. CÁC TIÊU CHÍ …") in a table
    // that has a maximum column. A maximum typed as text is kept, for the import to report.
    // Without a code, words in the maximum column are a signature block ("THỦ TRƯỞNG ĐƠN VỊ") standing
    // over the table's columns, not a maximum typed as text ("1,5", which the import reports).
    const wordsForMax = !code && typeof maxCell === "string" && parseNumberText(maxCell) === null;
    const noMax =
      max === null &&
      (guess.columns.max === undefined ? !code : maxCell === null || maxCell === "" || wordsForMax);
    if (!isTotal && noMax && !hasScore(sheet, r, guess.columns)) continue;
    rows.push({ row: r, code, label, max, item: null, matchedBy: null, isTotal });
  }
  if (rubric) matchRows(rows, rubric);
  const unit = findUnitName(sheet, guess.row);
  return {
    sheet: sheet.name,
    headerRow: guess.row,
    headerRowCount: guess.count,
    firstDataRow: first,
    lastDataRow: rows.length ? rows[rows.length - 1].row : first - 1,
    columns: guess.columns,
    columnHeaders: guess.headers,
    unitName: unit.name,
    unitNameAddress: unit.address,
    rows,
  };
}

/** Whether anyone typed a score into the table (formulas alone, as in a blank template, do not count). */
function hasEnteredScores(sheet: SheetSnapshot, table: RecognisedTable): boolean {
  for (const role of ["self", "appraised1", "appraised2"] as const) {
    const col = table.columns[role];
    if (col === undefined) continue;
    for (const row of table.rows) {
      if (row.isTotal) continue;
      const v = cellAt(sheet, row.row, col);
      if (v !== null && v !== "" && formulaAt(sheet, row.row, col) === null) return true;
    }
  }
  return false;
}

/** A code cell holding words, not a code: "Ghi chú: Điểm được làm tròn …", "Người lập biểu". */
function isProse(code: string): boolean {
  return codeStyle(code) === "none" && (code.length > 12 || /\p{L}{2,}\s+\p{L}{2,}/u.test(code));
}

function hasScore(sheet: SheetSnapshot, row: number, columns: Partial<Record<ColumnRole, number>>): boolean {
  for (const role of ["self", "appraised1", "appraised2"] as const) {
    const c = columns[role];
    if (c === undefined) continue;
    const v = sheet.values[row - sheet.origin.row]?.[c - sheet.origin.col];
    if (typeof v === "number") return true;
  }
  return false;
}

/**
 * Code first, label as the tie-breaker: a row whose code names an item but whose label names another
 * goes by its label. Codes are compared as written (normalised: "14.3." meets "14.3", "a)" meets "a");
 * a code the rubric uses more than once ("2.1" in every area, "a)" under every criterion) is told apart
 * by the codes above it in the table. A table in Roman/letter codes checked against a rubric in dotted
 * codes (a built-in, say) is matched by the position its codes stand for: "1" under "II" is item 2.1.
 */
export function matchRows(rows: TableRow[], rubric: Rubric): void {
  const index = rubricIndex(rubric);
  const { byCode, byNormalisedCode, byShownPath, byPosition, byLabel, labelKeys } = index;
  // A row showing the rubric's own label for the code it names needs no folding: the key is known.
  const labelKey = (label: string, code: string | undefined): string | undefined =>
    code !== undefined && byCode.get(code)?.label === label ? labelKeys.get(code) : foldWords(label);
  const items = rows.filter((r) => !r.isTotal);
  const codes = items.map((r) => r.code);
  const positional = usesPositionalCodes(codes) && !index.positionalCodes;
  const paths = positional ? positionalPaths(codes) : null;
  const parents = positional ? null : codeTree(codes);
  // Written codes from the top of the table down to each row: only needed where a code repeats.
  const shownPaths: (string[] | undefined)[] = [];
  const shownPathOf = (k: number): string[] => {
    let path = shownPaths[k];
    if (!path) {
      const parent = parents?.[k] ?? null;
      const above = parent === null ? [] : shownPathOf(parent);
      path = items[k].code ? [...above, items[k].code as string] : above;
      shownPaths[k] = path;
    }
    return path;
  };
  const used = new Set<string>();
  // Where one code or label stands for many items (100,000 bullets under one criterion), each list is
  // walked once across the whole table: a cursor per list skips what is used, and used only grows.
  const cursors = new Map<readonly string[], number>();
  const firstUnused = (keys: readonly string[] | undefined): string | undefined => {
    if (!keys || keys.length === 0) return undefined;
    let k = cursors.get(keys) ?? 0;
    while (k < keys.length && used.has(keys[k])) k++;
    cursors.set(keys, k);
    return keys[k] ?? keys[0];
  };
  for (let k = 0; k < items.length; k++) {
    const row = items[k];
    let codeHit: string | undefined;
    if (paths) {
      const path = paths[k];
      codeHit = path ? byPosition.get(path.join(".")) : undefined;
    } else if (row.code) {
      const keys = byNormalisedCode.get(normaliseCode(row.code));
      codeHit =
        keys && keys.length > 1 ? firstUnused(byShownPath.get(shownPathKey(shownPathOf(k)))) : keys?.[0];
    }
    const key = row.label ? labelKey(row.label, codeHit) : undefined;
    const labelHits = (key === undefined ? undefined : byLabel.get(key)) ?? NO_CODES;
    const labelHit = firstUnused(labelHits);
    if (codeHit && (labelHits.length === 0 || labelHits.includes(codeHit))) {
      row.item = codeHit;
      row.matchedBy = "code";
    } else if (labelHit) {
      row.item = labelHit;
      row.matchedBy = "label";
    } else if (codeHit) {
      row.item = codeHit;
      row.matchedBy = "code";
    }
    if (row.item) used.add(row.item);
  }
}

const NO_CODES: readonly string[] = [];

const UNIT_LINE = /^(don vi|ten don vi|co quan|ten co quan|unit)\s*:/;
/** A commune's own letterhead: "UBND XÃ AN BÌNH", "Ủy ban nhân dân phường 3" (not the district or province above it). */
const COMMUNE_HEAD = /^(ubnd|uy ban nhan dan)\s+((xa|phuong|thi tran)\s+\S.*)$/;

function findUnitName(
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
  return text
    .toLocaleLowerCase("vi")
    .replace(/(^|\s)(\p{L})/gu, (_m, space: string, ch: string) => space + ch.toLocaleUpperCase("vi"));
}
