import { describe, expect, it } from "vitest";
import type { Finding, FindingCode } from "../../src/core/finding";
import { capFindings } from "../../src/core/finding-cap";

const finding = (code: FindingCode, row: number): Finding => ({
  code,
  severity: code === "missing-evidence" ? "warning" : "error",
  sheet: "Biểu",
  address: `D${row}`,
  item: null,
  message: { vi: "x", en: "x" },
});

describe("capFindings", () => {
  it("a list within the limit comes back as it is", () => {
    const list = [finding("not-a-number", 1), finding("not-a-number", 2), finding("missing-evidence", 3)];
    expect(capFindings(list, 2)).toBe(list);
  });

  it("beyond the limit of one code: its first findings, then one summary saying how many more", () => {
    const list = [
      ...Array.from({ length: 1000 }, (_, i) => finding("not-a-number", i + 1)),
      finding("missing-evidence", 2000),
    ];
    const out = capFindings(list, 3);
    expect(out.map((f) => [f.code, f.address])).toEqual([
      ["not-a-number", "D1"],
      ["not-a-number", "D2"],
      ["not-a-number", "D3"],
      ["not-a-number", null],
      ["missing-evidence", "D2000"],
    ]);
    const summary = out[3];
    expect(summary.found).toBe(997);
    expect(summary.severity).toBe("error");
    expect(summary.message.en).toContain("997 more");
    expect(summary.message.vi).toContain("997");
  });

  it("a million findings are cut in linear time", () => {
    const list = Array.from({ length: 1_000_000 }, (_, i) => finding("total-mismatch", i));
    const out = capFindings(list);
    expect(out).toHaveLength(501);
    expect(out[500].found).toBe(999_500);
  });
});
