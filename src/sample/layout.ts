import { a1 } from "../core/address";
import type { ColumnRole } from "../core/columns";
import type { ScoreColumn } from "../core/entries";
import { fromUnits, toUnits } from "../core/numbers";
import type { ItemKind, Rubric } from "../core/rubric/schema";
import { flattenRubric, scaleMax } from "../core/rubric/tree";
import type { CellStyle, SheetSpec, SpecCell } from "../core/sheet-spec";
import { type CellValue, EXCEL_ERRORS } from "../core/snapshot";

/**
 * The scoring table as a province lays it out, shared by the blank template and the filled sample
 * units: title block, header, one row per rubric item with SUM formulas (and their cached results) in
 * parent rows, a total row, styles and print setup. Layout variants reproduce what real templates do
 * to a recogniser: a taller title block, renamed, inserted or reordered columns, a header on two rows,
 * Roman/letter codes, merged label cells.
 */
export const LAYOUT_VARIANTS = [
  "moved-header",
  "renamed-columns",
  "inserted-column",
  "two-row-header",
  "roman-codes",
  "merged-labels",
  "reordered-columns",
] as const;
export type LayoutVariant = (typeof LAYOUT_VARIANTS)[number];

/** Column roles of the table, plus an extra column no role claims ("Bộ phận phụ trách"). */
export type LayoutRole = ColumnRole | "extra";
export type ValueRole = Exclude<LayoutRole, "code" | "label" | "max" | "guidance">;

export interface SampleRow {
  /** Rubric code; null for the total row. */
  code: string | null;
  /** Code as written in the sheet ("II", "a)") — the rubric code unless a variant says otherwise. */
  displayCode: string | null;
  label: string;
  /** 1 for areas …; 0 for the total row. */
  level: number;
  kind: ItemKind;
  isLeaf: boolean;
  max: CellValue;
  guidance: string | null;
  values: Partial<Record<ValueRole, CellValue>>;
  /** Leaf score cells holding a formula (a broken reference); `values` holds its cached result. */
  formulas?: Partial<Record<ScoreColumn, string>>;
  /** Indexes (in the row list) of the rows this parent's SUM adds up. */
  children: number[];
  /** A self-score formula that misses rows (total-mismatch): indexes it adds instead of `children`. */
  formulaChildren?: number[];
  /** Score columns where the parent's formula was overwritten by a typed constant (its value kept). */
  constantIn?: ScoreColumn[];
  /** Total row: the area rows it adds (+1) or subtracts (penalty, −1). */
  terms?: { row: number; sign: 1 | -1 }[];
  /** A second copy of an item's row (duplicate-item). */
  duplicate?: boolean;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export interface RowOptions {
  roman?: boolean;
  /** Leaf codes whose row is left out (missing-item). */
  omit?: ReadonlySet<string>;
  /** Leaf codes whose row appears twice (duplicate-item). */
  duplicate?: ReadonlySet<string>;
}

/** One row per rubric item in rubric order, then the total row: Σ areas (bonus added, penalty subtracted). */
export function rubricRows(rubric: Rubric, options: RowOptions = {}): SampleRow[] {
  const rows: SampleRow[] = [];
  const indexOf = new Map<string, number>();
  const position = new Map<string, number>();
  const parentOf = new Map<string, string | null>();
  for (const item of flattenRubric(rubric)) {
    if (options.omit?.has(item.code) && item.isLeaf) continue;
    const pos = (position.get(item.parent ?? "") ?? 0) + 1;
    position.set(item.parent ?? "", pos);
    parentOf.set(item.code, item.parent);
    const displayCode = options.roman ? romanCode(item.level, pos) : item.code;
    const make = (duplicate: boolean): SampleRow => ({
      code: item.code,
      displayCode,
      label: item.label,
      level: item.level,
      kind: item.kind,
      isLeaf: item.isLeaf,
      max: item.max,
      guidance: item.item.guidance ?? null,
      values: {},
      children: [],
      duplicate: duplicate || undefined,
    });
    indexOf.set(item.code, rows.length);
    const parentIndex = item.parent ? indexOf.get(item.parent) : undefined;
    rows.push(make(false));
    if (parentIndex !== undefined) rows[parentIndex].children.push(rows.length - 1);
    // A pasted copy of a row: shown, but outside the parent's SUM, so the duplicate is the only fault.
    if (options.duplicate?.has(item.code) && item.isLeaf) rows.push(make(true));
  }
  const terms = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.level === 1)
    .map(({ r, i }) => ({ row: i, sign: (r.kind === "penalty" ? -1 : 1) as 1 | -1 }));
  rows.push({
    code: null,
    displayCode: null,
    label: "TỔNG CỘNG",
    level: 0,
    kind: "scored",
    isLeaf: false,
    max: scaleMax(rubric),
    guidance: null,
    values: {},
    children: [],
    terms,
  });
  return rows;
}

