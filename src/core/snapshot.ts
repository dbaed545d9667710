/**
 * The one shape in which core sees a worksheet, whoever read it: the Excel adapter (Office.js `values`,
 * `formulas`, `numberFormat` of the used range) or the .xlsx reader in `src/files`. Core never reads
 * anything else, so recognition and validation behave the same inside Excel and on the command line.
 */
export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** 0-based row and column of `values[0][0]` on the sheet (the used range rarely starts at A1). */
  origin: { row: number; col: number };
  /** Values as Excel shows them: cached results for formulas; error values as their literal ("#REF!"). */
  values: CellValue[][];
  /** Formula text with its leading "=" where the cell has one, else null. Same shape as `values`. */
  formulas?: (string | null)[][];
  /** Number format codes ("General", "0.00", "dd/mm/yyyy"). Same shape as `values`, or absent. */
  numberFormats?: (string | null)[][];
  /** Cells whose value is an Excel error (from the file's `t="e"` or Office's `valueTypes`), "r,c" 0-based in the arrays. */
  errorCells?: Set<string>;
  /**
   * Hyperlinks on cells, "r,c" 0-based in the arrays (as `errorCells`) → the link's target: a web or file
   * address, or "#Sheet!A1" for a place in the workbook. HYPERLINK() formulas are read from `formulas`
   * (hyperlinkAt). The pane reads them cell by cell (excel/read.ts readHyperlinks), up to a bound per sheet.
   */
  hyperlinks?: Map<string, string>;
  /** Merged areas in A1 notation, sheet coordinates ("A1:C1"). */
  merges?: string[];
  hidden?: boolean;
  /** 0-based sheet rows and columns hidden by the user. */
  hiddenRows?: number[];
  hiddenCols?: number[];
  protected?: boolean;
}

export interface WorkbookSnapshot {
  /** File name or workbook name, used for messages and as the unit name of last resort. */
  source: string;
  sheets: SheetSnapshot[];
  /**
   * The file was encrypted with Excel's built-in password ("read-only recommended", or only a password to
   * modify) and was decrypted to be read: Excel opens such a file read-only without asking.
   */
  protection?: "excel-default-key";
}

export const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** Value at 0-based sheet coordinates, null outside the snapshot. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.origin.row];
  if (!r) return null;
  const v = r[col - sheet.origin.col];
  return v === undefined ? null : v;
}

export function formulaAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  const r = sheet.formulas?.[row - sheet.origin.row];
  const f = r?.[col - sheet.origin.col];
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

export function numberFormatAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  return sheet.numberFormats?.[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null;
}

export function isErrorAt(sheet: SheetSnapshot, row: number, col: number): boolean {
  const key = `${row - sheet.origin.row},${col - sheet.origin.col}`;
  if (sheet.errorCells) return sheet.errorCells.has(key);
  const v = cellAt(sheet, row, col);
  return typeof v === "string" && EXCEL_ERRORS.has(v);
}

export function rowCount(sheet: SheetSnapshot): number {
  return sheet.values.length;
}

export function colCount(sheet: SheetSnapshot): number {
  let n = 0;
  for (const r of sheet.values) if (r.length > n) n = r.length;
  return n;
}

/** HYPERLINK("target", …) as a cell's formula: its first argument when that is a literal string. */
const HYPERLINK_FORMULA = /^=\s*HYPERLINK\s*\(\s*"((?:[^"]|"")*)"/i;

/** The hyperlink on a cell (sheet coordinates): a link the file stores, or a HYPERLINK() formula; else null. */
export function hyperlinkAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  const stored = sheet.hyperlinks?.get(`${row - sheet.origin.row},${col - sheet.origin.col}`);
  if (stored) return stored;
  const f = formulaAt(sheet, row, col);
  if (!f) return null;
  const m = HYPERLINK_FORMULA.exec(f);
  return m ? m[1].replace(/""/g, '"') || null : null;
}
