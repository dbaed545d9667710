import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyEntry } from "../../src/core/entries";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { requireRubric } from "../../src/core/rubric/load";
import type { Rubric, RubricInput } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { SEED_COMMUNE, scoresForTotals } from "../../src/sample/seed-commune";
import { rate, scoreUnit } from "../../src/core/score";
import { leafEntries } from "./helpers";

const commune = builtinRubric("example-commune-2024") as Rubric;
const agency = builtinRubric("example-agency-2024") as Rubric;

function area(score: ReturnType<typeof scoreUnit>, code: string) {
  const n = score.nodes.find((x) => x.code === code);
  if (!n) throw new Error(`no node ${code}`);
  return n;
}

describe("seed facts (domain.md)", () => {
  it("commune A 2021: areas 16/19, 6/6, 15/15, 6/6, 10/10, 6/6, 13/13 and the index 84.85, rated Tốt", () => {
    const scores = scoresForTotals(commune, { areas: SEED_COMMUNE.areas, survey: SEED_COMMUNE.survey });
    const s = scoreUnit(commune, leafEntries(commune, scores));
    expect(s.areas.filter((a) => a.kind === "scored").map((a) => [a.scores.final, a.max])).toEqual([
      [16, 19],
      [6, 6],
      [15, 15],
      [6, 6],
      [10, 10],
      [6, 6],
      [13, 13],
    ]);
    expect(s.evidence.scores.final).toBe(72);
    expect(s.survey?.scores.final).toBe(12.85);
    expect(s.index.final).toBe(84.85);
    expect(s.rating?.label).toBe("Tốt");
    expect(s.surveyMissing).toBe(false);
    // The self column has no survey (appraisers enter it); the final used the self scores.
    expect(area(s, "1").finalFrom).toBe("self");
    expect(area(s, "8").scores.self).toBeNull();
  });

  it("commune B 2019: evidence part 61.904 of 65 and survey 25.650 of 35 (three decimals)", () => {
    // Full marks, then 65 − 61.904 = 3.096 points taken off leaf after leaf (in thousandths: no drift).
    const leaves = flattenRubric(agency).filter((i) => i.isLeaf);
    const leafScores: Record<string, number> = {};
    let short = 3096;
    for (const l of leaves) {
      const max = Math.round(l.max * 1000);
      const take = l.kind === "scored" ? Math.min(max, short) : 0;
      short -= take;
      leafScores[l.code] = (max - take) / 1000;
    }
    const surveyLeaves = leaves.filter((l) => l.kind === "survey");
    let left = 25.65;
    surveyLeaves.forEach((l, k) => {
      const v =
        k === surveyLeaves.length - 1
          ? Math.round(left * 1000) / 1000
          : Math.min(l.max, Math.round(left * 1000) / 1000);
      leafScores[l.code] = v;
      left -= v;
    });
    const s = scoreUnit(agency, leafEntries(agency, leafScores, "appraised1"));
    expect(s.evidence.scores.final).toBe(61.904);
    expect(s.evidence.max).toBe(65);
    expect(s.survey?.scores.final).toBe(25.65);
    expect(s.survey?.max).toBe(35);
    expect(s.index.final).toBe(87.554);
  });

  it("commune C 2023: 12.1/13.5, 9.4/11, survey 27.55/31.5 and 83.08 rated Khá under bands 90/85/70", () => {
    const rubric = requireRubric(
      {
        id: "commune-c",
        name: "C",
        year: 2023,
        unitLevel: "commune",
        precision: 2,
        items: [
          { code: "1", label: "Chỉ đạo, điều hành", max: 13.5 },
          { code: "2", label: "Chính quyền điện tử", max: 11 },
          { code: "3", label: "Các lĩnh vực khác", max: 44 },
          { code: "4", label: "Điều tra xã hội học", max: 31.5, kind: "survey" },
        ],
        ratingBands: [
          { label: "Xuất sắc", min: 90 },
          { label: "Tốt", min: 85 },
          { label: "Khá", min: 70 },
          { label: "Trung bình", min: 50 },
        ],
      } satisfies RubricInput,
      "test",
    );
    const s = scoreUnit(
      rubric,
      leafEntries(rubric, { "1": 12.1, "2": 9.4, "3": 34.03, "4": 27.55 }, "appraised1"),
    );
    expect([area(s, "1").scores.final, area(s, "2").scores.final, area(s, "4").scores.final]).toEqual([
      12.1, 9.4, 27.55,
    ]);
    expect(s.index.final).toBe(83.08);
    expect(s.rating?.label).toBe("Khá");
  });
});