function romanCode(level: number, pos: number): string {
  if (level === 1) return ROMAN[pos - 1] ?? String(pos);
  if (level === 2) return String(pos);
  if (level === 3) return `${LETTERS[(pos - 1) % 26]})`;
  return "-";
}

const LEVEL_TITLE: Record<Rubric["unitLevel"], string> = {
  commune: " CẤP XÃ",
  agency: " CỦA CƠ QUAN CHUYÊN MÔN",
  district: " CẤP HUYỆN",
  province: " CẤP TỈNH",
  other: "",
};

export interface TitleBlock {
  year: number;
  rubricName: string;
  /** Text of the unit-name cell, "Đơn vị: Xã An Bình" or the template's "Đơn vị: ……". */
  unitLine: string;
  unitLevel: Rubric["unitLevel"];
}

export interface LayoutOptions {
  sheetName: string;
  title: TitleBlock;
  appraisal: 0 | 1 | 2;
  variants: readonly LayoutVariant[];
  precision: number;
}

export interface BuiltSheet {
  spec: SheetSpec;
  /** 0-based sheet row of the (first) header row, and how many rows the header spans. */
  headerRow: number;
  headerRowCount: number;
  firstDataRow: number;
  /** Last item row (the total row follows it). */
  lastDataRow: number;
  totalRow: number;
  /** 0-based sheet column of each role (the label's first column when it spans two). */
  columns: Partial<Record<LayoutRole, number>>;
  /** Header text per role, as written (for two-row headers: "Điểm / Tự chấm"). */
  headers: Partial<Record<LayoutRole, string>>;
  unitNameAddress: string;
  /** Sheet row of each SampleRow. */
  rowOf: number[];
  /** Value a reader sees in each score column of each row (cached formula results included). */
  shown: Partial<Record<ScoreColumn, CellValue>>[];
}

interface ColumnDef {
  role: LayoutRole;
  header: string;
  /** Two-row header: text in the second row under the group header "Điểm". */
  sub?: string;
  width: number;
}

const WIDTHS: Record<LayoutRole, number> = {
  code: 7,
  label: 46,
  max: 9,
  guidance: 38,
  self: 10,
  appraised1: 10,
  appraised2: 10,
  evidence: 40,
  explanation: 26,
  note: 26,
  extra: 20,
};

function headerText(role: LayoutRole, appraisal: 0 | 1 | 2, renamed: boolean): string {
  const two = appraisal === 2;
  if (renamed) {
    const r: Record<LayoutRole, string> = {
      code: "TT",
      label: "Nội dung",
      max: "Điểm chuẩn",
      guidance: "Hướng dẫn chấm điểm",
      self: "Tự chấm",
      evidence: "TLKC",
      explanation: "Giải trình",
      appraised1: two ? "Điểm chấm thực tế lần 1" : "Điểm chấm thực tế",
      appraised2: "Điểm chấm thực tế lần 2",
      note: "Ý kiến",
      extra: "Bộ phận phụ trách",
    };
    return r[role];
  }
  const d: Record<LayoutRole, string> = {
    code: "STT",
    label: "Lĩnh vực/tiêu chí/tiêu chí thành phần",
    max: "Điểm tối đa",
    guidance: "Hướng dẫn chấm / Tài liệu kiểm chứng yêu cầu",
    self: "Điểm tự đánh giá",
    evidence: "Tài liệu kiểm chứng",
    explanation: "Giải trình/Ghi chú",
    appraised1: two ? "Điểm thẩm định lần 1" : "Điểm thẩm định",
    appraised2: "Điểm thẩm định lần 2",
    note: "Ý kiến thẩm định",
    extra: "Bộ phận phụ trách",
  };
  return d[role];
}

const SUB_HEADERS: Partial<Record<LayoutRole, string>> = { max: "Tối đa", self: "Tự chấm" };

