import { a1, columnLetters } from "../core/address";
import { type CellStyle, needsEscape, type SheetSpec, type SpecTable } from "../core/sheet-spec";
import { type CellValue, EXCEL_ERRORS } from "../core/snapshot";
import { addColumnBreaks } from "./xlsx/col-breaks";
import { fixInternalLinks } from "./xlsx/internal-links";
import { uniqueHeaders } from "../core/sheets/unique-headers";

/**
 * Renders SheetSpecs to .xlsx bytes with ExcelJS (MIT, maintained, writes real tables, print setup
 * and styles that Excel and LibreOffice both open). Loaded on demand so the task pane's first load
 * stays small. Text that Excel would read as a formula is stored as a string with the text format "@":
 * a unit named "=cmd|…" is shown as text, never run.
 */
type ExcelJSModule = typeof import("exceljs");
type Worksheet = import("exceljs").Worksheet;
type Cell = import("exceljs").Cell;

let excelJs: Promise<ExcelJSModule> | null = null;
function loadExcelJs(): Promise<ExcelJSModule> {
  excelJs ??= import("exceljs").then(
    (m) => ((m as { default?: ExcelJSModule }).default ?? m) as ExcelJSModule,
  );
  return excelJs;
}

export async function writeWorkbook(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = "par-index";
  // A fixed date keeps output byte-stable for the same input (idempotent files, reproducible tests).
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  for (const spec of specs) renderSheet(wb.addWorksheet(spec.name, sheetOptions(spec)), spec);
  const buffer = await wb.xlsx.writeBuffer();
  const breaks = new Map(specs.map((s, i) => [i + 1, s.print?.columnBreaksBefore ?? []]));
  return addColumnBreaks(fixInternalLinks(new Uint8Array(buffer as ArrayBuffer)), breaks);
}

function sheetOptions(spec: SheetSpec): Partial<import("exceljs").AddWorksheetOptions> {
  return {
    state: spec.hidden ? "hidden" : "visible",
    properties: spec.tabColor ? { tabColor: { argb: `FF${spec.tabColor}` } } : undefined,
    views: spec.freeze
      ? [
          {
            state: "frozen",
            xSplit: spec.freeze.cols,
            ySplit: spec.freeze.rows,
            topLeftCell: a1(spec.freeze.rows, spec.freeze.cols),
          },
        ]
      : undefined,
    pageSetup: spec.print ? pageSetup(spec.print) : undefined,
    headerFooter: spec.print?.footer ? { oddFooter: `&C${spec.print.footer}` } : undefined,
  };
}

/** A4 (paper size 9), the orientation, fit to the width only (`fitToHeight: 0`: as many pages down as needed). */
function pageSetup(print: NonNullable<SheetSpec["print"]>): Partial<import("exceljs").PageSetup> {
  const m = print.margins;
  return {
    orientation: print.landscape ? "landscape" : "portrait",
    fitToPage: print.fitToWidth === true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(print.scale ? { scale: print.scale } : {}),
    paperSize: 9, // A4
    ...(m ? { margins: { ...m } } : {}),
  };
}

/**
 * `spec.charts` are left out: ExcelJS writes no charts. The specs that have one keep its figures as
 * cells (the table it draws, and a bar made of text), so the file says everything the chart would.
 */
function renderSheet(ws: Worksheet, spec: SheetSpec): void {
  spec.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const c of spec.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula)
      cell.value = {
        formula: c.formula.replace(/^=/, ""),
        result: resultOf(c.value),
      } as import("exceljs").CellFormulaValue;
    else setValue(cell, c.value ?? null);
    if (c.style) applyStyle(cell, c.style);
    if (c.hyperlink) link(cell, c.hyperlink, c.value);
  }
  for (const m of spec.merges ?? []) ws.mergeCells(m);
  for (const t of spec.tables ?? []) renderTable(ws, t);
  if (spec.print?.repeatRows)
    ws.pageSetup.printTitlesRow = `${spec.print.repeatRows[0] + 1}:${spec.print.repeatRows[1] + 1}`;
  if (spec.print?.repeatColumns) {
    const [from, to] = spec.print.repeatColumns;
    ws.pageSetup.printTitlesColumn = `${columnLetters(from)}:${columnLetters(to)}`;
  }
  // Heights the spec computed for wrapped text: ExcelJS (and LibreOffice reading its file) fit no row.
  for (const [row, height] of Object.entries(spec.rowHeights ?? {}))
    ws.getRow(Number(row) + 1).height = height;
  // A page break goes after a row in the file's terms: before 0-based row r is after 1-based row r.
  for (const row of spec.print?.pageBreaksBefore ?? []) if (row > 0) ws.getRow(row).addPageBreak();
}

