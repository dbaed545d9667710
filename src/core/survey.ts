/**
 * The province scores the social survey ("điều tra xã hội học") itself and sends a table of unit →
 * survey points. It is merged into the units by name (`unitKey`: folded, punctuation and a leading
 * "UBND" ignored); both kinds of mismatch are reported, since a misspelt unit name would otherwise
 * silently leave a unit without its survey score.
 */
import { a1 } from "./address";
import { type CsvTable, readCsv } from "./csv";
import type { Text } from "./finding";
import { foldWords } from "./fold";
import { type ImportFinding, type ImportPlace, importFinding, numberFormatFindings } from "./imported";
import { decimalMarkOf, type NumberColumn, readNumberColumn } from "./numbers";
import { unitKey } from "./rank-key";
import type { Rubric } from "./rubric/schema";
import type { CellValue, WorkbookSnapshot } from "./snapshot";

export interface SurveyRow {
  unit: string;
  score: number;
  /** "Sheet!B5" (a workbook) or "B5" (a CSV file: line 5, second field) where it came from; null for JSON. */
  where: string | null;
}

export interface SurveyTable {
  rows: SurveyRow[];
  /** Every row that is not used and why, as bilingual lines naming file and cell (`findings`' messages). */
  problems: Text[];
  /** The same as findings: code, severity, file, sheet, cell, found/expected. */
  findings: ImportFinding[];
}

