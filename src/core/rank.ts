/**
 * The ranking sheet's logic: units ranked within their group on the score rounded to the rubric's
 * precision (ties share a place: 1, 2, 2, 4 — "đồng hạng"), per-area ranks, ratings, and the change
 * against last year matched by folded unit name. Nothing is dropped silently: units that cannot be
 * ranked are listed with the reason.
 */
import type { Text } from "./finding";
import { fold } from "./fold";
import { roundTo } from "./numbers";
import type { PreviousRanking, PreviousUnit } from "./previous";
import { unitKey } from "./rank-key";
import type { Rubric } from "./rubric/schema";
import { basisValue, type Rating, rate, type UnitScore } from "./score";

export type RankBasis = "self" | "appraised" | "final";

export interface RankInput {
  unit: string;
  /** File the unit came from. */
  source: string;
  /** Its sheet, for a link back when it is in the same workbook. */
  sheet: string | null;
  score: UnitScore | null;
  /** Validation errors: the unit is ranked but marked. */
  errors: number;
  /** Why there is no score (unreadable file, no table), when `score` is null. */
  reason?: Text;
}

export interface RankOptions {
  rubric: Rubric;
  by?: RankBasis;
  /** "rubric": the rubric's unit groups; "none": one list; anything else: a regular expression on the folded name (group = first capture). */
  groupBy?: string;
  dense?: boolean;
  previous?: PreviousRanking | null;
  /**
   * Units renamed since last year: last year's name → this year's name (compared by `unitKey`), so a
   * "Thị trấn X" that became "Phường X" keeps its history instead of showing as new + vanished.
   */
  renames?: Readonly<Record<string, string>>;
}

export interface AreaRank {
  code: string;
  score: number | null;
  rank: number | null;
  /** The same area last year, when the previous ranking carries per-area figures for the unit. */
  previous: PreviousComparison | null;
}

export interface PreviousComparison {
  score: number | null;
  rank: number | null;
  /** Points against last year, rounded to the precision. */
  delta: number | null;
  /** Places gained (positive) or lost (negative). */
  places: number | null;
  /** "tăng 4 bậc" / "up 4 places", "giảm 1 bậc", "giữ nguyên". */
  change: Text;
}

export interface RankedUnit {
  /** The name as the unit's workbook spells it (display it; match with `unitKey`). */
  unit: string;
  source: string;
  sheet: string | null;
  group: string;
  score: number;
  rank: number;
  /** Shares its place with another unit ("đồng hạng"). */
  tied: boolean;
  areas: AreaRank[];
  survey: number | null;
  /** Rating of the ranked score (null while ranking without the survey part: no rating is final then). */
  rating: Rating | null;
  /** Validation errors found in the unit's workbook: ranked, but the sheet marks it. */
  errors: number;
  /** Null when there is no previous ranking; `change` says "new" when the unit was not in it. */
  previous: PreviousComparison | null;
  /** Last year's name when it differs (a rename given in `RankOptions.renames`). */
  previousName: string | null;
}

export interface RankGroup {
  id: string;
  label: string;
  labelEn: string;
  units: RankedUnit[];
  ratingCounts: { label: string; labelEn: string; count: number }[];
}

export interface UnrankedUnit {
  unit: string;
  source: string;
  /** Why: unreadable file, no table, no score on the chosen basis, survey missing… */
  reason: Text;
  errors: number;
}

export interface VanishedUnit {
  unit: string;
  rank: number | null;
  score: number | null;
  /** "không còn trong bảng năm nay" / "not in this year's ranking". */
  change: Text;
}

export interface Ranking {
  rubricId: string;
  year: number;
  by: RankBasis;
  dense: boolean;
  precision: number;
  /** True when no unit had a survey score yet: the ranking is on the evidence part (+ bonus − penalty) only. */
  withoutSurvey: boolean;
  areas: { code: string; label: string; max: number }[];
  groups: RankGroup[];
  unranked: UnrankedUnit[];
  /** Units of the previous ranking not found this year (renamed without a `renames` entry, merged, dissolved). */
  vanished: VanishedUnit[];
  hasPrevious: boolean;
  /** The previous ranking's year, when it said. */
  previousYear: number | null;
}

const OTHER = { id: "other", label: "Khác", labelEn: "Other" };
const ALL = { id: "all", label: "Tất cả đơn vị", labelEn: "All units" };

/**
 * Ranks units within their groups on the chosen basis, the score rounded to the rubric's precision
 * first. Every input comes back: ranked in a group, or in `unranked` with the reason.
 */
