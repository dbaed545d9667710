import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ItemEntry } from "../../src/core/entries";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { loadRubric, requireRubric } from "../../src/core/rubric/load";
import type { Rubric, RubricInput } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { SEED_COMMUNE, scoresForTotals } from "../../src/sample/seed-commune";
import { mulDivUnits } from "../../src/core/numbers";
import { scoreUnit } from "../../src/core/score";
import { leafEntries, notApplicableRubric } from "./helpers";

const commune = builtinRubric("example-commune-2024") as Rubric;

const node = (s: ReturnType<typeof scoreUnit>, code: string) => {
  const n = s.nodes.find((x) => x.code === code);
  if (!n) throw new Error(`no node ${code}`);
  return n;
};

/** Two areas of 50 (20 + 30, and 50) under either not-applicable policy. */
function small(policy: "full-points" | "remove-from-max", precision = 2): Rubric {
  return requireRubric(
    {
      id: "small",
      name: "small",
      year: 2024,
      unitLevel: "commune",
      precision,
      notApplicable: { policy },
      items: [
        {
          code: "1",
          label: "Một",
          max: 50,
          children: [
            { code: "1.1", label: "a", max: 20, notApplicableAllowed: true },
            { code: "1.2", label: "b", max: 30 },
          ],
        },
        { code: "2", label: "Hai", max: 50 },
      ],
      ratingBands: [
        { label: "Tốt", labelEn: "Good", min: 80 },
        { label: "Khá", labelEn: "Fair", min: 0 },
      ],
    } satisfies RubricInput,
    "test",
  );
}

describe("what a sheet or the CLI prints, without recomputing", () => {
  const seed = () =>
    scoreUnit(
      commune,
      leafEntries(
        commune,
        scoresForTotals(commune, { areas: SEED_COMMUNE.areas, survey: SEED_COMMUNE.survey }),
      ),
    );

  it("per area: percent of the maximum at the rubric's precision (16/19 → 84.21 %)", () => {
    const s = seed();
    expect(s.areas.slice(0, 7).map((a) => a.percent)).toEqual([84.21, 100, 100, 100, 100, 100, 100]);
    expect(node(s, "1").appraised).toBeNull();
  });

  it("the overall line is the index when the survey is in, and says which column 'final' came from", () => {
    const s = seed();
    expect(s.summary).toEqual({
      self: 84.85,
      appraised: null,
      final: 84.85,
      withoutSurvey: false,
      max: 100,
      change: null,
    });
    // The survey rows are always the appraisers': they must not make a self-scored unit look appraised.
    expect(s.finalFrom).toBe("self");
    expect(s.columns).toEqual(["self"]);
  });

  it("without the survey the overall line is the provisional index over the evidence part, flagged", () => {
    const scores = scoresForTotals(commune, { areas: SEED_COMMUNE.areas, survey: SEED_COMMUNE.survey });
    for (const l of flattenRubric(commune).filter((i) => i.kind === "survey")) delete scores[l.code];
    const s = scoreUnit(commune, leafEntries(commune, scores));
    expect(s.index.final).toBeNull();
    expect(s.summary).toMatchObject({ final: 72, withoutSurvey: true, max: 75 });
    expect(s.summary.final).toBe(s.indexWithoutSurvey.final);
  });
});

describe("appraisal comparison", () => {
  it("lists each changed sub-criterion with its round, difference and whether a note explains it", () => {
    const leaves = flattenRubric(commune).filter((i) => i.isLeaf && i.kind === "scored");
    const e = leafEntries(commune, Object.fromEntries(leaves.map((l) => [l.code, l.max])));
    for (const l of leaves) (e.get(l.code) as ItemEntry).appraised1 = l.max;
    const [a, b, c] = [leaves[0], leaves[3], leaves[5]];
    (e.get(a.code) as ItemEntry).appraised1 = a.max - 0.5;
    Object.assign(e.get(b.code) as ItemEntry, { appraised1: b.max - 1, appraised2: b.max, note: "bổ sung" });
    // Not applicable: no comparison, whatever the cells hold.
    Object.assign(e.get(c.code) as ItemEntry, { notApplicable: true, appraised1: 0 });
    const s = scoreUnit(commune, e);
    expect(s.appraisalChanges).toEqual([
      {
        code: a.code,
        shown: a.shown,
        shownPath: a.shownPath,
        label: a.label,
        area: a.path[0],
        self: a.max,
        appraised: a.max - 0.5,
        round: "appraised1",
        difference: -0.5,
        noted: false,
      },
    ]);
    expect(node(s, a.path[0]).change).toBe(-0.5);
    expect(node(s, a.path[0]).appraised).toBe(node(s, a.path[0]).max - 0.5);
    expect(s.summary.change).toBe(-0.5);
    expect(s.finalFrom).toBe("appraised2");
  });
});

