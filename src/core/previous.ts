/**
 * Last year's ranking, for the "change on last year" columns: from the JSON `par-index rank --json`
 * writes (a serialised `Ranking`), a plain list, or a ranking workbook (ours or the secretariat's typed
 * one, found by folded header text).
 */
import type { Text } from "./finding";
import { fold, foldWords } from "./fold";
import { parseNumberText } from "./numbers";
import type { CellValue, WorkbookSnapshot } from "./snapshot";

export interface PreviousArea {
  code: string;
  score: number | null;
  rank: number | null;
}

export interface PreviousUnit {
  unit: string;
  rank: number | null;
  score: number | null;
  /** Per-area figures, when the source had them (our own JSON or "Xếp hạng" sheet). */
  areas?: PreviousArea[];
}

export interface PreviousRanking {
  year: number | null;
  units: PreviousUnit[];
}

export type PreviousParse = { ok: true; ranking: PreviousRanking } | { ok: false; problem: Text };

/**
 * Reads last year's ranking from parsed JSON (a `Ranking`, `{ year?, units: [{unit|name, rank, score}] }`
 * or a bare list) or from a `WorkbookSnapshot` of a ranking workbook: every table whose header row has a
 * unit column and a score or rank column ("Đơn vị"/"Tên đơn vị", "Điểm"/"Chỉ số CCHC"/"Tổng điểm",
 * "Xếp hạng"/"Thứ hạng"), year from a title line "… NĂM 2023" when there is one.
 */
export function parsePreviousRanking(data: unknown): PreviousParse {
  if (isWorkbook(data)) return fromWorkbook(data);
  const list = Array.isArray(data) ? data : unitsOf(data);
  if (!list) {
    return fail(
      "không tìm thấy danh sách đơn vị (units hoặc groups[].units)",
      "no list of units found (units or groups[].units)",
    );
  }
  const units: PreviousUnit[] = [];
  for (const row of list) {
    if (!row || typeof row !== "object") continue;
    const r = row as Record<string, unknown>;
    const unit = typeof r.unit === "string" ? r.unit : typeof r.name === "string" ? r.name : null;
    if (!unit || unit.trim() === "") continue;
    const areas = Array.isArray(r.areas) ? jsonAreas(r.areas) : [];
    units.push({
      unit: unit.trim(),
      rank: num(r.rank),
      score: num(r.score),
      ...(areas.length ? { areas } : {}),
    });
  }
  if (units.length === 0) return fail("danh sách đơn vị trống", "the list of units is empty");
  const year =
    data && typeof data === "object" && "year" in data ? num((data as { year: unknown }).year) : null;
  return { ok: true, ranking: { year, units } };
}

function jsonAreas(list: unknown[]): PreviousArea[] {
  const out: PreviousArea[] = [];
  for (const a of list) {
    if (!a || typeof a !== "object") continue;
    const r = a as Record<string, unknown>;
    if (typeof r.code !== "string" && typeof r.code !== "number") continue;
    out.push({ code: String(r.code), score: num(r.score), rank: num(r.rank) });
  }
  return out;
}

function unitsOf(data: unknown): unknown[] | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  if (Array.isArray(d.units)) return d.units;
  const ranking = (d.ranking ?? d) as Record<string, unknown>;
  if (Array.isArray(ranking.groups)) {
    return ranking.groups.flatMap((g) =>
      g && typeof g === "object" && Array.isArray((g as { units?: unknown }).units)
        ? (g as { units: unknown[] }).units
        : [],
    );
  }
  return null;
}

const UNIT_HEADERS = ["don vi", "ten don vi", "co quan don vi", "unit", "ten co quan", "dia phuong"];
const SCORE_HEADERS = [
  "diem",
  "tong diem",
  "chi so",
  "chi so cchc",
  "diem dat duoc",
  "score",
  "index",
  "ket qua",
];
const RANK_HEADERS = ["xep hang", "hang", "thu hang", "rank"];
/** Columns about an earlier year or a change ("Điểm năm trước", "Tăng/giảm điểm") are not this ranking's. */
const NOT_THIS_YEAR = /\b(nam truoc|tang giam|thay doi|previous|last year|change)\b/;

interface Layout {
  unit: number;
  score: number;
  rank: number;
  areaScores: { code: string; col: number }[];
  areaRanks: { code: string; col: number }[];
}

