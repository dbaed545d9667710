/**
 * "Where did we lose points" ("Mất điểm ở đâu") for one unit: per area its self, appraised and final
 * scores against the maximum and the group's average, and the sub-criteria where it lost most. Pure, from
 * the `UnitScore`s as computed; arithmetic on integer units (numbers.ts) so 0.1 + 0.2 stays 0.3.
 */
import { fromUnits, roundTo, toUnits } from "./numbers";
import type { NodeScore, UnitScore } from "./score";

export interface AreaLoss {
  code: string;
  label: string;
  /** The maximum after not-applicable removals. */
  max: number;
  self: number | null;
  appraised: number | null;
  final: number | null;
  /** max − final (the whole maximum when nothing is scored). */
  lost: number;
  /** Mean final score of the same area over the peers that have one; null without peers. */
  groupAverage: number | null;
}

export interface ItemLoss {
  code: string;
  label: string;
  /** The area (level-1 code) the item belongs to. */
  area: string;
  max: number;
  self: number | null;
  final: number | null;
  lost: number;
  /** Points the appraisers took off (self − latest appraisal), where both exist and it is positive. */
  takenOff: number | null;
}

export interface LostPoints {
  areas: AreaLoss[];
  /** The items with the largest loss, largest first (at most `top`), none with zero loss. */
  items: ItemLoss[];
  /** How many units the group average is over. */
  peers: number;
}

/**
 * @param peers The unit's group (from a ranking or an intake), the unit itself included or not: the
 *   average is over whoever is passed.
 */
export function lostPoints(score: UnitScore, peers: readonly UnitScore[] = [], top = 10): LostPoints {
  const byCode = new Map(score.nodes.map((n) => [n.code, n]));
  const areaOf = (n: NodeScore): string => {
    let cur = n;
    while (cur.parent && byCode.has(cur.parent)) cur = byCode.get(cur.parent) as NodeScore;
    return cur.shown;
  };
  const lostOf = (n: NodeScore) =>
    fromUnits(Math.max(0, toUnits(n.effectiveMax) - toUnits(n.scores.final ?? 0)));
  const areas: AreaLoss[] = score.areas.map((a) => {
    const finals = peers
      .map((p) => p.areas.find((x) => x.code === a.code)?.scores.final)
      .filter((v): v is number => typeof v === "number");
    const sum = finals.reduce((s, v) => s + toUnits(v), 0);
    return {
      code: a.code,
      label: a.label,
      max: a.effectiveMax,
      self: a.scores.self,
      appraised: a.appraised,
      final: a.scores.final,
      lost: lostOf(a),
      groupAverage: finals.length ? roundTo(fromUnits(sum) / finals.length, score.precision) : null,
    };
  });
  const items: ItemLoss[] = score.nodes
    .filter((n) => n.isLeaf && (n.kind === "scored" || n.kind === "survey") && !n.notApplicable)
    .map((n) => {
      const latest = n.appraised;
      const takenOff =
        latest !== null && n.scores.self !== null && n.scores.self > latest
          ? fromUnits(toUnits(n.scores.self) - toUnits(latest))
          : null;
      return {
        code: n.shown,
        label: n.label,
        area: areaOf(n),
        max: n.effectiveMax,
        self: n.scores.self,
        final: n.scores.final,
        lost: lostOf(n),
        takenOff,
      };
    })
    .filter((i) => i.lost > 0)
    // Stable on ties: rubric order, so the list does not shuffle between runs.
    .sort((x, y) => y.lost - x.lost)
    .slice(0, top);
  return { areas, items, peers: peers.length };
}
