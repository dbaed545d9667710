import { basename } from "node:path";
import { analyseWorkbook } from "../core/analyse";
import { scoreUnit } from "../core/score";
import { type SurveyRow, surveyLookup } from "../core/survey";
import type { Rubric } from "../core/rubric/schema";
import { FileReadError } from "../files/errors";
import { readWorkbookFile } from "../files/node";
import { type FileResult, failedResult } from "./file-result";

export type { FileError, FileResult, UnitResult } from "./file-result";

/**
 * One input file through the whole pipeline, in a worker or inline. Never throws: a file that cannot be
 * read (or that trips a bug) comes back with `error`, so a batch of hundreds goes on past it.
 */
export interface AnalyseContext {
  rubric: Rubric | null;
  year?: number;
  /** Every unit sheet of a consolidation workbook (ranking), not only the best table (validation). */
  allSheets?: boolean;
  /** The province's survey scores, merged into each unit by folded name before scoring. */
  survey?: SurveyRow[] | null;
}

export async function analyseFile(file: string, ctx: AnalyseContext): Promise<FileResult> {
  try {
    const wb = await readWorkbookFile(file);
    const analysis = analyseWorkbook(wb, {
      rubric: ctx.rubric,
      source: basename(file),
      year: ctx.year,
      allSheets: ctx.allSheets,
    });
    if (ctx.survey?.length) {
      // The same matching as the mismatch report (mergeSurvey): folded, "UBND" and punctuation ignored.
      const surveyOf = surveyLookup(ctx.survey);
      for (const u of analysis.units) {
        const score = surveyOf(u.unit);
        if (score !== null) u.score = scoreUnit(u.rubric, u.entries, { survey: score });
      }
    }
    return { file, units: analysis.units, findings: analysis.findings, error: null };
  } catch (e) {
    return failed(file, e);
  }
}

function failed(file: string, e: unknown): FileResult {
  if (e instanceof FileReadError) return failedResult(file, { reason: e.reason, message: e.text });
  const name = basename(file);
  // Not the file's fault: say so, so the appraiser reports it instead of blaming the unit.
  return failedResult(file, {
    reason: "internal-error",
    message: {
      vi: `${name}: lỗi của par-index khi xử lý tệp này (${errorText(e)}). Tệp không bị thay đổi; vui lòng báo lỗi kèm tệp.`,
      en: `${name}: par-index failed on this file (${errorText(e)}). The file was not changed; please report it with the file.`,
    },
  });
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * What a thread hands back to the batch: everything the commands print, without the per-cell entries and
 * table rows (cloning those across threads cost more than reading the file) or, from a worker, the
 * rubric the parent already has (`shared`).
 */
export function slimForTransfer(result: FileResult, shared: Rubric | null): FileResult {
  for (const u of result.units) {
    delete u.entries;
    u.table = { ...u.table, rows: [] };
    if (shared && u.rubric.id === shared.id) (u as { rubric: unknown }).rubric = null;
  }
  return result;
}
