/**
 * Scoring: what the province publishes for one unit, computed from the entries recognition read and
 * the rubric (never from a province's numbers in code). All sums run on integer units (numbers.ts) and
 * are rounded to the rubric's precision only where the province rounds: the index.
 */
import { type ItemEntry, SCORE_COLUMNS, type ScoreColumn, type UnitEntries } from "./entries";
import { countedScore, fromUnits, mulDivUnits, roundUnits, SCALE, toUnits, type Units } from "./numbers";
import type { ItemKind, RatingBand, Rubric } from "./rubric/schema";
import { type FlatItem, rubricIndex } from "./rubric/tree";

/** A score column, or "final": the latest appraisal present, else the self score. */
export type Basis = ScoreColumn | "final";
export const BASES: readonly Basis[] = [...SCORE_COLUMNS, "final"];

/**
 * One value per basis; null where nothing was entered. `appraised` is each item's latest appraisal
 * round summed (round 2 where the appraisers re-scored, round 1 elsewhere): the appraisers' figure,
 * where the raw `appraised2` column holds only the items re-scored in round 2.
 */
export type Totals = Record<Basis, number | null> & { appraised: number | null };

type Key = Basis | "appraised";
const KEYS: readonly Key[] = [...BASES, "appraised"];
/** Totals in integer units while computing. */
type Acc = Record<Key, Units | null>;

export interface NodeScore {
  /** The engine's key for the item (its code, unless the template writes that code more than once). */
  code: string;
  /** The code as the template writes it, and the written codes from the area down: what users see. */
  shown: string;
  shownPath: string[];
  label: string;
  kind: ItemKind;
  /** 1 for areas, 2 for criteria, … */
  level: number;
  parent: string | null;
  isLeaf: boolean;
  /** The rubric's maximum. */
  max: number;
  /** The maximum after not-applicable items were removed (equals `max` under the full-points policy). */
  effectiveMax: number;
  /** Sums as written: an over-max score counts as typed (validation flags it), bonus/penalty areas capped. */
  scores: Totals;
  /** Where `final` came from for a leaf; for a parent, the latest column any of its leaves used. */
  finalFrom: ScoreColumn | null;
  /** `scores.appraised`: the items' latest appraisal rounds summed; null when nothing was appraised. */
  appraised: number | null;
  /**
   * What the appraisers changed: Σ (latest appraisal − self) over the items below that have both
   * (so items not yet appraised do not count as taken off); null when no item has both.
   */
  change: number | null;
  /**
   * Final ÷ effective maximum × 100, rounded to the rubric's precision (what "%" columns show);
   * null without a final score or when nothing is left of the maximum.
   */
  percent: number | null;
  /** Leaf marked "không áp dụng"; parent whose every leaf is. */
  notApplicable: boolean;
  /** Leaves below (or this leaf) with no final score and not marked not applicable. */
  unscored: number;
}

export interface Rating {
  label: string;
  labelEn: string;
}

/**
 * One sub-criterion the appraisers scored differently from the unit: the appraiser's view of
 * "who changed what". `difference` = appraised − self (negative when points were taken off).
 */
export interface AppraisalChange {
  /** The engine's key; `shown` / `shownPath` are the template's own codes (see NodeScore). */
  code: string;
  shown: string;
  shownPath: string[];
  label: string;
  /** The area (level-1 code) it belongs to. */
  area: string;
  self: number;
  appraised: number;
  /** The round the appraised value comes from. */
  round: "appraised1" | "appraised2";
  difference: number;
  /** The unit or appraiser wrote a note on the item (a change without one is the `appraisal-without-note` finding). */
  noted: boolean;
}

/**
 * The overall line as a sheet, pane or CLI prints it: the index when it is known, else the index
 * without the survey part — never a silently wrong total: `withoutSurvey` says which one it is.
 */
export interface IndexSummary {
  self: number | null;
  /** Latest appraisal round present. */
  appraised: number | null;
  final: number | null;
  /** The values above leave out the survey part, which is still missing. */
  withoutSurvey: boolean;
  /** The maximum those values are out of (the scale after not-applicable removals). */
  max: number;
  /** Latest appraisal minus self for the whole unit, where both exist. */
  change: number | null;
}

