/**
 * Intake ("Tiếp nhận"): who has submitted, who has not, which files cannot be read, which unit sent two
 * files, and which file belongs to no unit on the list. Pure: the surfaces read the files (CLI: a folder;
 * pane: picked files) and hand over one `IntakeSubmission` per file.
 *
 * Units are matched on `unitKey` (folded, punctuation and a leading "UBND" ignored), the same key as the
 * survey import, first by the workbook's "Đơn vị:" line, then by the file name — so a unit whose title
 * says "UBND xã An Bình" and one that left the title blank but named its file "Xa-An-Binh.xlsx" both
 * meet "Xã An Bình" on the list. Every mismatch is said, never dropped.
 */
import { a1 } from "./address";
import type { Finding, Text } from "./finding";
import { foldWords } from "./fold";
import { parsePreviousRanking } from "./previous";
import { unitKey } from "./rank-key";
import type { UnitScore } from "./score";
import type { CellValue, WorkbookSnapshot } from "./snapshot";

/** One file received: what its analysis says, in the few figures the intake sheet shows. */
export interface IntakeSubmission {
  /** File name as the user sees it ("Xa-An-Binh.xlsx"). */
  file: string;
  /** Last modified, milliseconds since 1970 (file system or the browser's File.lastModified); null if unknown. */
  modified: number | null;
  /** Why the file could not be read or analysed; null when it was. */
  error: Text | null;
  /** Unit name as the workbook's title block says it, or null (left blank, or unreadable file). */
  titleUnit: string | null;
  /** Sheet holding the unit's table (for a link when the sheet is in the same workbook). */
  sheet: string | null;
  /**
   * The unit is a sheet of the workbook the intake is taken in (the pane's open consolidation workbook):
   * `file` is that workbook's name, and the sheet's name stands in for a file name (matching, messages).
   */
  inWorkbook?: boolean;
  /** The unit's self-assessed total (index on the self basis, or without survey while it is missing). */
  selfTotal: number | null;
  /** Self score of the evidence-based part. */
  evidencePart: number | null;
  errors: number;
  warnings: number;
  missingEvidence: number;
}

/** What an analysed unit (`UnitAnalysis`, or the CLI's slimmer `UnitResult`) gives the intake. */
export interface AnalysedUnit {
  unit: string;
  unitFrom: "title" | "file";
  sheet: string;
  score: UnitScore;
  findings: readonly Finding[];
}

/** A readable file's unit as the intake counts it: totals on the self basis, findings by severity. */
export function submissionOf(file: string, modified: number | null, u: AnalysedUnit): IntakeSubmission {
  return {
    file,
    modified,
    error: null,
    titleUnit: u.unitFrom === "title" ? u.unit : null,
    sheet: u.sheet,
    selfTotal: u.score.index.self ?? u.score.indexWithoutSurvey.self,
    evidencePart: u.score.evidence.scores.self,
    errors: u.findings.filter((f) => f.severity === "error").length,
    warnings: u.findings.filter((f) => f.severity === "warning").length,
    missingEvidence: u.findings.filter((f) => f.code === "missing-evidence").length,
  };
}

/** A file that could not be read or held no scoring table: its reason, no figures. */
export function failedSubmission(file: string, modified: number | null, error: Text): IntakeSubmission {
  return {
    file,
    modified,
    error,
    titleUnit: null,
    sheet: null,
    selfTotal: null,
    evidencePart: null,
    errors: 1,
    warnings: 0,
    missingEvidence: 0,
  };
}

export interface ExpectedUnit {
  unit: string;
  /** Where the name was read ("units.xlsx › Sheet1!A5"), for messages; null when unknown. */
  where: string | null;
}

export type IntakeStatus = "received" | "missing" | "unreadable" | "duplicate" | "not-on-list";

export interface IntakeRow {
  status: IntakeStatus;
  /** The name to show: as the list spells it, else as the workbook (or file name) does. */
  unit: string;
  /** On the expected list (false for "not-on-list", and for every row when there is no list). */
  expected: boolean;
  /** The submission counted for the unit (the newest readable one); null when missing. */
  submission: IntakeSubmission | null;
  /** Other files for the same unit (duplicates), newest first; they are not counted. */
  others: IntakeSubmission[];
  /** How the submission was matched to the list: by its "Đơn vị:" line or, failing that, its file name. */
  matchedBy: "title" | "file" | null;
  /** What the row says, in both languages: the reason a file is unreadable, which duplicate is newer. */
  note: Text | null;
}

export interface Intake {
  rows: IntakeRow[];
  counts: Record<IntakeStatus, number>;
  /** Mismatches and list problems as bilingual lines (as `surveyMergeProblems` words them). */
  problems: Text[];
}

