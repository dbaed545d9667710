/**
 * The province scores the social survey ("điều tra xã hội học") itself and sends a table of unit →
 * survey points. It is merged into the units by name (`unitKey`: folded, punctuation and a leading
 * "UBND" ignored); both kinds of mismatch are reported, since a misspelt unit name would otherwise
 * silently leave a unit without its survey score.
 */
import { a1 } from "./address";
import type { Text } from "./finding";
import { foldWords } from "./fold";
import { parseNumberText } from "./numbers";
import { unitKey } from "./rank-key";
import type { CellValue, WorkbookSnapshot } from "./snapshot";

export interface SurveyRow {
  unit: string;
  score: number;
  /** "Sheet!B5" where it came from, for messages; null for JSON. */
  where: string | null;
}

export interface SurveyTable {
  rows: SurveyRow[];
  /** Rows whose score is not a number, or no table at all; bilingual, naming file and cell. */
  problems: Text[];
}

export interface SurveyMerge {
  /** Survey score per unit name as the units spell it. */
  byUnit: Map<string, number>;
  /** Units the table has no row for (they stay without a survey score). */
  unitsWithoutSurvey: string[];
  /** Rows that match no unit (misspelt, or a unit that sent no workbook). */
  rowsWithoutUnit: SurveyRow[];
  /** Later rows for a unit already given a score: the first row counts, these are reported. */
  duplicateRows: SurveyRow[];
}

const UNIT = ["don vi", "ten don vi", "unit", "co quan don vi", "ten co quan"];
const SCORE = [
  "diem dieu tra xa hoi hoc",
  "dieu tra xa hoi hoc",
  "diem khao sat",
  "khao sat",
  "diem dieu tra",
  "survey",
  "diem",
  "score",
];
/** A maximum column ("Điểm tối đa", "Điểm chuẩn") beside the score is not the score. */
const NOT_SCORE = /\b(toi da|chuan|max|maximum)\b/;

/** The first survey table on any sheet of a workbook (header within the first 40 rows). */
export function readSurveyTable(wb: WorkbookSnapshot): SurveyTable {
  for (const sheet of wb.sheets) {
    const found = readSurveyRows(sheet.values, wb.source, sheet.name, sheet.origin);
    if (found) return found;
  }
  return { rows: [], problems: [noTable(wb.source)] };
}

/**
 * Survey rows from a plain grid (a sheet's values, or CSV lines split into cells), header found by its
 * folded text. Null when the grid has no survey header; use `surveyTableFromRows` for a problem instead.
 */
export function readSurveyRows(
  grid: readonly (readonly CellValue[] | undefined)[],
  source: string,
  sheetName: string,
  origin: { row: number; col: number } = { row: 0, col: 0 },
): SurveyTable | null {
  for (let r = 0; r < Math.min(grid.length, 40); r++) {
    const headers = (grid[r] ?? []).map((v) => foldWords(v));
    const unitCol = headers.findIndex((h) => UNIT.includes(h));
    const scoreCol = headers.findIndex(
      (h) => !NOT_SCORE.test(h) && SCORE.some((s) => h === s || h.startsWith(`${s} `)),
    );
    if (unitCol < 0 || scoreCol < 0) continue;
    const rows: SurveyRow[] = [];
    const problems: Text[] = [];
    for (let k = r + 1; k < grid.length; k++) {
      const row = grid[k] ?? [];
      const unit = row[unitCol];
      if (typeof unit !== "string" || !unit.trim()) continue;
      const raw = row[scoreCol];
      const score =
        typeof raw === "number"
          ? raw
          : typeof raw === "string"
            ? (parseNumberText(raw)?.value ?? null)
            : null;
      const where = `${sheetName}!${a1(origin.row + k, origin.col + scoreCol)}`;
      if (score === null || !Number.isFinite(score)) {
        problems.push({
          vi: `${source} › ${where}: điểm điều tra của "${unit}" không phải là số (${String(raw ?? "trống")}).`,
          en: `${source} › ${where}: the survey score of "${unit}" is not a number (${String(raw ?? "empty")}).`,
        });
        continue;
      }
      rows.push({ unit: unit.trim(), score, where });
    }
    return { rows, problems };
  }
  return null;
}

/** CSV-like rows (already split into cells): the same header rules, a problem when there is no table. */
export function surveyTableFromRows(grid: readonly (readonly CellValue[])[], source: string): SurveyTable {
  return readSurveyRows(grid, source, source) ?? { rows: [], problems: [noTable(source)] };
}

