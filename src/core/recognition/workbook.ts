/**
 * Which sheets of a workbook hold a unit's table: the best one, or every one with scores entered
 * (consolidation workbooks), and the finding when none does.
 */
import { a1, columnLetters } from "../address";
import type { ColumnRole } from "../columns";
import type { Finding } from "../finding";
import { msg } from "../messages";
import { isOwnedSheetName } from "../sheets/owned";
import type { Rubric } from "../rubric/schema";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { choiceFindings } from "./choices";
import { withCorrections } from "./corrections";
import { findHeader } from "./header";
import { buildTable, hasEnteredScores } from "./rows";
import type { HeaderGuess, RecognisedTable, RecogniseOptions, Recognition } from "./types";

/** The sheet a table was recognised on: by position when known (names can repeat in a crafted file). */
export function sheetOf(wb: WorkbookSnapshot, table: Pick<RecognisedTable, "sheet" | "sheetIndex">) {
  if (table.sheetIndex !== undefined && wb.sheets[table.sheetIndex]?.name === table.sheet)
    return wb.sheets[table.sheetIndex];
  return wb.sheets.find((s) => s.name === table.sheet);
}

export function recogniseWorkbook(
  wb: WorkbookSnapshot,
  rubric: Rubric | null,
  options: RecogniseOptions = {},
): Recognition {
  const candidates: { table: RecognisedTable; score: number }[] = [];
  const partial: { sheet: string; guess: HeaderGuess }[] = [];
  for (const [sheetIndex, sheet] of wb.sheets.entries()) {
    // Sheets par-index writes are never a unit's table (one list with src/app's "not a unit" reasons).
    if (isOwnedSheetName(sheet.name)) continue;
    const found = findHeader(sheet);
    if (!found) continue;
    const guess = withCorrections(found, options.columns, sheet.name);
    const scores = guess.columns.self !== undefined || guess.columns.appraised1 !== undefined;
    const enough = options.rubricOnly ? scores || guess.columns.max !== undefined : scores;
    if (guess.columns.label === undefined || !enough) {
      partial.push({ sheet: sheet.name, guess });
      continue;
    }
    const table = buildTable(sheet, guess, rubric);
    table.sheetIndex = sheetIndex;
    if (guess.choices.length) table.columnFindings = choiceFindings(sheet.name, guess.choices);
    const matched = table.rows.filter((r) => r.item).length;
    if (table.rows.length === 0) continue;
    candidates.push({ table, score: guess.score * 1000 + matched });
  }
  if (candidates.length === 0) return { tables: [], findings: notFound(wb, partial) };
  if (!options.allSheets)
    return { tables: [candidates.reduce((a, b) => (b.score > a.score ? b : a)).table], findings: [] };
  // A consolidation workbook often keeps the blank template beside the unit sheets: a table where
  // nobody entered a score is not a unit while other sheets have scores. Said, not dropped silently.
  const filled = candidates.filter((c) => hasEnteredScores(sheetOf(wb, c.table) as SheetSnapshot, c.table));
  if (filled.length === 0 || filled.length === candidates.length)
    return { tables: candidates.map((c) => c.table), findings: [] };
  // Every face now reads every sheet: a set keeps a 1,000-sheet workbook linear here.
  const isFilled = new Set(filled);
  const findings: Finding[] = candidates
    .filter((c) => !isFilled.has(c))
    .map((c) => ({
      code: "table-not-found",
      severity: "info",
      sheet: c.table.sheet,
      address: a1(c.table.headerRow, c.table.columns.label ?? 0),
      item: null,
      message: msg.blankTableSkipped(c.table.sheet),
    }));
  return { tables: filled.map((c) => c.table), findings };
}

function notFound(wb: WorkbookSnapshot, partial: { sheet: string; guess: HeaderGuess }[]): Finding[] {
  const best = partial.sort((a, b) => b.guess.score - a.guess.score)[0];
  if (best) {
    const missing: ColumnRole[] = [];
    if (best.guess.columns.label === undefined) missing.push("label");
    if (best.guess.columns.self === undefined && best.guess.columns.appraised1 === undefined)
      missing.push("self");
    const recognised = (Object.entries(best.guess.columns) as [ColumnRole, number][])
      .sort((a, b) => a[1] - b[1])
      .map(([role, col]) => ({ role, column: columnLetters(col), header: best.guess.headers[role] ?? "" }));
    return missing.map((role) => ({
      code: "missing-column",
      severity: "error",
      sheet: best.sheet,
      address: a1(best.guess.row, 0),
      item: null,
      message: msg.missingKeyColumn(role, best.guess.row, recognised),
      expected: role,
    }));
  }
  return [
    {
      code: "table-not-found",
      severity: "error",
      sheet: null,
      address: null,
      item: null,
      message: msg.tableNotFound(wb.source, wb.sheets.length),
    },
  ];
}
