import { describe, expect, it } from "vitest";
import { checkRows } from "../../../src/core/rules/rows";
import { brief, cleanRows, context, DOC, sheet } from "./table";

describe("rule: rows (unknown-item, duplicate-item, max-mismatch)", () => {
  it("matches each item's first row", () => {
    const ctx = context(sheet(), { matched: false });
    checkRows(ctx);
    expect(ctx.findings).toEqual([]);
    expect([...ctx.rowOf.entries()].map(([k, r]) => [k, r.row + 1])).toEqual([
      ["1", 3],
      ["1.1", 4],
      ["1.2", 5],
      ["2", 6],
      ["2.1", 7],
    ]);
  });

  it("a second row of an item is a duplicate at its code cell and is not matched", () => {
    const ctx = context(sheet([...cleanRows(), ["1.1", "Kế hoạch", 1, 1, DOC, 1]]), { matched: false });
    checkRows(ctx);
    expect(ctx.findings.map(brief)).toEqual([["duplicate-item", "error", "A9", "1.1"]]);
    expect(ctx.rowOf.get("1.1")?.row).toBe(3);
  });

  it("a row with a code the rubric lacks is unknown; a note line is not", () => {
    const rows = [...cleanRows(), ["9", "Mục không có", 1, 1, DOC, 1], [null, "Ghi chú: số liệu đến 30/11"]];
    const ctx = context(sheet(rows), { matched: false });
    checkRows(ctx);
    expect(ctx.findings.map(brief)).toEqual([["unknown-item", "warning", "A9", null]]);
  });

  it("a maximum other than the rubric's is reported at the max cell; a rounding difference is not", () => {
    const rows = cleanRows();
    rows[1][2] = 2;
    rows[2][2] = 2.0000001;
    const ctx = context(sheet(rows), { matched: false });
    checkRows(ctx);
    expect(ctx.findings.map(brief)).toEqual([["max-mismatch", "error", "C4", "1.1"]]);
    expect([ctx.findings[0].found, ctx.findings[0].expected]).toEqual([2, 1]);
  });
});