export interface UnitScore {
  rubricId: string;
  precision: number;
  /** Score columns holding at least one value, in round order. */
  columns: ScoreColumn[];
  /** The latest column present: what "final" means for this unit overall. */
  finalFrom: ScoreColumn | null;
  /** Every node of the rubric tree, depth-first in rubric order. */
  nodes: NodeScore[];
  /** The scored and survey areas (level 1), in order: the per-area table. */
  areas: NodeScore[];
  /**
   * The evidence-based part (scored areas). `max`: the maximum the scores are out of, after items marked
   * not applicable left it (the rubric's under the full-points policy); `rubricMax`: the rubric's;
   * `effectiveMax`: the same as `max` (kept for existing callers). A round nobody entered is null.
   */
  evidence: { max: number; rubricMax: number; effectiveMax: number; scores: Totals };
  /** The social-survey part: entered by appraisers (or merged from the province's table), never self-scored. */
  survey: { max: number; scores: Totals; entered: boolean; merged: boolean } | null;
  bonus: Totals;
  penalty: Totals;
  /** The 100-point scale (scored + survey maxima) and what is left of it after not-applicable removals. */
  scaleMax: number;
  effectiveScaleMax: number;
  /**
   * Evidence + survey + bonus − penalty (scaled to the scale when items were removed from the maximum),
   * rounded to the precision. Null while the survey part is missing and the rubric does not make it optional.
   */
  index: Totals;
  /** The same without the survey part, always available: what to show while the survey is pending. */
  indexWithoutSurvey: Totals;
  /** The rubric has a survey part and no survey score was entered or merged. */
  surveyMissing: boolean;
  /** Rating of the final index; null while the index is unknown. */
  rating: Rating | null;
  /** The overall line to print (index, or index without survey, flagged). */
  summary: IndexSummary;
  /** Sub-criteria whose latest appraisal differs from the self score, in rubric order. */
  appraisalChanges: AppraisalChange[];
}

export interface ScoreOptions {
  /** The unit's survey score from the province's table; overrides what the workbook holds. */
  survey?: number | null;
}

const EMPTY = (): Acc => ({
  self: null,
  appraised1: null,
  appraised2: null,
  final: null,
  appraised: null,
});

/**
 * Totals for every node of the rubric tree in every score column present, the final score (latest
 * appraisal present, else self — `finalFrom` says which), the evidence and survey parts, bonus and
 * penalty within their caps, the index (rounded to `rubric.precision`), the index without survey and
 * the rating. Over-max scores count as written (validation reports them); not-applicable items follow
 * `rubric.notApplicable.policy`. Pure: the same rubric and entries always give an equal result.
 *
 * @param options.survey The unit's survey score from the province's table (see `mergeSurvey`); it
 *   replaces whatever the workbook's survey rows hold.
 */
