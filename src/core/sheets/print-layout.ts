import { a1, parseRange } from "../address";
import type { CellStyle, PrintSetup, SheetSpec, SpecCell, SpecTable } from "../sheet-spec";
import type { Annex } from "./annex";
import type { CellValue } from "../snapshot";

/**
 * Lays a written sheet out for A4 (issue #26): the secretariat prints the ranking, the intake and the
 * appraisal sheets, and a sheet squeezed onto one page prints at 4 pt. Given a spec whose columns were
 * chosen to fit a page across, this pass
 * - wraps text columns of tables and long lone lines (title, basis, notes) inside the table's width,
 * - sets each row's height from its text (ExcelJS and LibreOffice do not fit wrapped rows by themselves),
 * - picks the orientation from the total width, fits the width (never the height), repeats the header,
 *   numbers the pages in the footer.
 * The size estimates are deliberately generous: a row a little too tall prints fine, one too short hides text.
 */

/** Excel's width unit: a character '0' of Calibri 11 is 7 px; a column of width w is w×7+5 px wide. */
const PX_PER_WIDTH = 7;
/**
 * The same width where LibreOffice prints without Calibri's metric twin (Carlito): its '0' in DejaVu Sans
 * is about 9 px, so every column is a quarter wider and a fitted page shrinks by as much. The page
 * scale is judged by this worst case, so the sheet stays readable in either program.
 */
