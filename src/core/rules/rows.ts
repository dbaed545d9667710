/**
 * unknown-item and duplicate-item: match the table's rows to rubric items (the first row of an item
 * counts, later ones are duplicates), filling `ctx.rowOf` for every later rule; each matched row's
 * maximum is checked as it is matched (max.ts).
 */
import { msg } from "../messages";
import type { FlatItem } from "../rubric/tree";
import type { RuleContext } from "./context";
import { checkMax } from "./max";

export function checkRows(ctx: RuleContext): void {
  for (const row of ctx.table.rows) {
    if (row.isTotal) continue;
    const at = ctx.addr(row.row, "code") ?? ctx.addr(row.row, "label");
    if (!row.item) {
      // A row with a code or a maximum looks like an item; anything else is a heading or a note.
      if (row.code || row.max !== null) {
        ctx.add("unknown-item", "warning", at, null, msg.unknownItem(row.code, row.label), {
          found: row.code ?? row.label,
        });
      }
      continue;
    }
    const first = ctx.rowOf.get(row.item);
    if (first) {
      ctx.add("duplicate-item", "error", at, row.item, msg.duplicateItem(ctx.named(row.item), first.row), {
        found: row.code ?? row.label,
      });
      continue;
    }
    ctx.rowOf.set(row.item, row);
    checkMax(ctx, ctx.items.get(row.item) as FlatItem, row.row);
  }
}
