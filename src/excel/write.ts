/**
 * Write once: a SheetSpec becomes queued Office.js operations on an add-in-owned sheet, flushed with as few
 * `context.sync()` calls as Excel on the web's 5 MB request cap allows (one for any ordinary sheet).
 * Only the sheet named by the spec is touched; it is deleted and recreated, so a rewrite is idempotent.
 */
import { a1, columnLetters } from "../core/address";
import type { CellValue } from "../core/snapshot";
import {
  type CellStyle,
  type PrintSetup,
  quotePrefixed,
  type SheetSpec,
  type SpecCell,
  type SpecChart,
} from "../core/sheet-spec";
import { uniqueHeaders } from "../core/sheets/unique-headers";
import { isExcelApiSupported } from "./errors";

/** Stay well under the 5 MB request cap: Office's JSON for an operation is larger than our estimate. */
export const REQUEST_BUDGET_BYTES = 2_000_000;
/** Rows per values write: a few thousand rows at a time, as Office recommends for big ranges. */
export const ROWS_PER_CHUNK = 2_000;

/** Tracks the estimated size of queued work and syncs before it would exceed the request cap. */
export class WriteBatch {
  private bytes = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = REQUEST_BUDGET_BYTES,
  ) {}
  async add(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    this.syncs++;
    await this.context.sync();
  }
}

/** Text Excel's input parser would turn into something else: a number ("1.1", "05"), a date, a boolean, a percentage. */
const PARSED_AS_VALUE =
  /^\s*(?:[-+]?[\d.,]+(?:e[-+]?\d+)?%?|\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?|true|false)\s*$/i;

/**
 * A value as `range.values`/`range.formulas` must receive it so the cell holds exactly that value:
 * formula-like text is quote-prefixed against injection (core's rule), and so is text Excel would
 * re-type (an item code "1.10" must not become the number 1.1).
 */
export function cellInput(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return v;
  const escaped = quotePrefixed(v);
  // A leading apostrophe is itself Excel's quote prefix and would vanish unless doubled.
  return escaped === v && (PARSED_AS_VALUE.test(v) || v.startsWith("'")) ? `'${v}` : escaped;
}

const cellText = cellInput;

function estimate(v: unknown): number {
  return typeof v === "string" ? v.length * 2 + 4 : 12;
}

export interface WriteSheetOptions {
  /** The sheet exists already (the caller read the sheet list in its read sync): delete it first. */
  exists: boolean;
  /** Make the new sheet the active one. */
  activate?: boolean;
}

/**
 * Queues the spec onto a fresh sheet; syncs only when the batch would exceed the request budget.
 * The caller owns the final `batch.flush()` so several sheets can share one sync.
 */
