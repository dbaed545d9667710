import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import {
  DEFECT_KINDS,
  type GeneratedUnit,
  generateUnit,
  LAYOUT_VARIANTS,
  unitWorkbook,
} from "../../src/sample";

/**
 * Generated units in every pair of layout variants (the single variants are in sample-findings):
 * clean ones raise no error or warning, with the rubric and without it (the workbook's own structure),
 * and each planted defect is found exactly, on the cell the generator's truth names.
 */
const rubrics = [builtinRubric("example-commune-2024"), builtinRubric("example-agency-2024")] as Rubric[];
const pairs = LAYOUT_VARIANTS.flatMap((a, i) => LAYOUT_VARIANTS.slice(i + 1).map((b) => [a, b]));
const line = (code: string, item: string | null, address: string | null) =>
  `${code} ${item ?? "-"} ${address ?? "-"}`;

function findings(g: GeneratedUnit, rubric: Rubric | null) {
  const a = analyseWorkbook(unitWorkbook(g), { rubric, source: g.fileName });
  expect(a.units).toHaveLength(1);
  return [...a.findings, ...a.units[0].findings]
    .filter((f) => f.severity !== "info")
    .map((f) => line(f.code, f.item, f.address))
    .sort();
}

describe.each(rubrics)("$id units in paired layouts", (rubric) => {
  it.each(pairs)("%s + %s: clean with and without the rubric", (a, b) => {
    for (const appraisal of [0, 1, 2] as const) {
      const g = generateUnit(rubric, {
        seed: a.length * 7 + b.length,
        index: appraisal,
        appraisal,
        variant: [a, b],
      });
      expect(findings(g, rubric)).toEqual([]);
      expect(findings(g, null)).toEqual([]);
    }
  });

  it.each(pairs)("%s + %s: every planted defect exactly", (a, b) => {
    for (const kind of DEFECT_KINDS.filter((k) => k !== "unit-name-injection")) {
      const g = generateUnit(rubric, {
        seed: 3,
        index: a.length + b.length,
        appraisal: 2,
        variant: [a, b],
        defects: [kind],
      });
      const planted = g.truth.planted.flatMap((p) => (p.code ? [line(p.code, p.item, p.address)] : []));
      expect(planted.length).toBeGreaterThan(0);
      expect(findings(g, rubric)).toEqual(planted.sort());
    }
  });
});
