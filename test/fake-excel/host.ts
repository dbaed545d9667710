/**
 * A strict fake of the Excel JavaScript API, for the adapter tests, the bench and the browser e2e test.
 * Strict where real Excel is: every property read throws until it was load()ed AND a sync() ran; every
 * write is queued and only applies on sync(); a protected sheet rejects writes with "AccessDenied";
 * getItem of a missing sheet fails at sync with "ItemNotFound"; strings written through `values` or
 * `formulas` that start with "=", "+" or "-" become formulas unless quote-prefixed with "'".
 * Like an older Excel, it refuses what its claimed requirement set lacks: a member introduced after
 * `excelApi` (by Microsoft's "[Api set: ExcelApi 1.x]" annotations in @types/office-js) fails the next
 * sync with "ApiNotFound".
 */
import { a1, parseRange, sheetAddress } from "../../src/core/address";
import { type SheetSpec, specToSnapshot } from "../../src/core/sheet-spec";
import { type CellValue, EXCEL_ERRORS, type WorkbookSnapshot } from "../../src/core/snapshot";

export interface FakeFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  borders?: Record<string, string>;
}

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  format: FakeFormat;
  hyperlink?: unknown;
}

export interface FakeConditionalFormat {
  id: number;
  address: string;
  type: string;
  formula: string | null;
  fill: string | null;
}

/** A native chart as the fake records it: what a user would see of it. */
export interface FakeChart {
  name: string;
  /** Excel.ChartType, e.g. "BarClustered". */
  type: string;
  /** The source range on the chart's own sheet ("B30:F39"). */
  source: string;
  seriesBy: string;
  title: string | null;
  legend: string | null;
  reversedCategories: boolean;
  /** Top-left and bottom-right cells; null until setPosition. */
  position: { from: string; to: string } | null;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  protected: boolean;
  visibility: string;
  tables: { name: string; address: string; style: string | null }[];
  charts: FakeChart[];
  merges: string[];
  conditionalFormats: FakeConditionalFormat[];
  columnWidths: Map<number, number>;
  /** Row heights in points by 0-based row (format.rowHeight). */
  rowHeights: Map<number, number>;
  freeze: { rows: number; cols: number } | null;
  tabColor: string | null;
  page: Record<string, unknown>;
}

/** The manifest's minimum: what the oldest host that installs the add-in has. */
export const DEFAULT_EXCEL_API = "1.7";

/** Member → set table ("Range.values" → "1.1"), from test/support/api-set-table.ts or the e2e page. */
function apiSetTable(): Record<string, string> | null {
  return (globalThis as { __PAR_API_SETS__?: Record<string, string> }).__PAR_API_SETS__ ?? null;
}

