import { basename } from "node:path";
import { analyseUnits } from "../app/units";
import { capFindings } from "../core/finding-cap";
import { withSurveyScores } from "../app/survey";
import type { SurveyRow } from "../core/survey";
import type { Rubric } from "../core/rubric/schema";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { ColumnCorrections } from "./args";
import { columnsOutside } from "./columns-check";
import type { FileResult } from "./file-result";
import { fileFailed, readSnapshot } from "./read-file";

export type { FileError, FileResult, UnitResult } from "./file-result";

/**
 * One input file through the whole pipeline. Never throws: a file that cannot be read (or that trips a
 * bug) comes back with `error`, so a batch of hundreds goes on past it.
 */
export interface AnalyseContext {
  rubric: Rubric | null;
  year?: number;
  /** The province's survey scores, merged into each unit by folded name before scoring. */
  survey?: SurveyRow[] | null;
  /** The user's column corrections (--columns), applied on every sheet. */
  columns?: ColumnCorrections;
}

export async function analyseFile(file: string, ctx: AnalyseContext): Promise<FileResult> {
  const read = await readSnapshot(file);
  return "failed" in read ? read.failed : analyseSnapshot(file, read.wb, ctx);
}

/** A snapshot read from `file` through recognition, validation and scoring. */
export function analyseSnapshot(file: string, wb: WorkbookSnapshot, ctx: AnalyseContext): FileResult {
  try {
    // Every unit sheet of the workbook, for every command (a consolidation workbook is many units).
    const analysis = analyseUnits(wb, {
      rubric: ctx.rubric,
      source: basename(file),
      year: ctx.year,
      columns: ctx.columns,
    });
    if (ctx.survey?.length) {
      // The same matching as the mismatch report (mergeSurvey): folded, "UBND" and punctuation ignored.
      // One rule with the pane's and the page's survey import (app/survey.ts).
      analysis.units = withSurveyScores(analysis.units, ctx.survey);
    }
    // Checked here, where the sheets still are: the batch keeps no cells once a file is analysed.
    const outside = columnsOutside(
      wb,
      analysis.units.map((u) => u.table),
      ctx.columns,
    );
    // Bounded output: a sheet with a million bad rows lists the first of each kind and says how many more.
    for (const u of analysis.units) u.findings = capFindings(u.findings);
    return {
      file,
      units: analysis.units,
      findings: capFindings(analysis.findings),
      skipped: analysis.skipped,
      ...(outside.length ? { columnsOutside: outside } : {}),
      error: null,
    };
  } catch (e) {
    return fileFailed(file, e);
  }
}

/**
 * What the batch keeps of a file: everything the commands print, without the per-cell entries and table
 * rows (a thousand units' worth is most of the batch's memory, and no command prints them).
 */
export function slimResult(result: FileResult): FileResult {
  for (const u of result.units) {
    delete u.entries;
    u.table = { ...u.table, rows: [] };
  }
  return result;
}
