/**
 * A workbook → every unit sheet in it, for every face and every command. A consolidation workbook (one
 * sheet per commune, a summary sheet, instructions, the blank template) is as many units as it has
 * filled unit sheets; each sheet that is not a unit is listed once, with why, so that nothing is dropped
 * in silence. Recognition (core/recognise.ts) decides which tables are units; this says the rest.
 */
import { type AnalyseOptions, analyseWorkbook, type WorkbookAnalysis } from "../core/analyse";
import type { Text } from "../core/finding";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { isOwnedSheetName } from "../core/sheets/owned";

/** Why a sheet is not a unit. */
export type SkipReason =
  /** A sheet par-index writes (report, result, ranking…): never a unit. */
  | "own-sheet"
  /** A scoring table with no score entered: the blank template kept beside the units. */
  | "blank-template"
  /** Formulas that read other sheets and no table of its own: a summary of the unit sheets. */
  | "summary"
  /** Nothing in it at all. */
  | "empty"
  /** No scoring table (instructions, a cover, notes). */
  | "no-table";

export interface SkippedSheet {
  sheet: string;
  reason: SkipReason;
  message: Text;
}

export interface WorkbookUnits extends WorkbookAnalysis {
  /** The sheets that are not units, in workbook order, each once with its reason. */
  skipped: SkippedSheet[];
}

export type UnitOptions = Omit<AnalyseOptions, "allSheets">;

/** Every unit sheet of the workbook, analysed, and the sheets that are not units with why. */
export function analyseUnits(wb: WorkbookSnapshot, options: UnitOptions): WorkbookUnits {
  const analysis = analyseWorkbook(wb, { ...options, allSheets: true });
  return { ...analysis, skipped: skippedSheets(wb, analysis) };
}

/**
 * The sheets of `wb` that gave no unit. Linear in sheets and cells: a 1,000-sheet workbook is one pass
 * (sheet positions are compared through a set, never a scan of the units per sheet).
 */
export function skippedSheets(wb: WorkbookSnapshot, analysis: WorkbookAnalysis): SkippedSheet[] {
  const unitIndexes = new Set<number>();
  const unitNames = new Set<string>();
  for (const u of analysis.units) {
    if (u.table.sheetIndex !== undefined) unitIndexes.add(u.table.sheetIndex);
    else unitNames.add(u.sheet);
  }
  const blank = new Set(
    analysis.findings
      .filter((f) => f.code === "table-not-found" && f.severity === "info" && f.sheet)
      .map((f) => f.sheet as string),
  );
  const out: SkippedSheet[] = [];
  wb.sheets.forEach((sheet, index) => {
    if (unitIndexes.has(index) || unitNames.has(sheet.name)) return;
    const reason = reasonFor(sheet, blank.has(sheet.name));
    out.push({ sheet: sheet.name, reason, message: skipText(sheet.name, reason) });
  });
  return out;
}

function reasonFor(sheet: SheetSnapshot, blankTemplate: boolean): SkipReason {
  if (isOwnedSheetName(sheet.name)) return "own-sheet";
  if (blankTemplate) return "blank-template";
  if (readsOtherSheets(sheet)) return "summary";
  if (isEmpty(sheet)) return "empty";
  return "no-table";
}

/** A formula naming another sheet ("='Xã A'!E30", "=SUM(Sheet2!E5)"): the sheet summarises others. */
function readsOtherSheets(sheet: SheetSnapshot): boolean {
  for (const row of sheet.formulas ?? []) {
    for (const f of row) if (f?.includes("!")) return true;
  }
  return false;
}

function isEmpty(sheet: SheetSnapshot): boolean {
  for (const row of sheet.values) {
    for (const v of row) if (v !== null && v !== "") return false;
  }
  return true;
}

const WHY: Record<SkipReason, Text> = {
  "own-sheet": { vi: "trang do par-index ghi ra", en: "a sheet par-index writes" },
  "blank-template": {
    vi: "bảng chấm điểm chưa có điểm nào (biểu mẫu trống)",
    en: "a scoring table with no score entered (the blank template)",
  },
  summary: {
    vi: "trang tổng hợp bằng công thức lấy từ các trang khác, không có bảng chấm điểm riêng",
    en: "a summary of formulas reading other sheets, with no scoring table of its own",
  },
  empty: { vi: "trang trống", en: "an empty sheet" },
  "no-table": {
    vi: "không có bảng chấm điểm (hướng dẫn, bìa, ghi chú?)",
    en: "no scoring table (instructions, a cover, notes?)",
  },
};

/** "Trang "Hướng dẫn" không phải đơn vị: …; bỏ qua." in both languages, naming the sheet as the user wrote it. */
export function skipText(sheet: string, reason: SkipReason): Text {
  const why = WHY[reason];
  return {
    vi: `Trang "${sheet}" không phải một đơn vị (${why.vi}): bỏ qua. Nếu đây là một đơn vị, hãy kiểm tra dòng tiêu đề và cột điểm của trang.`,
    en: `Sheet "${sheet}" is not a unit (${why.en}): skipped. If it is one, check the sheet's header row and score column.`,
  };
}
