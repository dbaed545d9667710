/** missing-item: rubric items with no row, reported at the highest missing node only. */
import { msg } from "../messages";
import type { RuleContext } from "./context";

/** A missing area is one finding, not one per sub-criterion. */
export function checkMissingItems(ctx: RuleContext): void {
  const { rowOf } = ctx;
  // Which items have a row at or below them: one pass from the leaves up, so a parent with 100,000
  // children costs 100,000 steps, not 100,000 walks of its subtree.
  const covered = new Set<string>();
  for (const item of ctx.index.bottomUp) {
    if (!covered.has(item.code) && !rowOf.has(item.code)) continue;
    covered.add(item.code);
    if (item.parent) covered.add(item.parent);
  }
  for (const item of ctx.flat) {
    if (rowOf.has(item.code)) continue;
    if (item.parent && !rowOf.has(item.parent) && !covered.has(item.parent)) continue;
    if (!item.isLeaf && covered.has(item.code)) continue; // a parent row dropped, children present: totals still work
    ctx.add("missing-item", "error", null, item.code, msg.missingItem(ctx.named(item.code), item.label), {
      expected: item.shown,
    });
  }
}