function versionAbove(v: string, claimed: string): boolean {
  const [a, b = 0] = v.split(".").map(Number);
  const [c, d = 0] = claimed.split(".").map(Number);
  return a > c || (a === c && b > d);
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const key = (r: number, c: number) => `${r},${c}`;

let sheetIds = 0;

function blankSheet(name: string): FakeSheet {
  return {
    id: `{sheet-${++sheetIds}}`,
    name,
    cells: new Map(),
    protected: false,
    visibility: "Visible",
    tables: [],
    charts: [],
    merges: [],
    conditionalFormats: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    freeze: null,
    tabColor: null,
    page: {},
  };
}

/** The workbook state plus counters; one host serves any number of Excel.run calls. */
export class FakeExcelHost {
  sheets: FakeSheet[] = [];
  activeSheet = 0;
  selection: { sheet: string; address: string } | null = null;
  syncs = 0;
  /** Syncs that changed the workbook, and syncs that only read. */
  writeSyncs = 0;
  readSyncs = 0;
  runs = 0;
  /**
   * What moved or grew the workbook, in order: each sheet added through the API and each sheet made
   * active (activate() or a select() on another sheet). Tests assert that a check adds and moves nothing.
   */
  added: string[] = [];
  activations: string[] = [];
  name = "Workbook.xlsx";
  /** Review → Protect Workbook (structure): sheets can be neither added nor deleted. */
  structureProtected = false;
  /** The ExcelApi version this host claims (installFakeOffice sets it); members above it are refused. */
  excelApi = DEFAULT_EXCEL_API;
  /** Members refused so far ("Range.getMergedAreasOrNullObject"), for tests. */
  refusedApis: string[] = [];
  calculationSuspended = 0;
  /** Excel on the web's cap on one request or response (5 MB); null = no cap, like Excel desktop. */
  payloadLimitBytes: number | null = null;
  /** Largest request/response accepted while a cap was set, and how many were refused, for tests. */
  largestPayload = 0;
  refusedPayloads = 0;
  private nextCfId = 1;
  /** Workbook-level names: a sheet reference follows renames and becomes #REF! when the sheet goes. */
  names: { name: string; sheet: FakeSheet | null; cell: string }[] = [];
  /** Handlers registered with worksheets.onChanged. */
  changeHandlers = new Set<
    (event: { worksheetId: string; address: string; changeType: string }) => unknown
  >();

  /** What Excel does when the user edits a cell: sets it and raises onChanged. */
  async userEdit(sheet: string, row: number, col: number, value: CellValue): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    s.cells.set(key(row, col), {
      ...(s.cells.get(key(row, col)) ?? { numberFormat: "General", format: {} }),
      value,
      formula: null,
    });
    for (const h of this.changeHandlers)
      await h({ worksheetId: s.id, address: a1(row, col), changeType: "RangeEdited" });
  }

  /**
   * The set `type.member` ("Range.getMergedAreasOrNullObject") needs when this host lacks it, else null.
   * A member of a host-specific set (ExcelApiDesktop, ExcelApiOnline) is refused everywhere: the add-in
   * must not depend on one kind of host. Without a table (a browser page not given one) nothing is refused.
   */
  missingSet(type: string, member: string): string | null {
    const set = apiSetTable()?.[`${type}.${member}`];
    if (!set) return null;
    if (/^\d/.test(set) ? versionAbove(set, this.excelApi) : true) return set;
    return null;
  }

  /** What Excel does when the user types `text` into a cell: its input parser, under the cell's format. */
  async type(sheet: string, address: string, text: string): Promise<void> {
    const s = this.sheet(sheet);
    const at = parseRange(address)?.start;
    if (!s || !at) throw new Error(`no cell ${sheet}!${address}`);
    const k = key(at.row, at.col);
    const cell = s.cells.get(k) ?? { value: null, formula: null, numberFormat: "General", format: {} };
    s.cells.set(k, cell);
    enter(cell, text);
    for (const h of this.changeHandlers)
      await h({ worksheetId: s.id, address: a1(at.row, at.col), changeType: "RangeEdited" });
  }

  static fromSnapshot(wb: WorkbookSnapshot): FakeExcelHost {
    const host = new FakeExcelHost();
    host.name = wb.source;
    for (const s of wb.sheets) {
      const sheet = host.addSheet(s.name);
      sheet.protected = Boolean(s.protected);
      if (s.hidden) sheet.visibility = "Hidden";
      for (let i = 0; i < s.values.length; i++) {
        for (let j = 0; j < s.values[i].length; j++) {
          const v = s.values[i][j];
          const formula = s.formulas?.[i]?.[j] ?? null;
          const nf = s.numberFormats?.[i]?.[j] ?? "General";
          if (v === null && !formula && nf === "General") continue;
          sheet.cells.set(key(s.origin.row + i, s.origin.col + j), {
            value: v,
            formula,
            numberFormat: nf,
            format: {},
          });
        }
      }
      sheet.merges.push(...(s.merges ?? []));
      // Links as Office writes and reads them: a place in the workbook is a documentReference.
      for (const [k, target] of s.hyperlinks ?? []) {
        const [i, j] = k.split(",").map(Number);
        const at = key(s.origin.row + i, s.origin.col + j);
        const cell = sheet.cells.get(at) ?? {
          value: null,
          formula: null,
          numberFormat: "General",
          format: {},
        };
        cell.hyperlink = target.startsWith("#")
          ? { documentReference: target.slice(1) }
          : { address: target };
        sheet.cells.set(at, cell);
      }
    }
    return host;
  }

  static fromSpecs(specs: readonly SheetSpec[], source = "Workbook.xlsx"): FakeExcelHost {
    const host = FakeExcelHost.fromSnapshot({ source, sheets: specs.map(specToSnapshot) });
    for (const spec of specs) {
      const sheet = host.sheet(spec.name);
      for (const c of spec.cells) {
        const cell = sheet?.cells.get(key(c.row, c.col));
        if (cell && c.style) {
          cell.format = {
            bold: c.style.bold,
            italic: c.style.italic,
            fill: c.style.fill,
            color: c.style.color,
          };
        }
      }
    }
    return host;
  }

  addSheet(name: string): FakeSheet {
    const s = blankSheet(name);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  nextConditionalFormatId(): number {
    return this.nextCfId++;
  }

  /** Everything a user could see of a sheet, for before/after comparisons. */
  dump(name: string): {
    cells: Record<string, FakeCell>;
    merges: string[];
    conditionalFormats: FakeConditionalFormat[];
  } {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const cells: Record<string, FakeCell> = {};
    for (const [k, v] of [...s.cells.entries()].sort()) {
      const [r, c] = k.split(",").map(Number);
      cells[a1(r, c)] = structuredClone(v);
    }
    return { cells, merges: [...s.merges], conditionalFormats: structuredClone(s.conditionalFormats) };
  }

  /** Value grid of a sheet from A1 to its last cell ("" for empty), like Office's `values`. */
  values(name: string): CellValue[][] {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const box = usedBox(s, true);
    if (!box) return [];
    const out: CellValue[][] = [];
    for (let r = 0; r <= box.r1; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c <= box.c1; c++) row.push(s.cells.get(key(r, c))?.value ?? "");
      out.push(row);
    }
    return out;
  }

  /** Excel.run against this host. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const { FakeRequestContext } = await import("./context");
    const context = new FakeRequestContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };
}

export function usedBox(
  s: FakeSheet,
  valuesOnly: boolean,
): { r0: number; c0: number; r1: number; c1: number } | null {
  let r0 = Number.POSITIVE_INFINITY;
  let c0 = Number.POSITIVE_INFINITY;
  let r1 = -1;
  let c1 = -1;
  for (const [k, cell] of s.cells) {
    const hasValue = (cell.value !== null && cell.value !== "") || cell.formula !== null;
    const hasFormat = cell.numberFormat !== "General" || Object.keys(cell.format).length > 0;
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const [r, c] = k.split(",").map(Number);
    if (r < r0) r0 = r;
    if (c < c0) c0 = c;
    if (r > r1) r1 = r;
    if (c > c1) c1 = c;
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

/**
 * What Excel stores when a string is entered: Text-formatted cell → text as typed; quote prefix → text;
 * leading = + - → formula; numerals, percentages, booleans, dates → numbers (dates as serials).
 */
export function enter(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return;
  // A cell formatted as Text ("@") keeps what is typed as text: "1,5", "=A1", "01/02" stay strings.
  if (typeof input === "string" && cell.numberFormat === "@") {
    cell.value = input === "" ? null : input;
    cell.formula = null;
    return;
  }
  if (typeof input === "string") {
    if (input.startsWith("'")) {
      cell.value = input.slice(1);
      cell.formula = null;
      return;
    }
    if (
      input.startsWith("=") ||
      ((input.startsWith("+") || input.startsWith("-")) && Number.isNaN(Number(input)))
    ) {
      cell.formula = input.startsWith("=") ? input : `=${input}`;
      cell.value = 0; // the fake does not calculate; real Excel would show the result (or run the injection)
      return;
    }
    const retyped = retype(input);
    if (retyped !== null) {
      cell.value = retyped;
      cell.formula = null;
      return;
    }
  }
  // Excel stores no negative zero: -0 typed or written reads back as 0.
  cell.value = input === "" ? null : Object.is(input, -0) ? 0 : (input as CellValue);
  cell.formula = null;
}

/** What Excel's input parser makes of unprefixed text: numbers, percentages, booleans, dates (serials). */
function retype(input: string): number | boolean | null {
  const t = input.trim();
  if (t === "") return null;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  if (/^[-+]?[\d.]+%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  // Decimal notation only: Excel reads neither hex ("0x1") nor "Infinity" as a number.
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  const d = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})$/.exec(t);
  if (d) return Math.round(Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1])) / 86_400_000) + 25_569;
  return null;
}

export function valueType(v: CellValue): string {
  if (v === null || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return EXCEL_ERRORS.has(v) ? "Error" : "String";
}

export function rangeBox(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const whole = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(local);
  if (whole) {
    const a = parseRange(`${whole[1]}1:${whole[2]}1048576`);
    if (a) return { r0: 0, c0: a.start.col, r1: 1048575, c1: a.end.col };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) return { r0: Number(rows[1]) - 1, c0: 0, r1: Number(rows[2]) - 1, c1: 16383 };
  const r = parseRange(local);
  if (!r) throw new OfficeError("InvalidArgument", `bad address ${address}`);
  return {
    r0: Math.min(r.start.row, r.end.row),
    c0: Math.min(r.start.col, r.end.col),
    r1: Math.max(r.start.row, r.end.row),
    c1: Math.max(r.start.col, r.end.col),
  };
}

export function boxAddress(sheet: string, b: { r0: number; c0: number; r1: number; c1: number }): string {
  const tl = a1(b.r0, b.c0);
  const br = a1(b.r1, b.c1);
  return sheetAddress(sheet, tl === br ? tl : `${tl}:${br}`);
}