describe("not applicable, both ways, and over-max scores", () => {
  it("full points: the item scores its maximum and the maximum stays", () => {
    const r = small("full-points");
    const s = scoreUnit(
      r,
      leafEntries(r, { "1.2": 30, "2": 40 }, "self", { "1.1": { notApplicable: true } }),
    );
    expect(node(s, "1.1").scores.final).toBe(20);
    expect(node(s, "1").effectiveMax).toBe(50);
    expect(s.index.final).toBe(90);
    expect(s.rating?.label).toBe("Tốt");
  });

  it("removed from the maximum: index = points ÷ remaining maximum × 100", () => {
    const r = small("remove-from-max");
    const s = scoreUnit(
      r,
      leafEntries(r, { "1.2": 30, "2": 40 }, "self", { "1.1": { notApplicable: true } }),
    );
    expect(node(s, "1.1").scores.final).toBe(0);
    expect(node(s, "1").effectiveMax).toBe(30);
    expect(node(s, "1").percent).toBe(100);
    expect(s.effectiveScaleMax).toBe(80);
    expect(s.index.final).toBe(87.5); // 70 ÷ 80 × 100
    expect(s.summary.max).toBe(100); // the index is scaled back to the whole scale
  });

  it("removed from the maximum rounds the quotient once, at the precision (no double rounding)", () => {
    const r = notApplicableRubric("once", 2.5);
    // 10.0181 ÷ 97.5 × 100 = 10.274974…: 10.27, though rounding to 4 decimals first (10.2750) gives 10.28.
    const s = scoreUnit(
      r,
      leafEntries(r, { "1.2": 10.0181, "2": 0 }, "self", { "1.1": { notApplicable: true } }),
    );
    expect(s.index.final).toBe(10.27);
    const three = scoreUnit(
      small("remove-from-max", 3),
      leafEntries(small("remove-from-max", 3), { "1.2": 20, "2": 33.333 }, "self", {
        "1.1": { notApplicable: true },
      }),
    );
    expect(three.index.final).toBe(66.666); // 53.333 ÷ 80 × 100 = 66.66625
  });

  it("an over-max score is counted as written (validation reports it)", () => {
    const r = small("full-points");
    const s = scoreUnit(r, leafEntries(r, { "1.1": 25, "1.2": 30, "2": 50 }));
    expect(node(s, "1").scores.final).toBe(55);
    expect(s.index.final).toBe(105);
  });

  it("a penalty never takes the index below zero", () => {
    const leaves = flattenRubric(commune).filter((i) => i.isLeaf);
    const scores = Object.fromEntries(leaves.map((l) => [l.code, l.kind === "penalty" ? l.max : 0]));
    const s = scoreUnit(commune, leafEntries(commune, scores));
    expect(s.penalty.final).toBeGreaterThan(0);
    expect(s.index.final).toBe(0);
  });
});

describe("rating after rounding, at exclusive and inclusive edges", () => {
  const edges = (inclusive: boolean) => {
    const load = loadRubric({
      id: "edges",
      name: "edges",
      year: 2024,
      unitLevel: "commune",
      precision: 2,
      items: [
        {
          code: "1",
          label: "a",
          max: 100,
          children: [
            { code: "1.1", label: "x", max: 50 },
            { code: "1.2", label: "y", max: 50 },
          ],
        },
      ],
      ratingBands: [
        { label: "Tốt", min: 80, minInclusive: inclusive },
        { label: "Khá", min: 0 },
      ],
    });
    if (!load.ok) throw new Error(JSON.stringify(load.problems));
    return load.rubric;
  };

  it("79.995 is published as 80.00 and rated on that figure", () => {
    const r = edges(true);
    const s = scoreUnit(r, leafEntries(r, { "1.1": 40, "1.2": 39.995 }));
    expect(s.index.final).toBe(80);
    expect(s.rating?.label).toBe("Tốt");
    expect(scoreUnit(r, leafEntries(r, { "1.1": 40, "1.2": 39.994 })).rating?.label).toBe("Khá");
  });

  it("an exclusive edge keeps exactly 80 in the band below", () => {
    const r = edges(false);
    expect(scoreUnit(r, leafEntries(r, { "1.1": 40, "1.2": 40 })).rating?.label).toBe("Khá");
    expect(scoreUnit(r, leafEntries(r, { "1.1": 40, "1.2": 40.01 })).rating?.label).toBe("Tốt");
  });
});

describe("properties of the per-area figures", () => {
  const leaves = flattenRubric(commune).filter((i) => i.isLeaf && i.kind === "scored");
  it("percent is final ÷ maximum at the precision, and area changes add up to the overall change", () => {
    fc.assert(
      fc.property(
        fc.tuple(...leaves.map((l) => fc.integer({ min: 0, max: Math.round(l.max * 100) }))),
        fc.tuple(...leaves.map((l) => fc.integer({ min: 0, max: Math.round(l.max * 100) }))),
        (selfs, appraised) => {
          const e = leafEntries(commune, Object.fromEntries(leaves.map((l, k) => [l.code, selfs[k] / 100])));
          leaves.forEach((l, k) => {
            (e.get(l.code) as ItemEntry).appraised1 = appraised[k] / 100;
          });
          const s = scoreUnit(commune, e);
          for (const a of s.areas.filter((x) => x.kind === "scored")) {
            const expected = Math.round(((a.scores.final as number) / a.effectiveMax) * 10000) / 100;
            expect(Math.abs((a.percent as number) - expected)).toBeLessThanOrEqual(0.01);
          }
          const areaChange = s.areas
            .filter((x) => x.kind === "scored")
            .reduce((t, a) => t + Math.round((a.change as number) * 10000), 0);
          const itemChange = s.appraisalChanges.reduce((t, c) => t + Math.round(c.difference * 10000), 0);
          expect(itemChange).toBe(areaChange);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("mulDivUnits (numbers.ts)", () => {
  it("is a × b ÷ c rounded once, half away from zero, at the given decimals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000, max: 2_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        (a, b, c, decimals) => {
          const step = 10n ** BigInt(4 - decimals);
          const num = BigInt(a) * BigInt(b);
          const den = BigInt(c) * step;
          const abs = num < 0n ? -num : num;
          let q = abs / den;
          if (2n * (abs - q * den) >= den) q++;
          const expected = Number((num < 0n ? -q : q) * step);
          expect(mulDivUnits(a, b, c, decimals)).toBe(expected === 0 ? 0 : expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
