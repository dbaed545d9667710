import { fromUnits, roundTo, toUnits } from "../core/numbers";
import { builtinRubric } from "../core/rubric/builtin";
import type { Rubric } from "../core/rubric/schema";
import { flattenRubric } from "../core/rubric/tree";
import { type GeneratedUnit, type GenerateUnitOptions, generateUnit } from "./generate";
import { candidateScores } from "./scores";

export interface TotalsTarget {
  /** Wanted total per scored area (rubric code → points); areas not named get full marks. */
  areas: Readonly<Record<string, number>>;
  /** Wanted survey points, split over the survey items in proportion to their maxima. */
  survey?: number;
}

/**
 * Leaf scores that add up to given area totals, using only values the guidance allows: every leaf
 * starts at its max and, pass after pass, steps down one allowed level where the remaining shortfall
 * still covers the step — so a shortfall of 3 spreads over several items, as in a real workbook.
 */
export function scoresForTotals(rubric: Rubric, target: TotalsTarget): Record<string, number> {
  const flat = flattenRubric(rubric);
  const scores: Record<string, number> = {};
  for (const area of flat.filter((i) => i.level === 1)) {
    const leaves = flat.filter((i) => i.isLeaf && i.path[0] === area.code);
    if (area.kind === "survey") {
      const wanted = toUnits(target.survey ?? 0);
      let left = wanted;
      leaves.forEach((leaf, k) => {
        const share =
          k === leaves.length - 1 ? left : toUnits(roundTo((fromUnits(wanted) * leaf.max) / area.max, 2));
        scores[leaf.code] = fromUnits(share);
        left -= share;
      });
      continue;
    }
    if (area.kind !== "scored") {
      for (const leaf of leaves) scores[leaf.code] = 0;
      continue;
    }
    for (const leaf of leaves) scores[leaf.code] = leaf.max;
    const wanted = target.areas[area.code];
    if (wanted === undefined) continue;
    let shortfall = toUnits(area.max) - toUnits(wanted);
    if (shortfall < 0) throw new Error(`Target ${wanted} for area ${area.code} exceeds its max ${area.max}`);
    let moved = true;
    while (shortfall > 0 && moved) {
      moved = false;
      for (const leaf of leaves) {
        const current = toUnits(scores[leaf.code]);
        const next = candidateScores(leaf)
          .map(toUnits)
          .find((u) => u < current && current - u <= shortfall);
        if (next === undefined) continue;
        shortfall -= current - next;
        scores[leaf.code] = fromUnits(next);
        moved = true;
        if (shortfall === 0) break;
      }
    }
    if (shortfall > 0)
      throw new Error(`Area ${area.code} cannot reach ${wanted} with the levels its items allow`);
  }
  return scores;
}

/**
 * Commune A of docs/domain.md (2021): areas 16/19, 6/6, 15/15, 6/6, 10/10, 6/6, 13/13 (72 of 75) and an index
 * of 84.85, so the survey part is 84.85 − 72 = 12.85; no bonus, no penalty. Laid out on the built-in
 * example-commune-2024 rubric with one appraisal round that recognises every self score and enters the
 * survey, so the self total is 72 and the appraised total 84.85.
 */
export const SEED_COMMUNE = {
  name: "Xã Tiến Lợi",
  areas: { "1": 16, "2": 6, "3": 15, "4": 6, "5": 10, "6": 6, "7": 13 },
  survey: 12.85,
  index: 84.85,
} as const;

export function seedCommuneWorkbook(
  options: Partial<Pick<GenerateUnitOptions, "variant" | "defects" | "appraisal">> = {},
): GeneratedUnit {
  const rubric = builtinRubric("example-commune-2024");
  if (!rubric) throw new Error("built-in rubric example-commune-2024 is missing");
  return generateUnit(rubric, {
    seed: 2021,
    index: 0,
    appraisal: options.appraisal ?? 1,
    name: SEED_COMMUNE.name,
    scores: scoresForTotals(rubric, { areas: SEED_COMMUNE.areas, survey: SEED_COMMUNE.survey }),
    variant: options.variant,
    defects: options.defects,
  });
}
