/**
 * Which sheets the add-in made. A user may well have a sheet called "Kết quả" of their own, so a name
 * is not proof: each sheet the add-in writes gets a workbook name ("ParIndex_Owned_…") pointing at its
 * A1. The name is saved in the file, follows the sheet when it is renamed, and turns into #REF! when the
 * sheet is deleted, so only a sheet carrying our mark is ever deleted and rewritten.
 */
import { quoteSheetName } from "../core/address";
import {
  APPRAISAL_SHEET,
  DIFF_SHEET,
  INTAKE_SHEET,
  LOST_POINTS_SHEET,
  RANKING_SHEET,
  REPORT_SHEET,
  RESULT_SHEET,
} from "../core/sheets/style";
import { serviceError } from "./errors";

const MARKS: Record<string, string> = {
  [REPORT_SHEET]: "ParIndex_Owned_Report",
  [RESULT_SHEET]: "ParIndex_Owned_Result",
  [RANKING_SHEET]: "ParIndex_Owned_Ranking",
  [APPRAISAL_SHEET]: "ParIndex_Owned_Appraisal",
  [LOST_POINTS_SHEET]: "ParIndex_Owned_LostPoints",
  [INTAKE_SHEET]: "ParIndex_Owned_Intake",
  [DIFF_SHEET]: "ParIndex_Owned_Diff",
};

export interface Ownership {
  /** Our mark names present in the workbook, by mark → the sheet they point at (null when #REF!). */
  marks: Map<string, string | null>;
}

/** Queues the load of the workbook's names into the caller's next sync. */
export function queueOwnership(context: Excel.RequestContext): () => Ownership {
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  return () => {
    const marks = new Map<string, string | null>();
    for (const n of names.items) {
      if (n.name.startsWith("ParIndex_Owned_")) marks.set(n.name, sheetOf(String(n.formula)));
    }
    return { marks };
  };
}

/** "='Báo cáo kiểm tra'!$A$1" → "Báo cáo kiểm tra"; "=#REF!" → null. */
export function sheetOf(formula: string): string | null {
  const f = formula.replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!/.exec(f);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^!'#]+)!/.exec(f);
  return plain ? plain[1] : null;
}

export function markFor(sheet: string): string {
  const mark = MARKS[sheet];
  if (!mark) throw new Error(`not a sheet the add-in owns: ${sheet}`);
  return mark;
}

/**
 * Before writing `sheet`: whether it exists and is ours (delete and recreate it), or absent; a sheet of
 * that name without our mark belongs to the user and stops the write with a friendly error.
 */
export function claim(
  sheet: string,
  present: ReadonlySet<string>,
  ownership: Ownership,
): { exists: boolean } {
  const mark = markFor(sheet);
  if (!present.has(sheet)) return { exists: false };
  if (ownership.marks.get(mark) === sheet) return { exists: true };
  throw serviceError("OwnedSheetTaken", { sheet });
}

/** Queues the mark on a freshly written sheet, replacing any stale one. */
export function queueMark(context: Excel.RequestContext, sheet: string, ownership: Ownership): void {
  const mark = markFor(sheet);
  if (ownership.marks.has(mark)) context.workbook.names.getItem(mark).delete();
  context.workbook.names.add(
    mark,
    `=${quoteSheetName(sheet)}!$A$1`,
    "PAR Index: sheet written by the add-in",
  );
}
