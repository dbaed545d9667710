/**
 * "Wrong rubric, said once": how well a unit's table fits a rubric, and which of the candidate rubrics
 * (the built-ins, or the list the caller gives) fits far better than the one chosen. A workbook checked
 * against the wrong rubric otherwise drowns the user in one max-mismatch per row.
 */
import { matchRows, type RecognisedTable, type TableRow } from "./recognise";
import type { Rubric } from "./rubric/schema";
import { rubricIndex } from "./rubric/tree";

export interface RubricFit {
  id: string;
  name: string;
  /** 0..1: rows matched to an item with the same maximum, over the larger of the table's item rows and the rubric's items. */
  fit: number;
}

/**
 * Another rubric is "clearly better" by margin, not by a fixed cut-off on the chosen one: the two
 * built-ins fit each other's units at about 0.66 (their shared items), which a cut-off of 0.6 let
 * through unnoticed (#23 item 5), while the right rubric fits at 0.98-1.00. A better rubric must fit
 * at least GOOD_FIT and MARGIN more than the chosen one.
 */
const GOOD_FIT = 0.8;
const MARGIN = 0.2;
/**
 * No candidate can beat a fit above this by MARGIN (fits are at most 1): clean units are not matched
 * again against every candidate. A consequence of the margin, not a cut-off of its own.
 */
const NO_ROOM = 1 - MARGIN;

/** The fit of rows already matched to `rubric` (row.item set by matchRows). */
export function fitOf(rows: readonly TableRow[], rubric: Rubric): number {
  const { flat, byCode } = rubricIndex(rubric);
  let items = 0;
  let same = 0;
  for (const row of rows) {
    if (row.isTotal || (row.code === null && row.max === null)) continue;
    items++;
    const item = row.item ? byCode.get(row.item) : undefined;
    if (item && row.max !== null && Math.abs(item.max - row.max) < 1e-9) same++;
  }
  const size = Math.max(items, flat.length);
  return size === 0 ? 0 : same / size;
}

/** The table's rows matched against another rubric, without touching the table's own matches. */
function fitAgainst(table: RecognisedTable, rubric: Rubric): number {
  const rows = table.rows.map((r) => ({ ...r, item: null, matchedBy: null }));
  matchRows(rows, rubric);
  return fitOf(rows, rubric);
}

/**
 * The candidate that fits the table clearly better than `chosen` (by MARGIN), or null. Candidates
 * with the chosen rubric's id are skipped; ties go to the first candidate.
 */
export function betterRubric(
  table: RecognisedTable,
  chosen: Rubric,
  candidates: readonly Rubric[],
): { chosenFit: number; better: RubricFit } | null {
  const chosenFit = fitOf(table.rows, chosen);
  if (chosenFit > NO_ROOM) return null;
  let best: RubricFit | null = null;
  for (const candidate of candidates) {
    if (candidate === chosen || candidate.id === chosen.id) continue;
    const fit = fitAgainst(table, candidate);
    if (!best || fit > best.fit)
      best = { id: candidate.id, name: candidate.name, fit: Math.round(fit * 100) / 100 };
  }
  if (!best || best.fit < GOOD_FIT || best.fit < chosenFit + MARGIN) return null;
  return { chosenFit: Math.round(chosenFit * 100) / 100, better: best };
}
