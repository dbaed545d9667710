/** appraisal-without-note: the appraisers changed the unit's score without writing why. */
import type { ItemEntry } from "../entries";
import { msg } from "../messages";
import type { TableRow } from "../recognise";
import type { FlatItem } from "../rubric/tree";
import { type RuleContext, samePoints } from "./context";

export function checkAppraisalNote(
  ctx: RuleContext,
  item: FlatItem,
  row: TableRow,
  entry: ItemEntry,
  note: string | null,
): void {
  const appraised = entry.appraised2 ?? entry.appraised1;
  if (appraised === null || entry.self === null || item.kind === "survey") return;
  if (note || samePoints(appraised, entry.self, ctx.rubric.precision)) return;
  const column = entry.appraised2 !== null ? "appraised2" : "appraised1";
  ctx.add(
    "appraisal-without-note",
    "warning",
    ctx.addr(row.row, "note") ?? ctx.addr(row.row, column),
    item.code,
    msg.appraisalWithoutNote(ctx.named(item.code), entry.self, appraised),
    { found: appraised, expected: entry.self, column },
  );
}