/** JSON: `[{ unit, score }]` or `{ "Xã A": 25.5, … }`; entries that are not a name and a number are reported. */
export function surveyTableFromJson(data: unknown, source: string): SurveyTable {
  const list: unknown[] = Array.isArray(data)
    ? data
    : data && typeof data === "object"
      ? Object.entries(data as Record<string, unknown>).map(([unit, score]) => ({ unit, score }))
      : [];
  const rows: SurveyRow[] = [];
  const problems: Text[] = [];
  for (const x of list) {
    const r = (x ?? {}) as { unit?: unknown; score?: unknown };
    const score =
      typeof r.score === "number"
        ? r.score
        : typeof r.score === "string"
          ? parseNumberText(r.score)?.value
          : null;
    if (typeof r.unit === "string" && r.unit.trim() && typeof score === "number" && Number.isFinite(score)) {
      rows.push({ unit: r.unit.trim(), score, where: null });
    } else {
      const shown = JSON.stringify(x) ?? String(x);
      problems.push({
        vi: `${source}: dòng điểm điều tra không hợp lệ ${shown} (cần tên đơn vị và điểm).`,
        en: `${source}: invalid survey entry ${shown} (a unit name and a score are needed).`,
      });
    }
  }
  if (list.length === 0) problems.push(noTable(source));
  return { rows, problems };
}

/** Matches survey rows to unit names (as the units spell them) by `unitKey`. */
export function mergeSurvey(units: readonly string[], rows: readonly SurveyRow[]): SurveyMerge {
  const byKey = new Map<string, SurveyRow>();
  const duplicateRows: SurveyRow[] = [];
  for (const r of rows) {
    const key = unitKey(r.unit);
    if (byKey.has(key)) duplicateRows.push(r);
    else byKey.set(key, r);
  }
  const byUnit = new Map<string, number>();
  const matched = new Set<string>();
  const unitsWithoutSurvey: string[] = [];
  for (const unit of units) {
    const key = unitKey(unit);
    const row = byKey.get(key);
    if (row) {
      byUnit.set(unit, row.score);
      matched.add(key);
    } else unitsWithoutSurvey.push(unit);
  }
  return {
    byUnit,
    unitsWithoutSurvey,
    rowsWithoutUnit: [...byKey.values()].filter((r) => !matched.has(unitKey(r.unit))),
    duplicateRows,
  };
}

/**
 * A unit's survey score by name, with the same matching (and first-row-wins) as `mergeSurvey`: for code
 * that scores units one at a time (`scoreUnit(rubric, entries, { survey: lookup(unit) })`).
 */
export function surveyLookup(rows: readonly SurveyRow[]): (unit: string) => number | null {
  const byKey = new Map<string, number>();
  for (const r of rows) {
    const key = unitKey(r.unit);
    if (!byKey.has(key)) byKey.set(key, r.score);
  }
  return (unit) => byKey.get(unitKey(unit)) ?? null;
}

/** The mismatches of a merge as bilingual lines, for the pane's and the CLI's lists. */
export function surveyMergeProblems(merge: SurveyMerge): Text[] {
  return [
    ...merge.unitsWithoutSurvey.map((u) => ({
      vi: `Không có điểm điều tra xã hội học cho đơn vị "${u}".`,
      en: `No social-survey score for unit "${u}".`,
    })),
    ...merge.rowsWithoutUnit.map((r) => ({
      vi: `Điểm điều tra của "${r.unit}"${r.where ? ` (${r.where})` : ""} không khớp đơn vị nào.`,
      en: `The survey score of "${r.unit}"${r.where ? ` (${r.where})` : ""} matches no unit.`,
    })),
    ...merge.duplicateRows.map((r) => ({
      vi: `"${r.unit}" có hơn một dòng điểm điều tra${r.where ? ` (${r.where})` : ""}; dùng dòng đầu tiên.`,
      en: `"${r.unit}" has more than one survey row${r.where ? ` (${r.where})` : ""}; the first one is used.`,
    })),
  ];
}

function noTable(source: string): Text {
  return {
    vi: `${source}: không tìm thấy bảng điểm điều tra (cột "Đơn vị" và cột "Điểm điều tra xã hội học").`,
    en: `${source}: no survey table found (a "Đơn vị"/unit column and a survey score column).`,
  };
}
