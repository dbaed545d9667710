/**
 * The appraisal round on files the user picked in the pane (or a folder, through the browser's directory
 * picker): read in the browser, never uploaded, each file on its own so that a bad one fails alone —
 * and on the open workbook, read once by the Excel service and handed here as a snapshot.
 * The same core the CLI runs (intake.ts, diff.ts); only the reading of `File`s is here.
 */
import { failureOf } from "../app/failure";
import { submissionsOfFile } from "../app/submissions";
import { analyseUnits } from "../app/units";
import { isWorkbookName } from "../app/workbook-names";
import { type WorkbookDiff, diffUnits, diffWorkbooks } from "../core/diff";
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
import { parseJsonFile } from "../core/json-why";
import { unitKey } from "../core/rank-key";
import type { Rubric } from "../core/rubric/schema";
import type { UnitScore } from "../core/score";
import type { WorkbookSnapshot } from "../core/snapshot";
import { readWorkbookBytes } from "../files/read-workbook-bytes";

/** What the pane needs of a picked file (a DOM `File`; tests pass Node's). */
export interface PickedFile {
  name: string;
  lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A folder picked with the directory picker brings every file: keep workbooks by the one rule of
 * src/app (the CLI's folder walk and the page apply it too), never Excel's lock files.
 */
export function spreadsheetFiles<T extends PickedFile>(files: readonly T[]): T[] {
  return files.filter((f) => isWorkbookName(f.name));
}

async function read(file: PickedFile): Promise<WorkbookSnapshot> {
  return readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), file.name);
}

/** A refused file says what is wrong with it; a bug of ours says it is ours (src/app/failure.ts). */
function reason(e: unknown, file: string): Text {
  return failureOf(e, file).message;
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
    // Every unit sheet of the file, each a submission (a consolidation workbook is many units).
    const analysis = analyseUnits(await read(file), { rubric, source: file.name });
    const submissions = submissionsOfFile({
      ...analysis,
      source: file.name,
      modified: file.lastModified,
      error: null,
    });
    for (const [k, u] of analysis.units.entries()) scores?.set(scoreKey(submissions[k]), u.score);
    return submissions;
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
  const analysis = analyseUnits(wb, { rubric, source: wb.source });
  return analysis.units.map((u) => {
    const s: IntakeSubmission = { ...submissionOf(wb.source, null, u), inWorkbook: true };
    scores?.set(scoreKey(s), u.score);
    return s;
  });
}

export async function expectedFromFile(file: PickedFile): Promise<ExpectedList> {
  try {
    if (/\.json$/i.test(file.name))
      return readExpectedUnits(
        parseJsonFile(new TextDecoder().decode(await file.arrayBuffer()), file.name),
        file.name,
      );
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
  const a = analyseUnits(old, { rubric, source: old.source }).units[0] ?? null;
  const units = analyseUnits(open, { rubric, source: open.source }).units;
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