export interface SurveyReadOptions {
  /**
   * The survey part's maximum (`surveyMaxOf(rubric)`): scores outside [0, max] are reported and not used,
   * as a typed score would be `score-out-of-range`; it also decides a column whose decimal mark is ambiguous.
   */
  max?: number;
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

/** The survey part's maximum in a rubric (its survey areas), or undefined when it has none. */
export function surveyMaxOf(rubric: Rubric): number | undefined {
  const areas = rubric.items.filter((i) => i.kind === "survey");
  return areas.length ? areas.reduce((s, i) => s + i.max, 0) : undefined;
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
export function readSurveyTable(wb: WorkbookSnapshot, options: SurveyReadOptions = {}): SurveyTable {
  for (const sheet of wb.sheets) {
    const found = readSurveyRows(sheet.values, wb.source, sheet.name, sheet.origin, options);
    if (found) return found;
  }
  return noTableResult(wb.source);
}

/** Where a grid's cell is, for findings: a workbook sheet, or a CSV file (1-based line numbers). */
interface GridPlace {
  sheet: string | null;
  address: (gridRow: number, gridCol: number) => string;
}

/**
 * Survey rows from a plain grid (a sheet's values), header found by its folded text. Null when the grid
 * has no survey header; use `surveyTableFromRows` for a problem instead.
 */
export function readSurveyRows(
  grid: readonly (readonly CellValue[] | undefined)[],
  source: string,
  sheetName: string,
  origin: { row: number; col: number } = { row: 0, col: 0 },
  options: SurveyReadOptions = {},
): SurveyTable | null {
  return readGrid(
    grid,
    source,
    {
      sheet: sheetName,
      address: (r, c) => a1(origin.row + r, origin.col + c),
    },
    options,
  );
}

function readGrid(
  grid: readonly (readonly CellValue[] | undefined)[],
  source: string,
  place: GridPlace,
  options: SurveyReadOptions,
): SurveyTable | null {
  for (let r = 0; r < Math.min(grid.length, 40); r++) {
    const columns = surveyColumns(grid[r] ?? []);
    if (columns) return readBelowHeader(grid, r, { source, place, max: options.max, ...columns });
  }
  return null;
}

/** A header row's unit and score columns (by folded text; a maximum column is not the score), or null. */
function surveyColumns(row: readonly CellValue[]): { unitCol: number; scoreCol: number } | null {
  const headers = row.map((v) => foldWords(v));
  const unitCol = headers.findIndex((h) => UNIT.includes(h));
  const scoreCol = headers.findIndex(
    (h) => !NOT_SCORE.test(h) && SCORE.some((s) => h === s || h.startsWith(`${s} `)),
  );
  return unitCol < 0 || scoreCol < 0 ? null : { unitCol, scoreCol };
}

/** A survey table being read: where it is, the survey maximum, and its two columns. */
interface SurveyGrid {
  source: string;
  place: GridPlace;
  max: number | undefined;
  unitCol: number;
  scoreCol: number;
}

/** A score cell as findings and rows name it: "Sheet!C7" (or the CSV line's address). */
const whereOf = (g: SurveyGrid, gridRow: number) =>
  (g.place.sheet ? `${g.place.sheet}!` : "") + g.place.address(gridRow, g.scoreCol);

const placeOf = (g: SurveyGrid, gridRow: number, col: number): ImportPlace => ({
  file: g.source,
  sheet: g.place.sheet,
  address: g.place.address(gridRow, col),
});

/** Every row under the header at `headerRow`: the rows used and, for each row not used, why. */
function readBelowHeader(
  grid: readonly (readonly CellValue[] | undefined)[],
  headerRow: number,
  g: SurveyGrid,
): SurveyTable {
  const findings: ImportFinding[] = [];
  // The decimal mark is decided once for the whole column, from every text in it (CSV: every value).
  const body = grid.slice(headerRow + 1);
  const texts = body.map((row) => {
    const v = row?.[g.scoreCol];
    return typeof v === "string" ? v : null;
  });
  const column = readNumberColumn(texts, g.max);
  const header = String(grid[headerRow]?.[g.scoreCol] ?? "");
  findings.push(
    ...numberFormatFindings(column, texts, (k) => placeOf(g, headerRow + 1 + k, g.scoreCol), header, g.max),
  );
  const rows: SurveyRow[] = [];
  body.forEach((row, i) => {
    const line = surveyLine(g, row ?? [], headerRow + 1 + i, column, column.values[i]);
    if (line && "finding" in line) findings.push(line.finding);
    else if (line) rows.push(line.row);
  });
  return { rows, problems: findings.map((f) => f.message), findings };
}

const blank = (v: CellValue | undefined) =>
  v === null || v === undefined || (typeof v === "string" && !v.trim());

/**
 * One row under the header: a survey row, or the finding that says why it is not used, or null for rows
 * that are nobody's score (blank and title rows, text the column's own finding already covers).
 */
function surveyLine(
  g: SurveyGrid,
  row: readonly CellValue[],
  k: number,
  column: NumberColumn,
  read: number | null | undefined,
): { row: SurveyRow } | { finding: ImportFinding } | null {
  const unit = row[g.unitCol];
  const raw = row[g.scoreCol] ?? null;
  const where = whereOf(g, k);
  if (typeof unit !== "string" || !unit.trim()) return unnamedRow(g, row, k, raw);
  const name = unit.trim();
  if (blank(raw)) {
    return {
      finding: importFinding(
        "missing-score",
        "warning",
        placeOf(g, k, g.scoreCol),
        name,
        {
          vi: `${g.source} › ${where}: "${name}" chưa có điểm điều tra.`,
          en: `${g.source} › ${where}: "${name}" has no survey score.`,
        },
        null,
        null,
      ),
    };
  }
  const score = typeof raw === "number" ? raw : typeof raw === "string" ? read : null;
  if (score === null || score === undefined || !Number.isFinite(score)) {
    return columnsFault(raw, column) ? null : { finding: surveyNotANumber(g, k, where, name, raw) };
  }

  if (g.max !== undefined && (score < 0 || score > g.max))
    return { finding: surveyOutOfRange(g, k, where, name, raw, score, g.max) };
  return { row: { unit: name, score, where } };
}

/** A row with a score but no unit name is somebody's score lost: say so. Blank and title rows are not. */
function unnamedRow(
  g: SurveyGrid,
  row: readonly CellValue[],
  k: number,
  raw: CellValue,
): { finding: ImportFinding } | null {
  const lostScore = !blank(raw) && row.every((v, c) => c === g.scoreCol || blank(v) || typeof v === "number");
  return lostScore ? { finding: scoreWithoutUnit(g, k, whereOf(g, k), raw) } : null;
}

/**
 * Text the column's convention could not read, in a column whose decimal mark was decided by the range,
 * undecidable or mixed: it was reported with the column (numberFormatFindings), not again per row.
 */
function columnsFault(raw: CellValue, column: NumberColumn): boolean {
  return (
    typeof raw === "string" && column.decidedBy !== null && column.decidedBy !== "text" && readsAsNumber(raw)
  );
}

function scoreWithoutUnit(g: SurveyGrid, k: number, where: string, raw: CellValue): ImportFinding {
  return importFinding(
    "unusable-row",
    "warning",
    placeOf(g, k, g.unitCol),
    null,
    {
      vi: `${g.source} › ${where}: có điểm (${String(raw)}) nhưng không có tên đơn vị; dòng này không được dùng.`,
      en: `${g.source} › ${where}: a score (${String(raw)}) with no unit name; the row is not used.`,
    },
    raw,
    null,
  );
}

function surveyNotANumber(
  g: SurveyGrid,
  k: number,
  where: string,
  name: string,
  raw: CellValue,
): ImportFinding {
  return importFinding(
    "not-a-number",
    "error",
    placeOf(g, k, g.scoreCol),
    name,
    {
      vi: `${g.source} › ${where}: điểm điều tra của "${name}" không phải là số (${String(raw)}).`,
      en: `${g.source} › ${where}: the survey score of "${name}" is not a number (${String(raw)}).`,
    },
    typeof raw === "boolean" ? raw : String(raw),
    null,
  );
}

function surveyOutOfRange(
  g: SurveyGrid,
  k: number,
  where: string,
  name: string,
  raw: CellValue,
  score: number,
  max: number,
): ImportFinding {
  return importFinding(
    "score-out-of-range",
    "error",
    placeOf(g, k, g.scoreCol),
    name,
    {
      vi: `${g.source} › ${where}: điểm điều tra của "${name}" là ${String(raw)}, ngoài khoảng 0–${max}; không dùng (kiểm tra dấu thập phân của tệp).`,
      en: `${g.source} › ${where}: the survey score of "${name}" is ${String(raw)}, outside 0–${max}; not used (check the file's decimal mark).`,
    },
    score,
    max,
  );
}

/** Text that is a number in at least one convention: its trouble is the column's, reported once there. */
function readsAsNumber(text: string): boolean {
  return decimalMarkOf(text) !== "none";
}

/** CSV-like rows (already split into cells): the same header rules, a problem when there is no table. */
export function surveyTableFromRows(
  grid: readonly (readonly CellValue[])[],
  source: string,
  options: SurveyReadOptions = {},
): SurveyTable {
  return readSurveyRows(grid, source, source, undefined, options) ?? noTableResult(source);
}

/**
 * A survey table exported as CSV (bytes as read from the file): encoding, separator and decimal mark
 * found from the file itself; every record that cannot be used is reported with its line.
 */
export function surveyTableFromCsv(
  bytes: Uint8Array,
  source: string,
  options: SurveyReadOptions = {},
): SurveyTable {
  const csv = readCsv(bytes);
  return surveyTableFromCsvTable(csv, source, options);
}

export function surveyTableFromCsvTable(
  csv: CsvTable,
  source: string,
  options: SurveyReadOptions = {},
): SurveyTable {
  const parseFindings = csv.problems.map((p) =>
    importFinding(
      "unusable-row",
      "error",
      { file: source, sheet: null, address: `A${p.line}` },
      null,
      {
        vi: `${source}: ${p.message.vi}`,
        en: `${source}: ${p.message.en}`,
      },
      null,
      null,
    ),
  );
  const table =
    readGrid(
      csv.rows,
      source,
      { sheet: null, address: (r, c) => a1((csv.lines[r] ?? r + 1) - 1, c) },
      options,
    ) ?? noTableResult(source);
  const findings = [...parseFindings, ...table.findings];
  return { rows: table.rows, findings, problems: findings.map((f) => f.message) };
}

function noTableResult(source: string): SurveyTable {
  const f = importFinding(
    "table-not-found",
    "error",
    { file: source, sheet: null, address: null },
    null,
    noTable(source),
    null,
    null,
  );
  return { rows: [], problems: [f.message], findings: [f] };
}

/** JSON: `[{ unit, score }]` or `{ "Xã A": 25.5, … }`; entries that are not a name and a number are reported. */
export function surveyTableFromJson(
  data: unknown,
  source: string,
  options: SurveyReadOptions = {},
): SurveyTable {
  const list: unknown[] = Array.isArray(data)
    ? data
    : data && typeof data === "object"
      ? Object.entries(data as Record<string, unknown>).map(([unit, score]) => ({ unit, score }))
      : [];
  if (list.length === 0) return noTableResult(source);
  const entries = list.map((x) => (x ?? {}) as { unit?: unknown; score?: unknown });
  // Scores written as strings follow one convention per file, as a CSV column does.
  const texts = entries.map((r) => (typeof r.score === "string" ? r.score : null));
  const column = readNumberColumn(texts, options.max);
  const findings: ImportFinding[] = numberFormatFindings(
    column,
    texts,
    (k) => ({ file: source, sheet: null, address: null, entry: k + 1 }),
    "score",
    options.max,
  );
  const rows: SurveyRow[] = [];
  entries.forEach((r, k) => {
    const score =
      typeof r.score === "number" ? r.score : typeof r.score === "string" ? column.values[k] : null;
    const shown = JSON.stringify(list[k]) ?? String(list[k]);
    const place = { file: source, sheet: null, address: null, entry: k + 1 };
    const unit = typeof r.unit === "string" ? r.unit.trim() : "";
    if (!unit || score === null || !Number.isFinite(score)) {
      findings.push(
        importFinding(
          "unusable-row",
          "error",
          place,
          unit || null,
          {
            vi: `${source}: mục thứ ${k + 1} không hợp lệ ${shown} (cần tên đơn vị và điểm là số).`,
            en: `${source}: entry ${k + 1} is invalid ${shown} (a unit name and a numeric score are needed).`,
          },
          shown,
          null,
        ),
      );
      return;
    }
    if (options.max !== undefined && (score < 0 || score > options.max)) {
      findings.push(
        importFinding(
          "score-out-of-range",
          "error",
          place,
          unit,
          {
            vi: `${source}: điểm điều tra của "${unit}" là ${String(r.score)}, ngoài khoảng 0–${options.max}; không dùng.`,
            en: `${source}: the survey score of "${unit}" is ${String(r.score)}, outside 0–${options.max}; not used.`,
          },
          score,
          options.max,
        ),
      );
      return;
    }
    rows.push({ unit, score, where: null });
  });
  return { rows, findings, problems: findings.map((f) => f.message) };
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
