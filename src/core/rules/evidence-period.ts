/** evidence-out-of-period: a cited document (in the cell, or on the evidence list) dated outside the assessment year. */
import { msg } from "../messages";
import type { FlatItem } from "../rubric/tree";
import type { RuleContext } from "./context";

/** evidence-out-of-period: the first date cited outside the assessment year. */
export function checkPeriod(
  ctx: RuleContext,
  item: FlatItem,
  address: string | null,
  dates: readonly { text: string; year: number }[],
): void {
  const outside = dates.find((d) => d.year !== ctx.year);
  if (!outside) return;
  ctx.add(
    "evidence-out-of-period",
    "warning",
    address,
    item.code,
    msg.evidenceOutOfPeriod(ctx.named(item.code), outside.text, ctx.year),
    { found: outside.text, expected: ctx.year },
  );
}
