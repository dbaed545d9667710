/**
 * missing-score: units self-score everything but the survey (an error when blank); appraisers, once a
 * round has started, score everything (a warning when blank).
 */
import type { ItemEntry, ScoreColumn } from "../entries";
import { msg } from "../messages";
import type { TableRow } from "../recognise";
import type { FlatItem } from "../rubric/tree";
import type { RuleContext } from "./context";
import { readScore } from "./read-score";

export function checkMissingScore(ctx: RuleContext, item: FlatItem, row: TableRow, entry: ItemEntry): void {
  if (entry.notApplicable) return;
  const self = ctx.scoreColumns.includes("self") && item.kind !== "survey";
  if (self && entry.self === null && readScore(ctx, row.row, "self").kind === "empty") {
    ctx.add(
      "missing-score",
      "error",
      ctx.addr(row.row, "self"),
      item.code,
      msg.missingScore(ctx.named(item.code), "self"),
      { column: "self" },
    );
  }
  for (const column of ["appraised1", "appraised2"] as const) {
    if (!ctx.scoreColumns.includes(column) || !roundStarted(ctx, column)) continue;
    if (entry[column] === null && readScore(ctx, row.row, column).kind === "empty") {
      ctx.add(
        "missing-score",
        "warning",
        ctx.addr(row.row, column),
        item.code,
        msg.missingScore(ctx.named(item.code), column),
        { column },
      );
    }
  }
}

/** Whether an appraisal round has started (any leaf scored in it): computed once per column, not per leaf. */
export function roundStarted(ctx: RuleContext, column: ScoreColumn): boolean {
  const key = `round-started:${column}`;
  let used = ctx.memo.get(key) as boolean | undefined;
  if (used === undefined) {
    used = ctx.table.rows.some(
      (r) => r.item && ctx.items.get(r.item)?.isLeaf && readScore(ctx, r.row, column).kind !== "empty",
    );
    ctx.memo.set(key, used);
  }
  return used;
}
