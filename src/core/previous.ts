/**
 * Last year's ranking, for the "change on last year" columns: from the JSON `par-index rank --json`
 * wrote, a plain list, or a ranking workbook (ours or the secretariat's typed one, found by its headers).
 */
import type { Text } from "./finding";
import { foldWords } from "./fold";
import { parseNumberText } from "./numbers";
import type { CellValue, WorkbookSnapshot } from "./snapshot";

export interface PreviousUnit {
  unit: string;
  rank: number | null;
  score: number | null;
}

export interface PreviousRanking {
  year: number | null;
  units: PreviousUnit[];
}

export type PreviousParse = { ok: true; ranking: PreviousRanking } | { ok: false; problem: Text };

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
    if (!unit) continue;
    units.push({ unit, rank: num(r.rank), score: num(r.score) });
  }
  if (units.length === 0) return fail("danh sách đơn vị trống", "the list of units is empty");
  const year =
    data && typeof data === "object" && "year" in data ? num((data as { year: unknown }).year) : null;
  return { ok: true, ranking: { year, units } };
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

/** A ranking sheet: the first row holding a unit header plus a score or rank header; rows below until blank. */
function fromWorkbook(wb: WorkbookSnapshot): PreviousParse {
  for (const sheet of wb.sheets) {
    const rows = sheet.values;
    for (let r = 0; r < Math.min(rows.length, 40); r++) {
      const headers = (rows[r] ?? []).map((v) => foldWords(v));
      const unitCol = headers.findIndex((h) => UNIT_HEADERS.includes(h));
      const scoreCol = headers.findIndex((h) => SCORE_HEADERS.some((s) => h === s || h.startsWith(`${s} `)));
      const rankCol = headers.findIndex((h) => RANK_HEADERS.includes(h));
      if (unitCol < 0 || (scoreCol < 0 && rankCol < 0)) continue;
      const units: PreviousUnit[] = [];
      for (let k = r + 1; k < rows.length; k++) {
        const row = rows[k] ?? [];
        const unit = row[unitCol];
        if (typeof unit !== "string" || unit.trim() === "") continue;
        units.push({
          unit: unit.trim(),
          score: scoreCol < 0 ? null : cellNumber(row[scoreCol]),
          rank: rankCol < 0 ? null : cellNumber(row[rankCol]),
        });
      }
      if (units.length) return { ok: true, ranking: { year: null, units } };
    }
  }
  return fail(
    `${wb.source}: không tìm thấy bảng xếp hạng (cột "Đơn vị" cùng cột "Điểm" hoặc "Xếp hạng")`,
    `${wb.source}: no ranking table found (a "Đơn vị"/unit column with a score or rank column)`,
  );
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
