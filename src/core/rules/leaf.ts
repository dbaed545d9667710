/**
 * One scored leaf: read its score cells into the entry scoring consumes, then run the leaf rules on it
 * (score cells, not applicable, missing score, evidence, appraisal note) in that order.
 */
import { emptyEntry, type ItemEntry, type ScoreColumn } from "../entries";
import type { TableRow } from "../recognise";
import type { FlatItem } from "../rubric/tree";
import { checkAppraisalNote } from "./appraisal-note";
import type { RuleContext } from "./context";
import { checkEvidence } from "./evidence";
import { checkMissingScore } from "./missing-score";
import { checkNotApplicable } from "./not-applicable";
import { readScore } from "./read-score";
import { checkScoreCell } from "./score-cell";

export function checkLeaf(ctx: RuleContext, item: FlatItem, row: TableRow): void {
  const entry: ItemEntry = emptyEntry(item.code);
  const note = ctx.text(row.row, "note");
  const explanation = ctx.text(row.row, "explanation");
  entry.note = note ?? explanation;
  entry.evidence = ctx.text(row.row, "evidence");
  let marked: { column: ScoreColumn; address: string; text: string } | null = null;
  for (const column of ctx.scoreColumns) {
    const address = ctx.addr(row.row, column) as string;
    entry.addresses[column] = address;
    const read = readScore(ctx, row.row, column);
    entry[column] = checkScoreCell(ctx, item, column, address, read);
    if (read.kind === "not-applicable") {
      entry.notApplicable = true;
      marked ??= { column, address, text: read.text };
    }
  }
  checkNotApplicable(ctx, item, entry, marked);
  if (entry.evidence) entry.addresses.evidence = ctx.addr(row.row, "evidence") ?? undefined;
  if (entry.note) entry.addresses.note = ctx.addr(row.row, note ? "note" : "explanation") ?? undefined;
  checkMissingScore(ctx, item, row, entry);
  checkEvidence(ctx, item, row, entry, explanation);
  checkAppraisalNote(ctx, item, row, entry, note);
  ctx.entries.set(item.code, entry);
}