const STATUS_ORDER: Record<IntakeStatus, number> = {
  missing: 0,
  unreadable: 1,
  duplicate: 2,
  "not-on-list": 3,
  received: 4,
};

export const STATUS_TEXT: Record<IntakeStatus, Text> = {
  received: { vi: "Đã nhận", en: "Received" },
  missing: { vi: "Chưa nộp", en: "Missing" },
  unreadable: { vi: "Không đọc được", en: "Unreadable" },
  duplicate: { vi: "Nộp trùng", en: "Duplicate submission" },
  "not-on-list": { vi: "Không có trong danh sách", en: "Not on the list" },
};

/**
 * One row per expected unit (in list order), then the files that match no unit on the list. Without a
 * list (`expected` null) every unit found gets a row and nothing can be "missing" or "not on the list".
 */
export function buildIntake(
  expected: readonly ExpectedUnit[] | null,
  submissions: readonly IntakeSubmission[],
): Intake {
  const problems: Text[] = [];
  const listByKey = new Map<string, ExpectedUnit>();
  for (const e of expected ?? []) {
    const key = unitKey(e.unit);
    if (!key) continue;
    if (listByKey.has(key)) {
      problems.push({
        vi: `Danh sách đơn vị có "${e.unit}" hơn một lần${e.where ? ` (${e.where})` : ""}; dùng dòng đầu tiên.`,
        en: `The list of units has "${e.unit}" more than once${e.where ? ` (${e.where})` : ""}; the first one is used.`,
      });
    } else listByKey.set(key, e);
  }

  // Each file goes to one key: its title's if that is on the list (or there is no list), else its file name's.
  const byKey = new Map<string, { subs: IntakeSubmission[]; by: "title" | "file" }>();
  for (const s of submissions) {
    const { key, by } = matchKey(s, expected ? listByKey : null);
    const slot = byKey.get(key) ?? { subs: [], by };
    slot.subs.push(s);
    byKey.set(key, slot);
  }

  const rows: IntakeRow[] = [];
  for (const [key, e] of listByKey) {
    const slot = byKey.get(key);
    byKey.delete(key);
    if (!slot) {
      rows.push({
        status: "missing",
        unit: e.unit,
        expected: true,
        submission: null,
        others: [],
        matchedBy: null,
        note: null,
      });
      problems.push({
        vi: `Đơn vị "${e.unit}" chưa nộp biểu chấm điểm.`,
        en: `Unit "${e.unit}" has not submitted a scoring workbook.`,
      });
      continue;
    }
    const row = rowFor(e.unit, true, slot.subs, slot.by);
    // An unreadable file can only ever be matched by its name: that needs no mention beyond its row.
    const readable = !!row.submission && !row.submission.error;
    if (readable && (row.matchedBy === "file" || unitKey(row.submission?.titleUnit ?? "") !== key)) {
      problems.push(matchedByName(row.submission as IntakeSubmission, e.unit));
    }
    rows.push(row);
  }
  for (const slot of byKey.values()) {
    const first = slot.subs[0];
    const row = rowFor(first.titleUnit ?? nameOf(first), expected === null, slot.subs, slot.by);
    if (expected && row.status === "unreadable") {
      // Unreadable and matching nobody by its file name: the reason comes first, the list second.
      const why = row.note as Text;
      row.note = {
        vi: `${why.vi} Tên tệp cũng không khớp đơn vị nào trong danh sách.`,
        en: `${why.en} Its file name matches no unit on the list either.`,
      };
    } else if (expected) {
      row.status = "not-on-list";
      row.note = notOnList(first);
      problems.push({
        vi: `${whereOf(first)}: đơn vị "${row.unit}" không có trong danh sách.`,
        en: `${whereOf(first)}: unit "${row.unit}" is not on the list.`,
      });
    }
    rows.push(row);
  }
  for (const r of rows) {
    if (r.status === "duplicate" && r.submission) {
      problems.push({
        vi: `"${r.unit}" nộp ${r.others.length + 1} tệp: dùng ${whereOf(r.submission)} (${whyCounted(r.submission, r.others).vi}), bỏ qua ${r.others.map(whereOf).join(", ")}.`,
        en: `"${r.unit}" sent ${r.others.length + 1} files: ${whereOf(r.submission)} (${whyCounted(r.submission, r.others).en}) is used, ${r.others.map(whereOf).join(", ")} ignored.`,
      });
    }
  }
  const counts = { received: 0, missing: 0, unreadable: 0, duplicate: 0, "not-on-list": 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, counts, problems };
}

