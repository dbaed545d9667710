import { describe, expect, it } from "vitest";
import { emptyEntry } from "../../../src/core/entries";
import type { TableRow } from "../../../src/core/recognise";
import type { FlatItem } from "../../../src/core/rubric/tree";
import { checkAppraisalNote } from "../../../src/core/rules/appraisal-note";
import { brief, context, sheet } from "./table";

function note(
  self: number | null,
  appraised1: number | null,
  appraised2: number | null,
  text: string | null,
) {
  const ctx = context(sheet());
  const entry = { ...emptyEntry("1.1"), self, appraised1, appraised2 };
  checkAppraisalNote(ctx, ctx.items.get("1.1") as FlatItem, ctx.rowOf.get("1.1") as TableRow, entry, text);
  return ctx.findings;
}

describe("rule: appraisal-note (appraisal-without-note)", () => {
  it("the same score, or a changed one with a note: nothing", () => {
    expect(note(1, 1, null, null)).toEqual([]);
    expect(note(1, 0.5, null, "Ban hành chậm")).toEqual([]);
  });
  it("a changed score with no note is reported at the note cell", () => {
    const f = note(1, 0.5, null, null);
    expect(f.map(brief)).toEqual([["appraisal-without-note", "warning", "G4", "1.1"]]);
    expect([f[0].found, f[0].expected, f[0].column]).toEqual([0.5, 1, "appraised1"]);
  });
  it("round 2 is the one compared when present", () => {
    expect(note(1, 0.5, 1, null)).toEqual([]);
    expect(note(1, 1, 0.5, null).map((f) => f.column)).toEqual(["appraised2"]);
  });
});
