/**
 * The ranking choice a face offers — which score column (`by`: final, appraised, self) and which part of it
 * (the index or the evidence part) — turned into what core/rank.ts is asked, the same on the pane and the
 * standalone page. The CLI says the same through `--by` and `--basis evidence`.
 */
import type { RankBasis, RankPart } from "../core/rank";

/**
 * The part to ask `rankUnits` for. The index is the default and is left unset, so core may fall back to the
 * evidence part when no unit has a survey score, and say so with how to import one (what `rank` without
 * `--basis` does); a self ranking is the evidence part whatever the choice (core's rule: the survey is never
 * self-scored).
 */
export function askedPart(by: RankBasis, part: RankPart): RankPart | undefined {
  return part === "evidence" && by !== "self" ? "evidence" : undefined;
}

/** The part the choice shows: a self ranking can only be on the evidence part, so the choice says that. */
export function shownPart(by: RankBasis, part: RankPart): RankPart {
  return by === "self" ? "evidence" : part;
}