function columnOrder(options: LayoutOptions): LayoutRole[] {
  const v = new Set(options.variants);
  const appraised: LayoutRole[] =
    options.appraisal === 2 ? ["appraised1", "appraised2"] : options.appraisal === 1 ? ["appraised1"] : [];
  const note: LayoutRole[] = options.appraisal > 0 ? ["note"] : [];
  let order: LayoutRole[];
  if (v.has("reordered-columns")) {
    order = ["code", "label", "guidance", "evidence", "max", "self", ...appraised, "explanation", ...note];
  } else if (v.has("two-row-header")) {
    // The group header "Điểm" spans adjacent score columns, so they move together.
    order = ["code", "label", "guidance", "max", "self", ...appraised, "evidence", "explanation", ...note];
  } else {
    order = ["code", "label", "max", "guidance", "self", "evidence", "explanation", ...appraised, ...note];
  }
  if (v.has("inserted-column")) {
    // After the maximum; before it where "Điểm" spans the score columns, so the group stays contiguous.
    const at = order.indexOf("max") + (v.has("two-row-header") ? 0 : 1);
    order.splice(at, 0, "extra");
  }
  return order;
}

const BORDER: CellStyle = { border: true, vAlign: "middle" };
const WRAP_ROLES = new Set<LayoutRole>(["label", "guidance", "evidence", "explanation", "note", "extra"]);
const NUMBER_ROLES = new Set<LayoutRole>(["max", "self", "appraised1", "appraised2"]);
export const SCORE_ROLES: ScoreColumn[] = ["self", "appraised1", "appraised2"];

export function precisionFormat(precision: number): string {
  return precision > 0 ? `0.${"0".repeat(precision)}` : "0";
}

export function buildSheet(rows: SampleRow[], options: LayoutOptions): BuiltSheet {
  const v = new Set(options.variants);
  const mergedLabels = v.has("merged-labels");
  const moved = v.has("moved-header");
  const startCol = moved ? 1 : 0;
  const grid = layoutColumns(options, startCol);
  const { columns } = grid;
  const out = cellWriter();

  // The order of writes is the order of `spec.cells` and `spec.merges`: title, header, then rows.
  const { unitRow, headerRow } = moved
    ? writeLetterheadTitle(out, options.title, startCol, grid.lastCol)
    : writePlainTitle(out, options.title, startCol, grid.lastCol);
  out.put(unitRow, startCol, options.title.unitLine, { bold: true });
  const unitNameAddress = a1(unitRow, startCol);

  const headerRowCount = v.has("two-row-header") ? 2 : 1;
  writeHeader(out, grid, headerRow, headerRowCount, mergedLabels);

  const firstDataRow = headerRow + headerRowCount;
  const rowOf = rows.map((_, i) => firstDataRow + i);
  const scores = scoreCells(rows, columns, rowOf);
  writeItemRows(out, rows, grid, rowOf, scores, precisionFormat(options.precision), mergedLabels);
  // `shown` must hold every score column of every row; the row loop asks for each already, this makes sure.
  const scoreCols = SCORE_ROLES.filter((r) => columns[r] !== undefined);
  for (const i of rows.keys()) for (const role of scoreCols) scores.shownValue(i, role);

  const totalRow = rowOf[rows.length - 1];
  const spec: SheetSpec = {
    name: options.sheetName,
    cells: out.cells,
    merges: out.merges,
    columnWidths: grid.columnWidths,
    freeze: { rows: firstDataRow, cols: (columns.label ?? 1) + (mergedLabels ? 2 : 1) },
    print: { landscape: true, fitToWidth: true, repeatRows: [headerRow, headerRow + headerRowCount - 1] },
  };
  return {
    spec,
    headerRow,
    headerRowCount,
    firstDataRow,
    lastDataRow: totalRow - 1,
    totalRow,
    columns,
    headers: grid.headers,
    unitNameAddress,
    rowOf,
    shown: scores.shown,
  };
}

/** Where each column sits: its definition, sheet column, header text as read back, and widths. */
interface ColumnGrid {
  defs: ColumnDef[];
  columns: Partial<Record<LayoutRole, number>>;
  headers: Partial<Record<LayoutRole, string>>;
  columnWidths: number[];
  lastCol: number;
}

