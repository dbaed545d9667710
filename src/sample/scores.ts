import { fromUnits, roundTo, toUnits } from "../core/numbers";
import { allowedScores, type FlatItem } from "../core/rubric/tree";
import type { Rng } from "./prng";

/** Candidate values for an item without a rule: quarter points from the max down to 0. */
function quarterSteps(max: number): number[] {
  const out: number[] = [];
  for (let u = toUnits(max); u >= 0; u -= 2500) out.push(fromUnits(u));
  if (out[out.length - 1] !== 0) out.push(0);
  return out;
}

export function candidateScores(item: FlatItem): number[] {
  return allowedScores(item) ?? quarterSteps(item.max);
}

/**
 * A self score for a scored leaf: full marks with probability `quality`, else a lower allowed level
 * (usually the next one down) — self-scores run high in practice, so most items are at their max.
 */
export function drawScore(item: FlatItem, quality: number, rng: Rng): number {
  const values = candidateScores(item);
  if (item.kind === "bonus") return rng.chance(0.3) ? values[0] : values[values.length - 1];
  if (item.kind === "penalty") {
    const positive = values.filter((v) => v > 0);
    return rng.chance(0.12) && positive.length ? positive[positive.length - 1] : 0;
  }
  if (values.length === 1 || rng.chance(quality)) return values[0];
  return rng.chance(0.7) ? values[1] : values[values.length - 1];
}

/** The next value below `value` among the allowed ones (what an appraiser cuts to), or null. */
export function lowerScore(item: FlatItem, value: number): number | null {
  const lower = candidateScores(item).filter((v) => v < value);
  return lower.length ? lower[0] : null;
}

/** A value inside [0, max] the guidance does not allow (0.75 where only 1, 0.5, 0 are), or null. */
export function notAllowedScore(item: FlatItem): number | null {
  const allowed = allowedScores(item);
  if (!allowed) return null;
  const set = new Set(allowed.map(toUnits));
  for (const step of [0.25, 0.1]) {
    for (let u = toUnits(item.max) - toUnits(step); u > 0; u -= toUnits(step)) {
      if (!set.has(u)) return fromUnits(u);
    }
  }
  return null;
}

/** A survey score as the province enters it: 60–95 % of the max at the rubric's precision. */
export function surveyScore(max: number, precision: number, rng: Rng): number {
  return roundTo(max * (0.6 + 0.35 * rng.next()), Math.min(precision, 2));
}
