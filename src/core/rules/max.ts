/** max-mismatch: a row's written maximum differs from the rubric's (an old template, the wrong rubric). */
import { msg } from "../messages";
import type { FlatItem } from "../rubric/tree";
import { type RuleContext, samePoints } from "./context";

export function checkMax(ctx: RuleContext, item: FlatItem, row: number): void {
  const maxCell = ctx.cell(row, "max");
  if (typeof maxCell !== "number" || samePoints(maxCell, item.max, ctx.rubric.precision)) return;
  ctx.add(
    "max-mismatch",
    "error",
    ctx.addr(row, "max"),
    item.code,
    msg.maxMismatch(ctx.named(item.code), maxCell, item.max),
    { found: maxCell, expected: item.max },
  );
}
