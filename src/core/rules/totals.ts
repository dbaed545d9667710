/**
 * total-mismatch, formula-overwritten, formula-error on total rows: every parent row and the grand
 * total hold what their children add up to, as Excel adds the cells, and stay formulas where the
 * template's totals are formulas.
 */
import type { ScoreColumn } from "../entries";
import { msg } from "../messages";
import { fromUnits, parseNumberText, roundUnits, toUnits } from "../numbers";
import type { TableRow } from "../recognise";
import type { RuleContext } from "./context";

export function checkTotals(ctx: RuleContext): void {
  const parents = ctx.flat.filter((i) => !i.isLeaf && ctx.rowOf.has(i.code));
  const parentRows = parents.map((p) => (ctx.rowOf.get(p.code) as TableRow).row);
  const total = ctx.table.rows.find((r) => r.isTotal);
  const rows = total ? [...parentRows, total.row] : parentRows;
  for (const column of ctx.scoreColumns) {
    // The template's totals are formulas when most of them still are ("inconsistent formula").
    let withFormula = 0;
    for (const r of rows) if (ctx.formula(r, column) !== null) withFormula++;
    const formulasExpected = rows.length > 1 && withFormula * 2 >= rows.length;
    for (let k = 0; k < parents.length; k++) {
      const parent = parents[k];
      const children = ctx.index.childCodes(parent);
      checkSum(ctx, parent.code, parentRows[k], column, children, formulasExpected, false);
    }
    if (total) checkSum(ctx, "TỔNG", total.row, column, ctx.index.areaCodes, formulasExpected, true);
  }
}

/** In the grand total, penalty areas count negatively. */
function sign(ctx: RuleContext, code: string, signed: boolean): 1 | -1 {
  return signed && ctx.items.get(code)?.kind === "penalty" ? -1 : 1;
}

/**
 * A parent holds what its children add up to, as Excel would add the cells (numbers only): a
 * difference is a broken or overwritten total. Defects in the children themselves (text, errors) are
 * reported on the children and do not cascade up the tree.
 */
function checkSum(
  ctx: RuleContext,
  code: string,
  row: number,
  column: ScoreColumn,
  children: readonly string[],
  formulasExpected: boolean,
  signed: boolean,
): void {
  const address = ctx.addr(row, column) as string;
  const shown = ctx.cell(row, column);
  const formula = ctx.formula(row, column);
  const item = code === "TỔNG" ? null : code;
  if (typeof shown === "string" && ctx.isError(row, column, shown)) {
    const childError = children.some((c) => subtreeHasError(ctx, c, column));
    if (!childError)
      ctx.add("formula-error", "error", address, item, msg.formulaError(ctx.named(code), column, shown), {
        found: shown,
        column,
      });
    return;
  }
  if (formulasExpected && formula === null && shown !== null && shown !== "") {
    ctx.add(
      "formula-overwritten",
      "warning",
      address,
      item,
      msg.formulaOverwritten(ctx.named(code), column),
      {
        found: shown,
        column,
      },
    );
  }
  if (typeof shown !== "number") return;
  // Excel's SUM skips text; the unit may have meant the text numbers. Either reading is not a mismatch.
  let sum = 0;
  let counted = 0;
  let any = false;
  for (const c of children) {
    const childRow = ctx.rowOf.get(c);
    if (!childRow) continue;
    const v = ctx.cell(childRow.row, column);
    if (typeof v === "number") {
      const units = sign(ctx, c, signed) * toUnits(v);
      sum += units;
      counted += units;
      any = true;
    } else if (typeof v === "string") {
      const parsed = parseNumberText(v);
      if (parsed) counted += sign(ctx, c, signed) * toUnits(parsed.value);
    }
  }
  if (!any && shown === 0) return;
  const p = ctx.rubric.precision;
  const written = roundUnits(toUnits(shown), p);
  if (written !== roundUnits(sum, p) && written !== roundUnits(counted, p)) {
    ctx.add(
      "total-mismatch",
      "error",
      address,
      item,
      msg.totalMismatch(ctx.named(code), column, shown, fromUnits(counted)),
      { found: shown, expected: fromUnits(counted), column },
    );
  }
}

function subtreeHasError(ctx: RuleContext, code: string, column: ScoreColumn): boolean {
  return ctx.index.subtree(code).some((i) => {
    const r = ctx.rowOf.get(i.code);
    if (!r) return false;
    const v = ctx.cell(r.row, column);
    return typeof v === "string" && ctx.isError(r.row, column, v);
  });
}