/** Columns in variant order from `startCol`; merged labels take two sheet columns. */
function layoutColumns(options: LayoutOptions, startCol: number): ColumnGrid {
  const v = new Set(options.variants);
  const defs: ColumnDef[] = columnOrder(options).map((role) => ({
    role,
    header: headerText(role, options.appraisal, v.has("renamed-columns")),
    width: WIDTHS[role],
  }));
  if (v.has("two-row-header")) {
    for (const d of defs) {
      if (d.role === "appraised1") d.sub = options.appraisal === 2 ? "Thẩm định lần 1" : "Thẩm định";
      else if (d.role === "appraised2") d.sub = "Thẩm định lần 2";
      else if (SUB_HEADERS[d.role]) d.sub = SUB_HEADERS[d.role];
    }
  }
  const columns: Partial<Record<LayoutRole, number>> = {};
  const headers: Partial<Record<LayoutRole, string>> = {};
  // A moved table leaves narrow margin columns on its left.
  const columnWidths: number[] = new Array(startCol).fill(3);
  let col = startCol;
  for (const d of defs) {
    columns[d.role] = col;
    headers[d.role] = d.sub ? `Điểm / ${d.sub}` : d.header;
    columnWidths[col] = d.width;
    col++;
    if (d.role === "label" && v.has("merged-labels")) {
      columnWidths[col - 1] = 30;
      columnWidths[col] = 16;
      col++;
    }
  }
  return { defs, columns, headers, columnWidths, lastCol: col - 1 };
}

/** Collects cells and merged ranges in the order they are written. */
interface CellWriter {
  cells: SpecCell[];
  merges: string[];
  put(row: number, col: number, value: CellValue, style?: CellStyle, formula?: string): void;
  /** Merges the range unless it is a single cell. */
  mergeRange(r1: number, c1: number, r2: number, c2: number): void;
}

function cellWriter(): CellWriter {
  const cells: SpecCell[] = [];
  const merges: string[] = [];
  return {
    cells,
    merges,
    put(row, col, value, style, formula) {
      const cell: SpecCell = { row, col, value };
      if (formula) cell.formula = formula;
      if (style) cell.style = style;
      cells.push(cell);
    },
    mergeRange(r1, c1, r2, c2) {
      if (r1 !== r2 || c1 !== c2) merges.push(`${a1(r1, c1)}:${a1(r2, c2)}`);
    },
  };
}

/** Sheet rows the title block leaves for the unit-name line and the (first) header row. */
interface TitlePlacement {
  unitRow: number;
  headerRow: number;
}

// The title names the level ("CẤP XÃ"), as templates do, so an import can tell communes from agencies.
function titleText(title: TitleBlock): string {
  return `BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH${LEVEL_TITLE[title.unitLevel]} NĂM ${title.year}`;
}

/** A centred line merged across the table's width. */
function writeTitleRow(
  out: CellWriter,
  row: number,
  text: string,
  style: CellStyle,
  startCol: number,
  lastCol: number,
): void {
  out.put(row, startCol, text, { hAlign: "center", ...style });
  out.mergeRange(row, startCol, row, lastCol);
}

/** The usual title block: national motto, title, rubric name; the header starts on row 8. */
function writePlainTitle(
  out: CellWriter,
  title: TitleBlock,
  startCol: number,
  lastCol: number,
): TitlePlacement {
  writeTitleRow(out, 0, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true }, startCol, lastCol);
  writeTitleRow(out, 1, "Độc lập - Tự do - Hạnh phúc", { bold: true }, startCol, lastCol);
  writeTitleRow(out, 3, titleText(title), { bold: true, size: 13 }, startCol, lastCol);
  // The rubric name alone on its row (the year is in the title above), so an import reads it back verbatim.
  writeTitleRow(out, 4, title.rubricName, { italic: true }, startCol, lastCol);
  return { unitRow: 5, headerRow: 7 };
}

/**
 * Two-sided letterhead as many provinces print it (moved-header), the table pushed down and one column
 * right: issuer on the left, motto and date on the right, then title, rubric name and period.
 */
function writeLetterheadTitle(
  out: CellWriter,
  title: TitleBlock,
  startCol: number,
  lastCol: number,
): TitlePlacement {
  const mid = Math.min(startCol + 3, lastCol);
  out.put(0, startCol, "ỦY BAN NHÂN DÂN", { bold: true, hAlign: "center" });
  out.mergeRange(0, startCol, 0, mid - 1);
  out.put(0, mid, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, hAlign: "center" });
  out.mergeRange(0, mid, 0, lastCol);
  out.put(1, mid, "Độc lập - Tự do - Hạnh phúc", { bold: true, hAlign: "center" });
  out.mergeRange(1, mid, 1, lastCol);
  out.put(3, mid, `…, ngày … tháng … năm ${title.year}`, { italic: true, hAlign: "center" });
  out.mergeRange(3, mid, 3, lastCol);
  writeTitleRow(out, 5, titleText(title), { bold: true, size: 13 }, startCol, lastCol);
  writeTitleRow(out, 6, title.rubricName, { italic: true }, startCol, lastCol);
  writeTitleRow(out, 7, `(Kỳ đánh giá: năm ${title.year})`, { italic: true }, startCol, lastCol);
  return { unitRow: 8, headerRow: 11 };
}

