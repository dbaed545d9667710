/**
 * Resubmission diff ("So sánh với bản trước"): what a unit changed between two versions of its workbook
 * after being asked to explain or add evidence ("giải trình, bổ sung"). Items are matched by the rubric
 * code the engine matched each row to (never by row number), so a row inserted above or a column moved
 * is told apart as a structure change and does not show up as every item having changed.
 */
import { a1 } from "./address";
import { type AnalyseOptions, analyseWorkbook, type UnitAnalysis } from "./analyse";
import { COLUMN_ROLES, type ColumnRole } from "./columns";
import type { Text } from "./finding";
import { fold } from "./fold";
import { roleName } from "./messages";
import type { TableRow } from "./recognise";
import { type CellValue, cellAt, type WorkbookSnapshot } from "./snapshot";

/** The cells compared per item, in the order they are shown. */
export const DIFF_FIELDS = ["self", "appraised1", "appraised2", "evidence", "explanation", "note"] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export const FIELD_TEXT: Record<DiffField, Text> = {
  self: { vi: "Tự đánh giá", en: "Self score" },
  appraised1: { vi: "Thẩm định lần 1", en: "Appraisal round 1" },
  appraised2: { vi: "Thẩm định lần 2", en: "Appraisal round 2" },
  evidence: { vi: "Tài liệu kiểm chứng", en: "Evidence" },
  explanation: { vi: "Giải trình", en: "Explanation" },
  note: { vi: "Ghi chú", en: "Note" },
};

export interface FieldChange {
  field: DiffField;
  old: CellValue;
  new: CellValue;
  /** A1 (no sheet) in each version; null where that version has no such column. */
  oldCell: string | null;
  newCell: string | null;
}

export interface ItemDiff {
  /** Rubric code (or, for a row matching no rubric item, the code or label as written). */
  item: string;
  label: string;
  status: "changed" | "added" | "removed";
  /** 1-based sheet rows, as Excel numbers them. */
  oldRow: number | null;
  newRow: number | null;
  changes: FieldChange[];
}

export type StructureKind =
  | "sheet-renamed"
  | "column-moved"
  | "column-added"
  | "column-removed"
  | "rows-moved";

export interface StructureChange {
  kind: StructureKind;
  role?: ColumnRole;
  /** First item the move starts at (rows-moved). */
  item?: string;
  /** Column letters before and after (column moves). */
  from?: string;
  to?: string;
  message: Text;
}

export interface TotalsPair {
  code: string;
  label: string;
  old: { self: number | null; appraised: number | null; final: number | null };
  new: { self: number | null; appraised: number | null; final: number | null };
}

export interface WorkbookDiff {
  old: { source: string; unit: string | null; sheet: string | null };
  new: { source: string; unit: string | null; sheet: string | null };
  /** Items with a content change, added or removed, in the new version's rubric order. */
  items: ItemDiff[];
  /** Items present in both with nothing changed. */
  unchanged: number;
  structure: StructureChange[];
  /** Per area, then the overall line ("" code). */
  totals: TotalsPair[];
  /** Why a comparison is partial or impossible (a version with no scoring table, two different units). */
  problems: Text[];
}

/** Each version analysed with the same rubric (null: each its own structure), then compared. */
export function diffWorkbooks(
  oldWb: WorkbookSnapshot,
  newWb: WorkbookSnapshot,
  options: Pick<AnalyseOptions, "rubric" | "year">,
): WorkbookDiff {
  const a = analyseWorkbook(oldWb, { ...options, source: oldWb.source }).units[0] ?? null;
  const b = analyseWorkbook(newWb, { ...options, source: newWb.source }).units[0] ?? null;
  return diffUnits(oldWb, a, newWb, b);
}