export async function writeSheetSpec(
  context: Excel.RequestContext,
  spec: SheetSpec,
  options: WriteSheetOptions,
  batch = new WriteBatch(context),
): Promise<{ pageLayout: boolean }> {
  const sheets = context.workbook.worksheets;
  if (options.exists) sheets.getItem(spec.name).delete();
  const ws = sheets.add(spec.name);
  await batch.add(200);
  await writeCells(ws, spec.cells, batch);
  for (const t of spec.tables ?? []) {
    const width = t.headers.length;
    const lastRow = t.row + t.rows.length;
    const grid: (string | number | boolean)[][] = [uniqueHeaders(t.headers).map(cellText)];
    for (const r of t.rows) grid.push(Array.from({ length: width }, (_, j) => cellText(r[j] ?? null)));
    await writeGrid(ws, t.row, t.col, grid, batch);
    const table = ws.tables.add(`${a1(t.row, t.col)}:${a1(lastRow, t.col + width - 1)}`, true);
    table.name = t.name;
    if (t.style) table.style = t.style;
    await batch.add(200);
    t.numberFormats?.forEach((nf, j) => {
      if (!nf || t.rows.length === 0) return;
      ws.getRange(`${a1(t.row + 1, t.col + j)}:${a1(lastRow, t.col + j)}`).numberFormat = t.rows.map(() => [
        nf,
      ]);
    });
    await batch.add(t.rows.length * 8 * (t.numberFormats?.length ?? 0));
    if (t.wrap && t.rows.length) {
      // Wrapped rows are several lines tall: every data cell reads from the top, text columns wrap.
      ws.getRange(`${a1(t.row + 1, t.col)}:${a1(lastRow, t.col + width - 1)}`).format.verticalAlignment =
        "Top";
      t.wrap.forEach((wrap, j) => {
        if (wrap) ws.getRange(`${a1(t.row + 1, t.col + j)}:${a1(lastRow, t.col + j)}`).format.wrapText = true;
      });
      await batch.add(200 + width * 80);
    }
    for (let j = 0; j < (t.links?.length ?? 0); j++) {
      const col = t.links?.[j] ?? [];
      for (let i = 0; i < col.length; i++) {
        const target = col[i];
        if (!target) continue;
        ws.getRange(a1(t.row + 1 + i, t.col + j)).hyperlink = linkTo(target, t.rows[i]?.[j] ?? null);
        await batch.add(100 + target.length * 2);
      }
    }
  }
  for (const m of spec.merges ?? []) {
    ws.getRange(m).merge(false);
    await batch.add(60);
  }
  spec.columnWidths?.forEach((w, c) => {
    if (w > 0) ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = Math.round(w * 7);
  });
  await batch.add((spec.columnWidths?.length ?? 0) * 60);
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    if (spec.freeze.rows > 0 && spec.freeze.cols > 0)
      ws.freezePanes.freezeAt(ws.getRange(`A1:${a1(spec.freeze.rows - 1, spec.freeze.cols - 1)}`));
    else if (spec.freeze.rows > 0) ws.freezePanes.freezeRows(spec.freeze.rows);
    else ws.freezePanes.freezeColumns(spec.freeze.cols);
  }
  // Row heights (ExcelApi 1.1) for wrapped text: the spec computed them, as for the .xlsx file.
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) {
    ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
    await batch.add(80);
  }
  const printed = spec.print ? queuePageLayout(ws, spec.print) : true;
  // After the column widths: a chart spans cells, so its size follows them.
  await queueCharts(ws, spec.charts ?? [], batch);
  if (spec.tabColor) ws.tabColor = `#${spec.tabColor}`;
  if (spec.hidden) ws.visibility = "Hidden";
  else if (options.activate) ws.activate();
  await batch.add(300);
  return { pageLayout: printed };
}

/** The page setup needs ExcelApi 1.9 (`pageLayout`); a host without it prints with Excel's defaults. */
export function pageLayoutSupported(): boolean {
  return isExcelApiSupported("1.9");
}

/**
 * A4, orientation, fit to the width only, margins, the footer "Trang &P/&N" and the repeated header rows,
 * as the .xlsx writer sets them. Page breaks are left to the printed file: the pane writes none.
 * False when the host lacks ExcelApi 1.9, so the caller can say the sheet prints with Excel's defaults.
 */