/** A header row of a ranking table, or null. */
function layoutOf(row: readonly CellValue[]): Layout | null {
  const words = row.map((v) => foldWords(v));
  const usable = (h: string) => h !== "" && !NOT_THIS_YEAR.test(h);
  const unit = words.findIndex((h) => UNIT_HEADERS.includes(h));
  const score = words.findIndex(
    (h) => usable(h) && SCORE_HEADERS.some((s) => h === s || h.startsWith(`${s} `)),
  );
  const rank = words.findIndex((h) => RANK_HEADERS.includes(h));
  if (unit < 0 || (score < 0 && rank < 0)) return null;
  // Our own sheet: "1. Chỉ đạo điều hành (/13.5)" and "Hạng 1" per area.
  const areaScores: Layout["areaScores"] = [];
  const areaRanks: Layout["areaRanks"] = [];
  row.forEach((v, col) => {
    if (typeof v !== "string") return;
    const s = /^\s*([^\s.]+)\.\s.*\(\/[\d.,]+\)\s*$/.exec(v);
    if (s) areaScores.push({ code: s[1], col });
    const r = /^hang (\S+)$/.exec(fold(v));
    if (r && col !== rank) areaRanks.push({ code: v.trim().split(/\s+/)[1], col });
  });
  return { unit, score, rank, areaScores, areaRanks };
}

/**
 * Every ranking table on every sheet: a header row starts a table, a header row of another kind (the
 * unranked list, last year's vanished units) ends it, group title rows and blanks inside are skipped.
 */
function fromWorkbook(wb: WorkbookSnapshot): PreviousParse {
  const units: PreviousUnit[] = [];
  let year: number | null = null;
  for (const sheet of wb.sheets) {
    let layout: Layout | null = null;
    for (const row of sheet.values) {
      const cells = row ?? [];
      if (year === null) year = titleYear(cells);
      const header = layoutOf(cells);
      if (header) {
        layout = header;
        continue;
      }
      if (looksLikeHeader(cells)) {
        layout = null;
        continue;
      }
      if (!layout) continue;
      const name = cells[layout.unit];
      if (typeof name !== "string" || name.trim() === "") continue;
      const score = layout.score < 0 ? null : cellNumber(cells[layout.score]);
      const rank = layout.rank < 0 ? null : cellNumber(cells[layout.rank]);
      if (score === null && rank === null) continue;
      const areas = layout.areaScores.map((a) => ({
        code: a.code,
        score: cellNumber(cells[a.col]),
        rank: cellNumber(cells[layout?.areaRanks.find((r) => r.code === a.code)?.col ?? -1]),
      }));
      units.push({ unit: name.trim(), score, rank, ...(areas.length ? { areas } : {}) });
    }
  }
  if (units.length) return { ok: true, ranking: { year, units } };
  return fail(
    `${wb.source}: không tìm thấy bảng xếp hạng (cột "Đơn vị" cùng cột "Điểm" hoặc "Xếp hạng")`,
    `${wb.source}: no ranking table found (a "Đơn vị"/unit column with a score or rank column)`,
  );
}

/** A unit header without a score/rank column: another table starts (unranked units, vanished units). */
function looksLikeHeader(row: readonly CellValue[]): boolean {
  return (
    row.some((v) => UNIT_HEADERS.includes(foldWords(v))) &&
    row.filter((v) => typeof v === "string").length >= 2
  );
}

function titleYear(row: readonly CellValue[]): number | null {
  for (const v of row) {
    if (typeof v !== "string") continue;
    const m = /xep hang.*\bnam (\d{4})\b/.exec(fold(v));
    if (m) return Number(m[1]);
  }
  return null;
}

function cellNumber(v: CellValue | undefined): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") return parseNumberText(v)?.value ?? null;
  return null;
}

function num(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") return parseNumberText(v)?.value ?? null;
  return null;
}

function isWorkbook(d: unknown): d is WorkbookSnapshot {
  return (
    !!d &&
    typeof d === "object" &&
    Array.isArray((d as WorkbookSnapshot).sheets) &&
    typeof (d as WorkbookSnapshot).source === "string"
  );
}

function fail(vi: string, en: string): PreviousParse {
  return { ok: false, problem: { vi: `Bảng xếp hạng năm trước: ${vi}.`, en: `Previous ranking: ${en}.` } };
}