export function diffUnits(
  oldWb: WorkbookSnapshot,
  a: UnitAnalysis | null,
  newWb: WorkbookSnapshot,
  b: UnitAnalysis | null,
): WorkbookDiff {
  const result: WorkbookDiff = {
    old: { source: oldWb.source, unit: a?.unit ?? null, sheet: a?.sheet ?? null },
    new: { source: newWb.source, unit: b?.unit ?? null, sheet: b?.sheet ?? null },
    items: [],
    unchanged: 0,
    structure: [],
    totals: [],
    problems: [],
  };
  for (const [u, wb] of [
    [a, oldWb],
    [b, newWb],
  ] as const) {
    if (!u) {
      result.problems.push({
        vi: `${wb.source}: không tìm thấy bảng chấm điểm, không so sánh được.`,
        en: `${wb.source}: no scoring table found; nothing to compare.`,
      });
    }
  }
  if (!a || !b) return result;
  if (a.unitFrom === "title" && b.unitFrom === "title" && fold(a.unit) !== fold(b.unit)) {
    result.problems.push({
      vi: `Hai tệp ghi hai đơn vị khác nhau: "${a.unit}" (${oldWb.source}) và "${b.unit}" (${newWb.source}).`,
      en: `The two files name different units: "${a.unit}" (${oldWb.source}) and "${b.unit}" (${newWb.source}).`,
    });
  }
  result.structure = structureChanges(a, b);
  const oldSheet = oldWb.sheets.find((s) => s.name === a.sheet);
  const newSheet = newWb.sheets.find((s) => s.name === b.sheet);
  const oldRows = rowsByItem(a.table.rows);
  const newRows = rowsByItem(b.table.rows);
  const read = (u: UnitAnalysis, sheet: typeof oldSheet, row: TableRow, field: DiffField) => {
    const col = u.table.columns[field];
    if (col === undefined || !sheet) return { value: null, cell: null };
    return { value: cellAt(sheet, row.row, col), cell: a1(row.row, col) };
  };
  for (const [key, nr] of newRows) {
    const or = oldRows.get(key);
    const label = nr.label ?? or?.label ?? "";
    if (!or) {
      result.items.push({ item: key, label, status: "added", oldRow: null, newRow: nr.row + 1, changes: [] });
      continue;
    }
    const changes: FieldChange[] = [];
    for (const field of DIFF_FIELDS) {
      const o = read(a, oldSheet, or, field);
      const n = read(b, newSheet, nr, field);
      if (!sameValue(o.value, n.value))
        changes.push({ field, old: o.value, new: n.value, oldCell: o.cell, newCell: n.cell });
    }
    if (changes.length)
      result.items.push({
        item: key,
        label,
        status: "changed",
        oldRow: or.row + 1,
        newRow: nr.row + 1,
        changes,
      });
    else result.unchanged++;
  }
  for (const [key, or] of oldRows) {
    if (!newRows.has(key))
      result.items.push({
        item: key,
        label: or.label ?? "",
        status: "removed",
        oldRow: or.row + 1,
        newRow: null,
        changes: [],
      });
  }
  result.totals = totalsPairs(a, b);
  return result;
}

/**
 * The key an item is matched on across versions: the rubric code the engine matched the row to, else
 * the code or label as written. The one place to change if matching changes.
 */
export function itemKey(row: TableRow): string | null {
  if (row.isTotal) return null;
  if (row.item) return row.item;
  const written = row.code?.trim() || row.label?.trim();
  return written ? `? ${written}` : null;
}

function rowsByItem(rows: readonly TableRow[]): Map<string, TableRow> {
  const out = new Map<string, TableRow>();
  for (const r of rows) {
    const key = itemKey(r);
    // A duplicated row is validation's finding; the first one is the item's, as scoring counts it.
    if (key && !out.has(key)) out.set(key, r);
  }
  return out;
}

/** Values as a reader compares them: numbers exactly, text trimmed and NFC, blank = empty text. */
function sameValue(a: CellValue, b: CellValue): boolean {
  const norm = (v: CellValue) => (typeof v === "string" ? v.normalize("NFC").trim().replace(/\s+/g, " ") : v);
  const x = norm(a);
  const y = norm(b);
  if ((x === null || x === "") && (y === null || y === "")) return true;
  if (typeof x === "number" && typeof y === "number") return Math.abs(x - y) < 1e-9;
  return x === y;
}

