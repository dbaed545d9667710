import type { CellValue, SheetSnapshot } from "./snapshot";
import { uniqueHeaders } from "./sheets/unique-headers";

/**
 * A sheet the add-in writes (template, filled sample unit, report, result summary, ranking), described
 * once in core and rendered by two writers: ExcelJS in `src/files` and Office.js in `src/excel`.
 * Both writers escape text against formula injection with `needsEscape` below, so neither can forget it.
 */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string; // "RRGGBB"
  fill?: string; // "RRGGBB"
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  border?: boolean;
  numberFormat?: string;
}

export interface SpecCell {
  /** 0-based row/col on the sheet. */
  row: number;
  col: number;
  value?: CellValue;
  /** With leading "="; `value` then holds the cached result. */
  formula?: string;
  style?: CellStyle;
  /** Internal link ("'Sheet 1'!A1") or URL. */
  hyperlink?: string;
}

export interface SpecTable {
  /** Excel table name: letters, digits, underscore; unique in the workbook. */
  name: string;
  /** Top-left of the header row, 0-based. */
  row: number;
  col: number;
  headers: string[];
  rows: CellValue[][];
  /** Per column number format, e.g. "0.00". */
  numberFormats?: (string | null)[];
  /** Per column, per row internal hyperlink target, where any. */
  links?: (string | null)[][];
  /** Per column: the data cells wrap their text inside the column (printed tables never run text over). */
  wrap?: boolean[];
  style?: string; // "TableStyleMedium2"
}

/**
 * A native Excel chart over cells of the same sheet. Only the Office.js writer draws it (ExcelApi 1.1);
 * ExcelJS cannot write charts, so a spec with a chart also carries its figures as cells (a table, and
 * a bar made of text where the picture matters) and the .xlsx file shows those alone.
 */
export interface SpecChart {
  /** Unique on the sheet. */
  name: string;
  /** Bars run sideways ("barClustered", long category labels read well) or upwards. */
  type: "barClustered" | "columnClustered";
  title: string;
  /**
   * A1 range on this sheet, no sheet name: a header row (the series' names), the categories in its
   * first column, one series per further column.
   */
  source: string;
  /** The cells the chart covers: its top-left and bottom-right corners (A1). */
  anchor: { from: string; to: string };
}

/**
 * How the sheet prints. Both writers render it: ExcelJS's pageSetup/headerFooter in `src/files`, Office.js
 * `pageLayout` (ExcelApi 1.9, where the host has it) in `src/excel`.
 */
export interface PrintSetup {
  landscape?: boolean;
  /** All columns on one page across; as many pages down as the rows need (never squeezed to one page). */
  fitToWidth?: boolean;
  /** 0-based first and last header row repeated at the top of every printed page. */
  repeatRows?: [number, number];
  paper?: "A4";
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Page footer in Excel's header/footer codes, e.g. "Trang &P/&N" (centred). */
  footer?: string;
  /** 0-based rows that start a new printed page (a block that belongs on a page of its own). */
  pageBreaksBefore?: number[];
  /**
   * A sheet too wide for one page across prints at this fixed scale (percent) instead of being fitted,
   * its columns split into pages at `columnBreaksBefore`, the `repeatColumns` (the unit's rank and name)
   * repeated at the left of every page: per-area detail on pages of its own, never squeezed.
   */
  scale?: number;
  repeatColumns?: [number, number];
  columnBreaksBefore?: number[];
}

export interface SheetSpec {
  name: string;
  cells: SpecCell[];
  tables?: SpecTable[];
  charts?: SpecChart[];
  merges?: string[];
  columnWidths?: number[];
  /** Freeze panes: rows/cols above/left of this stay visible. */
  freeze?: { rows: number; cols: number };
  print?: PrintSetup;
  /** Row heights in points by 0-based row, where the content needs more than one line (wrapped text). */
  rowHeights?: Record<number, number>;
  hidden?: boolean;
  tabColor?: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped.
const INJECTION = /^[=+\-@\t\r\n\u0000-\u001f]/;

/** Text that Excel would read as a formula (or that a CSV export would) — "=cmd|…", "+1", "@SUM". */
export function needsEscape(text: string): boolean {
  return INJECTION.test(text);
}

/**
 * For writers that go through Excel's input parser (Office.js `range.values`): a leading apostrophe is
 * Excel's own quote prefix, so "'=cmd|…" is stored and shown as the text "=cmd|…", never run.
 * The .xlsx writer stores strings as strings (never formulas) and gives such cells the text format "@".
 */
export function quotePrefixed(text: string): string {
  return needsEscape(text) ? `'${text}` : text;
}

/**
 * What a reader would see of a written sheet: values, formulas and number formats over the used range.
 * Lets core tests and the fake Excel host start from the same sheets the writers produce, without I/O.
 */
export function specToSnapshot(spec: SheetSpec): SheetSnapshot {
  type Cell = { value: CellValue; formula: string | null; nf: string | null };
  const cells = new Map<string, Cell>();
  let maxRow = -1;
  let maxCol = -1;
  const put = (row: number, col: number, cell: Cell) => {
    cells.set(`${row},${col}`, cell);
    if (row > maxRow) maxRow = row;
    if (col > maxCol) maxCol = col;
  };
  for (const c of spec.cells) {
    put(c.row, c.col, {
      value: c.value ?? null,
      formula: c.formula ?? null,
      nf: c.style?.numberFormat ?? null,
    });
  }
  for (const t of spec.tables ?? []) {
    const headers = uniqueHeaders(t.headers);
    for (let j = 0; j < headers.length; j++)
      put(t.row, t.col + j, { value: headers[j], formula: null, nf: null });
    for (let i = 0; i < t.rows.length; i++) {
      for (let j = 0; j < t.rows[i].length; j++) {
        put(t.row + 1 + i, t.col + j, {
          value: t.rows[i][j],
          formula: null,
          nf: t.numberFormats?.[j] ?? null,
        });
      }
    }
  }
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = 0; r <= maxRow; r++) {
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    const nr: (string | null)[] = [];
    for (let c = 0; c <= maxCol; c++) {
      const cell = cells.get(`${r},${c}`);
      vr.push(cell?.value ?? null);
      fr.push(cell?.formula ?? null);
      nr.push(cell?.nf ?? "General");
    }
    values.push(vr);
    formulas.push(fr);
    numberFormats.push(nr);
  }
  return {
    name: spec.name,
    origin: { row: 0, col: 0 },
    values,
    formulas,
    numberFormats,
    merges: spec.merges ?? [],
    hidden: spec.hidden ?? false,
  };
}
