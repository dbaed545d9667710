import { a1 } from "../address";
import type { ColumnRole } from "../columns";
import type { ScoreColumn } from "../entries";
import { fromUnits, toUnits } from "../numbers";
import type { ItemKind, Rubric } from "../rubric/schema";
import { flattenRubric, scaleMax } from "../rubric/tree";
import type { CellStyle, SheetSpec, SpecCell } from "../sheet-spec";
import { type CellValue, EXCEL_ERRORS } from "../snapshot";

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
  const renamed = v.has("renamed-columns");
  const twoRow = v.has("two-row-header");
  const mergedLabels = v.has("merged-labels");
  const moved = v.has("moved-header");
  const startCol = moved ? 1 : 0;
  const numberFormat = precisionFormat(options.precision);

  // Columns and their sheet positions.
  const defs: ColumnDef[] = columnOrder(options).map((role) => ({
    role,
    header: headerText(role, options.appraisal, renamed),
    width: WIDTHS[role],
  }));
  if (twoRow) {
    for (const d of defs) {
      if (d.role === "appraised1") d.sub = options.appraisal === 2 ? "Thẩm định lần 1" : "Thẩm định";
      else if (d.role === "appraised2") d.sub = "Thẩm định lần 2";
      else if (SUB_HEADERS[d.role]) d.sub = SUB_HEADERS[d.role];
    }
  }
  const columns: Partial<Record<LayoutRole, number>> = {};
  const headers: Partial<Record<LayoutRole, string>> = {};
  const columnWidths: number[] = new Array(startCol).fill(3);
  let col = startCol;
  for (const d of defs) {
    columns[d.role] = col;
    headers[d.role] = d.sub ? `Điểm / ${d.sub}` : d.header;
    columnWidths[col] = d.width;
    col++;
    if (d.role === "label" && mergedLabels) {
      columnWidths[col - 1] = 30;
      columnWidths[col] = 16;
      col++;
    }
  }
  const lastCol = col - 1;

  const cells: SpecCell[] = [];
  const merges: string[] = [];
  const put = (row: number, c: number, value: CellValue, style?: CellStyle, formula?: string) => {
    const cell: SpecCell = { row, col: c, value };
    if (formula) cell.formula = formula;
    if (style) cell.style = style;
    cells.push(cell);
  };
  const mergeRange = (r1: number, c1: number, r2: number, c2: number) => {
    if (r1 !== r2 || c1 !== c2) merges.push(`${a1(r1, c1)}:${a1(r2, c2)}`);
  };

  // Title block.
  const titleRow = (row: number, text: string, style: CellStyle) => {
    put(row, startCol, text, { hAlign: "center", ...style });
    mergeRange(row, startCol, row, lastCol);
  };
  let unitRow: number;
  let headerRow: number;
  // The title names the level ("CẤP XÃ"), as templates do, so an import can tell communes from agencies.
  const titleText = `BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH${LEVEL_TITLE[options.title.unitLevel]} NĂM ${options.title.year}`;
  if (moved) {
    // Two-sided letterhead as many provinces print it, the table pushed down and one column right.
    const mid = Math.min(startCol + 3, lastCol);
    put(0, startCol, "ỦY BAN NHÂN DÂN", { bold: true, hAlign: "center" });
    mergeRange(0, startCol, 0, mid - 1);
    put(0, mid, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, hAlign: "center" });
    mergeRange(0, mid, 0, lastCol);
    put(1, mid, "Độc lập - Tự do - Hạnh phúc", { bold: true, hAlign: "center" });
    mergeRange(1, mid, 1, lastCol);
    put(3, mid, `…, ngày … tháng … năm ${options.title.year}`, { italic: true, hAlign: "center" });
    mergeRange(3, mid, 3, lastCol);
    titleRow(5, titleText, { bold: true, size: 13 });
    titleRow(6, options.title.rubricName, { italic: true });
    titleRow(7, `(Kỳ đánh giá: năm ${options.title.year})`, { italic: true });
    unitRow = 8;
    headerRow = 11;
  } else {
    titleRow(0, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true });
    titleRow(1, "Độc lập - Tự do - Hạnh phúc", { bold: true });
    titleRow(3, titleText, { bold: true, size: 13 });
    // The rubric name alone on its row (the year is in the title above), so an import reads it back verbatim.
    titleRow(4, options.title.rubricName, { italic: true });
    unitRow = 5;
    headerRow = 7;
  }
  put(unitRow, startCol, options.title.unitLine, { bold: true });
  const unitNameAddress = a1(unitRow, startCol);

  // Header.
  const headerStyle: CellStyle = {
    bold: true,
    hAlign: "center",
    vAlign: "middle",
    wrap: true,
    border: true,
    fill: "D9E1F2",
  };
  const headerRowCount = twoRow ? 2 : 1;
  let groupStart = -1;
  let groupEnd = -1;
  for (const d of defs) {
    const c = columns[d.role]!;
    const span = d.role === "label" && mergedLabels ? 1 : 0;
    if (d.sub) {
      if (groupStart < 0) groupStart = c;
      groupEnd = c;
      put(headerRow + 1, c, d.sub, headerStyle);
    } else {
      put(headerRow, c, d.header, headerStyle);
      if (span) put(headerRow, c + 1, null, headerStyle);
      if (twoRow) {
        put(headerRow + 1, c, null, headerStyle);
        if (span) put(headerRow + 1, c + 1, null, headerStyle);
      }
      mergeRange(headerRow, c, headerRow + headerRowCount - 1, c + span);
    }
  }
  if (groupStart >= 0) {
    put(headerRow, groupStart, "Điểm", headerStyle);
    for (let c = groupStart + 1; c <= groupEnd; c++) put(headerRow, c, null, headerStyle);
    mergeRange(headerRow, groupStart, headerRow, groupEnd);
  }

  // Item rows.
  const firstDataRow = headerRow + headerRowCount;
  const rowOf = rows.map((_, i) => firstDataRow + i);
  const scoreCols = SCORE_ROLES.filter((r) => columns[r] !== undefined);
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
      const parts = row.terms.map((t) => ({ t, v: shownValue(t.row, role) }));
      const error = parts.find((p) => isError(p.v));
      value = error ? error.v : fromUnits(parts.reduce((s, p) => s + p.t.sign * numericUnits(p.v), 0));
      const formula = row.terms
        .map((t, k) => `${k === 0 ? (t.sign < 0 ? "-" : "") : t.sign < 0 ? "-" : "+"}${a1(rowOf[t.row], c)}`)
        .join("");
      formulaOf[i][role] = `=${formula}`;
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

  const styleTable = {} as Record<Tier, Partial<Record<LayoutRole, CellStyle>>>;
  for (const tier of ["total", "area", "criterion", "item"] as const) {
    styleTable[tier] = {};
    for (const d of defs) styleTable[tier][d.role] = cellStyle(tier, d.role, numberFormat);
  }
  rows.forEach((row, i) => {
    const r = rowOf[i];
    const isTotal = row.level === 0;
    const tier = isTotal
      ? "total"
      : row.level === 1
        ? "area"
        : row.level === 2 && !row.isLeaf
          ? "criterion"
          : "item";
    for (const d of defs) {
      const c = columns[d.role]!;
      // A fresh copy per cell: writers may adjust a cell's style (text format for escaped text).
      const style: CellStyle = { ...styleTable[tier][d.role]! };
      let value: CellValue = null;
      let formula: string | undefined;
      switch (d.role) {
        case "code":
          value = row.displayCode;
          break;
        case "label":
          value = row.label;
          break;
        case "max":
          value = row.max;
          break;
        case "guidance":
          value = row.guidance;
          break;
        case "self":
        case "appraised1":
        case "appraised2":
          value = shownValue(i, d.role);
          formula = row.isLeaf ? row.formulas?.[d.role] : formulaOf[i][d.role];
          break;
        default:
          value = row.values[d.role as ValueRole] ?? null;
      }
      put(r, c, value, style, formula);
      if (d.role === "label" && mergedLabels) {
        put(r, c + 1, null, style);
        mergeRange(r, c, r, c + 1);
      }
    }
  });
  for (const i of rows.keys()) for (const role of scoreCols) shownValue(i, role);

  const totalRow = rowOf[rows.length - 1];
  const spec: SheetSpec = {
    name: options.sheetName,
    cells,
    merges,
    columnWidths,
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
    headers,
    unitNameAddress,
    rowOf,
    shown,
  };
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