const ROLES = COLUMN_ROLES;

function col(c: number): string {
  return a1(0, c).replace(/\d+$/, "");
}

/** Sheet renamed, columns moved/added/removed, rows shifted (inserted or deleted above an item). */
function structureChanges(a: UnitAnalysis, b: UnitAnalysis): StructureChange[] {
  const out: StructureChange[] = [];
  if (a.sheet !== b.sheet) {
    out.push({
      kind: "sheet-renamed",
      message: {
        vi: `Bảng chấm điểm chuyển từ trang "${a.sheet}" sang trang "${b.sheet}".`,
        en: `The scoring table moved from sheet "${a.sheet}" to sheet "${b.sheet}".`,
      },
    });
  }
  for (const role of ROLES) {
    const o = a.table.columns[role];
    const n = b.table.columns[role];
    const name = roleName(role);
    if (o !== undefined && n !== undefined && o !== n) {
      out.push({
        kind: "column-moved",
        role,
        from: col(o),
        to: col(n),
        message: {
          vi: `Cột ${name.vi} chuyển từ cột ${col(o)} sang cột ${col(n)}.`,
          en: `The ${name.en} column moved from column ${col(o)} to column ${col(n)}.`,
        },
      });
    } else if (o === undefined && n !== undefined) {
      out.push({
        kind: "column-added",
        role,
        message: {
          vi: `Thêm cột ${name.vi} (cột ${col(n)}).`,
          en: `A ${name.en} column was added (column ${col(n)}).`,
        },
      });
    } else if (o !== undefined && n === undefined) {
      out.push({
        kind: "column-removed",
        role,
        message: {
          vi: `Bỏ cột ${name.vi} (trước ở cột ${col(o)}).`,
          en: `The ${name.en} column was removed (was column ${col(o)}).`,
        },
      });
    }
  }
  // Rows: where the offset between an item's old and new row changes, rows were inserted or deleted.
  const oldRows = rowsByItem(a.table.rows);
  let offset = 0;
  for (const [key, nr] of rowsByItem(b.table.rows)) {
    const or = oldRows.get(key);
    if (!or) continue;
    const d = nr.row - or.row;
    if (d === offset) continue;
    const by = d - offset;
    offset = d;
    out.push({
      kind: "rows-moved",
      item: key,
      message:
        by > 0
          ? {
              vi: `Từ tiêu chí ${key} (dòng ${or.row + 1} → ${nr.row + 1}): thêm ${by} dòng phía trên.`,
              en: `From item ${key} (row ${or.row + 1} → ${nr.row + 1}): ${by} row(s) inserted above.`,
            }
          : {
              vi: `Từ tiêu chí ${key} (dòng ${or.row + 1} → ${nr.row + 1}): bớt ${-by} dòng phía trên.`,
              en: `From item ${key} (row ${or.row + 1} → ${nr.row + 1}): ${-by} row(s) removed above.`,
            },
    });
  }
  return out;
}

function totalsPairs(a: UnitAnalysis, b: UnitAnalysis): TotalsPair[] {
  const pick = (n: { scores: { self: number | null; final: number | null }; appraised: number | null }) => ({
    self: n.scores.self,
    appraised: n.appraised,
    final: n.scores.final,
  });
  const pairs: TotalsPair[] = [];
  for (const area of b.score.areas) {
    const before = a.score.areas.find((x) => x.code === area.code);
    pairs.push({
      code: area.code,
      label: area.label,
      old: before ? pick(before) : { self: null, appraised: null, final: null },
      new: pick(area),
    });
  }
  const overall = (u: UnitAnalysis) => ({
    self: u.score.summary.self,
    appraised: u.score.summary.appraised,
    final: u.score.summary.final,
  });
  pairs.push({
    code: "",
    label: b.score.summary.withoutSurvey ? "Chỉ số tạm (chưa có điều tra xã hội học)" : "Chỉ số CCHC",
    old: overall(a),
    new: overall(b),
  });
  return pairs;
}
