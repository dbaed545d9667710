import { describe, expect, it } from "vitest";
import { checkMissingItems } from "../../../src/core/rules/missing-items";
import { brief, cleanRows, context, sheet } from "./table";

describe("rule: missing-items (missing-item)", () => {
  it("every item present: nothing", () => {
    const ctx = context(sheet());
    checkMissingItems(ctx);
    expect(ctx.findings).toEqual([]);
  });

  it("a missing leaf is named", () => {
    const ctx = context(sheet(cleanRows().filter((r) => r[0] !== "1.2")));
    checkMissingItems(ctx);
    expect(ctx.findings.map(brief)).toEqual([["missing-item", "error", null, "1.2"]]);
  });

  it("a missing area is one finding, not one per child", () => {
    const ctx = context(sheet(cleanRows().filter((r) => !String(r[0]).startsWith("2"))));
    checkMissingItems(ctx);
    expect(ctx.findings.map(brief)).toEqual([["missing-item", "error", null, "2"]]);
  });

  it("a parent row dropped with its children present is not missing", () => {
    const ctx = context(sheet(cleanRows().filter((r) => r[0] !== "1")));
    checkMissingItems(ctx);
    expect(ctx.findings).toEqual([]);
  });
});