const WORST_PX_PER_WIDTH = 9;
const COLUMN_PADDING_PX = 5;
/** Excel's default column width (8.43 characters). */
const DEFAULT_WIDTH = 8.43;
const DEFAULT_SIZE = 11;
/** Points per pixel at 96 dpi. */
const PT_PER_PX = 0.75;
/** A4 in points, and the margins every printed sheet gets (inches). */
const A4 = { width: 595, height: 842 };
export const PRINT_MARGINS = { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/**
 * The smallest scale a fitted page may print at: 11 pt text × 0.75 ≈ 8.3 pt, above the 8 pt floor.
 * `printScale` tells the spec's author (and the tests) whether the chosen columns keep to it.
 */
export const MIN_PRINT_SCALE = 0.75;
/** Portrait while the columns fit a portrait page at this scale or more; landscape beyond. */
const PORTRAIT_SCALE = 0.85;

export interface PrintLayoutOptions {
  /** The footer's word for "page": the sheet's language. */
  lang?: "vi" | "en";
  /** 0-based header rows to repeat on every page (a table's header row). */
  repeatRows?: [number, number];
  pageBreaksBefore?: number[];
  /**
   * Columns printed on pages of their own (per-area detail): the first page holds columns up to
   * `firstPageLastCol`, the title and basis lines wrap within it, and the rest follow in pages of
   * whole column groups (`columnGroups`, e.g. an area's score and rank), `repeatColumns` at the left.
   */
  split?: { firstPageLastCol: number; repeatColumns: [number, number]; columnGroups: number[][] };
  /**
   * The last column lone lines (title, basis, notes) wrap within; the table's last column by default.
   * A split sheet wraps them within its repeated columns, so every page shows them whole.
   */
  textLastCol?: number;
  /** The annex block the user asked for: lines above the title, a signature block under the table. */
  annex?: Annex | null;
  /**
   * The rubric line ("Bộ chỉ số: …", `rubricLine`): the first line of the sheet's own content, every row
   * moved down one. An annex block still goes above it: the decree's layout puts the annex number first.
   */
  rubric?: string;
}

/** The used columns' total width in pixels at 100 %, as the worst-case reader draws them. */
export function sheetWidthPx(spec: SheetSpec): number {
  let px = 0;
  for (let c = 0; c <= lastColumn(spec); c++) px += worstColumnPx(spec, c);
  return px;
}

/** The scale LibreOffice and Excel print a fit-to-width sheet at (1 when it fits at 100 %). */
export function printScale(spec: SheetSpec): number {
  const landscape = spec.print?.landscape === true;
  const m = spec.print?.margins ?? PRINT_MARGINS;
  const paper = landscape ? A4.height : A4.width;
  const printable = paper - (m.left + m.right) * 72;
  return Math.min(1, printable / (sheetWidthPx(spec) * PT_PER_PX));
}

export function layoutForPrint(spec: SheetSpec, options: PrintLayoutOptions = {}): SheetSpec {
  if (options.rubric) {
    const { rubric, ...rest } = options;
    const shiftPair = (p: [number, number] | undefined): [number, number] | undefined =>
      p ? [p[0] + 1, p[1] + 1] : undefined;
    return layoutForPrint(withRubricLine(spec, rubric), {
      ...rest,
      repeatRows: shiftPair(options.repeatRows),
      pageBreaksBefore: options.pageBreaksBefore?.map((r) => r + 1),
    });
  }
  if (options.annex) {
    const { annex, ...rest } = options;
    const lastCol = options.textLastCol ?? options.split?.firstPageLastCol ?? lastColumn(spec);
    const placed = withAnnex(spec, annex, lastCol, options.split?.firstPageLastCol ?? lastCol);
    const by = placed.shift;
    const shiftPair = (p: [number, number] | undefined): [number, number] | undefined =>
      p ? [p[0] + by, p[1] + by] : undefined;
    return layoutForPrint(placed.spec, {
      ...rest,
      repeatRows: shiftPair(options.repeatRows ?? spec.print?.repeatRows),
      pageBreaksBefore: (options.pageBreaksBefore ?? spec.print?.pageBreaksBefore)?.map((r) => r + by),
    });
  }
  const out: SheetSpec = {
    ...spec,
    cells: spec.cells.map((c) => ({ ...c })),
    merges: [...(spec.merges ?? [])],
  };
  out.tables = spec.tables?.map((t) => ({ ...t, wrap: t.wrap ?? textColumns(t) }));
  const lastCol = options.textLastCol ?? options.split?.firstPageLastCol ?? lastColumn(out);
  const heights = new Map<number, number>();
  const need = (row: number, pt: number) => heights.set(row, Math.max(heights.get(row) ?? 0, pt));
  wrapLooseCells(out, lastCol, need);
  for (const t of out.tables ?? []) tableHeights(out, t, need);
  const rowHeights: Record<number, number> = {};
  for (const [row, pt] of [...heights].sort((a, b) => a[0] - b[0])) {
    // Only rows taller than Excel's default: the rest keep the default and print as one line.
    if (pt > 15.5) rowHeights[row] = Math.ceil(pt * 4) / 4;
  }
  out.rowHeights = { ...spec.rowHeights, ...rowHeights };
  const firstPage: SheetSpec = options.split
    ? {
        ...out,
        columnWidths: out.columnWidths?.slice(0, options.split.firstPageLastCol + 1),
        tables: [],
        cells: [{ row: 0, col: options.split.firstPageLastCol }],
      }
    : out;
  const landscape = printScale({ ...firstPage, print: { margins: PRINT_MARGINS } }) < PORTRAIT_SCALE;
  const print: PrintSetup = {
    paper: "A4",
    landscape,
    fitToWidth: true,
    margins: PRINT_MARGINS,
    footer: options.lang === "en" ? "Page &P/&N" : "Trang &P/&N",
  };
  if (options.split) Object.assign(print, splitPages(out, firstPage, landscape, options.split));
  const repeat = options.repeatRows ?? spec.print?.repeatRows;
  if (repeat) print.repeatRows = repeat;
  const breaks = options.pageBreaksBefore ?? spec.print?.pageBreaksBefore;
  if (breaks?.length) print.pageBreaksBefore = breaks;
  out.print = print;
  return out;
}

/**
 * A fixed scale at which the first page's columns fit across (never under `MIN_PRINT_SCALE`), then
 * column breaks so each further page holds whole column groups beside the repeated columns.
 */
function splitPages(
  spec: SheetSpec,
  firstPage: SheetSpec,
  landscape: boolean,
  split: NonNullable<PrintLayoutOptions["split"]>,
): Partial<PrintSetup> {
  const fitted = printScale({ ...firstPage, print: { landscape, margins: PRINT_MARGINS } });
  const scale = Math.max(MIN_PRINT_SCALE, Math.min(1, Math.floor(fitted * 100) / 100));
  const m = PRINT_MARGINS;
  const printablePx = ((landscape ? A4.height : A4.width) - (m.left + m.right) * 72) / PT_PER_PX / scale;
  const px = (cols: number[]) => cols.reduce((sum, c) => sum + worstColumnPx(spec, c), 0);
  const [r0, r1] = split.repeatColumns;
  const repeated = px(Array.from({ length: r1 - r0 + 1 }, (_, k) => r0 + k));
  const breaks: number[] = [];
  let used = Number.POSITIVE_INFINITY;
  for (const group of split.columnGroups) {
    const w = px(group);
    if (used + w > printablePx - repeated) {
      breaks.push(group[0]);
      used = 0;
    }
    used += w;
  }
  return {
    fitToWidth: false,
    scale: Math.round(scale * 100),
    repeatColumns: split.repeatColumns,
    columnBreaksBefore: breaks,
  };
}

function worstColumnPx(spec: SheetSpec, col: number): number {
  return Math.round((spec.columnWidths?.[col] ?? DEFAULT_WIDTH) * WORST_PX_PER_WIDTH + COLUMN_PADDING_PX);
}

/**
 * The annex lines above everything (bold number, italic decision line, centred across `textLastCol`),
 * every row of the sheet moved down to make room, and the signature block two rows under the last row:
 * the place and date over the right signer, the left signer beside, room to sign below.
 */
function withAnnex(
  spec: SheetSpec,
  annex: Annex,
  textLastCol: number,
  lastCol: number,
): { spec: SheetSpec; shift: number } {
  const by = annex.heading.length ? annex.heading.length + 1 : 0;
  const moved = shiftRows(spec, by);
  annex.heading.forEach((line, i) => {
    moved.cells.unshift({
      row: i,
      col: 0,
      value: line,
      style: i === 0 ? { bold: true, hAlign: "center" } : { italic: true, hAlign: "center" },
    });
  });
  const sig = annex.signature;
  if (sig) {
    let bottom = 0;
    for (const c of moved.cells) bottom = Math.max(bottom, c.row);
    for (const t of moved.tables ?? []) bottom = Math.max(bottom, t.row + Math.max(t.rows.length, 1));
    const row = bottom + 2;
    const leftEnd = Math.max(0, Math.min(textLastCol, Math.floor(lastCol / 2)));
    const rightStart = Math.min(lastCol, leftEnd + 1);
    const block = (r: number, c1: number, c2: number, value: string, style: CellStyle) => {
      moved.cells.push({ row: r, col: c1, value, style: { ...style, hAlign: "center", wrap: true } });
      if (c2 > c1) moved.merges?.push(`${a1(r, c1)}:${a1(r, c2)}`);
    };
    if (sig.placeDate) block(row, rightStart, lastCol, sig.placeDate, { italic: true });
    if (sig.left) block(row + 1, 0, leftEnd, sig.left, { bold: true });
    if (sig.right) block(row + 1, rightStart, lastCol, sig.right, { bold: true });
  }
  return { spec: moved, shift: by };
}

/**
 * The rubric line on top of a sheet's own content: every row (with its print rows) one lower, the line
 * in row 1 as a quiet subtitle. Used by `layoutForPrint` and by sheets laid out without it ("Kết quả").
 */
export function withRubricLine(spec: SheetSpec, line: string): SheetSpec {
  const moved = shiftRows(spec, 1);
  moved.cells.unshift({ row: 0, col: 0, value: line, style: { italic: true, color: "404040" } });
  if (spec.print) {
    const p = spec.print;
    moved.print = {
      ...p,
      ...(p.repeatRows ? { repeatRows: [p.repeatRows[0] + 1, p.repeatRows[1] + 1] } : {}),
      ...(p.pageBreaksBefore ? { pageBreaksBefore: p.pageBreaksBefore.map((r) => r + 1) } : {}),
    };
  }
  return moved;
}

/** The whole sheet `by` rows lower: cells, tables, merges, heights, frozen rows and charts. */
function shiftRows(spec: SheetSpec, by: number): SheetSpec & { merges: string[] } {
  const range = (ref: string) => {
    const r = parseRange(ref);
    if (!r) return ref;
    const from = a1(r.start.row + by, r.start.col);
    const to = a1(r.end.row + by, r.end.col);
    return ref.includes(":") ? `${from}:${to}` : from;
  };
  return {
    ...spec,
    cells: spec.cells.map((c) => ({ ...c, row: c.row + by })),
    tables: spec.tables?.map((t) => ({ ...t, row: t.row + by })),
    merges: (spec.merges ?? []).map(range),
    rowHeights: Object.fromEntries(
      Object.entries(spec.rowHeights ?? {}).map(([r, h]) => [Number(r) + by, h]),
    ),
    freeze: spec.freeze ? { ...spec.freeze, rows: spec.freeze.rows + by } : undefined,
    charts: spec.charts?.map((c) => ({
      ...c,
      source: range(c.source),
      anchor: { from: range(c.anchor.from), to: range(c.anchor.to) },
    })),
  };
}

/** The last column anything is written in (cells, tables, merges are within those). */
function lastColumn(spec: SheetSpec): number {
  let last = 0;
  for (const c of spec.cells) last = Math.max(last, c.col);
  for (const t of spec.tables ?? []) last = Math.max(last, t.col + t.headers.length - 1);
  return last;
}

function columnPx(spec: SheetSpec, col: number): number {
  const w = spec.columnWidths?.[col] ?? DEFAULT_WIDTH;
  return Math.round(w * PX_PER_WIDTH + COLUMN_PADDING_PX);
}

/** Table columns that hold text (formatted "@" or holding a string): those wrap; figures never do. */
function textColumns(t: SpecTable): boolean[] {
  return t.headers.map(
    (_, j) => t.numberFormats?.[j] === "@" || t.rows.some((r) => typeof r[j] === "string" && r[j] !== ""),
  );
}

/**
 * A cell outside the tables whose text is wider than its column: alone on its row (a title, a basis or
 * note line) it is merged across the table's width and wrapped there; beside other cells it wraps in its
 * own column. Cells inside an existing merge keep it.
 */
function wrapLooseCells(spec: SheetSpec, lastCol: number, need: (row: number, pt: number) => void): void {
  const merged = (spec.merges ?? []).flatMap((m) => mergedRange(m) ?? []);
  const perRow = new Map<number, SpecCell[]>();
  for (const c of spec.cells) perRow.set(c.row, [...(perRow.get(c.row) ?? []), c]);
  for (const c of spec.cells) {
    if (typeof c.value !== "string" || c.value === "") continue;
    const inMerge = merged.find((m) => c.row >= m.r1 && c.row <= m.r2 && c.col >= m.c1 && c.col <= m.c2);
    if (inMerge) {
      if (c.style?.wrap)
        need(
          c.row,
          textHeight(c.value, spanPx(spec, inMerge.c1, inMerge.c2), c.style) / (inMerge.r2 - inMerge.r1 + 1),
        );
      continue;
    }
    const style = c.style ?? {};
    const own = spanPx(spec, c.col, c.col);
    if (textPx(c.value, style) <= own - 6) continue;
    // Alone on its row within the table's (first page's) width: cells printed on later pages do not count.
    const alone = (perRow.get(c.row) ?? []).every(
      (o) => o === c || o.value === null || o.value === undefined || o.col > lastCol,
    );
    const last = alone ? Math.max(c.col, lastCol) : c.col;
    if (last > c.col) spec.merges?.push(`${a1(c.row, c.col)}:${a1(c.row, last)}`);
    c.style = { ...style, wrap: true, vAlign: style.vAlign ?? "top" };
    need(c.row, textHeight(c.value, spanPx(spec, c.col, last), c.style));
  }
}

/** Each row of a table as tall as its tallest wrapped cell; the header row bold, always wrapped. */
function tableHeights(spec: SheetSpec, t: SpecTable, need: (row: number, pt: number) => void): void {
  const bold: CellStyle = { bold: true };
  t.headers.forEach((h, j) => {
    need(t.row, textHeight(h, spanPx(spec, t.col + j, t.col + j), bold));
  });
  t.rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (!t.wrap?.[j]) return;
      const text = shownText(v);
      if (text) need(t.row + 1 + i, textHeight(text, spanPx(spec, t.col + j, t.col + j), {}));
    });
  });
}

