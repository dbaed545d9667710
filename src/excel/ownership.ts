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
  /** Add-in sheets present and protected by the user: rewriting one would drop their protection. */
  protectedSheets?: Set<string>;
  /** The workbook's structure is protected: no sheet can be added or deleted. */
  structureProtected?: boolean;
}

/**
 * Queues the load of the workbook's names, its structure protection (ExcelApi 1.7) and the protection of
 * the add-in's own sheets (ExcelApi 1.2) into the caller's next sync, so a write Excel would refuse is
 * refused before anything is queued: Excel applies a batch's operations in order and keeps the ones
 * before a failure, which would leave a half-written report.
 */
export function queueOwnership(context: Excel.RequestContext): () => Ownership {
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  const structure = context.workbook.protection;
  structure.load("protected");
  const sheets = Object.keys(MARKS).map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load("protection/protected");
    return { name, ws };
  });
  return () => {
    const marks = new Map<string, string | null>();
    for (const n of names.items) {
      if (n.name.startsWith("ParIndex_Owned_")) marks.set(n.name, sheetOf(String(n.formula)));
    }
    const protectedSheets = new Set(
      sheets.filter((s) => !s.ws.isNullObject && s.ws.protection.protected).map((s) => s.name),
    );
    return { marks, protectedSheets, structureProtected: structure.protected };
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
 * that name without our mark belongs to the user and stops the write with a friendly error, and so do a
 * protected workbook structure and our own sheet protected by the user (Excel would refuse the first;
 * the second would silently lose the user's protection).
 */
export function claim(
  sheet: string,
  present: ReadonlySet<string>,
  ownership: Ownership,
): { exists: boolean } {
  const mark = markFor(sheet);
  if (ownership.structureProtected) throw serviceError("WorkbookProtected", { sheet });
  // Excel's sheet names ignore case: a user's "KẾT QUẢ" is where "Kết quả" would go, and adding ours
  // would fail in Excel's words after the batch's earlier sheets were written.
  const found = present.has(sheet) ? sheet : [...present].find((name) => sameSheetName(name, sheet));
  if (found === undefined) return { exists: false };
  if (ownership.marks.get(mark) !== found) throw serviceError("OwnedSheetTaken", { sheet: found });
  if (ownership.protectedSheets?.has(sheet)) throw serviceError("SheetProtected", { sheet });
  return { exists: true };
}

function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
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