function queuePageLayout(ws: Excel.Worksheet, print: PrintSetup): boolean {
  if (!isExcelApiSupported("1.9")) return false;
  const page = ws.pageLayout;
  if (print.paper === "A4") page.paperSize = "A4";
  page.orientation = print.landscape ? "Landscape" : "Portrait";
  if (print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  else if (print.scale) page.zoom = { scale: print.scale };
  const m = print.margins;
  if (m) {
    // Office.js margins are in points; the spec's are in inches, as in the file.
    const pt = (inches: number) => Math.round(inches * 7200) / 100;
    page.leftMargin = pt(m.left);
    page.rightMargin = pt(m.right);
    page.topMargin = pt(m.top);
    page.bottomMargin = pt(m.bottom);
    page.headerMargin = pt(m.header);
    page.footerMargin = pt(m.footer);
  }
  if (print.footer) page.headersFooters.defaultForAllPages.centerFooter = print.footer;
  if (print.repeatRows) page.setPrintTitleRows(`$${print.repeatRows[0] + 1}:$${print.repeatRows[1] + 1}`);
  if (print.repeatColumns) {
    const [from, to] = print.repeatColumns.map(columnLetters);
    page.setPrintTitleColumns(`$${from}:$${to}`);
  }
  return true;
}

const CHART_TYPE = { barClustered: "BarClustered", columnClustered: "ColumnClustered" } as const;

/**
 * Native charts (ExcelApi 1.1), in the same batch as the cells they draw: series by columns, the header
 * row naming them, legend below. A sideways bar chart lists its categories top-down as the table does
 * (Excel draws the first one at the bottom unless the axis is reversed, ExcelApi 1.7).
 */
async function queueCharts(
  ws: Excel.Worksheet,
  charts: readonly SpecChart[],
  batch: WriteBatch,
): Promise<void> {
  for (const c of charts) {
    const chart = ws.charts.add(CHART_TYPE[c.type], ws.getRange(c.source), "Columns");
    chart.name = c.name;
    chart.title.text = c.title;
    chart.legend.position = "Bottom";
    if (c.type === "barClustered" && isExcelApiSupported("1.7"))
      chart.axes.categoryAxis.reversePlotOrder = true;
    chart.setPosition(c.anchor.from, c.anchor.to);
    await batch.add(600 + c.title.length * 2);
  }
}

function linkTo(target: string, text: CellValue): Excel.RangeHyperlink {
  const display = text === null || text === undefined ? target : String(text);
  return /^[a-z]+:/i.test(target)
    ? { address: target, textToDisplay: display }
    : { documentReference: target, textToDisplay: display };
}

/** Values and formulas of the loose cells in one 2-D write per row chunk, then their styles and links. */
async function writeCells(ws: Excel.Worksheet, cells: readonly SpecCell[], batch: WriteBatch): Promise<void> {
  if (cells.length === 0) return;
  let r0 = Number.POSITIVE_INFINITY;
  let c0 = Number.POSITIVE_INFINITY;
  let r1 = -1;
  let c1 = -1;
  for (const c of cells) {
    if (c.row < r0) r0 = c.row;
    if (c.col < c0) c0 = c.col;
    if (c.row > r1) r1 = c.row;
    if (c.col > c1) c1 = c.col;
  }
  const grid: (string | number | boolean)[][] = Array.from({ length: r1 - r0 + 1 }, () =>
    new Array(c1 - c0 + 1).fill(""),
  );
  for (const c of cells) grid[c.row - r0][c.col - c0] = c.formula ?? cellText(c.value ?? null);
  await writeGrid(ws, r0, c0, grid, batch, true);
  for (const run of styleRuns(cells)) {
    applyStyle(ws.getRange(run.address), run.style, run.width);
    await batch.add(300);
  }
  for (const c of cells) {
    if (!c.hyperlink) continue;
    ws.getRange(a1(c.row, c.col)).hyperlink = linkTo(c.hyperlink, c.value ?? null);
    await batch.add(100 + c.hyperlink.length * 2);
  }
}

/** A block of rows through `formulas` (which also takes constants), chunked by rows and by the byte budget. */
async function writeGrid(
  ws: Excel.Worksheet,
  row: number,
  col: number,
  grid: (string | number | boolean)[][],
  batch: WriteBatch,
  asFormulas = false,
): Promise<void> {
  const width = grid[0]?.length ?? 0;
  if (width === 0) return;
  for (let i = 0; i < grid.length; ) {
    let bytes = 0;
    let j = i;
    while (j < grid.length && j - i < ROWS_PER_CHUNK) {
      let rowBytes = 0;
      for (const v of grid[j]) rowBytes += estimate(v);
      if (j > i && bytes + rowBytes > REQUEST_BUDGET_BYTES / 2) break;
      bytes += rowBytes;
      j++;
    }
    const chunk = grid.slice(i, j);
    await batch.add(bytes);
    const range = ws.getRange(`${a1(row + i, col)}:${a1(row + j - 1, col + width - 1)}`);
    if (asFormulas) range.formulas = chunk;
    else range.values = chunk;
    i = j;
  }
}

interface StyleRun {
  address: string;
  style: CellStyle;
  width: number;
}

/** Neighbouring cells of a row with the same style share one range, so a styled header is one operation. */
function styleRuns(cells: readonly SpecCell[]): StyleRun[] {
  const styled = cells.filter((c) => c.style && Object.keys(c.style).length > 0);
  styled.sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: StyleRun[] = [];
  let start: SpecCell | null = null;
  let prev: SpecCell | null = null;
  let key = "";
  const close = () => {
    if (start && prev && start.style) {
      const address =
        start.col === prev.col
          ? a1(start.row, start.col)
          : `${a1(start.row, start.col)}:${a1(prev.row, prev.col)}`;
      runs.push({ address, style: start.style, width: prev.col - start.col + 1 });
    }
  };
  for (const c of styled) {
    const k = JSON.stringify(c.style);
    if (start && prev && c.row === prev.row && c.col === prev.col + 1 && k === key) {
      prev = c;
      continue;
    }
    close();
    start = c;
    prev = c;
    key = k;
  }
  close();
  return runs;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"] as const;

function applyStyle(range: Excel.Range, style: CellStyle, width: number): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.size !== undefined) f.font.size = style.size;
  if (style.color) f.font.color = `#${style.color}`;
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.hAlign) f.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) f.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.border) {
    for (const edge of EDGES) {
      if (edge === "InsideVertical" && width < 2) continue;
      f.borders.getItem(edge).style = "Continuous";
    }
  }
  if (style.numberFormat) range.numberFormat = [new Array(width).fill(style.numberFormat)];
}
