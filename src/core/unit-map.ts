/**
 * Last year's units → this year's (`--previous-map`): since 1 July 2025 most communes were formed by
 * merging several former ones, and others were renamed (a "thị trấn" became a "xã" or "phường"). A table
 * of "đơn vị cũ; đơn vị mới" rows says which: one old name to one new is a rename, several old names to
 * one new is a merger. Pure: the rows come from whatever read the file (CSV or a workbook's first sheet).
 */
import type { Text } from "./finding";
import { foldWords } from "./fold";
import { unitKey } from "./rank-key";
import type { CellValue, WorkbookSnapshot } from "./snapshot";

export interface UnitMap {
  /** Old unit key → this year's name. */
  successor: Map<string, string>;
  /** This year's unit key → last year's names (one: a rename; several: a merger), in the table's order. */
  predecessors: Map<string, string[]>;
}

export interface UnitMapRead {
  map: UnitMap;
  /** Rows not used, each naming the file and row, with what to do. */
  problems: Text[];
}

/** Bounds: 3,321 communes in the whole country; a map much longer than that is not a map. */
export const UNIT_MAP_MAX_ROWS = 20_000;

export function emptyUnitMap(): UnitMap {
  return { successor: new Map(), predecessors: new Map() };
}

/** A map kept as a workbook: the rows of its first sheet that holds anything (a cover sheet may come first). */
export function unitMapRowsOf(wb: WorkbookSnapshot): readonly (readonly CellValue[])[] {
  return wb.sheets.find((s) => s.values.some((r) => r?.some((v) => v !== null && v !== "")))?.values ?? [];
}

/**
 * The map from table rows (first two non-blank columns: old, new). A header row ("Đơn vị cũ", "Đơn vị
 * mới", "old", "new") is skipped; a row with only one name, or an old unit given two successors, is a
 * problem naming the row (the first successor is kept).
 */
export function unitMapFromRows(rows: readonly (readonly CellValue[])[], source: string): UnitMapRead {
  const map = emptyUnitMap();
  const problems: Text[] = [];
  const rowLimit = Math.min(rows.length, UNIT_MAP_MAX_ROWS);
  if (rows.length > UNIT_MAP_MAX_ROWS) {
    problems.push({
      vi: `${source}: bảng đối chiếu có ${rows.length} dòng, chỉ đọc ${UNIT_MAP_MAX_ROWS} dòng đầu.`,
      en: `${source}: the unit map has ${rows.length} rows; only the first ${UNIT_MAP_MAX_ROWS} are read.`,
    });
  }
  for (let r = 0; r < rowLimit; r++) {
    const cells = (rows[r] ?? []).map(cellText);
    const filled = cells.filter((c) => c !== "");
    if (filled.length === 0 || isHeader(cells)) continue;
    const [from, to] = filled;
    const where = `${source}, dòng ${r + 1}`;
    const whereEn = `${source}, row ${r + 1}`;
    if (!to) {
      problems.push({
        vi: `${where}: chỉ có một tên ("${from}"); cần "đơn vị cũ; đơn vị mới". Bỏ qua dòng này.`,
        en: `${whereEn}: only one name ("${from}"); expected "old unit; new unit". Row ignored.`,
      });
      continue;
    }
    const oldKey = unitKey(from);
    const earlier = map.successor.get(oldKey);
    if (earlier !== undefined) {
      if (unitKey(earlier) !== unitKey(to))
        problems.push({
          vi: `${where}: "${from}" đã được ghi sang "${earlier}" ở dòng trước, nay lại sang "${to}"; dùng dòng trước. Một đơn vị cũ chỉ thuộc một đơn vị mới — sửa bảng đối chiếu.`,
          en: `${whereEn}: "${from}" already maps to "${earlier}" on an earlier row, here to "${to}"; the earlier row is used. An old unit belongs to one new unit — correct the map.`,
        });
      continue;
    }
    map.successor.set(oldKey, to);
    const newKey = unitKey(to);
    const list = map.predecessors.get(newKey);
    if (list) list.push(from);
    else map.predecessors.set(newKey, [from]);
  }
  return { map, problems };
}

/** Folds the old `renames` option (last year's name → this year's) into a map, for callers that still pass it. */
export function withRenames(
  map: UnitMap | null | undefined,
  renames: Readonly<Record<string, string>> | undefined,
): UnitMap {
  const out: UnitMap = {
    successor: new Map(map?.successor ?? []),
    predecessors: new Map(
      [...(map?.predecessors ?? new Map<string, string[]>())].map(([k, v]) => [k, [...v]]),
    ),
  };
  for (const [from, to] of Object.entries(renames ?? {})) {
    const oldKey = unitKey(from);
    if (out.successor.has(oldKey)) continue;
    out.successor.set(oldKey, to);
    const list = out.predecessors.get(unitKey(to));
    if (list) list.push(from);
    else out.predecessors.set(unitKey(to), [from]);
  }
  return out;
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

const HEADER_WORDS =
  /^(don vi|ten don vi|ten)?\s*(cu|moi|truoc sap nhap|sau sap nhap|nam truoc|nam nay|old|new|previous|current)( unit| name)?$/;

/** "Đơn vị cũ | Đơn vị mới", "old | new": a header, not a unit called "cũ". */
function isHeader(cells: readonly string[]): boolean {
  const words = cells.filter((c) => c !== "").map((c) => foldWords(c));
  return words.length >= 2 && words.slice(0, 2).every((w) => HEADER_WORDS.test(w));
}
