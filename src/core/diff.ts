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
import { formatCount } from "./numbers";
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
  | "rows-moved"
  /** The moved blocks past the first MOVED_BLOCKS_SHOWN, counted in one line. */
  | "rows-moved-more";

export interface StructureChange {
  kind: StructureKind;
  role?: ColumnRole;
  /** First item the move starts at (rows-moved). */
  item?: string;
  /** Last item of a moved block (rows-moved). */
  lastItem?: string;
  /** 1-based rows of a moved block in the old and in the new version, first–last (rows-moved). */
  oldRows?: { first: number; last: number };
  newRows?: { first: number; last: number };
  /** Rows the block moved by (new − old, positive: down); absent for a block in reverse order. */
  by?: number;
  /** "reversed": the block's items are in the opposite order (old rows descend as new rows ascend). */
  order?: "same" | "reversed";
  /** Items in the block (rows-moved), or in all the blocks not shown (rows-moved-more). */
  items?: number;
  /** Blocks not shown (rows-moved-more). */
  blocks?: number;
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
  const oldRows = rowsByItem(a.table.rows);
  const newRows = rowsByItem(b.table.rows);
  result.structure = [...columnChanges(a, b), ...movedBlocks(oldRows, newRows)];
  const oldSheet = oldWb.sheets.find((s) => s.name === a.sheet);
  const newSheet = newWb.sheets.find((s) => s.name === b.sheet);
  // Cells read by column index, their A1 made only for a change: 20,000 items × 6 fields stay cheap.
  const oldCols = DIFF_FIELDS.map((f) => a.table.columns[f]);
  const newCols = DIFF_FIELDS.map((f) => b.table.columns[f]);
  const at = (sheet: typeof oldSheet, row: TableRow, col: number | undefined) =>
    col === undefined || !sheet ? null : cellAt(sheet, row.row, col);
  const cellName = (row: TableRow, col: number | undefined) => (col === undefined ? null : a1(row.row, col));
  for (const [key, nr] of newRows) {
    const or = oldRows.get(key);
    const label = nr.label ?? or?.label ?? "";
    if (!or) {
      result.items.push({ item: key, label, status: "added", oldRow: null, newRow: nr.row + 1, changes: [] });
      continue;
    }
    const changes: FieldChange[] = [];
    for (let f = 0; f < DIFF_FIELDS.length; f++) {
      const o = at(oldSheet, or, oldCols[f]);
      const n = at(newSheet, nr, newCols[f]);
      if (!sameValue(o, n))
        changes.push({
          field: DIFF_FIELDS[f],
          old: o,
          new: n,
          oldCell: cellName(or, oldCols[f]),
          newCell: cellName(nr, newCols[f]),
        });
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
  if (a === b) return true;
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

/** Sheet renamed, columns moved/added/removed. */
function columnChanges(a: UnitAnalysis, b: UnitAnalysis): StructureChange[] {
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
  return out;
}

/** Moved blocks listed one by one; the rest are counted in one line (a reordered table is one story). */
export const MOVED_BLOCKS_SHOWN = 20;

interface Block {
  order: "same" | "reversed";
  /** new − old row of the block's first item (the block's shift when order is "same"). */
  by: number;
  firstItem: string;
  lastItem: string;
  /** 0-based rows of the first and last item, in each version. */
  oldFirst: number;
  oldLast: number;
  newFirst: number;
  newLast: number;
  items: number;
  /** Rows inserted (+) or removed (−) just above the block: its shift less the previous item's; null when that item was in a reversed block. */
  above: number | null;
}

/**
 * Rows moved, told as blocks: items in the new version's order are gathered into runs that moved by the
 * same number of rows ("rows 12–20,011 moved down by 3": rows inserted or removed above) or that came in
 * the opposite order (rows reversed or two rows swapped). One pass, one map lookup per item. Runs that did
 * not move are not told; past MOVED_BLOCKS_SHOWN blocks, one line counts the rest.
 */
function movedBlocks(oldRows: Map<string, TableRow>, newRows: Map<string, TableRow>): StructureChange[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  // The shift of the last item seen (none yet: 0), null inside a reversed block.
  let prevBy: number | null = 0;
  const close = () => {
    if (cur && (cur.order === "reversed" || cur.by !== 0)) blocks.push(cur);
    cur = null;
  };
  for (const [key, nr] of newRows) {
    const or = oldRows.get(key);
    if (!or) continue;
    const o = or.row;
    const n = nr.row;
    const c = cur as Block | null;
    if (c && c.order === "same" && n - o === c.by && o > c.oldLast) {
      c.lastItem = key;
      c.oldLast = o;
      c.newLast = n;
      c.items++;
      continue;
    }
    // Reverse order only as a mirror (each step down in the new version one step up in the old, by the
    // same rows): two rows far apart that happen to come in the other order are two moves, not a block.
    if (c && (c.order === "reversed" || c.items === 1) && o < c.oldLast && n + o === c.newLast + c.oldLast) {
      c.order = "reversed";
      c.above = null;
      prevBy = null;
      c.lastItem = key;
      c.oldLast = o;
      c.newLast = n;
      c.items++;
      continue;
    }
    close();
    const above = prevBy === null ? null : n - o - prevBy;
    cur = {
      order: "same",
      by: n - o,
      firstItem: key,
      lastItem: key,
      oldFirst: o,
      oldLast: o,
      newFirst: n,
      newLast: n,
      items: 1,
      above,
    };
    prevBy = n - o;
  }
  close();
  const shown = blocks.slice(0, MOVED_BLOCKS_SHOWN).map(blockChange);
  const rest = blocks.slice(MOVED_BLOCKS_SHOWN);
  if (rest.length) {
    const items = rest.reduce((sum, b) => sum + b.items, 0);
    shown.push({
      kind: "rows-moved-more",
      blocks: rest.length,
      items,
      message: {
        vi: `… và ${count(rest.length, "vi")} khối dòng dời chỗ khác (${count(items, "vi")} tiêu chí); các tiêu chí vẫn được so theo mã, không theo dòng.`,
        en: `… and ${count(rest.length, "en")} more moved block(s) (${count(items, "en")} items); items are still compared by code, not by row.`,
      },
    });
  }
  return shown;
}

/** Structure changes as the user counts them: those listed, plus the moved blocks counted in one line. */
export function structureCount(structure: readonly StructureChange[]): number {
  let n = 0;
  for (const s of structure) n += s.kind === "rows-moved-more" ? (s.blocks ?? 0) : 1;
  return n;
}

/** "20.011" / "20,011": row numbers and counts with thousands separators, as each language writes them. */
const count = formatCount;

function blockChange(b: Block): StructureChange {
  const first = Math.min(b.oldFirst, b.oldLast) + 1;
  const last = Math.max(b.oldFirst, b.oldLast) + 1;
  const newFirst = Math.min(b.newFirst, b.newLast) + 1;
  const newLast = Math.max(b.newFirst, b.newLast) + 1;
  const base = {
    kind: "rows-moved" as const,
    item: b.firstItem,
    lastItem: b.lastItem,
    oldRows: { first, last },
    newRows: { first: newFirst, last: newLast },
    order: b.order,
    items: b.items,
  };
  const rows = (lang: "vi" | "en") =>
    first === last
      ? `${lang === "vi" ? "Dòng" : "Row"} ${count(first, lang)}`
      : `${lang === "vi" ? "Khối dòng" : "Rows"} ${count(first, lang)}–${count(last, lang)}`;
  const items =
    b.items === 1
      ? { vi: `tiêu chí ${b.firstItem}`, en: `item ${b.firstItem}` }
      : { vi: `tiêu chí ${b.firstItem} … ${b.lastItem}`, en: `items ${b.firstItem} … ${b.lastItem}` };
  if (b.order === "reversed") {
    return {
      ...base,
      message: {
        vi: `${rows("vi")} (${items.vi}) đảo ngược thứ tự, nay ở dòng ${count(newFirst, "vi")}–${count(newLast, "vi")}.`,
        en: `${rows("en")} (${items.en}) in reverse order, now rows ${count(newFirst, "en")}–${count(newLast, "en")}.`,
      },
    };
  }
  const k = count(Math.abs(b.by), "vi");
  const kEn = count(Math.abs(b.by), "en");
  const moved =
    b.by > 0
      ? { vi: `chuyển xuống ${k} dòng`, en: `moved down by ${kEn}` }
      : { vi: `chuyển lên ${k} dòng`, en: `moved up by ${kEn}` };
  // Why it moved, when that is known: rows inserted or removed just above the block's first item (a single
  // row moved on its own was cut and pasted, not pushed).
  const why =
    b.above === null || b.above === 0 || b.items === 1
      ? { vi: "", en: "" }
      : b.above > 0
        ? {
            vi: `: thêm ${count(b.above, "vi")} dòng phía trên`,
            en: `: ${count(b.above, "en")} row(s) inserted above`,
          }
        : {
            vi: `: bớt ${count(-b.above, "vi")} dòng phía trên`,
            en: `: ${count(-b.above, "en")} row(s) removed above`,
          };
  return {
    ...base,
    by: b.by,
    message: {
      vi: `${rows("vi")} (${items.vi}) ${moved.vi}${why.vi}.`,
      en: `${rows("en")} (${items.en}) ${moved.en}${why.en}.`,
    },
  };
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