describe("bonus, penalty, not applicable, survey", () => {
  const full = () =>
    Object.fromEntries(
      flattenRubric(commune)
        .filter((i) => i.isLeaf && i.kind !== "bonus" && i.kind !== "penalty")
        .map((i) => [i.code, i.max]),
    );

  it("a total above 100 is legal with bonus points (100 + 2.5 = 102.5)", () => {
    const s = scoreUnit(commune, leafEntries(commune, { ...full(), "9.1": 2, "9.2": 0.5 }));
    expect(s.index.final).toBe(102.5);
    expect(s.bonus.final).toBe(2.5);
  });

  it("bonus and penalty areas are capped at their maxima; penalty is subtracted", () => {
    const s = scoreUnit(commune, leafEntries(commune, { ...full(), "9.1": 5, "10.1": 2, "10.2": 1 }));
    expect(s.bonus.final).toBe(3);
    expect(s.penalty.final).toBe(3);
    expect(s.index.final).toBe(100);
  });

  it("not applicable under full points: the item scores its max", () => {
    const scores = full();
    delete scores["2.1"];
    const s = scoreUnit(commune, leafEntries(commune, scores, "self", { "2.1": { notApplicable: true } }));
    expect(area(s, "2.1").scores.final).toBe(2);
    expect(area(s, "2.1").notApplicable).toBe(true);
    expect(s.index.final).toBe(100);
  });

  it("not applicable removed from the max: index = points ÷ max × 100", () => {
    const leaves = flattenRubric(agency).filter((i) => i.isLeaf);
    const na = leaves.find((l) => l.kind === "scored" && l.max === 2) ?? leaves[0];
    const scores = Object.fromEntries(leaves.map((l) => [l.code, l.max]));
    delete scores[na.code];
    const lost = leaves.find((l) => l.kind === "scored" && l.code !== na.code && l.max >= 1);
    if (!lost) throw new Error("no leaf to lose a point on");
    scores[lost.code] = lost.max - 1;
    const s = scoreUnit(agency, leafEntries(agency, scores, "self", { [na.code]: { notApplicable: true } }));
    expect(s.effectiveScaleMax).toBe(100 - na.max);
    const expected = Math.round(((99 - na.max) / (100 - na.max)) * 100 * 1000) / 1000;
    expect(s.index.final).toBe(expected);
  });

  it("without a survey score: no index, but the evidence part and the index without survey", () => {
    const scores = full();
    delete scores["8.1"];
    delete scores["8.2"];
    const s = scoreUnit(commune, leafEntries(commune, scores));
    expect(s.surveyMissing).toBe(true);
    expect(s.index.final).toBeNull();
    expect(s.rating).toBeNull();
    expect(s.indexWithoutSurvey.final).toBe(75);
    // A merged survey score from the province completes it.
    const merged = scoreUnit(commune, leafEntries(commune, scores), { survey: 20 });
    expect(merged.index.final).toBe(95);
    expect(merged.survey?.merged).toBe(true);
  });

  it("an optional survey that is missing scales the evidence part to the whole scale", () => {
    const leaves = flattenRubric(agency).filter((i) => i.isLeaf && i.kind === "scored");
    const scores = Object.fromEntries(leaves.map((l) => [l.code, l.max]));
    const s = scoreUnit(agency, leafEntries(agency, scores));
    expect(s.surveyMissing).toBe(true);
    expect(s.index.final).toBe(100);
  });

  it("a self score typed into a survey item never counts", () => {
    const scores = full();
    const e = leafEntries(commune, scores);
    e.set("8.1", { ...emptyEntry("8.1"), self: 15 });
    e.set("8.2", { ...emptyEntry("8.2"), self: 10 });
    const s = scoreUnit(commune, e);
    expect(s.survey?.scores.final).toBeNull();
    expect(s.surveyMissing).toBe(true);
  });
});

describe("appraisal rounds", () => {
  it("final is the latest round present, and the change per item and area is shown", () => {
    const e = leafEntries(
      commune,
      Object.fromEntries(
        flattenRubric(commune)
          .filter((i) => i.isLeaf && i.kind === "scored")
          .map((i) => [i.code, i.max]),
      ),
    );
    const leaf = flattenRubric(commune).find((i) => i.isLeaf && i.path[0] === "3");
    if (!leaf) throw new Error("no leaf in area 3");
    for (const [code, entry] of e) {
      if (flattenRubric(commune).find((i) => i.code === code)?.kind === "scored")
        entry.appraised1 = entry.self;
    }
    e.get(leaf.code)!.appraised1 = leaf.max - 1;
    e.get(leaf.code)!.appraised2 = leaf.max - 0.5;
    const s = scoreUnit(commune, e);
    expect(area(s, leaf.code).finalFrom).toBe("appraised2");
    expect(area(s, leaf.code).scores.final).toBe(leaf.max - 0.5);
    expect(area(s, leaf.code).change).toBe(-0.5);
    expect(area(s, "3").scores.self).toBe(15);
    expect(area(s, "3").scores.appraised1).toBe(14);
    expect(area(s, "3").scores.final).toBe(14.5);
    expect(s.columns).toEqual(["self", "appraised1", "appraised2"]);
  });
});

