import { basename } from "node:path";
import { type CsvTable, decodeCsv, readCsv } from "../core/csv";
import type { Text } from "../core/finding";
import { jsonWhy } from "../core/json-why";
import type { WorkbookSnapshot } from "../core/snapshot";
import { FileReadError } from "../files/errors";
import { megabytes } from "../files/limits";
import { readInputBytes, readWorkbookFile } from "../files/node";
import { UsageError } from "./args";
import { overCount, SIDE_FILE_BYTES, type SideFileKind, sideRefusal } from "../app/side-limits";

/**
 * Every side file a command reads besides the units' workbooks — a survey table, an expected-units list,
 * last year's ranking, a rubric, a unit-name map — is read here, and only here: its size checked from the
 * file system (by the open handle: a FIFO or /dev/zero is refused, not read) before a byte is read, then
 * read whole within that cap. A real side file is a few hundred rows; the caps leave a hundred times that
 * and keep the largest allowed file within the bench's per-file budget (≤ 2 s, ≤ 300 MB). Over its cap,
 * or over a line, field or row limit, the file is refused with the limit named (exit 2).
 */
export type { SideFileKind } from "../app/side-limits";
export { MAX_SIDE_ROWS, SIDE_FILE_BYTES, SIDE_FILE_NAMES } from "../app/side-limits";

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
  throw refusal(path, kind, overCount(count, limit));
}

function refusal(path: string, kind: SideFileKind, why: Text): UsageError {
  return new UsageError(sideRefusal(path, kind, why));
}

function sideFileError(path: string, kind: SideFileKind, e: unknown): UsageError {
  if (e instanceof UsageError) return e;
  if (e instanceof FileReadError) {
    if (e.reason === "too-large") {
      const cap = SIDE_FILE_BYTES[kind];
      return refusal(path, kind, {
        vi: `tệp lớn quá giới hạn (${megabytes(cap.text, "vi")} cho CSV/JSON, ${megabytes(cap.workbook, "vi")} cho sổ Excel): ${e.text.vi}`,
        en: `the file is over the limit (${megabytes(cap.text, "en")} for CSV/JSON, ${megabytes(cap.workbook, "en")} for a workbook): ${e.text.en}`,
      });
    }
    return new UsageError(e.text);
  }
  const why = e instanceof Error ? e.message : String(e);
  return refusal(path, kind, { vi: why, en: why });
}
