import { describe, expect, it } from "vitest";
import type { ScoreColumn } from "../../../src/core/entries";
import type { FlatItem } from "../../../src/core/rubric/tree";
import { readScore } from "../../../src/core/rules/read-score";
import { checkScoreCell } from "../../../src/core/rules/score-cell";
import type { CellValue } from "../../../src/core/snapshot";
import { brief, context, set, sheet } from "./table";

/** The self-score cell of `code` set to `v`, checked alone: [value counted, findings]. */
function score(code: "1.1" | "1.2" | "2.1", v: CellValue, column: ScoreColumn = "self") {
  const row = { "1.1": 4, "1.2": 5, "2.1": 7 }[code];
  const letter = column === "self" ? "D" : "F";
  const ctx = context(set(sheet(), `${letter}${row}`, v));
  const item = ctx.items.get(code) as FlatItem;
  const value = checkScoreCell(ctx, item, column, `${letter}${row}`, readScore(ctx, row - 1, column));
  return [value, ctx.findings.map(brief)] as const;
}

describe("rule: score-cell", () => {
  it("a number within range and levels counts, silently", () => {
    expect(score("1.1", 0.5)).toEqual([0.5, []]);
  });
  it("text that is not a score: not-a-number, nothing counted", () => {
    expect(score("1.1", "đạt")).toEqual([null, [["not-a-number", "error", "D4", "1.1"]]]);
  });
  it("TRUE is not a score", () => {
    expect(score("1.2", true)).toEqual([null, [["not-a-number", "error", "D5", "1.2"]]]);
  });
  it('"1,5" as text counts as 1.5 and is reported', () => {
    expect(score("1.2", "1,5")).toEqual([1.5, [["number-as-text", "warning", "D5", "1.2"]]]);
  });
  it("an Excel error is a formula-error", () => {
    expect(score("1.2", "#REF!")).toEqual([null, [["formula-error", "error", "D5", "1.2"]]]);
  });
  it("above the maximum counts as written and is out of range", () => {
    expect(score("1.2", 2.5)).toEqual([2.5, [["score-out-of-range", "error", "D5", "1.2"]]]);
  });
  it("a level the guidance does not list is not allowed", () => {
    expect(score("1.1", 0.7)).toEqual([0.7, [["score-not-allowed", "warning", "D4", "1.1"]]]);
  });
  it("a self score on the survey is reported and kept apart", () => {
    expect(score("2.1", 4)).toEqual([4, [["self-score-on-survey", "warning", "D7", "2.1"]]]);
  });
  it("the appraisers' score on the survey is fine", () => {
    expect(score("2.1", 4, "appraised1")).toEqual([4, []]);
  });
});
