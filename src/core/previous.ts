/**
 * Last year's ranking, for the "change on last year" columns: from the JSON `par-index rank --json`
 * writes (a serialised `Ranking`), a plain list, or a ranking workbook (ours or the secretariat's typed
 * one, found by folded header text).
 */
import { a1 } from "./address";
import type { Text } from "./finding";
import { fold, foldWords } from "./fold";
import { type ImportFinding, type ImportPlace, importFinding, numberFormatFindings } from "./imported";
import { type NumberColumn, readNumberColumn } from "./numbers";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot";

export interface PreviousArea {
  code: string;
  score: number | null;
  rank: number | null;
  /** The area's maximum then ("(/13.5)" in our sheet's header), when known: another maximum is another area. */
  max?: number | null;
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
  /**
   * What it ranked: the index or the evidence part; null when the source does not say (a typed table).
   * Written by `rank --json` and in our sheet's "Thông tin xếp hạng" table, read back here.
   */
  basis?: "index" | "evidence" | null;
  /** The most its ranked score could be without bonus (100 for the index; the evidence part's maximum). */
  scoreMax?: number | null;
  /** The rubric it used (id and name), when recorded. */
  rubricId?: string | null;
  rubricName?: string | null;
}

/** The keys of the "Thông tin xếp hạng" table our ranking sheet writes (third column, stable across languages). */
export const RANKING_INFO_KEYS = {
  basis: "basis",
  by: "by",
  rubricId: "rubric",
  rubricName: "rubricName",
  year: "year",
  scoreMax: "scoreMax",
} as const;

export type PreviousParse =
  | {
      ok: true;
      ranking: PreviousRanking;
      /**
       * Figures not used, each naming file and cell: a rank that is not a whole number ≥ 1, a score that is
       * not a number or outside [0, maxScore], a column whose decimal mark cannot be told.
       */
      findings: ImportFinding[];
    }
  | { ok: false; problem: Text };

export interface PreviousOptions {
  /** The most an index can be (the scale + the bonus cap): a larger score is reported, not used. */
  maxScore?: number;
}

/** A figure as read, before the file's decimal mark and the ranges are checked. */
interface RawFigure {
  value: unknown;
  place: ImportPlace;
  unit: string;
}

/**
 * Reads last year's ranking from parsed JSON (a `Ranking`, `{ year?, units: [{unit|name, rank, score}] }`
 * or a bare list) or from a `WorkbookSnapshot` of a ranking workbook: every table whose header row has a
 * unit column and a score or rank column ("Đơn vị"/"Tên đơn vị", "Điểm"/"Chỉ số CCHC"/"Tổng điểm",
 * "Xếp hạng"/"Thứ hạng"), year from a title line "… NĂM 2023" when there is one.
 */
export function parsePreviousRanking(data: unknown, options: PreviousOptions = {}): PreviousParse {
  if (isWorkbook(data)) return fromWorkbook(data, options);
  const source = "JSON";
  const list = Array.isArray(data) ? data : unitsOf(data);
  if (!list) {
    return fail(
      "không tìm thấy danh sách đơn vị (units hoặc groups[].units)",
      "no list of units found (units or groups[].units)",
    );
  }
  const units: PreviousUnit[] = [];
  const scores: RawFigure[] = [];
  const ranks: RawFigure[] = [];
  list.forEach((row, k) => {
    if (!row || typeof row !== "object") return;
    const r = row as Record<string, unknown>;
    const unit = typeof r.unit === "string" ? r.unit : typeof r.name === "string" ? r.name : null;
    if (!unit || unit.trim() === "") return;
    const areas = Array.isArray(r.areas) ? jsonAreas(r.areas) : [];
    const place = { file: source, sheet: null, address: null, entry: k + 1 };
    scores.push({ value: r.score, place, unit: unit.trim() });
    ranks.push({ value: r.rank, place, unit: unit.trim() });
    units.push({ unit: unit.trim(), rank: null, score: null, ...(areas.length ? { areas } : {}) });
  });
  if (units.length === 0) return fail("danh sách đơn vị trống", "the list of units is empty");
  const findings: ImportFinding[] = [];
  const scoreValues = checkScores(scores, "score", options.maxScore, findings);
  const rankValues = checkRanks(ranks, findings);
  units.forEach((u, k) => {
    u.score = scoreValues[k];
    u.rank = rankValues[k];
  });
  const year =
    data && typeof data === "object" && "year" in data ? num((data as { year: unknown }).year) : null;
  return { ok: true, ranking: { year, units, ...known(jsonRecord(data)) }, findings };
}

