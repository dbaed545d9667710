import { describe, expect, it } from "vitest";
import { emptyEntry } from "../../../src/core/entries";
import type { FlatItem } from "../../../src/core/rubric/tree";
import { checkNotApplicable, isNotApplicableWord } from "../../../src/core/rules/not-applicable";
import { brief, context, sheet } from "./table";

describe("rule: not-applicable", () => {
  const ctx = () => context(sheet());

  it("knows the rubric's words, folded, with a trailing remark", () => {
    const c = ctx();
    for (const w of ["Không áp dụng", "KHÔNG PHÁT SINH", "N/A", "không phát sinh (đã báo cáo)"])
      expect(isNotApplicableWord(c, w)).toBe(true);
    for (const w of ["Đã áp dụng", "1", null]) expect(isNotApplicableWord(c, w)).toBe(false);
  });

  it("a claim in a score cell of an item that allows it stands", () => {
    const c = ctx();
    const e = { ...emptyEntry("1.2"), notApplicable: true };
    checkNotApplicable(c, c.items.get("1.2") as FlatItem, e, { column: "self", address: "D5", text: "KPS" });
    expect([e.notApplicable, c.findings]).toEqual([true, []]);
  });

  it("the word in the note alone counts when nothing is scored", () => {
    const c = ctx();
    const e = { ...emptyEntry("1.2"), note: "Không phát sinh" };
    checkNotApplicable(c, c.items.get("1.2") as FlatItem, e, null);
    expect(e.notApplicable).toBe(true);
  });

  it("on an item that does not allow it: withdrawn, an error at the cell naming the item", () => {
    const c = ctx();
    const e = { ...emptyEntry("1.1"), notApplicable: true };
    checkNotApplicable(c, c.items.get("1.1") as FlatItem, e, { column: "self", address: "D4", text: "x" });
    expect(e.notApplicable).toBe(false);
    expect(c.findings.map(brief)).toEqual([["score-not-allowed", "error", "D4", "1.1"]]);
    expect(c.findings[0].message.en).toContain("1.1");
  });
});
