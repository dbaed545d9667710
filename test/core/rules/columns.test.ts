import { describe, expect, it } from "vitest";
import { checkColumns } from "../../../src/core/rules/columns";
import { brief, context, HEADER, sheet } from "./table";

describe("rule: columns (missing-column)", () => {
  it("the full header raises nothing", () => {
    const ctx = context(sheet());
    checkColumns(ctx);
    expect(ctx.findings).toEqual([]);
  });

  it("no evidence column: one warning at the header row, naming the role", () => {
    const header = [...HEADER];
    header[4] = "Cột lạ";
    const ctx = context(sheet(undefined, header));
    checkColumns(ctx);
    expect(ctx.findings.map(brief)).toEqual([["missing-column", "warning", "A2", null]]);
    expect(ctx.findings[0].expected).toBe("evidence");
  });

  it("no code column is only a note (rows match by label)", () => {
    const header = [...HEADER];
    header[0] = "";
    const rows = sheet()
      .values.slice(2)
      .map((r) => [null, ...r.slice(1)]);
    const ctx = context(sheet(rows, header));
    checkColumns(ctx);
    expect(ctx.findings.map((f) => [f.code, f.severity, f.expected])).toEqual([
      ["missing-column", "info", "code"],
    ]);
  });
});