/**
 * A column of last year's scores: text read with the decimal mark the whole column uses, each value in
 * [0, max]; what fails is a finding and a null score (the unit then shows no point change, never a wrong one).
 */
function checkScores(
  figures: readonly RawFigure[],
  header: string,
  max: number | undefined,
  findings: ImportFinding[],
): (number | null)[] {
  const texts = figures.map((f) => (typeof f.value === "string" ? f.value : null));
  const column = readNumberColumn(texts, max);
  findings.push(...numberFormatFindings(column, texts, (k) => figures[k].place, header, max));
  return figures.map((f, k) => {
    const read = typeof f.value === "number" ? f.value : column.values[k];
    return checkScore(f, read, column.decidedBy, max, findings);
  });
}

/** One score as read: blank is no score (in silence); not a number or out of range is a finding and no score. */
function checkScore(
  f: RawFigure,
  read: number | null,
  decidedBy: NumberColumn["decidedBy"],
  max: number | undefined,
  findings: ImportFinding[],
): number | null {
  if (isBlank(f.value)) return null;
  if (read === null || !Number.isFinite(read)) {
    // A text is reported here only when the column's decimal mark came from the text itself (or from
    // nothing); otherwise numberFormatFindings already spoke for the whole column.
    if (typeof f.value !== "string" || decidedBy === "text" || decidedBy === null)
      findings.push(notANumberScore(f));
    return null;
  }
  if (read < 0 || (max !== undefined && read > max)) {
    findings.push(scoreOutOfRange(f, read, max));
    return null;
  }
  return read;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && !value.trim());
}

function notANumberScore(f: RawFigure): ImportFinding {
  return importFinding(
    "not-a-number",
    "error",
    f.place,
    f.unit,
    {
      vi: `${placeText(f.place)}: điểm năm trước của "${f.unit}" không phải là số (${String(f.value)}); bỏ qua.`,
      en: `${placeText(f.place)}: last year's score of "${f.unit}" is not a number (${String(f.value)}); ignored.`,
    },
    String(f.value),
    null,
  );
}

function scoreOutOfRange(f: RawFigure, read: number, max: number | undefined): ImportFinding {
  return importFinding(
    "score-out-of-range",
    "error",
    f.place,
    f.unit,
    {
      vi: `${placeText(f.place)}: điểm năm trước của "${f.unit}" là ${String(f.value)}, ngoài khoảng 0–${max ?? "∞"}; bỏ qua (kiểm tra dấu thập phân).`,
      en: `${placeText(f.place)}: last year's score of "${f.unit}" is ${String(f.value)}, outside 0–${max ?? "∞"}; ignored (check the decimal mark).`,
    },
    read,
    max ?? null,
  );
}

/** Ranks are whole numbers from 1: "2,5" or "-1" is a typo to report, not a place. */
function checkRanks(figures: readonly RawFigure[], findings: ImportFinding[]): (number | null)[] {
  return figures.map((f) => {
    if (isBlank(f.value)) return null;
    const v =
      typeof f.value === "number"
        ? f.value
        : typeof f.value === "string"
          ? Number(f.value.trim())
          : Number.NaN;
    if (Number.isInteger(v) && v >= 1 && /^\s*\d+\s*$/.test(String(f.value))) return v;
    findings.push(
      importFinding(
        "not-a-number",
        "error",
        f.place,
        f.unit,
        {
          vi: `${placeText(f.place)}: hạng năm trước của "${f.unit}" (${String(f.value)}) không phải số nguyên từ 1; bỏ qua.`,
          en: `${placeText(f.place)}: last year's rank of "${f.unit}" (${String(f.value)}) is not a whole number from 1; ignored.`,
        },
        String(f.value),
        null,
      ),
    );
    return null;
  });
}

function placeText(p: ImportPlace): string {
  if (p.address) return `${p.file} › ${p.sheet ? `${p.sheet}!` : ""}${p.address}`;
  return p.entry !== undefined ? `${p.file}, mục ${p.entry} / entry ${p.entry}` : p.file;
}

/**
 * What a ranking JSON says about itself: `basis` (or, before it was written, `withoutSurvey`), `scoreMax`,
 * `rubricId`, `rubricName`.
 */
