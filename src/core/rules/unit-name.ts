/** missing-unit-name: the "Đơn vị: …" line is blank, so the file name stands in for the unit. */
import { msg } from "../messages";
import type { RuleContext } from "./context";

export function checkUnitName(ctx: RuleContext): void {
  if (ctx.table.unitName) return;
  ctx.add("missing-unit-name", "warning", ctx.table.unitNameAddress, null, msg.missingUnitName());
}
