import { describe, expect, it } from "vitest";
import { loadRubric, RubricError, requireRubric } from "../../src/core/rubric/load";
import type { RubricInput } from "../../src/core/rubric/schema";

// Issue #13 points 2 and 7, #15 point 1: rubric values and patterns checked when the rubric loads.

const base = (over: Partial<RubricInput> = {}): RubricInput => ({
  id: "r",
  name: "R",
  year: 2024,
  unitLevel: "commune",
  precision: 2,
  items: [{ code: "1", label: "Một", max: 100 }],
  ...over,
});

const problems = (data: unknown) => {
  const r = loadRubric(data);
  if (r.ok) throw new Error("expected the rubric to be refused");
  return r.problems;
};

describe("group patterns are checked at load, naming the group", () => {
  it("refuses an invalid pattern (it used to load, then be dropped silently)", () => {
    const p = problems(base({ groups: [{ id: "w", label: "Phường", patterns: ["^(phuong"] }] }));
    expect(p[0].where).toBe("groups.0.patterns.0");
    expect(p[0].message.vi).toContain('nhóm "Phường"');
    expect(p[0].message.en).toContain('group "Phường"');
  });

  it("refuses a pattern that would hang the ranking", () => {
    const p = problems(base({ groups: [{ id: "w", label: "Xã", patterns: ["^(\\w+\\s?)+$"] }] }));
    expect(p[0].message.en).toContain("could hang");
    expect(p[0].message.vi).toContain("có thể treo máy");
  });
});

describe("Vietnamese messages are Vietnamese", () => {
  it("zod's own messages come through its vi locale, never English text inside the Vietnamese", () => {
    const p = problems({ ...base(), year: "2024", unitLevel: "xã" });
    expect(p).toHaveLength(2);
    for (const x of p) {
      expect(x.message.vi).not.toMatch(/Invalid|expected|received/);
      expect(x.message.en).toMatch(/Invalid/);
    }
    expect(p[0].message.vi).toContain("không hợp lệ");
  });

  it("our own schema messages are bilingual too", () => {
    const p = problems(base({ id: "Bad Id" }));
    expect(p[0].message.vi).toContain("chỉ gồm chữ thường");
  });
});

describe("sizes and numbers that cannot be a rubric", () => {
  it("a maximum of 1e308 is refused (no 'index 3/Infinity')", () => {
    const p = problems(base({ items: [{ code: "1", label: "Một", max: 1e308 }] }));
    expect(p[0].where).toBe("items.0.max");
    expect(p[0].message.vi).toContain("lớn hơn 10000");
  });

  it("a 1,000-level rubric is a RubricError, not a stack overflow", () => {
    let item: Record<string, unknown> = { code: "x1000", label: "x", max: 1 };
    for (let i = 999; i >= 1; i--) item = { code: `x${i}`, label: "x", max: 1, children: [item] };
    const data = base({ items: [item as never] });
    const p = problems(data);
    expect(p[0].message.en).toContain("more than 12 levels deep");
    expect(() => requireRubric(data, "deep.json")).toThrow(RubricError);
  });

  it("too many items are refused", () => {
    const children = Array.from({ length: 20_001 }, (_, i) => ({ code: `1.${i}`, label: "a", max: 0 }));
    const p = problems(base({ items: [{ code: "1", label: "Một", max: 0, children }] }));
    expect(p[0].message.en).toContain("more than 20,000 items");
  });

  it("a guidance level the item cannot reach is a rubric problem (it used to be dropped silently)", () => {
    const p = problems(
      base({ items: [{ code: "1", label: "Một", max: 100, rule: { type: "levels", levels: [100, 150] } }] }),
    );
    expect(p[0].message.en).toBe("Item 1: the guidance's score 150 is outside 0–100.");
  });

  it("a sane rubric still loads", () => {
    expect(loadRubric(base({ groups: [{ id: "w", label: "Phường", patterns: ["^phuong "] }] })).ok).toBe(
      true,
    );
  });
});