function jsonRecord(data: unknown): Pick<PreviousRanking, "basis" | "scoreMax" | "rubricId" | "rubricName"> {
  if (!data || typeof data !== "object" || Array.isArray(data)) return { basis: null };
  const d = data as Record<string, unknown>;
  const basis =
    d.basis === "index" || d.basis === "evidence"
      ? d.basis
      : typeof d.withoutSurvey === "boolean"
        ? d.withoutSurvey
          ? "evidence"
          : "index"
        : null;
  return {
    basis,
    scoreMax: num(d.scoreMax),
    rubricId: typeof d.rubricId === "string" ? d.rubricId : null,
    rubricName: typeof d.rubricName === "string" ? d.rubricName : null,
  };
}

function jsonAreas(list: unknown[]): PreviousArea[] {
  const out: PreviousArea[] = [];
  for (const a of list) {
    if (!a || typeof a !== "object") continue;
    const r = a as Record<string, unknown>;
    if (typeof r.code !== "string" && typeof r.code !== "number") continue;
    const max = num(r.max);
    out.push({
      code: String(r.code),
      score: num(r.score),
      rank: num(r.rank),
      ...(max !== null ? { max } : {}),
    });
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
  areaScores: { code: string; col: number; max: number }[];
  areaRanks: { code: string; col: number }[];
  /** What the score column's header says was ranked, when it says. */
  basis: "index" | "evidence" | null;
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
  // "Điểm (chưa có điều tra XHH)" is the evidence part (sheets before the basis was recorded); "Chỉ số" the index.
  const scoreHeader = score >= 0 ? words[score] : "";
  const basis = /chua co dieu tra/.test(scoreHeader)
    ? "evidence"
    : /^chi so/.test(scoreHeader)
      ? "index"
      : null;
  const areaRanks: Layout["areaRanks"] = [];
  row.forEach((v, col) => {
    if (typeof v !== "string") return;
    const s = /^\s*([^\s.]+)\.\s.*\(\/([\d.,]+)\)\s*$/.exec(v);
    if (s) areaScores.push({ code: s[1], col, max: Number(s[2].replace(",", ".")) });
    const r = /^hang (\S+)$/.exec(fold(v));
    if (r && col !== rank) areaRanks.push({ code: v.trim().split(/\s+/)[1], col });
  });
  return { unit, score, rank, areaScores, areaRanks, basis };
}

/**
 * Every ranking table on every sheet: a header row starts a table, a header row of another kind (the
 * unranked list, last year's vanished units) ends it, group title rows and blanks inside are skipped.
 */
function fromWorkbook(wb: WorkbookSnapshot, options: PreviousOptions): PreviousParse {
  const units: PreviousUnit[] = [];
  const findings: ImportFinding[] = [];
  let year: number | null = null;
  let record: WorkbookRecord = { basis: null };
  for (const sheet of wb.sheets) {
    const read = rankingTablesOf(sheet, wb.source, options.maxScore, findings);
    units.push(...read.units);
    // The first title line that names a year, in sheet order; the first sheet that says its basis.
    year ??= read.year;
    if (record.basis == null) record = read.record;
  }
  if (units.length) return { ok: true, ranking: { year, units, ...known(record) }, findings };
  return fail(
    `${wb.source}: không tìm thấy bảng xếp hạng (cột "Đơn vị" cùng cột "Điểm" hoặc "Xếp hạng")`,
    `${wb.source}: no ranking table found (a "Đơn vị"/unit column with a score or rank column)`,
  );
}

/** A unit row of a ranking table, its figures not yet checked. */
interface TableRow {
  unit: PreviousUnit;
  score: RawFigure | null;
  rank: RawFigure | null;
}

/** One sheet, top to bottom: the units of its ranking tables and the year of its first title line naming one. */
function rankingTablesOf(
  sheet: SheetSnapshot,
  source: string,
  maxScore: number | undefined,
  findings: ImportFinding[],
): { units: PreviousUnit[]; year: number | null; record: WorkbookRecord } {
  const units: PreviousUnit[] = [];
  let year: number | null = null;
  let layout: Layout | null = null;
  let headerBasis: "index" | "evidence" | null = null;
  let info: Map<string, CellValue> | null = null;
  // The info table ends at its first blank row: what follows is read as usual.
  let inInfo = false;
  // One table's figures, checked together when it ends: the decimal mark is decided per column.
  let table: TableRow[] = [];
  const flush = () => {
    units.push(...checkedTable(table, maxScore, findings));
    table = [];
  };
  sheet.values.forEach((row, r) => {
    const cells = row ?? [];
    if (year === null) year = titleYear(cells);
    if (isInfoHeader(cells)) {
      flush();
      layout = null;
      info = new Map();
      inInfo = true;
      return;
    }
    if (inInfo && info) {
      if (typeof cells[2] === "string" && cells[2].trim()) {
        info.set(cells[2].trim(), cells[1] ?? null);
        return;
      }
      inInfo = false;
    }
    const header = layoutOf(cells);
    if (header) headerBasis ??= header.basis;
    // A ranking header starts a table; a unit header of another kind ends the one before.
    if (header || looksLikeHeader(cells)) {
      flush();
      layout = header;
      return;
    }
    if (!layout) return;
    const place = (col: number): ImportPlace => ({
      file: source,
      sheet: sheet.name,
      address: a1(sheet.origin.row + r, sheet.origin.col + col),
    });
    const entry = tableRow(cells, layout, place);
    if (entry) table.push(entry);
  });
  flush();
  return { units, year, record: infoRecord(info, headerBasis) };
}

/** Only the facts the source recorded: a ranking that says nothing about its basis carries no such keys. */
function known<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<T>;
}

