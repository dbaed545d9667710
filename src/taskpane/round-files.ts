/**
 * The appraisal round on files the user picked in the pane (or a folder, through the browser's directory
 * picker): read in the browser, never uploaded, each file on its own so that a bad one fails alone.
 * The same core the CLI runs (intake.ts, diff.ts); only the reading of `File`s is here.
 */
import { analyseWorkbook } from "../core/analyse";
import { type WorkbookDiff, diffWorkbooks } from "../core/diff";
import { isUserError } from "../core/errors";
import type { Text } from "../core/finding";
import {
  buildIntake,
  type ExpectedList,
  expectedUnitsFromCsv,
  failedSubmission,
  type Intake,
  type IntakeSubmission,
  readExpectedUnits,
  submissionOf,
} from "../core/intake";
import type { Rubric } from "../core/rubric/schema";
import type { UnitScore } from "../core/score";
import type { WorkbookSnapshot } from "../core/snapshot";
import { readWorkbook } from "../files/read-workbook";

/** What the pane needs of a picked file (a DOM `File`; tests pass Node's). */
export interface PickedFile {
  name: string;
  lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const SPREADSHEET = /\.(xlsx|xlsm|xls|xlsb|ods|csv)$/i;

/** A folder picked with the directory picker brings every file: keep spreadsheets, never Excel's lock files. */
export function spreadsheetFiles<T extends PickedFile>(files: readonly T[]): T[] {
  return files.filter((f) => SPREADSHEET.test(f.name) && !f.name.startsWith("~$") && !f.name.startsWith("."));
}

async function read(file: PickedFile): Promise<WorkbookSnapshot> {
  return readWorkbook(new Uint8Array(await file.arrayBuffer()), file.name);
}

function reason(e: unknown, file: string): Text {
  if (isUserError(e)) return e.text;
  const why = e instanceof Error ? e.message : String(e);
  return { vi: `${file}: không đọc được (${why}).`, en: `${file}: could not be read (${why}).` };
}

/** @param scores Where to keep each readable file's score (by file name), for "where did we lose points". */
export async function submissionFromFile(
  file: PickedFile,
  rubric: Rubric,
  scores?: Map<string, UnitScore>,
): Promise<IntakeSubmission[]> {
  try {
    const analysis = analyseWorkbook(await read(file), { rubric, source: file.name });
    if (analysis.units[0]) scores?.set(file.name, analysis.units[0].score);
    if (analysis.units.length === 0) {
      const why = analysis.findings[0]?.message ?? {
        vi: `${file.name}: không tìm thấy bảng chấm điểm.`,
        en: `${file.name}: no scoring table found.`,
      };
      return [failedSubmission(file.name, file.lastModified, why)];
    }
    return analysis.units.map((u) => submissionOf(file.name, file.lastModified, u));
  } catch (e) {
    return [failedSubmission(file.name, file.lastModified, reason(e, file.name))];
  }
}

export async function expectedFromFile(file: PickedFile): Promise<ExpectedList> {
  try {
    if (/\.json$/i.test(file.name))
      return readExpectedUnits(JSON.parse(new TextDecoder().decode(await file.arrayBuffer())), file.name);
    if (/\.(csv|txt)$/i.test(file.name))
      return expectedUnitsFromCsv(new TextDecoder().decode(await file.arrayBuffer()), file.name);
    return readExpectedUnits(await read(file), file.name);
  } catch (e) {
    return { units: [], problems: [reason(e, file.name)] };
  }
}

/** Every picked file through the intake; `onProgress` lets the pane paint between files. */
export async function intakeFromFiles(
  files: readonly PickedFile[],
  list: PickedFile | null,
  rubric: Rubric,
  onProgress?: (done: number, total: number) => Promise<void> | void,
): Promise<{ intake: Intake; listProblems: Text[]; scores: Map<string, UnitScore> }> {
  const expected = list ? await expectedFromFile(list) : null;
  const submissions: IntakeSubmission[] = [];
  const scores = new Map<string, UnitScore>();
  for (let i = 0; i < files.length; i++) {
    await onProgress?.(i, files.length);
    submissions.push(...(await submissionFromFile(files[i], rubric, scores)));
  }
  // A list that could not be read is said, and the intake goes on without it rather than calling all missing.
  const units = expected?.units.length ? expected.units : null;
  return { intake: buildIntake(units, submissions), listProblems: expected?.problems ?? [], scores };
}

export async function diffFromFiles(
  before: PickedFile,
  after: PickedFile,
  rubric: Rubric,
): Promise<{ diff: WorkbookDiff } | { error: Text }> {
  let a: WorkbookSnapshot;
  let b: WorkbookSnapshot;
  try {
    a = await read(before);
  } catch (e) {
    return { error: reason(e, before.name) };
  }
  try {
    b = await read(after);
  } catch (e) {
    return { error: reason(e, after.name) };
  }
  return { diff: diffWorkbooks(a, b, { rubric }) };
}