export function scoreUnit(rubric: Rubric, entries: UnitEntries, options: ScoreOptions = {}): UnitScore {
  const { flat, bottomUp } = rubricIndex(rubric);
  const [columns, surveyColumns] = columnsWith(flat, entries);
  // Overall, "final" means what the unit's own (evidence) rows used; the survey rows are always the
  // appraisers' and would otherwise make every unit look appraised.
  const finalFrom = latest(columns) ?? latest(surveyColumns);

  const sums = treeSums(bottomUp, entries, rubric.notApplicable.policy);
  const mergedSurvey =
    options.survey !== undefined && options.survey !== null && Number.isFinite(options.survey);
  const nodes = nodeScores(flat, sums, {
    // A round no leaf was scored in is absent for the whole unit: not-applicable leaves (which score in
    // every column) must not make it look entered (`appraised2: 0` with no round 2).
    present: new Set<ScoreColumn>([...columns, ...surveyColumns]),
    mergedSurvey: mergedSurvey ? toUnits(options.survey as number) : null,
    precision: rubric.precision,
  });

  const parts = partsOf(nodes);
  const { evidence, survey, bonus, penalty, evidenceMax, evidenceEffMax, surveyMax } = parts;
  const scaleMax = evidenceMax + surveyMax;
  const effectiveScaleMax = evidenceEffMax + surveyMax;
  const surveyMissing = survey !== null && survey.final === null;
  const { index, withoutSurvey } = indexTotals(parts, rubric);
  const finalIndex = index.final;
  return {
    rubricId: rubric.id,
    precision: rubric.precision,
    columns,
    finalFrom,
    nodes,
    areas: nodes.filter((n) => n.level === 1 && (n.kind === "scored" || n.kind === "survey")),
    evidence: {
      max: fromUnits(evidenceEffMax),
      rubricMax: fromUnits(evidenceMax),
      effectiveMax: fromUnits(evidenceEffMax),
      scores: toNumbers(evidence),
    },
    survey: survey
      ? {
          max: fromUnits(surveyMax),
          scores: toNumbers(survey),
          entered: survey.final !== null,
          merged: mergedSurvey,
        }
      : null,
    bonus: toNumbers(bonus),
    penalty: toNumbers(penalty),
    scaleMax: fromUnits(scaleMax),
    effectiveScaleMax: fromUnits(effectiveScaleMax),
    index: toNumbers(index),
    indexWithoutSurvey: toNumbers(withoutSurvey),
    surveyMissing,
    rating: finalIndex === null ? null : rate(rubric.ratingBands, fromUnits(finalIndex)),
    summary: summaryOf(index, withoutSurvey, surveyMissing, evidenceMax, scaleMax),
    appraisalChanges: appraisalChanges(flat, entries),
  };
}

/** Leaves first, then parents from the bottom up: one pass over the reversed depth-first order. */
function treeSums(
  bottomUp: readonly FlatItem[],
  entries: UnitEntries,
  policy: Rubric["notApplicable"]["policy"],
): Map<string, NodeSum> {
  const sums = new Map<string, NodeSum>();
  for (const item of bottomUp) {
    if (item.isLeaf) sums.set(item.code, leafScore(item, entries.get(item.code), policy));
    else sums.set(item.code, parentScore(item, sums));
  }
  return sums;
}

/** What turns a node's raw sums into what is published: which rounds exist, the merged survey score. */
interface NodeContext {
  present: ReadonlySet<ScoreColumn>;
  /** The province's survey score (in units) that replaces the workbook's survey rows; null when none. */
  mergedSurvey: Units | null;
  precision: number;
}

/** Every node in rubric order, as published: absent rounds dropped, level-1 caps and the survey merge applied. */
function nodeScores(flat: readonly FlatItem[], sums: Map<string, NodeSum>, ctx: NodeContext): NodeScore[] {
  return flat.map((item) => nodeScore(item, sums.get(item.code)!, ctx));
}

function nodeScore(item: FlatItem, s: NodeSum, ctx: NodeContext): NodeScore {
  const area = item.level === 1;
  let scores = absentRoundsNull(s.scores, ctx.present);
  if (area && (item.kind === "bonus" || item.kind === "penalty")) scores = capped(scores, toUnits(item.max));
  if (area && item.kind === "survey") scores = surveyScores(scores, ctx.mergedSurvey);
  const mergedSurveyArea = area && item.kind === "survey" && ctx.mergedSurvey !== null;
  return {
    code: item.code,
    shown: item.shown,
    shownPath: item.shownPath,
    label: item.label,
    kind: item.kind,
    level: item.level,
    parent: item.parent,
    isLeaf: item.isLeaf,
    max: item.max,
    effectiveMax: fromUnits(s.effMax),
    scores: toNumbers(scores),
    // A merged survey score is the province's, from no column of the workbook.
    finalFrom: mergedSurveyArea ? null : s.from,
    appraised: scores.appraised === null ? null : fromUnits(scores.appraised),
    change: nodeChange(area && item.kind !== "scored", scores, s.chg),
    percent:
      scores.final === null || s.effMax <= 0
        ? null
        : fromUnits(mulDivUnits(scores.final, 100 * SCALE, s.effMax, ctx.precision)),
    notApplicable: s.na,
    unscored: s.unscored,
  };
}

/**
 * A capped or replaced area (bonus, penalty, survey) changed by what its published totals differ by;
 * any other node by the sum of its items' changes, so items not yet appraised do not count as taken off.
 */