export function rankUnits(inputs: readonly RankInput[], options: RankOptions): Ranking {
  const { rubric } = options;
  const by = options.by ?? "final";
  const precision = rubric.precision;
  const scored = inputs.filter((u) => u.score !== null);
  // With no survey score anywhere yet, rank on what exists rather than rank nobody; say so on the sheet.
  const withoutSurvey =
    scored.length > 0 && scored.every((u) => u.score?.index.final === null && u.score?.surveyMissing);
  const unranked: UnrankedUnit[] = [];
  const candidates: { input: RankInput; score: number; group: GroupDef }[] = [];
  const grouping = groupResolver(rubric, options.groupBy ?? "rubric");
  for (const input of inputs) {
    const s = input.score;
    if (!s) {
      unranked.push({
        unit: input.unit,
        source: input.source,
        reason: input.reason ?? NO_SCORE,
        errors: input.errors,
      });
      continue;
    }
    const value = basisValue(withoutSurvey ? s.indexWithoutSurvey : s.index, by);
    if (value === null) {
      unranked.push({
        unit: input.unit,
        source: input.source,
        reason: whyNoValue(s, by),
        errors: input.errors,
      });
      continue;
    }
    candidates.push({ input, score: roundTo(value, precision), group: grouping(input.unit) });
  }

  const areaDefs = (scored[0]?.score?.areas ?? []).map((a) => ({ code: a.code, label: a.label, max: a.max }));
  const byGroup = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const list = byGroup.get(c.group.id);
    if (list) list.push(c);
    else byGroup.set(c.group.id, [c]);
  }
  const previous = options.previous ? previousIndex(options.previous, options.renames) : null;
  const seen = new Set<PreviousUnit>();
  const groups: RankGroup[] = [];
  for (const def of grouping.order()) {
    const members = byGroup.get(def.id) ?? [];
    if (members.length === 0) continue;
    const ranks = placeRanks(
      members.map((m) => m.score),
      options.dense === true,
    );
    const counts = new Map<number, number>();
    for (const r of ranks) if (r !== null) counts.set(r, (counts.get(r) ?? 0) + 1);
    const areaRanks = areaDefs.map((a) => {
      const values = members.map((m) => {
        const node = m.input.score?.areas.find((n) => n.code === a.code);
        const v = node ? basisValue(node.scores, by) : null;
        return v === null ? null : roundTo(v, precision);
      });
      return { code: a.code, values, ranks: placeRanks(values, options.dense === true) };
    });
    const units: RankedUnit[] = members.map((m, k) => {
      const prev = previous?.get(unitKey(m.input.unit));
      if (prev) seen.add(prev);
      return {
        unit: m.input.unit,
        source: m.input.source,
        sheet: m.input.sheet,
        group: def.id,
        score: m.score,
        rank: ranks[k] as number,
        tied: (counts.get(ranks[k] as number) ?? 0) > 1,
        areas: areaRanks.map((a) => ({
          code: a.code,
          score: a.values[k],
          rank: a.ranks[k],
          previous: areaPrevious(prev, a.code, a.values[k], a.ranks[k], precision),
        })),
        survey: m.input.score?.survey?.scores.final ?? null,
        rating: withoutSurvey ? null : rate(rubric.ratingBands, m.score),
        errors: m.input.errors,
        previous: previous ? compare(prev, m.score, ranks[k] as number, precision) : null,
        previousName: prev && unitKey(prev.unit) !== unitKey(m.input.unit) ? prev.unit : null,
      };
    });
    units.sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit, "vi"));
    groups.push({ ...def, units, ratingCounts: ratingCounts(rubric, units) });
  }
  const vanished: VanishedUnit[] = options.previous
    ? options.previous.units
        .filter((p) => !seen.has(p))
        .map((p) => ({ unit: p.unit, rank: p.rank, score: p.score, change: VANISHED }))
    : [];
  return {
    rubricId: rubric.id,
    year: rubric.year,
    by,
    dense: options.dense === true,
    precision,
    withoutSurvey,
    areas: areaDefs,
    groups,
    unranked,
    vanished,
    hasPrevious: Boolean(options.previous),
    previousYear: options.previous?.year ?? null,
  };
}

const VANISHED: Text = { vi: "không còn trong bảng năm nay", en: "not in this year's ranking" };

/** Last year's units by this year's key: renamed units under their new name. */
function previousIndex(
  prev: PreviousRanking,
  renames: Readonly<Record<string, string>> | undefined,
): Map<string, PreviousUnit> {
  const renamed = new Map(Object.entries(renames ?? {}).map(([from, to]) => [unitKey(from), unitKey(to)]));
  const out = new Map<string, PreviousUnit>();
  for (const p of prev.units) {
    const key = unitKey(p.unit);
    const target = renamed.get(key) ?? key;
    // First one wins: a name twice in last year's list (two groups) must not swap histories.
    if (!out.has(target)) out.set(target, p);
  }
  return out;
}

function areaPrevious(
  prev: PreviousUnit | undefined,
  code: string,
  score: number | null,
  rank: number | null,
  precision: number,
): PreviousComparison | null {
  const area = prev?.areas?.find((a) => a.code === code);
  if (!area) return null;
  const delta = area.score === null || score === null ? null : roundTo(score - area.score, precision);
  const places = area.rank === null || rank === null ? null : area.rank - rank;
  return { score: area.score, rank: area.rank, delta, places, change: placesText(places) };
}