function shownText(v: CellValue): string {
  return v === null || v === undefined ? "" : String(v);
}

function spanPx(spec: SheetSpec, c1: number, c2: number): number {
  let px = 0;
  for (let c = c1; c <= c2; c++) px += columnPx(spec, c);
  return px;
}

/**
 * Pixel width of a character at 11 pt, generous on purpose: Excel prints Calibri (capitals about 8 px,
 * the rest about 6), but LibreOffice without Calibri's metric twin prints DejaVu Sans, about a fifth
 * wider. Vietnamese diacritics do not widen a letter.
 */
function charPx(ch: string): number {
  if (ch === " ") return 4;
  if (/[mwMW—@%]/u.test(ch)) return 11;
  if (/[il.,;:'|!()[\]]/u.test(ch)) return 4;
  if (ch !== ch.toLowerCase()) return 9;
  return 7.4;
}

export function textPx(text: string, style: CellStyle): number {
  let px = 0;
  for (const ch of text) px += charPx(ch);
  return px * sizeFactor(style);
}

function sizeFactor(style: CellStyle): number {
  return ((style.size ?? DEFAULT_SIZE) / DEFAULT_SIZE) * (style.bold ? 1.1 : 1);
}

/** Lines the text takes in a cell `px` wide, wrapping at spaces (a longer word breaks where it must). */
export function lineCount(text: string, px: number, style: CellStyle): number {
  const room = Math.max(10, px - 8) / sizeFactor(style);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(" ")) {
      let w = 0;
      for (const ch of word) w += charPx(ch);
      const gap = used > 0 ? charPx(" ") : 0;
      if (used + gap + w <= room) {
        used += gap + w;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the cell breaks across lines.
      lines += Math.floor(w / room);
      used = w % room;
    }
  }
  return lines;
}

/** Points a cell needs: lines × the font's line height (15 pt for 11 pt text) and a little padding. */
export function textHeight(text: string, px: number, style: CellStyle): number {
  const size = style.size ?? DEFAULT_SIZE;
  return lineCount(text, px, style) * size * 1.3 + 3;
}

function mergedRange(range: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const r = parseRange(range);
  return r ? { r1: r.start.row, c1: r.start.col, r2: r.end.row, c2: r.end.col } : null;
}