function nodeChange(cappedArea: boolean, scores: Acc, itemsChange: Units | null): number | null {
  if (cappedArea)
    return scores.appraised !== null && scores.self !== null
      ? fromUnits(scores.appraised - scores.self)
      : null;
  return itemsChange === null ? null : fromUnits(itemsChange);
}

/** The level-1 areas summed by kind: the parts the index is built from, with the maxima it is scaled by. */
interface Parts {
  evidence: Acc;
  /** Null when the rubric has no survey area. */
  survey: Acc | null;
  bonus: Acc;
  penalty: Acc;
  evidenceMax: Units;
  evidenceEffMax: Units;
  surveyMax: Units;
}

function partsOf(nodes: readonly NodeScore[]): Parts {
  const part = (kind: ItemKind) => nodes.filter((n) => n.level === 1 && n.kind === kind);
  const evidenceAreas = part("scored");
  const surveyAreas = part("survey");
  return {
    evidence: sumAreas(evidenceAreas),
    survey: surveyAreas.length ? sumAreas(surveyAreas) : null,
    bonus: sumAreas(part("bonus")),
    penalty: sumAreas(part("penalty")),
    evidenceMax: evidenceAreas.reduce((a, n) => a + toUnits(n.max), 0),
    evidenceEffMax: evidenceAreas.reduce((a, n) => a + toUnits(n.effectiveMax), 0),
    surveyMax: surveyAreas.reduce((a, n) => a + toUnits(n.max), 0),
  };
}

/** Areas' published totals summed in each basis, over the areas that have a value there (null when none). */
function sumAreas(list: readonly NodeScore[]): Acc {
  const out = EMPTY();
  for (const b of KEYS) {
    let sum: Units | null = null;
    for (const n of list) {
      const v = n.scores[b];
      if (v !== null) sum = (sum ?? 0) + toUnits(v);
    }
    out[b] = sum;
  }
  return out;
}

/**
 * The index in every basis the evidence part has, and the index without the survey part. The index stays
 * null while the survey is missing, unless the rubric makes the survey optional.
 */
function indexTotals(parts: Parts, rubric: Rubric): { index: Acc; withoutSurvey: Acc } {
  const { evidence, survey, bonus, penalty, evidenceMax, evidenceEffMax, surveyMax } = parts;
  const scaleMax = evidenceMax + surveyMax;
  const effectiveScaleMax = evidenceEffMax + surveyMax;
  const index = EMPTY();
  const withoutSurvey = EMPTY();
  // points ÷ remaining maximum × scale, + bonus − penalty, rounded once to the precision; never below 0.
  const indexOf = (points: Units, effMax: Units, scale: Units, extra: Units): Units =>
    floor0(
      effMax === scale || effMax <= 0
        ? roundUnits(points + extra, rubric.precision)
        : mulDivUnits(points * scale + extra * effMax, 1, effMax, rubric.precision),
    );
  // Survey is the province's score: the same value stands beside every basis of the evidence part.
  const surveyValue = survey?.final ?? null;
  for (const b of KEYS) {
    const points = evidence[b];
    if (points === null) continue;
    const extra = (bonus[b] ?? 0) - (penalty[b] ?? 0);
    withoutSurvey[b] = indexOf(points, evidenceEffMax, evidenceMax, extra);
    if (survey === null) index[b] = indexOf(points, effectiveScaleMax, scaleMax, extra);
    else if (surveyValue !== null)
      index[b] = indexOf(points + surveyValue, effectiveScaleMax, scaleMax, extra);
    else if (rubric.surveyOptional) {
      // Survey optional and absent: the evidence part is scaled to the whole scale.
      index[b] = indexOf(points, evidenceEffMax, scaleMax, extra);
    }
  }
  return { index, withoutSurvey };
}

