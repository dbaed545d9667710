/**
 * The survey table a user picks in the pane or on the page, read in the browser as the CLI's side-file
 * reader reads `--survey` (cli/side-file.ts): its size checked before a byte is read (the same caps,
 * app/side-limits.ts), a CSV through core/csv.ts (encoding and separator found, a field, line or row limit
 * refused), a workbook through the face's reader (readWorkbookBytes, passed in: the application layer
 * imports no reader), then core/survey.ts's rules, and more than MAX_SIDE_ROWS rows refused. A refusal is
 * a UserError naming the file and why, in both languages. Imported on demand: not on the pane's first load.
 */
import { UserError, isUserError } from "../core/errors";
import { readCsv } from "../core/csv";
import { readSurveyTable, type SurveyTable, surveyTableFromCsvTable } from "../core/survey";
import type { WorkbookSnapshot } from "../core/snapshot";
import {
  MAX_SIDE_ROWS,
  megabytes as mb,
  overCount,
  SIDE_FILE_BYTES,
  sideRefusal,
  TEXT_SIDE_FILE,
} from "./side-limits";

/** The workbook reader every face has (src/files/read-workbook-bytes.ts readWorkbookBytes). */
export type WorkbookReader = (
  bytes: Uint8Array,
  source: string,
  options: { limits: { maxFileBytes: number } },
) => Promise<WorkbookSnapshot>;

/** A picked file: its name and size are known before its bytes are read (a browser File fits). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The table as read: the rows used, and every row not used with why (`findings`, `problems`). */
export interface SurveyFile {
  /** The file's name as picked. */
  file: string;
  table: SurveyTable;
}

const CODE = "survey-invalid";

/**
 * Reads a survey table. `max` is the survey part's maximum (`surveyMaxOf(rubric)`), as the CLI passes it:
 * scores outside [0, max] are reported and not used.
 */
export async function readSurveyFile(
  picked: PickedFile,
  max: number | undefined,
  readWorkbook: WorkbookReader,
): Promise<SurveyFile> {
  const name = picked.name;
  const text = TEXT_SIDE_FILE.test(name);
  const cap = SIDE_FILE_BYTES.survey;
  const limit = text ? cap.text : cap.workbook;
  if (picked.size > limit) {
    throw refused(name, {
      vi: `tệp ${mb(picked.size, "vi")} lớn quá giới hạn (${mb(cap.text, "vi")} cho CSV, ${mb(cap.workbook, "vi")} cho sổ Excel)`,
      en: `the file is ${mb(picked.size, "en")}, over the limit (${mb(cap.text, "en")} for CSV, ${mb(cap.workbook, "en")} for a workbook)`,
    });
  }
  const bytes = new Uint8Array(await picked.arrayBuffer());
  let table: SurveyTable;
  if (text) {
    const csv = readCsv(bytes);
    if (csv.refused) throw refused(name, csv.refused);
    table = surveyTableFromCsvTable(csv, name, { max });
  } else {
    try {
      table = readSurveyTable(await readWorkbook(bytes, name, { limits: { maxFileBytes: cap.workbook } }), {
        max,
      });
    } catch (e) {
      // The reader's words already name the file and say what to do (FileReadError is a UserError).
      if (isUserError(e))
        throw new UserError(CODE, sideRefusal(name, "survey", trimStop(e.text)), { cause: e });
      throw e;
    }
  }
  if (table.rows.length > MAX_SIDE_ROWS) throw refused(name, overCount(table.rows.length, MAX_SIDE_ROWS));
  return { file: name, table };
}

function refused(name: string, why: { vi: string; en: string }): UserError {
  return new UserError(CODE, sideRefusal(name, "survey", why));
}

/** The reader's sentence inside ours: its final full stop would double the one sideRefusal adds. */
function trimStop(t: { vi: string; en: string }) {
  return { vi: t.vi.replace(/\.\s*$/, ""), en: t.en.replace(/\.\s*$/, "") };
}
