/**
 * Validation of one recognised table against the rubric: structure, scores, formulas, totals,
 * evidence, appraisal notes — each problem a finding on the cell the user must fix — and the entries
 * scoring consumes. Scores count as written (an over-max score is counted and flagged, never capped);
 * totals are compared after rounding to the rubric's precision, in integer units.
 *
 * Each check is its own rule module in core/rules/ (one or a few finding codes each); this file only
 * runs them, in an order that keeps findings in the order users and golden digests know.
 */
import type { UnitEntries } from "./entries";
import type { EvidenceList } from "./evidence-list";
import type { Finding } from "./finding";
import type { RecognisedTable } from "./recognise";
import type { Rubric } from "./rubric/schema";
import { checkColumns } from "./rules/columns";
import { checkUncitedList } from "./rules/evidence-list";
import { RuleContext } from "./rules/context";
import { checkLeaf } from "./rules/leaf";
import { checkMissingItems } from "./rules/missing-items";
import { checkRows } from "./rules/rows";
import { checkTotals } from "./rules/totals";
import { checkUnitName } from "./rules/unit-name";
import type { SheetSnapshot } from "./snapshot";

export interface ValidateOptions {
  /** Assessment year for evidence dates; the rubric's year when absent. */
  year?: number;
  /** The workbook's evidence list sheet (core/evidence-list.ts findEvidenceList), where it has one. */
  evidenceList?: EvidenceList | null;
}

export interface Validation {
  findings: Finding[];
  entries: UnitEntries;
}

export function validateTable(
  sheet: SheetSnapshot,
  table: RecognisedTable,
  rubric: Rubric,
  options: ValidateOptions = {},
): Validation {
  const ctx = new RuleContext(
    sheet,
    table,
    rubric,
    options.year ?? rubric.year,
    options.evidenceList ?? null,
  );
  checkColumns(ctx);
  checkRows(ctx);
  checkMissingItems(ctx);
  for (const item of ctx.flat) {
    const row = ctx.rowOf.get(item.code);
    if (row && item.isLeaf) checkLeaf(ctx, item, row);
  }
  checkTotals(ctx);
  checkUnitName(ctx);
  checkUncitedList(ctx);
  return { findings: ctx.findings, entries: ctx.entries };
}