/** The overall line: the index when known, else the index without survey, flagged as such. */
function summaryOf(
  index: Acc,
  withoutSurvey: Acc,
  surveyMissing: boolean,
  evidenceMax: Units,
  scaleMax: Units,
): IndexSummary {
  const shown = surveyMissing && index.final === null ? withoutSurvey : index;
  const shownAppraised = shown.appraised;
  return {
    self: shown.self === null ? null : fromUnits(shown.self),
    appraised: shownAppraised === null ? null : fromUnits(shownAppraised),
    final: shown.final === null ? null : fromUnits(shown.final),
    withoutSurvey: shown === withoutSurvey,
    // The provisional index is scaled back to the evidence part's published maximum; the index to the scale.
    max: fromUnits(shown === withoutSurvey ? evidenceMax : scaleMax),
    change: shownAppraised !== null && shown.self !== null ? fromUnits(shownAppraised - shown.self) : null,
  };
}

function appraisalChanges(flat: readonly FlatItem[], entries: UnitEntries): AppraisalChange[] {
  const out: AppraisalChange[] = [];
  for (const item of flat) {
    // Survey items are the appraisers' alone: there is no self score to change.
    if (!item.isLeaf || item.kind === "survey") continue;
    const e = entries.get(item.code);
    const change = e && !e.notApplicable ? appraisalChange(item, e) : null;
    if (change) out.push(change);
  }
  return out;
}

/** A sub-criterion's latest appraisal against its self score; null unless both exist and differ. */
function appraisalChange(item: FlatItem, e: ItemEntry): AppraisalChange | null {
  const self = finite(e.self);
  const round =
    finite(e.appraised2) !== null ? "appraised2" : finite(e.appraised1) !== null ? "appraised1" : null;
  if (self === null || round === null) return null;
  const appraised = finite(e[round]) as number;
  const difference = toUnits(appraised) - toUnits(self);
  if (difference === 0) return null;
  return {
    code: item.code,
    shown: item.shown,
    shownPath: item.shownPath,
    label: item.label,
    area: item.path[0],
    self,
    appraised,
    round,
    difference: fromUnits(difference),
    noted: typeof e.note === "string" && e.note.trim() !== "",
  };
}

interface NodeSum {
  scores: Acc;
  /** Σ (latest appraisal − self) over leaves with both. */
  chg: Units | null;
  max: Units;
  effMax: Units;
  from: ScoreColumn | null;
  na: boolean;
  unscored: number;
}

function leafScore(
  item: FlatItem,
  entry: ItemEntry | undefined,
  policy: Rubric["notApplicable"]["policy"],
): NodeSum {
  const max = toUnits(item.max);
  if (entry?.notApplicable === true) return notApplicableLeaf(max, policy);
  const scores = EMPTY();
  let from: ScoreColumn | null = null;
  for (const c of SCORE_COLUMNS) {
    const v = finite(entry?.[c]);
    scores[c] = v === null ? null : toUnits(v);
    if (v !== null && (item.kind !== "survey" || c !== "self")) from = c;
  }
  // A self score typed into a survey item does not count (validation reports it): appraisers enter those.
  if (item.kind === "survey") scores.self = null;
  scores.final = from === null ? null : scores[from];
  scores.appraised = scores.appraised2 ?? scores.appraised1;
  const chg = scores.appraised !== null && scores.self !== null ? scores.appraised - scores.self : null;
  return { scores, chg, max, effMax: max, from, na: false, unscored: scores.final === null ? 1 : 0 };
}

/** A leaf marked "không áp dụng": the rubric decides, full points in every round or out of the maximum. */
function notApplicableLeaf(max: Units, policy: Rubric["notApplicable"]["policy"]): NodeSum {
  const value = policy === "full-points" ? max : 0;
  const scores = EMPTY();
  for (const c of SCORE_COLUMNS) scores[c] = value;
  scores.final = value;
  scores.appraised = value;
  return { scores, chg: null, max, effMax: value, from: null, na: true, unscored: 0 };
}

