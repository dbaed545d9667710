import { basename } from "node:path";
import { type CsvTable, decodeCsv, readCsv } from "../core/csv";
import type { Text } from "../core/finding";
import { jsonWhy } from "../core/json-why";
import type { WorkbookSnapshot } from "../core/snapshot";
import { FileReadError } from "../files/errors";
import { megabytes } from "../files/limits";
import { readInputBytes, readWorkbookFile } from "../files/node";
import { UsageError } from "./args";

/**
 * Every side file a command reads besides the units' workbooks — a survey table, an expected-units list,
 * last year's ranking, a rubric, a unit-name map — is read here, and only here: its size checked from the
 * file system (by the open handle: a FIFO or /dev/zero is refused, not read) before a byte is read, then
 * read whole within that cap. A real side file is a few hundred rows; the caps leave a hundred times that
 * and keep the largest allowed file within the bench's per-file budget (≤ 2 s, ≤ 300 MB). Over its cap,
 * or over a line, field or row limit, the file is refused with the limit named (exit 2).
 */
export type SideFileKind = "survey" | "expected" | "previous" | "rubric" | "map";

/** Bytes each kind may take, as text (CSV, JSON) and as a workbook (zipped, with styles). */
export const SIDE_FILE_BYTES: Record<SideFileKind, { text: number; workbook: number }> = {
  // A survey row is a unit and a few scores (~100 bytes): 2 MB is 20,000 rows. At 5 MB the survey's
  // parse took 3.0 s and 303 MB (bench `--only side`), over the per-file budget.
  survey: { text: 2_000_000, workbook: 20_000_000 },
  expected: { text: 2_000_000, workbook: 20_000_000 },
  previous: { text: 5_000_000, workbook: 20_000_000 },
  rubric: { text: 5_000_000, workbook: 20_000_000 },
  map: { text: 2_000_000, workbook: 20_000_000 },
};

/**
 * Rows a survey table or last year's ranking may hold: a province ranks a few hundred units, the country
 * some three thousand communes; every row past that is work (and a line printed) for nothing.
 */
export const MAX_SIDE_ROWS = 5_000;

/** What each kind is called in a message. */
export const SIDE_FILE_NAMES: Record<SideFileKind, Text> = {
  survey: { vi: "bảng khảo sát", en: "survey table" },
  expected: { vi: "danh sách đơn vị", en: "expected-units list" },
  previous: { vi: "bảng xếp hạng năm trước", en: "previous ranking" },
  rubric: { vi: "bộ chỉ số", en: "rubric" },
  map: { vi: "bảng đối chiếu tên đơn vị", en: "unit-name map" },
};

/** The raw bytes of a text side file (CSV, TSV, TXT, JSON), size-checked first. */
export function readSideBytes(path: string, kind: SideFileKind): Uint8Array {
  try {
    return readInputBytes(path, basename(path), SIDE_FILE_BYTES[kind].text);
  } catch (e) {
    throw sideFileError(path, kind, e);
  }
}

/** A CSV side file parsed (encoding and separator detected); a limit passed is a refusal naming it. */
export function readSideCsv(path: string, kind: SideFileKind): CsvTable {
  const table = readCsv(readSideBytes(path, kind));
  if (table.refused) throw refusal(path, kind, table.refused);
  return table;
}

/** A text side file's text, its encoding detected as for CSV (UTF-8 ± BOM, UTF-16 with BOM, Windows-1258/1252). */
export function readSideText(path: string, kind: SideFileKind): string {
  const decoded = decodeCsv(readSideBytes(path, kind));
  if (decoded.refused) throw refusal(path, kind, decoded.refused);
  return decoded.text;
}

/** A JSON side file parsed; a syntax error names the file. */
export function readSideJson(path: string, kind: SideFileKind): unknown {
  const text = readSideText(path, kind);
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = jsonWhy(e instanceof Error ? e.message : String(e), text);
    throw refusal(path, kind, { vi: `không phải JSON hợp lệ (${why.vi})`, en: `not valid JSON (${why.en})` });
  }
}

/** A workbook side file, read by the workbook reader with the kind's size cap. */
export async function readSideWorkbook(path: string, kind: SideFileKind): Promise<WorkbookSnapshot> {
  try {
    return await readWorkbookFile(path, { maxFileBytes: SIDE_FILE_BYTES[kind].workbook });
  } catch (e) {
    throw sideFileError(path, kind, e);
  }
}

/** A count of rows or names over the kind's limit: refused, naming the limit. */
export function refuseOverCount(path: string, kind: SideFileKind, count: number, limit: number): void {
  if (count <= limit) return;
  throw refusal(path, kind, {
    vi: `có ${count.toLocaleString("vi")} dòng, quá giới hạn ${limit.toLocaleString("vi")} dòng`,
    en: `it has ${count.toLocaleString("en")} rows, over the limit of ${limit.toLocaleString("en")}`,
  });
}

function refusal(path: string, kind: SideFileKind, why: Text): UsageError {
  const what = SIDE_FILE_NAMES[kind];
  return new UsageError({
    vi: `Không đọc ${what.vi} ${path}: ${why.vi}.`,
    en: `Not reading the ${what.en} ${path}: ${why.en}.`,
  });
}

function sideFileError(path: string, kind: SideFileKind, e: unknown): UsageError {
  if (e instanceof UsageError) return e;
  if (e instanceof FileReadError) {
    if (e.reason === "too-large") {
      const cap = SIDE_FILE_BYTES[kind];
      return refusal(path, kind, {
        vi: `tệp lớn quá giới hạn (${megabytes(cap.text)} cho CSV/JSON, ${megabytes(cap.workbook)} cho sổ Excel): ${e.text.vi}`,
        en: `the file is over the limit (${megabytes(cap.text)} for CSV/JSON, ${megabytes(cap.workbook)} for a workbook): ${e.text.en}`,
      });
    }
    return new UsageError(e.text);
  }
  const why = e instanceof Error ? e.message : String(e);
  return refusal(path, kind, { vi: why, en: why });
}