/** Standard competition ranking (1, 2, 2, 4) or dense (1, 2, 2, 3); null values get no place. */
export function placeRanks(values: readonly (number | null)[], dense: boolean): (number | null)[] {
  // Sort once: the place of a value is 1 + how many values beat it (or how many distinct ones, dense).
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => b - a);
  const place = new Map<number, number>();
  let distinct = 0;
  sorted.forEach((v, i) => {
    if (place.has(v)) return;
    distinct++;
    place.set(v, dense ? distinct : i + 1);
  });
  return values.map((v) => (v === null ? null : (place.get(v) as number)));
}

function compare(
  prev: PreviousUnit | undefined,
  score: number,
  rank: number,
  precision: number,
): PreviousComparison {
  if (!prev)
    return {
      score: null,
      rank: null,
      delta: null,
      places: null,
      change: { vi: "mới (không có trong bảng năm trước)", en: "new (not in last year's ranking)" },
    };
  const delta = prev.score === null ? null : roundTo(score - prev.score, precision);
  const places = prev.rank === null ? null : prev.rank - rank;
  return { score: prev.score, rank: prev.rank, delta, places, change: placesText(places) };
}

export function placesText(places: number | null): Text {
  if (places === null) return { vi: "", en: "" };
  if (places === 0) return { vi: "giữ nguyên", en: "unchanged" };
  const n = Math.abs(places);
  return places > 0
    ? { vi: `tăng ${n} bậc`, en: `up ${n} place${n > 1 ? "s" : ""}` }
    : { vi: `giảm ${n} bậc`, en: `down ${n} place${n > 1 ? "s" : ""}` };
}

function ratingCounts(rubric: Rubric, units: readonly RankedUnit[]): RankGroup["ratingCounts"] {
  return [...rubric.ratingBands]
    .sort((a, b) => b.min - a.min)
    .map((band) => ({
      label: band.label,
      labelEn: band.labelEn ?? band.label,
      count: units.filter((u) => u.rating?.label === band.label).length,
    }));
}

interface GroupDef {
  id: string;
  label: string;
  labelEn: string;
}

interface GroupResolver {
  (unit: string): GroupDef;
  order(): GroupDef[];
}

function groupResolver(rubric: Rubric, rule: string): GroupResolver {
  if (rule === "none" || (rule === "rubric" && rubric.groups.length === 0)) {
    return Object.assign(() => ALL, { order: () => [ALL] });
  }
  if (rule === "rubric") {
    const defs = rubric.groups.map((g) => ({
      def: { id: g.id, label: g.label, labelEn: g.labelEn ?? g.label },
      patterns: g.patterns.map((p) => safeRegex(p)).filter((r): r is RegExp => r !== null),
    }));
    const resolve = (unit: string) =>
      defs.find((d) => d.patterns.some((p) => p.test(groupKey(unit))))?.def ?? OTHER;
    return Object.assign(resolve, { order: () => [...defs.map((d) => d.def), OTHER] });
  }
  const re = safeRegex(rule);
  const seen = new Map<string, GroupDef>();
  const resolve = (unit: string) => {
    const m = re ? re.exec(groupKey(unit)) : null;
    if (!m) return OTHER;
    const id = (m[1] ?? m[0]).trim() || OTHER.id;
    let def = seen.get(id);
    if (!def) {
      def = { id, label: id, labelEn: id };
      seen.set(id, def);
    }
    return def;
  };
  return Object.assign(resolve, {
    order: () => [...[...seen.values()].sort((a, b) => a.id.localeCompare(b.id)), OTHER],
  });
}

/** Folded name for group rules; a stray leading "=" or "+" (typed to dodge Excel's formula parser) is ignored. */
function groupKey(unit: string): string {
  return fold(unit).replace(/^[=+\-@'\s]+/, "");
}

function safeRegex(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    return null;
  }
}

/** Checks a --group-by rule before a long batch starts; null when it is fine. */
export function groupRuleProblem(rule: string): Text | null {
  if (rule === "rubric" || rule === "none" || safeRegex(rule)) return null;
  return {
    vi: `Quy tắc nhóm "${rule}" không phải biểu thức chính quy hợp lệ.`,
    en: `Group rule "${rule}" is not a valid regular expression.`,
  };
}

const NO_SCORE: Text = { vi: "không tính được điểm", en: "no score could be computed" };

function whyNoValue(s: UnitScore, by: RankBasis): Text {
  if (s.surveyMissing) {
    return {
      vi: "chưa có điểm điều tra xã hội học (các đơn vị khác đã có)",
      en: "no social-survey score yet (other units have one)",
    };
  }
  if (by !== "self") {
    return {
      vi: by === "appraised" ? "chưa có điểm thẩm định" : "chưa có điểm",
      en: by === "appraised" ? "not appraised yet" : "no score",
    };
  }
  return { vi: "chưa có điểm tự đánh giá", en: "no self score" };
}