/** A parent sums its children: in each basis, over the children that have a value there (null when none). */
function parentScore(item: FlatItem, sums: Map<string, NodeSum>): NodeSum {
  const children = (item.item.children ?? []).map((c) => sums.get(c.key ?? c.code)!);
  const scores = EMPTY();
  for (const b of KEYS) {
    let sum: Units | null = null;
    for (const c of children) {
      const v = c.scores[b];
      if (v !== null) sum = (sum ?? 0) + v;
    }
    scores[b] = sum;
  }
  let chg: Units | null = null;
  let effMax = 0;
  let latestFrom = -1;
  let na = children.length > 0;
  let unscored = 0;
  for (const c of children) {
    if (c.chg !== null) chg = (chg ?? 0) + c.chg;
    effMax += c.effMax;
    if (c.from !== null) latestFrom = Math.max(latestFrom, SCORE_COLUMNS.indexOf(c.from));
    na &&= c.na;
    unscored += c.unscored;
  }
  return {
    scores,
    chg,
    max: toUnits(item.max),
    effMax,
    from: latestFrom < 0 ? null : SCORE_COLUMNS[latestFrom],
    na,
    unscored,
  };
}

/**
 * Score columns holding a finite value in at least one leaf, in round order: of the evidence leaves,
 * and of the survey leaves (one pass over the entries for both).
 */
function columnsWith(flat: readonly FlatItem[], entries: UnitEntries): [ScoreColumn[], ScoreColumn[]] {
  const evidence = SCORE_COLUMNS.map(() => false);
  const survey = SCORE_COLUMNS.map(() => false);
  for (const item of flat) {
    if (!item.isLeaf) continue;
    const entry = entries.get(item.code);
    if (!entry) continue;
    const present = item.kind === "survey" ? survey : evidence;
    for (let k = 0; k < SCORE_COLUMNS.length; k++)
      if (finite(entry[SCORE_COLUMNS[k]]) !== null) present[k] = true;
  }
  return [SCORE_COLUMNS.filter((_, k) => evidence[k]), SCORE_COLUMNS.filter((_, k) => survey[k])];
}

function absentRoundsNull(scores: Acc, present: ReadonlySet<ScoreColumn>): Acc {
  if (SCORE_COLUMNS.every((c) => present.has(c) || scores[c] === null)) return scores;
  const out = { ...scores };
  for (const c of SCORE_COLUMNS) if (!present.has(c)) out[c] = null;
  out.appraised = out.appraised2 ?? out.appraised1;
  return out;
}

function capped(scores: Acc, cap: Units): Acc {
  const out = { ...scores };
  for (const b of KEYS) if (out[b] !== null) out[b] = Math.min(out[b] as number, cap);
  return out;
}

/** The survey area: appraisers' rounds only; a merged province score replaces every basis. */
function surveyScores(scores: Acc, merged: Units | null): Acc {
  if (merged !== null)
    return { self: null, appraised1: merged, appraised2: null, final: merged, appraised: merged };
  return { ...scores, self: null };
}

export function rate(bands: readonly RatingBand[], index: number): Rating | null {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const band of sorted) {
    if (band.minInclusive ? index >= band.min : index > band.min)
      return { label: band.label, labelEn: band.labelEn ?? band.label };
  }
  return null;
}

/** Penalties take points off, never below zero: a published index is not negative. */
function floor0(u: Units): Units {
  return Math.max(0, u);
}

function latest(columns: readonly ScoreColumn[]): ScoreColumn | null {
  for (const c of [...SCORE_COLUMNS].reverse()) if (columns.includes(c)) return c;
  return null;
}

/**
 * A score as counted: as written (validation flags anything out of range), only clamped beyond
 * ±MAX_COUNTED_SCORE so the integer sums stay exact — never dropped, as the out-of-range message says.
 */
function finite(v: unknown): number | null {
  return countedScore(v);
}

function toNumbers(t: Acc): Totals {
  return {
    appraised: t.appraised === null ? null : fromUnits(t.appraised),
    self: t.self === null ? null : fromUnits(t.self),
    appraised1: t.appraised1 === null ? null : fromUnits(t.appraised1),
    appraised2: t.appraised2 === null ? null : fromUnits(t.appraised2),
    final: t.final === null ? null : fromUnits(t.final),
  };
}

/**
 * A total on a ranking basis. "appraised": each item's latest appraisal round summed (`Totals.appraised`),
 * the basis appraisers rank on; only items the appraisers scored count in it.
 */
export function basisValue(t: Totals, basis: "self" | "appraised" | "final"): number | null {
  if (basis === "appraised") return t.appraised ?? t.appraised2 ?? t.appraised1;
  return t[basis];
}
