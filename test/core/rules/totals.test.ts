import { describe, expect, it } from "vitest";
import { checkTotals } from "../../../src/core/rules/totals";
import { brief, context, set, sheet } from "./table";

/** The clean sheet with SUM formulas on the parent and total rows. */
function withFormulas() {
  const s = sheet();
  for (const col of ["D", "F"]) {
    set(s, `${col}3`, s.values[2][col === "D" ? 3 : 5], `=SUM(${col}4:${col}5)`);
    set(s, `${col}6`, s.values[5][col === "D" ? 3 : 5], `=SUM(${col}7)`);
    set(s, `${col}8`, s.values[7][col === "D" ? 3 : 5], `=SUM(${col}3,${col}6)`);
  }
  return s;
}

function totals(s: ReturnType<typeof sheet>) {
  const ctx = context(s);
  checkTotals(ctx);
  return ctx.findings.map(brief);
}

describe("rule: totals", () => {
  it("totals that add up: nothing", () => {
    expect(totals(withFormulas())).toEqual([]);
  });
  it("a parent that is not the sum of its children", () => {
    expect(totals(set(withFormulas(), "D3", 1, "=SUM(D4)"))).toEqual([
      ["total-mismatch", "error", "D3", "1"],
      ["total-mismatch", "error", "D8", null],
    ]);
  });
  it("a total typed over where the others are formulas", () => {
    expect(totals(set(withFormulas(), "D3", 3, null))).toEqual([
      ["formula-overwritten", "warning", "D3", "1"],
    ]);
  });
  it("an error in a total with no error below it", () => {
    expect(totals(set(set(withFormulas(), "F3", "#REF!"), "F8", "#REF!"))).toEqual([
      ["formula-error", "error", "F3", "1"],
    ]);
  });
  it("an error that comes up from a child is reported on the child only (not here)", () => {
    const s = set(set(set(withFormulas(), "D4", "#VALUE!"), "D3", "#VALUE!"), "D8", "#VALUE!");
    expect(totals(s)).toEqual([]);
  });
});