/** A submission filed under a unit of the list by its file (or sheet) name rather than its "Đơn vị:" line. */
function matchedByName(s: IntakeSubmission, unit: string): Text {
  const by = s.inWorkbook ? { vi: "trang", en: "sheet" } : { vi: "tệp", en: "file" };
  return {
    vi: `${whereOf(s)}: ghép với "${unit}" theo tên ${by.vi}${s.titleUnit ? `; dòng "Đơn vị:" ghi "${s.titleUnit}"` : ' (dòng "Đơn vị:" để trống)'}.`,
    en: `${whereOf(s)}: matched to "${unit}" by its ${by.en} name${s.titleUnit ? `; its "Đơn vị:" line says "${s.titleUnit}"` : ' (its "Đơn vị:" line is blank)'}.`,
  };
}

/** The note of a submission that matches no unit on the list: both names it could have gone by. */
function notOnList(s: IntakeSubmission): Text {
  const name = s.inWorkbook && s.sheet ? s.sheet : s.file;
  const by =
    s.inWorkbook && s.sheet ? { vi: "tên trang", en: "sheet name" } : { vi: "tên tệp", en: "file name" };
  return {
    vi: `Không khớp đơn vị nào trong danh sách (tên trong tệp: "${s.titleUnit ?? "trống"}", ${by.vi}: ${name}). Kiểm tra chính tả hoặc bổ sung vào danh sách.`,
    en: `Matches no unit on the list (name in the file: "${s.titleUnit ?? "blank"}", ${by.en}: ${name}). Check the spelling or add it to the list.`,
  };
}

