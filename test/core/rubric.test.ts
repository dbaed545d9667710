import { describe, expect, it } from "vitest";
import { BUILTIN_RUBRIC_IDS, builtinRubric } from "../../src/core/rubric/builtin";
import { loadRubric } from "../../src/core/rubric/load";
import { flattenRubric, scaleMax } from "../../src/core/rubric/tree";

describe("built-in rubrics", () => {
  it("load, and the commune example has the seed areas 19, 6, 15, 6, 10, 6, 13 plus a survey part to 100", () => {
    expect(BUILTIN_RUBRIC_IDS.length).toBeGreaterThanOrEqual(2);
    const r = builtinRubric("example-commune-2024")!;
    const areas = flattenRubric(r).filter((i) => i.level === 1 && i.kind === "scored");
    expect(areas.map((a) => a.max)).toEqual([19, 6, 15, 6, 10, 6, 13]);
    expect(flattenRubric(r).some((i) => i.level === 1 && i.kind === "survey")).toBe(true);
    expect(scaleMax(r)).toBe(100);
    expect(r.example).toBe(true);
  });

  it("the agency example splits 65 evidence + 35 survey with 3 decimals", () => {
    const r = builtinRubric("example-agency-2024")!;
    const flat = flattenRubric(r).filter((i) => i.level === 1);
    expect(flat.filter((i) => i.kind === "scored").reduce((s, i) => s + i.max, 0)).toBe(65);
    expect(flat.find((i) => i.kind === "survey")!.max).toBe(35);
    expect(r.precision).toBe(3);
  });
});

describe("loadRubric rejects broken rubrics and names the item", () => {
  // biome-ignore lint/suspicious/noExplicitAny: broken on purpose, beyond what the Rubric type allows.
  const base = () => structuredClone(builtinRubric("example-commune-2024")!) as any;

  it("parent max that is not the sum of its children", () => {
    const r = base();
    r.items[0].children[0].max = 5; // 1.1 really sums to 3
    const res = loadRubric(r);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.problems.some((p) => p.where === "1.1" && p.message.en.includes("1.1"))).toBe(true);
      expect(res.problems.some((p) => p.message.vi.includes("tổng các mục con"))).toBe(true);
    }
  });

  it("duplicate codes", () => {
    const r = base();
    r.items[1].children[1].code = r.items[1].children[0].code;
    const res = loadRubric(r);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems.map((p) => p.where)).toContain(r.items[1].children[0].code);
  });

  it("a bonus child above the bonus cap", () => {
    const r = base();
    const bonus = r.items.find((i: { kind?: string }) => i.kind === "bonus");
    bonus.children[0].max = bonus.max + 1;
    const res = loadRubric(r);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems[0].where).toBe(bonus.children[0].code);
  });

  it("schema errors carry the JSON path", () => {
    const r = base();
    r.items[0].children[0].max = "three";
    const res = loadRubric(r);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems[0].where).toBe("items.0.children.0.max");
  });

  it("rating bands out of order", () => {
    const r = base();
    r.ratingBands.reverse();
    expect(loadRubric(r).ok).toBe(false);
  });
});
