import { describe, expect, it } from "vitest";
import { checkUnitName } from "../../../src/core/rules/unit-name";
import { brief, context, sheet } from "./table";

describe("rule: unit-name (missing-unit-name)", () => {
  it("a named unit: nothing", () => {
    const ctx = context(sheet());
    checkUnitName(ctx);
    expect(ctx.findings).toEqual([]);
  });

  it("a blank 'Đơn vị: ……' is a warning at that line", () => {
    const ctx = context(sheet(undefined, undefined, "Đơn vị: ……"));
    checkUnitName(ctx);
    expect(ctx.findings.map(brief)).toEqual([["missing-unit-name", "warning", "A1", null]]);
  });
});