const HEADER_STYLE: CellStyle = {
  bold: true,
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
  border: true,
  fill: "D9E1F2",
};

/**
 * Header cells. On a two-row header, columns with a sub-header sit under one merged group cell "Điểm";
 * the others span both rows. Merged labels span two columns.
 */
function writeHeader(
  out: CellWriter,
  grid: ColumnGrid,
  headerRow: number,
  headerRowCount: number,
  mergedLabels: boolean,
): void {
  const twoRow = headerRowCount === 2;
  let groupStart = -1;
  let groupEnd = -1;
  for (const d of grid.defs) {
    const c = grid.columns[d.role]!;
    const span = d.role === "label" && mergedLabels ? 1 : 0;
    if (d.sub) {
      if (groupStart < 0) groupStart = c;
      groupEnd = c;
      out.put(headerRow + 1, c, d.sub, HEADER_STYLE);
    } else {
      out.put(headerRow, c, d.header, HEADER_STYLE);
      if (span) out.put(headerRow, c + 1, null, HEADER_STYLE);
      if (twoRow) {
        out.put(headerRow + 1, c, null, HEADER_STYLE);
        if (span) out.put(headerRow + 1, c + 1, null, HEADER_STYLE);
      }
      out.mergeRange(headerRow, c, headerRow + headerRowCount - 1, c + span);
    }
  }
  if (groupStart >= 0) {
    out.put(headerRow, groupStart, "Điểm", HEADER_STYLE);
    for (let c = groupStart + 1; c <= groupEnd; c++) out.put(headerRow, c, null, HEADER_STYLE);
    out.mergeRange(headerRow, groupStart, headerRow, groupEnd);
  }
}

/** Score cells evaluated on demand: what a reader sees in each, and the formula parents and the total hold. */
interface ScoreCells {
  shown: Partial<Record<ScoreColumn, CellValue>>[];
  formulaOf: Partial<Record<ScoreColumn, string>>[];
  /** Value shown in row `i`'s `role` column, evaluating (and remembering) the rows it adds first. */
  shownValue(i: number, role: ScoreColumn): CellValue;
}

function scoreCells(
  rows: SampleRow[],
  columns: Partial<Record<LayoutRole, number>>,
  rowOf: number[],
): ScoreCells {
  const shown: Partial<Record<ScoreColumn, CellValue>>[] = rows.map(() => ({}));
  const formulaOf: Partial<Record<ScoreColumn, string>>[] = rows.map(() => ({}));

  const shownValue = (i: number, role: ScoreColumn): CellValue => {
    if (role in shown[i]) return shown[i][role] ?? null;
    const row = rows[i];
    const c = columns[role]!;
    let value: CellValue;
    if (row.isLeaf) {
      value = row.values[role] ?? null;
    } else if (row.terms) {
      value = totalValue(row.terms, role);
      formulaOf[i][role] = totalFormula(row.terms, c);
    } else {
      const over = role === "self" && row.formulaChildren ? row.formulaChildren : row.children;
      const parts = over.map((k) => shownValue(k, role));
      const error = parts.find(isError);
      const sum = error ?? fromUnits(parts.reduce<number>((s, p) => s + numericUnits(p), 0));
      if (row.constantIn?.includes(role)) {
        // A typed constant where the formula was: what the user typed (their own sum) stays.
        value = row.values[role] ?? sum;
      } else {
        value = sum;
        formulaOf[i][role] = sumFormula(
          over.map((k) => rowOf[k]),
          c,
        );
      }
    }
    shown[i][role] = value;
    return value;
  };

  /** The total: areas added, penalties subtracted; the first error met is what Excel shows. */
  const totalValue = (terms: NonNullable<SampleRow["terms"]>, role: ScoreColumn): CellValue => {
    const parts = terms.map((t) => ({ t, v: shownValue(t.row, role) }));
    const error = parts.find((p) => isError(p.v));
    return error ? error.v : fromUnits(parts.reduce((s, p) => s + p.t.sign * numericUnits(p.v), 0));
  };

  /** "=E10+E20-E30": one signed reference per area row. */
  const totalFormula = (terms: NonNullable<SampleRow["terms"]>, col: number): string =>
    `=${terms
      .map((t, k) => `${k === 0 ? (t.sign < 0 ? "-" : "") : t.sign < 0 ? "-" : "+"}${a1(rowOf[t.row], col)}`)
      .join("")}`;

  return { shown, formulaOf, shownValue };
}

