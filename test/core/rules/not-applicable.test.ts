import { describe, expect, it } from "vitest";
import { emptyEntry } from "../../../src/core/entries";
import type { FlatItem } from "../../../src/core/rubric/tree";
import { checkNotApplicable, isNotApplicableWord } from "../../../src/core/rules/not-applicable";
import { validateTable } from "../../../src/core/validate";
import { brief, context, rubric, set, sheet } from "./table";

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

describe("not-applicable words as offices write them", () => {
  const WORDS = ["x", "X", "K.A.D", "Không áp dụng", "Không phát sinh", "KPS", "-"];

  /** Item 1.2 (allows N/A) or 1.1 (does not) with `word` in its self and appraised cells, run through validateTable. */
  function run(code: "1.1" | "1.2", word: string) {
    const row = code === "1.1" ? 4 : 5;
    const s = set(set(sheet(), `D${row}`, word), `F${row}`, word);
    const ctx = context(s);
    return validateTable(ctx.sheet, ctx.table, rubric);
  }

  it.each(WORDS)("%s on an item that allows it: not applicable, nothing to fix", (word) => {
    const v = run("1.2", word);
    expect(v.findings.filter((f) => f.item === "1.2")).toEqual([]);
    expect(v.entries.get("1.2")).toMatchObject({ notApplicable: true, self: null, appraised1: null });
  });

  it.each(WORDS)("%s on an item that does not allow it: an error at the cell naming the item", (word) => {
    const v = run("1.1", word);
    expect(v.findings.filter((f) => f.item === "1.1").map(brief)).toEqual([
      ["score-not-allowed", "error", "D4", "1.1"],
    ]);
    expect(v.findings[0].message.vi).toContain("1.1");
    expect(v.findings[0].found).toBe(word);
    expect(v.entries.get("1.1")?.notApplicable).toBe(false);
  });

  it('a dash before a number, or "x" inside a word, is not the mark', () => {
    const c = context(sheet());
    expect(["- 0,5", "xong", "x2", "-1"].map((w) => isNotApplicableWord(c, w))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('"x" or "-" in the note alone does not make an unscored item not applicable', () => {
    const c = context(sheet());
    const e = { ...emptyEntry("1.2"), note: "-" };
    checkNotApplicable(c, c.items.get("1.2") as FlatItem, e, null);
    expect(e.notApplicable).toBe(false);
  });
});