function renderTable(ws: Worksheet, t: SpecTable): void {
  const width = t.headers.length;
  // ExcelJS tables need at least one data row; an empty table gets one blank row rather than none.
  const rows = t.rows.length ? t.rows : [new Array<CellValue>(width).fill(null)];
  ws.addTable({
    name: t.name,
    ref: a1(t.row, t.col),
    headerRow: true,
    style: {
      theme: (t.style ?? "TableStyleMedium2") as import("exceljs").TableStyleProperties["theme"],
      showRowStripes: true,
    },
    columns: uniqueHeaders(t.headers).map((h) => ({ name: h, filterButton: true })),
    rows: rows.map((r) => r.map((v) => (typeof v === "string" && needsEscape(v) ? v : (v ?? null)))),
  });
  rows.forEach((r, i) => {
    for (let j = 0; j < width; j++) {
      const cell = ws.getCell(t.row + 2 + i, t.col + 1 + j);
      const v = r[j];
      const fmt = t.numberFormats?.[j];
      if (typeof v === "string") setValue(cell, v);
      if (fmt && typeof v === "number") cell.numFmt = fmt;
      else if (typeof v === "string") cell.numFmt = "@";
      // Rows of a wrapped table are several lines tall: every cell reads from the top, text wraps.
      if (t.wrap) cell.alignment = { wrapText: t.wrap[j] === true, vertical: "top" };
      const target = t.links?.[j]?.[i];
      if (target) link(cell, target, v);
    }
  });
  for (let j = 0; j < width; j++) {
    const h = ws.getCell(t.row + 1, t.col + 1 + j);
    h.alignment = { wrapText: true, vertical: "middle" };
  }
}

function setValue(cell: Cell, v: CellValue): void {
  if (typeof v === "string") {
    // Stored as a shared/inline string, never parsed: the "@" format also stops Excel re-reading it on edit.
    cell.value = v;
    if (needsEscape(v)) cell.numFmt = "@";
    return;
  }
  cell.value = v;
}

function resultOf(
  v: CellValue | undefined,
): number | string | boolean | { error: import("exceljs").CellErrorValue["error"] } | undefined {
  if (v === null || v === undefined) return undefined;
  // A cached "#DIV/0!" is an error value (t="e"), not the text "#DIV/0!".
  if (typeof v === "string" && EXCEL_ERRORS.has(v))
    return { error: v as import("exceljs").CellErrorValue["error"] };
  return v;
}

function link(cell: Cell, target: string, text: CellValue | undefined): void {
  const shown = text === null || text === undefined ? target : String(text);
  cell.value = target.startsWith("#")
    ? { text: shown, hyperlink: target }
    : { text: shown, hyperlink: target, tooltip: target };
  cell.font = { ...(cell.font ?? {}), color: { argb: "FF0563C1" }, underline: true };
}

function applyStyle(cell: Cell, s: CellStyle): void {
  if (s.bold || s.italic || s.size || s.color) {
    cell.font = {
      bold: s.bold,
      italic: s.italic,
      size: s.size,
      color: s.color ? { argb: `FF${s.color}` } : undefined,
    };
  }
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${s.fill}` } };
  if (s.hAlign || s.vAlign || s.wrap) {
    cell.alignment = { horizontal: s.hAlign, vertical: s.vAlign, wrapText: s.wrap };
  }
  if (s.border) {
    const thin = { style: "thin" as const, color: { argb: "FF808080" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.numberFormat) cell.numFmt = s.numberFormat;
}
