import { describe, expect, it } from "vitest";
import { checkLeaf } from "../../../src/core/rules/leaf";
import { checkMissingScore } from "../../../src/core/rules/missing-score";
import type { FlatItem } from "../../../src/core/rubric/tree";
import type { TableRow } from "../../../src/core/recognise";
import { brief, context, set, sheet } from "./table";

/** Run the missing-score rule alone on each leaf's entry (read by the leaf rule, its findings dropped). */
function missing(s: ReturnType<typeof sheet>) {
  const ctx = context(s);
  for (const code of ["1.1", "1.2", "2.1"])
    checkLeaf(ctx, ctx.items.get(code) as FlatItem, ctx.rowOf.get(code) as TableRow);
  ctx.findings.length = 0;
  for (const code of ["1.1", "1.2", "2.1"]) {
    const entry = ctx.entries.get(code);
    if (entry)
      checkMissingScore(ctx, ctx.items.get(code) as FlatItem, ctx.rowOf.get(code) as TableRow, entry);
  }
  return ctx.findings.map(brief);
}

describe("rule: missing-score", () => {
  it("all scored: nothing", () => {
    expect(missing(sheet())).toEqual([]);
  });
  it("a blank self score is an error; a blank appraised score once the round started is a warning", () => {
    expect(missing(set(set(sheet(), "D4", null), "F5", null))).toEqual([
      ["missing-score", "error", "D4", "1.1"],
      ["missing-score", "warning", "F5", "1.2"],
    ]);
  });
  it("no appraisal round started: blank appraised cells are not missing", () => {
    expect(missing(set(set(set(sheet(), "F4", null), "F5", null), "F7", null))).toEqual([]);
  });
  it("the survey is never self-scored, so its blank self cell is not missing", () => {
    expect(missing(set(sheet(), "D7", null))).toEqual([]);
  });
});
