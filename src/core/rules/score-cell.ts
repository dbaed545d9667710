/**
 * One score cell of a leaf: formula-error, not-a-number, number-as-text, self-score-on-survey,
 * score-out-of-range, score-not-allowed. Returns the value as it counts (as written, never capped).
 */
import type { ScoreColumn } from "../entries";
import { msg } from "../messages";
import { roundUnits, toUnits } from "../numbers";
import type { FlatItem } from "../rubric/tree";
import type { RuleContext } from "./context";
import type { Read } from "./read-score";

export function checkScoreCell(
  ctx: RuleContext,
  item: FlatItem,
  column: ScoreColumn,
  address: string,
  read: Read,
): number | null {
  const code = item.code;
  switch (read.kind) {
    case "empty":
    case "not-applicable":
      return null;
    case "error":
      ctx.add("formula-error", "error", address, code, msg.formulaError(ctx.named(code), column, read.text), {
        found: read.text,
        column,
      });
      return null;
    case "invalid":
      ctx.add("not-a-number", "error", address, code, msg.notANumber(ctx.named(code), column, read.found), {
        found: read.found,
        column,
      });
      return null;
    case "text-number":
      ctx.add(
        "number-as-text",
        "warning",
        address,
        code,
        msg.numberAsText(ctx.named(code), column, read.text, read.value),
        { found: read.text, expected: read.value, column },
      );
      break;
  }
  const value = read.value;
  if (item.kind === "survey" && column === "self") {
    ctx.add("self-score-on-survey", "warning", address, code, msg.selfScoreOnSurvey(ctx.named(code)), {
      found: value,
      column,
    });
    return value;
  }
  const p = ctx.rubric.precision;
  const units = roundUnits(toUnits(value), p);
  if (units < 0 || units > roundUnits(toUnits(item.max), p)) {
    ctx.add(
      "score-out-of-range",
      "error",
      address,
      code,
      msg.outOfRange(ctx.named(code), column, value, item.max),
      { found: value, expected: item.max, column },
    );
    return value;
  }
  const allowed = ctx.index.allowed(item);
  // sameAtPrecision against each allowed score, with the allowed side rounded once per rubric.
  if (allowed && !ctx.index.allowedUnits(item).includes(units)) {
    ctx.add(
      "score-not-allowed",
      "warning",
      address,
      code,
      msg.notAllowed(ctx.named(code), column, value, [...allowed]),
      { found: value, expected: allowed.join("; "), column },
    );
  }
  return value;
}
