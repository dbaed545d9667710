/**
 * The appraisal round on files the user picked in the pane (or a folder, through the browser's directory
 * picker): read in the browser, never uploaded, each file on its own so that a bad one fails alone —
 * and on the open workbook, read once by the Excel service and handed here as a snapshot.
 * The same core the CLI runs (intake.ts, diff.ts); only the reading of `File`s is here.
 */
import { analyseWorkbook } from "../core/analyse";
import { type WorkbookDiff, diffUnits, diffWorkbooks } from "../core/diff";
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
import { unitKey } from "../core/rank-key";
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

/** The key a submission's score is kept under: its file, and its sheet (a workbook may hold several units). */
export function scoreKey(s: IntakeSubmission): string {
  return `${s.file}\u0000${s.sheet ?? ""}`;
}

/** @param scores Where to keep each readable unit's score (by `scoreKey`), for "where did we lose points". */
export async function submissionFromFile(
  file: PickedFile,
  rubric: Rubric,
  scores?: Map<string, UnitScore>,
): Promise<IntakeSubmission[]> {
  try {
    const analysis = analyseWorkbook(await read(file), { rubric, source: file.name });
    for (const u of analysis.units)
      scores?.set(scoreKey(submissionOf(file.name, file.lastModified, u)), u.score);
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

/**
 * The open workbook's unit sheets (a consolidation workbook, one sheet per unit), each a submission:
 * file = the workbook's name (`wb.source`), sheet = the unit's sheet. Sheets holding no scoring table
 * (a cover, notes) are not submissions; the count of unit sheets found is the caller's to say.
 */
export function submissionsFromWorkbook(
  wb: WorkbookSnapshot,
  rubric: Rubric,
  scores?: Map<string, UnitScore>,
): IntakeSubmission[] {
  const analysis = analyseWorkbook(wb, { rubric, source: wb.source, allSheets: true });
  return analysis.units.map((u) => {
    const s: IntakeSubmission = { ...submissionOf(wb.source, null, u), inWorkbook: true };
    scores?.set(scoreKey(s), u.score);
    return s;
  });
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

/**
 * Every picked file through the intake, with the open workbook's unit sheets when given (either or
 * both); `onProgress` lets the pane paint between files.
 */
export async function intakeFromFiles(
  files: readonly PickedFile[],
  list: PickedFile | null,
  rubric: Rubric,
  onProgress?: (done: number, total: number) => Promise<void> | void,
  workbook?: WorkbookSnapshot | null,
): Promise<{ intake: Intake; listProblems: Text[]; scores: Map<string, UnitScore> }> {
  const expected = list ? await expectedFromFile(list) : null;
  const scores = new Map<string, UnitScore>();
  const submissions: IntakeSubmission[] = workbook ? submissionsFromWorkbook(workbook, rubric, scores) : [];
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

/**
 * The open workbook (the resubmission, read by the service) against an earlier version picked as a file.
 * When the open workbook holds several units (a consolidation workbook), the one named like the earlier
 * version's unit is compared, and which one is said.
 */
export async function diffAgainstWorkbook(
  before: PickedFile,
  open: WorkbookSnapshot,
  rubric: Rubric,
): Promise<{ diff: WorkbookDiff } | { error: Text }> {
  let old: WorkbookSnapshot;
  try {
    old = await read(before);
  } catch (e) {
    return { error: reason(e, before.name) };
  }
  const a = analyseWorkbook(old, { rubric, source: old.source }).units[0] ?? null;
  const units = analyseWorkbook(open, { rubric, source: open.source, allSheets: true }).units;
  const b = (a && units.find((u) => unitKey(u.unit) === unitKey(a.unit))) ?? units[0] ?? null;
  const diff = diffUnits(old, a, open, b);
  if (units.length > 1 && b) {
    diff.problems.unshift({
      vi: `${open.source} có ${units.length} trang đơn vị; so sánh trang "${b.sheet}" (${b.unit}).`,
      en: `${open.source} holds ${units.length} unit sheets; compared sheet "${b.sheet}" (${b.unit}).`,
    });
  }
  return { diff };
}