describe("rounding", () => {
  const one = (precision: number) =>
    requireRubric(
      {
        id: "r",
        name: "r",
        year: 2024,
        unitLevel: "commune",
        precision,
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
      },
      "test",
    );

  it("0.1 + 0.2 is exactly 0.3", () => {
    const r = one(2);
    expect(scoreUnit(r, leafEntries(r, { "1.1": 0.1, "1.2": 0.2 })).index.final).toBe(0.3);
  });

  it("ties round half away from zero at the rubric's precision (84.845 → 84.85, 2.675 → 2.68)", () => {
    const r = one(2);
    expect(scoreUnit(r, leafEntries(r, { "1.1": 42.4225, "1.2": 42.4225 })).index.final).toBe(84.85);
    expect(scoreUnit(r, leafEntries(r, { "1.1": 2.675, "1.2": 0 })).index.final).toBe(2.68);
    expect(scoreUnit(one(3), leafEntries(one(3), { "1.1": 30.9515, "1.2": 30.952 })).index.final).toBe(
      61.904,
    );
  });
});

describe("rating bands at their edges", () => {
  it("inclusive edges belong to the band above; exclusive ones to the band below", () => {
    expect(rate(commune.ratingBands, 90)?.label).toBe("Xuất sắc");
    expect(rate(commune.ratingBands, 89.99)?.label).toBe("Tốt");
    expect(rate(commune.ratingBands, 80)?.label).toBe("Tốt");
    expect(rate(commune.ratingBands, 79.99)?.label).toBe("Khá");
    expect(rate(commune.ratingBands, 70)?.label).toBe("Khá");
    expect(rate(commune.ratingBands, 50)?.label).toBe("Trung bình");
    expect(rate(commune.ratingBands, 49.99)?.label).toBe("Yếu");
    const exclusive = [
      { label: "Tốt", min: 80, minInclusive: false },
      { label: "Khá", min: 0, minInclusive: true },
    ];
    expect(rate(exclusive, 80)?.label).toBe("Khá");
    expect(rate(exclusive, 80.01)?.label).toBe("Tốt");
  });
});

describe("properties", () => {
  const leaves = flattenRubric(commune).filter((i) => i.isLeaf);
  const scoresArb = fc.tuple(
    ...leaves.map((l) =>
      fc.option(
        fc.integer({ min: 0, max: Math.round(l.max * 100) }).map((v) => v / 100),
        { nil: undefined },
      ),
    ),
  );

  it("totals do not depend on the order of the entries", () => {
    fc.assert(
      fc.property(scoresArb, fc.integer(), (vals, seed) => {
        const scores: Record<string, number> = {};
        leaves.forEach((l, k) => {
          if (vals[k] !== undefined) scores[l.code] = vals[k] as number;
        });
        const e = leafEntries(commune, scores);
        const shuffled = new Map(
          [...e].sort(
            (a, b) =>
              ((a[0].length * 31 + seed) % 7) - ((b[0].length * 17 + seed) % 7) || b[0].localeCompare(a[0]),
          ),
        );
        expect(scoreUnit(commune, shuffled)).toEqual(scoreUnit(commune, e));
      }),
      { numRuns: 60 },
    );
  });

  it("a parent always equals the sum of its children, and the index stays within [0, max + bonus cap]", () => {
    fc.assert(
      fc.property(scoresArb, (vals) => {
        const scores: Record<string, number> = {};
        leaves.forEach((l, k) => {
          if (vals[k] !== undefined) scores[l.code] = vals[k] as number;
        });
        const s = scoreUnit(commune, leafEntries(commune, scores));
        for (const node of s.nodes.filter((n) => !n.isLeaf && n.kind !== "bonus" && n.kind !== "penalty")) {
          const children = s.nodes.filter((n) => n.parent === node.code && n.scores.final !== null);
          const sum = children.reduce((a, n) => a + Math.round((n.scores.final as number) * 10000), 0);
          expect(node.scores.final === null ? 0 : Math.round(node.scores.final * 10000)).toBe(sum);
        }
        const bonusCap = flattenRubric(commune)
          .filter((i) => i.level === 1 && i.kind === "bonus")
          .reduce((a, i) => a + i.max, 0);
        for (const v of [s.index.final, s.indexWithoutSurvey.final]) {
          if (v === null) continue;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(s.scaleMax + bonusCap);
        }
      }),
      { numRuns: 100 },
    );
  });
});