type WorkbookRecord = Pick<PreviousRanking, "basis" | "scoreMax" | "rubricId" | "rubricName">;

/** The header of our "Thông tin xếp hạng" table: "Mục | Giá trị | Key". */
function isInfoHeader(row: readonly CellValue[]): boolean {
  return foldWords(row[0]) === "muc" && foldWords(row[1]) === "gia tri" && foldWords(row[2]) === "key";
}

/** The recorded basis wins; a sheet without the record is judged by its score column's header. */
function infoRecord(
  info: Map<string, CellValue> | null,
  headerBasis: "index" | "evidence" | null,
): WorkbookRecord {
  const text = (k: string) => {
    const v = info?.get(k);
    return typeof v === "string" && v.trim() ? v.trim() : null;
  };
  const basis = text(RANKING_INFO_KEYS.basis);
  return {
    basis: basis === "index" || basis === "evidence" ? basis : headerBasis,
    scoreMax: num(info?.get(RANKING_INFO_KEYS.scoreMax) ?? null),
    rubricId: text(RANKING_INFO_KEYS.rubricId),
    rubricName: text(RANKING_INFO_KEYS.rubricName),
  };
}

/** A row under a ranking header: a unit name with a score or a rank; anything else (group titles, blanks) is null. */
function tableRow(
  cells: readonly CellValue[],
  layout: Layout,
  place: (col: number) => ImportPlace,
): TableRow | null {
  const name = cells[layout.unit];
  if (typeof name !== "string" || name.trim() === "") return null;
  const unit = name.trim();
  const figure = (col: number): RawFigure | null => {
    if (col < 0) return null;
    const value = cells[col];
    if (value === null || value === undefined || value === "") return null;
    return { value, place: place(col), unit };
  };
  const score = figure(layout.score);
  const rank = figure(layout.rank);
  if (!score && !rank) return null;
  const areas = layout.areaScores.map((a) => ({
    code: a.code,
    max: Number.isFinite(a.max) ? a.max : null,
    score: cellNumber(cells[a.col]),
    rank: cellNumber(cells[layout.areaRanks.find((x) => x.code === a.code)?.col ?? -1]),
  }));
  return { unit: { unit, score: null, rank: null, ...(areas.length ? { areas } : {}) }, score, rank };
}

/** A table's scores and ranks checked column by column; the units left with a score or a rank. */
function checkedTable(
  table: readonly TableRow[],
  maxScore: number | undefined,
  findings: ImportFinding[],
): PreviousUnit[] {
  if (!table.length) return [];
  const withScore = table.filter((t) => t.score);
  const scores = checkScores(
    withScore.map((t) => t.score as RawFigure),
    "Điểm",
    maxScore,
    findings,
  );
  withScore.forEach((t, k) => {
    t.unit.score = scores[k];
  });
  const withRank = table.filter((t) => t.rank);
  const ranks = checkRanks(
    withRank.map((t) => t.rank as RawFigure),
    findings,
  );
  withRank.forEach((t, k) => {
    t.unit.rank = ranks[k];
  });
  return table.filter((t) => t.unit.score !== null || t.unit.rank !== null).map((t) => t.unit);
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
  return num(v);
}

function num(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") return readNumberColumn([v]).values[0];
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