function rowTier(row: SampleRow): Tier {
  if (row.level === 0) return "total";
  if (row.level === 1) return "area";
  return row.level === 2 && !row.isLeaf ? "criterion" : "item";
}

/** One sheet row per SampleRow: its text, maximum, scores (with their formulas) and other values. */
function writeItemRows(
  out: CellWriter,
  rows: SampleRow[],
  grid: ColumnGrid,
  rowOf: number[],
  scores: ScoreCells,
  numberFormat: string,
  mergedLabels: boolean,
): void {
  const styleTable = {} as Record<Tier, Partial<Record<LayoutRole, CellStyle>>>;
  for (const tier of ["total", "area", "criterion", "item"] as const) {
    styleTable[tier] = {};
    for (const d of grid.defs) styleTable[tier][d.role] = cellStyle(tier, d.role, numberFormat);
  }
  rows.forEach((row, i) => {
    const r = rowOf[i];
    const tier = rowTier(row);
    for (const d of grid.defs) {
      const c = grid.columns[d.role]!;
      // A fresh copy per cell: writers may adjust a cell's style (text format for escaped text).
      const style: CellStyle = { ...styleTable[tier][d.role]! };
      const { value, formula } = rowCell(row, i, d.role, scores);
      out.put(r, c, value, style, formula);
      if (d.role === "label" && mergedLabels) {
        out.put(r, c + 1, null, style);
        out.mergeRange(r, c, r, c + 1);
      }
    }
  });
}

/** What row `i` holds in the `role` column: a leaf's score may carry its own (broken) formula. */
function rowCell(
  row: SampleRow,
  i: number,
  role: LayoutRole,
  scores: ScoreCells,
): { value: CellValue; formula?: string } {
  switch (role) {
    case "code":
      return { value: row.displayCode };
    case "label":
      return { value: row.label };
    case "max":
      return { value: row.max };
    case "guidance":
      return { value: row.guidance };
    case "self":
    case "appraised1":
    case "appraised2": {
      const value = scores.shownValue(i, role);
      return { value, formula: row.isLeaf ? row.formulas?.[role] : scores.formulaOf[i][role] };
    }
    default:
      return { value: row.values[role as ValueRole] ?? null };
  }
}

type Tier = "total" | "area" | "criterion" | "item";
const styleCache = new Map<string, CellStyle>();

/** Style of a table cell by row tier and column role, computed once per combination. */
function cellStyle(tier: Tier, role: LayoutRole, numberFormat: string): CellStyle {
  const key = `${tier}|${role}|${numberFormat}`;
  let style = styleCache.get(key);
  if (style) return style;
  style = { ...BORDER };
  if (tier === "total") Object.assign(style, { bold: true, fill: "FFF2CC" });
  else if (tier === "area") Object.assign(style, { bold: true, fill: "F2F2F2" });
  else if (tier === "criterion") style.bold = true;
  if (WRAP_ROLES.has(role)) style.wrap = true;
  if (NUMBER_ROLES.has(role)) {
    style.numberFormat = numberFormat;
    style.hAlign = "center";
  }
  if (role === "code") style.hAlign = "center";
  styleCache.set(key, style);
  return style;
}

function isError(v: CellValue): boolean {
  return typeof v === "string" && EXCEL_ERRORS.has(v);
}

/** SUM and + see numbers only: text (even "1,5") and blanks count as nothing, as in Excel. */
function numericUnits(v: CellValue): number {
  return typeof v === "number" && Number.isFinite(v) ? toUnits(v) : 0;
}

/** "=SUM(E10:E12)" over a contiguous run of rows, else "=SUM(E9,E12,E14)". */
function sumFormula(sheetRows: number[], col: number): string {
  if (sheetRows.length === 0) return "=0";
  const contiguous = sheetRows.every((r, k) => k === 0 || r === sheetRows[k - 1] + 1);
  if (contiguous) return `=SUM(${a1(sheetRows[0], col)}:${a1(sheetRows[sheetRows.length - 1], col)})`;
  return `=SUM(${sheetRows.map((r) => a1(r, col)).join(",")})`;
}