/** Rows in the order the secretariat works them: missing first, then unreadable, duplicates, strangers. */
export function sortIntakeRows(rows: readonly IntakeRow[]): IntakeRow[] {
  return [...rows].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

/** The key a file is filed under; the one function to change if unit matching changes. */
function matchKey(
  s: IntakeSubmission,
  list: Map<string, ExpectedUnit> | null,
): { key: string; by: "title" | "file" } {
  const titleKey = s.titleUnit ? unitKey(s.titleUnit) : "";
  const fileKey = unitKey(nameOf(s).replace(/[-_]+/g, " "));
  if (!list) return titleKey ? { key: titleKey, by: "title" } : { key: fileKey, by: "file" };
  if (titleKey && list.has(titleKey)) return { key: titleKey, by: "title" };
  if (fileKey && list.has(fileKey)) return { key: fileKey, by: "file" };
  return titleKey ? { key: titleKey, by: "title" } : { key: fileKey, by: "file" };
}

function rowFor(unit: string, expected: boolean, subs: IntakeSubmission[], by: "title" | "file"): IntakeRow {
  // Newest first; a readable file counts before an unreadable one of the same unit.
  const sorted = [...subs].sort(
    (a, b) =>
      Number(a.error !== null) - Number(b.error !== null) ||
      (b.modified ?? 0) - (a.modified ?? 0) ||
      whereOf(a).localeCompare(whereOf(b)),
  );
  const [submission, ...others] = sorted;
  if (others.length) {
    return {
      status: "duplicate",
      unit,
      expected,
      submission,
      others,
      matchedBy: by,
      note: {
        vi: `${subs.length} tệp cho một đơn vị: dùng ${whereOf(submission)}${when(submission, "vi")} (${whyCounted(submission, others).vi}); bỏ qua ${others.map((o) => `${whereOf(o)}${when(o, "vi")}`).join(", ")}.`,
        en: `${subs.length} files for one unit: ${whereOf(submission)}${when(submission, "en")} is used (${whyCounted(submission, others).en}); ignored ${others.map((o) => `${whereOf(o)}${when(o, "en")}`).join(", ")}.`,
      },
    };
  }
  if (submission.error) {
    return {
      status: "unreadable",
      unit,
      expected,
      submission,
      others,
      matchedBy: by,
      note: submission.error,
    };
  }
  return { status: "received", unit, expected, submission, others, matchedBy: by, note: null };
}

/**
 * Why the counted submission won, said only as far as it is known: "the newest" needs every competitor's
 * modification time (a sheet of the open workbook has none, nor do two copies saved in the same second).
 */
function whyCounted(counted: IntakeSubmission, others: readonly IntakeSubmission[]): Text {
  const readable = counted.error === null && others.some((o) => o.error !== null);
  const rivals = others.filter((o) => (o.error === null) === (counted.error === null));
  const newer =
    counted.modified !== null &&
    rivals.every((o) => o.modified !== null && o.modified < (counted.modified ?? 0));
  if (readable && rivals.length === 0) return { vi: "tệp duy nhất đọc được", en: "the only readable one" };
  if (newer)
    return readable
      ? { vi: "tệp đọc được mới nhất", en: "the newest readable one" }
      : { vi: "mới nhất", en: "the newest" };
  return {
    vi: "không rõ tệp nào mới hơn vì thiếu hoặc trùng thời điểm sửa: hãy xác nhận với đơn vị",
    en: "which is newer cannot be told, a modification time is missing or equal: confirm with the unit",
  };
}

function when(s: IntakeSubmission, lang: keyof Text): string {
  if (s.modified === null) return "";
  return lang === "vi" ? ` (sửa lúc ${formatTime(s.modified)})` : ` (modified ${formatTime(s.modified)})`;
}

/** "05/03/2025 14:07" (UTC: the same text on every machine and in tests). */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function stripExtension(file: string): string {
  return file.replace(/\.[a-z0-9]+$/i, "");
}

/** The name a submission goes by when its title is blank: its file's, or for a sheet of this workbook, the sheet's. */
function nameOf(s: IntakeSubmission): string {
  return s.inWorkbook && s.sheet ? s.sheet : stripExtension(s.file);
}

/** Where a submission is, for messages and the intake sheet: "a.xlsx", or "Tong-hop.xlsx › Xã A" for a sheet of this workbook. */
export function whereOf(s: IntakeSubmission): string {
  return s.inWorkbook && s.sheet ? `${s.file} › ${s.sheet}` : s.file;
}

// --- The list of expected units ---------------------------------------------------------------

export interface ExpectedList {
  units: ExpectedUnit[];
  problems: Text[];
}

const UNIT_HEADERS = ["don vi", "ten don vi", "co quan don vi", "unit", "ten co quan", "dia phuong", "ten"];

/**
 * The units expected to submit, from: a plain JSON list (`["Xã A", …]` or `[{ unit }]`), last year's
 * ranking (JSON or workbook, read by `parsePreviousRanking`), or any table with a "Đơn vị" column (a
 * workbook, or CSV lines split into cells as a one-sheet snapshot).
 */
export function readExpectedUnits(data: unknown, source: string): ExpectedList {
  if (Array.isArray(data) && data.every((x) => typeof x === "string")) {
    const units = (data as string[])
      .filter((x) => x.trim())
      .map((unit) => ({ unit: unit.trim(), where: source }));
    return units.length ? { units, problems: [] } : { units, problems: [emptyList(source)] };
  }
  // Last year's ranking first (it knows group titles and other tables on the sheet), then any unit column.
  const previous = parsePreviousRanking(data);
  if (previous.ok) {
    return { units: previous.ranking.units.map((u) => ({ unit: u.unit, where: source })), problems: [] };
  }
  if (isSnapshot(data)) {
    const fromTable = unitColumn(data);
    if (fromTable.length) return { units: fromTable, problems: [] };
  }
  return { units: [], problems: [emptyList(source)] };
}

/**
 * A CSV list: "," or the Vietnamese ";" separator, quotes stripped, read as a one-sheet table. A list
 * with no header row at all (one name per line) reads too: its first column is taken as the names.
 */
export function expectedUnitsFromCsv(text: string, source: string): ExpectedList {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const sep = lines[0]?.includes(";") ? ";" : ",";
  const rows = lines.map((l) => l.split(sep).map((c) => c.trim().replace(/^"|"$/g, "")));
  const sheet = (values: CellValue[][]) => ({
    source,
    sheets: [{ name: source, origin: { row: 0, col: 0 }, values }],
  });
  const withHeader = readExpectedUnits(sheet(rows), source);
  if (withHeader.units.length) return withHeader;
  return readExpectedUnits(sheet([["Đơn vị"], ...rows.map((r) => [r[0] ?? null])]), source);
}

/** Names under the first "Đơn vị" header (within the first 40 rows) of the first sheet that has one. */
function unitColumn(wb: WorkbookSnapshot): ExpectedUnit[] {
  for (const sheet of wb.sheets) {
    for (let r = 0; r < Math.min(sheet.values.length, 40); r++) {
      const col = (sheet.values[r] ?? []).findIndex((v: CellValue) => UNIT_HEADERS.includes(foldWords(v)));
      if (col < 0) continue;
      const units: ExpectedUnit[] = [];
      for (let k = r + 1; k < sheet.values.length; k++) {
        const v = sheet.values[k]?.[col];
        if (typeof v !== "string" || !v.trim()) continue;
        units.push({
          unit: v.trim(),
          where: `${wb.source} › ${sheet.name}!${a1(sheet.origin.row + k, sheet.origin.col + col)}`,
        });
      }
      if (units.length) return units;
    }
  }
  return [];
}

function isSnapshot(d: unknown): d is WorkbookSnapshot {
  return !!d && typeof d === "object" && Array.isArray((d as WorkbookSnapshot).sheets);
}

function emptyList(source: string): Text {
  return {
    vi: `${source}: không tìm thấy danh sách đơn vị (cột "Đơn vị"/"Tên đơn vị", danh sách JSON, hoặc bảng xếp hạng năm trước).`,
    en: `${source}: no list of units found (a "Đơn vị"/unit column, a JSON list, or last year's ranking).`,
  };
}
