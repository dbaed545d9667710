import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import {
  DEFECT_KINDS,
  generateUnit,
  generateUnits,
  LAYOUT_VARIANTS,
  seedCommuneWorkbook,
  unitWorkbook,
} from "../../src/sample";

/**
 * The contract between the generator and validation: a clean unit raises no error and no warning, and
 * every planted defect comes out as its finding on the cell truth names — no more, no less — in every
 * layout. The benchmark and the demo count on it.
 */
const rubrics = [builtinRubric("example-commune-2024"), builtinRubric("example-agency-2024")] as Rubric[];

function problems(u: ReturnType<typeof generateUnit>, rubric: Rubric) {
  const analysis = analyseWorkbook(unitWorkbook(u), { rubric, source: u.fileName });
  expect(analysis.units).toHaveLength(1);
  const unit = analysis.units[0];
  return {
    unit,
    found: unit.findings
      .filter((f) => f.severity !== "info")
      .map((f) => `${f.code} ${f.item ?? "-"} ${f.address ?? "-"}`),
    planted: u.truth.planted
      .filter((p) => p.code)
      .map((p) => `${p.code} ${p.item ?? "-"} ${p.address ?? "-"}`),
  };
}

describe("generated units through analyseWorkbook", () => {
  it.each(rubrics)(
    "finds nothing wrong in clean $id units, whatever the layout and appraisal rounds",
    (rubric) => {
      for (const appraisal of [0, 1, 2] as const) {
        for (const u of generateUnits(rubric, {
          count: 12,
          seed: 50 + appraisal,
          appraisal,
          variantRate: 0.7,
        })) {
          const { found, unit } = problems(u, rubric);
          expect(found).toEqual([]);
          expect(unit.unit).toBe(u.truth.unitName);
          expect(unit.unitFrom).toBe("title");
        }
      }
    },
  );

  it.each(DEFECT_KINDS.filter((k) => k !== "unit-name-injection"))(
    "reports a planted %s, and only it, on the cell truth names",
    (kind) => {
      for (const rubric of rubrics) {
        for (const variant of [[], ...LAYOUT_VARIANTS.map((v) => [v])]) {
          const u = generateUnit(rubric, {
            seed: 13,
            index: variant.length * 7,
            appraisal: 2,
            defects: [kind],
            variant,
          });
          const { found, planted } = problems(u, rubric);
          expect(planted.length).toBeGreaterThan(0);
          expect(found.sort()).toEqual(planted.sort());
        }
      }
    },
  );

  it("keeps an injected unit name as the unit's name", () => {
    const rubric = rubrics[0];
    for (let index = 0; index < 6; index++) {
      const u = generateUnit(rubric, { seed: 2, index, defects: ["unit-name-injection"] });
      const { found, unit } = problems(u, rubric);
      expect(found).toEqual([]);
      expect(unit.unit).toBe(u.name);
    }
  });

  it("scores the seed commune as domain.md publishes it", () => {
    const u = seedCommuneWorkbook();
    const { found, unit } = problems(u, rubrics[0]);
    expect(found).toEqual([]);
    expect(unit.score.index.final).toBeCloseTo(84.85, 9);
    expect(unit.score.rating?.label).toBe("Tốt");
    expect(unit.score.areas.filter((a) => a.kind === "scored").map((a) => a.scores.final)).toEqual([
      16, 6, 15, 6, 10, 6, 13,
    ]);
  });
});
