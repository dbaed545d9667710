/**
 * The ranking sheet's logic: units ranked within their group on the score rounded to the rubric's
 * precision (ties share a place: 1, 2, 2, 4 — "đồng hạng"), per-area ranks, ratings, and the change
 * against last year matched by folded unit name. Nothing is dropped silently: units that cannot be
 * ranked are listed with the reason.
 */
import type { Finding, Text } from "./finding";
import { compileGroupPattern, groupKey, patternProblem, rubricGroupMatcher } from "./group-pattern";
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
  /**
   * When the file was last modified (ms since 1970), if known: the same unit sent twice is ranked once,
   * from the newer file (see `rankUnits`).
   */
  modified?: number | null;
}

export interface RankOptions {
  rubric: Rubric;
  by?: RankBasis;
  /**
   * "rubric": the rubric's unit groups; "none": one list; anything else: a regular expression on the folded
   * name (group = first capture), refused by `groupRuleProblem` when unsafe (check it before ranking).
   */
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
  /** Why: unreadable file, no table, no score on the chosen basis, a second copy of a unit… */
  reason: Text;
  errors: number;
  /** Last year's place when the unit was in the previous ranking (so it is not listed as vanished). */
  previous?: { rank: number | null; score: number | null } | null;
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
  /**
   * True when the ranking is on the evidence part (+ bonus − penalty) only, without the survey: always for
   * `by: "self"` (the survey is the province's, never self-scored), and when not every unit has a survey
   * score (all units are ranked on the basis they share; `basisNote` says why).
   */
  withoutSurvey: boolean;
  /** Why the basis is what it is, for the sheet's subtitle and the CLI; null for the plain index. */
  basisNote: Text | null;
  /** Problems with the inputs as a whole: the same unit sent twice (`duplicate-unit`, both files named). */
  findings: Finding[];
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
 *
 * Basis: `self` ranks the evidence part's self scores (+ bonus − penalty), never the survey, which the
 * province scores. `final`/`appraised` rank the index when every unit has its survey score; when only
 * some have one, every unit is ranked on the evidence part they all share, and `basisNote` says so —
 * nobody drops out for a score that is not theirs to give.
 *
 * Duplicates: the same unit (by `unitKey`) from two inputs is ranked once, from the input whose file was
 * modified last when every copy's time is known and one is newest; otherwise none of the copies is
 * ranked. Either way a `duplicate-unit` finding names every copy.
 */
export function rankUnits(inputs: readonly RankInput[], options: RankOptions): Ranking {
  const { rubric } = options;
  const by = options.by ?? "final";
  const precision = rubric.precision;
  const unranked: UnrankedUnit[] = [];
  const { kept, findings } = dropDuplicates(inputs, unranked);
  const scored = kept.filter((u) => u.score !== null);
  const { withoutSurvey, basisNote } = chooseBasis(scored, by);
  const candidates: { input: RankInput; score: number; group: GroupDef }[] = [];
  const grouping = groupResolver(rubric, options.groupBy ?? "rubric");
  for (const input of kept) {
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
        reason: whyNoValue(by),
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
        // A self ranking leaves the survey area out: units never score it themselves.
        if (by === "self" && node?.kind === "survey") return null;
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
  // A unit of last year that is here but could not be ranked is not "gone": it is listed as unranked.
  if (previous) {
    for (const u of unranked) {
      const prev = previous.get(unitKey(u.unit));
      u.previous = prev ? { rank: prev.rank, score: prev.score } : null;
      if (prev) seen.add(prev);
    }
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
    basisNote,
    findings,
    areas: areaDefs,
    groups,
    unranked,
    vanished,
    hasPrevious: Boolean(options.previous),
    previousYear: options.previous?.year ?? null,
  };
}

/**
 * The basis every unit shares. Self: the evidence part (the survey is never self-scored). Otherwise the
 * index when every unit with an evidence score also has its index (survey entered, merged, or optional);
 * else the evidence part for everyone, said in `basisNote` with how many units lack the survey.
 */
function chooseBasis(
  scored: readonly RankInput[],
  by: RankBasis,
): { withoutSurvey: boolean; basisNote: Text | null } {
  if (by === "self") {
    return {
      withoutSurvey: true,
      basisNote: {
        vi: "Xếp theo điểm tự đánh giá phần tài liệu kiểm chứng (cộng điểm thưởng, trừ điểm trừ); điều tra xã hội học do tỉnh chấm nên không tính, chưa xếp loại.",
        en: "Ranked on the evidence part's self scores (+ bonus − penalty); the social survey is the province's score and is left out; not rated.",
      },
    };
  }
  const withEvidence = scored.filter((u) => u.score && basisValue(u.score.indexWithoutSurvey, by) !== null);
  const missing = withEvidence.filter((u) => u.score && basisValue(u.score.index, by) === null);
  if (missing.length === 0) return { withoutSurvey: false, basisNote: null };
  if (missing.length === withEvidence.length) {
    return {
      withoutSurvey: true,
      basisNote: {
        vi: "Chưa có điểm điều tra xã hội học: bảng xếp theo phần điểm tài liệu kiểm chứng (cộng điểm thưởng, trừ điểm trừ), chưa xếp loại.",
        en: "No social-survey scores yet: ranked on the evidence part (+ bonus − penalty), not rated.",
      },
    };
  }
  const n = missing.length;
  const m = withEvidence.length;
  const names = missing
    .slice(0, 5)
    .map((u) => u.unit)
    .join(", ");
  const more = n > 5 ? ", …" : "";
  return {
    withoutSurvey: true,
    basisNote: {
      vi: `${n}/${m} đơn vị chưa có điểm điều tra xã hội học (${names}${more}): để không bỏ sót đơn vị nào, tất cả được xếp theo phần điểm tài liệu kiểm chứng (cộng điểm thưởng, trừ điểm trừ), chưa xếp loại. Nhập bảng điểm điều tra của tỉnh (--survey, hoặc "Nhập điểm điều tra" trong ngăn tác vụ) để xếp theo Chỉ số CCHC.`,
      en: `${n} of ${m} units have no social-survey score (${names}${more}): so that no unit is left out, all are ranked on the evidence part (+ bonus − penalty), not rated. Import the province's survey table (--survey, or the pane's survey import) to rank on the index.`,
    },
  };
}

/**
 * The same unit (by `unitKey`) from several inputs: keeps the newest copy when every copy has a modified
 * time and one is strictly newest, else none; the others go to `unranked` with the reason, and one
 * `duplicate-unit` finding per unit names every copy.
 */
function dropDuplicates(
  inputs: readonly RankInput[],
  unranked: UnrankedUnit[],
): { kept: RankInput[]; findings: Finding[] } {
  const byKey = new Map<string, RankInput[]>();
  for (const input of inputs) {
    // Inputs without a score are files that could not be read: their "unit" is the file name, never a duplicate.
    if (!input.score) continue;
    const key = unitKey(input.unit);
    const list = byKey.get(key);
    if (list) list.push(input);
    else byKey.set(key, [input]);
  }
  const dropped = new Set<RankInput>();
  const findings: Finding[] = [];
  for (const copies of byKey.values()) {
    if (copies.length < 2) continue;
    const times = copies.map((c) => c.modified);
    const known = times.every((t): t is number => typeof t === "number" && Number.isFinite(t));
    const newest = known ? Math.max(...(times as number[])) : null;
    const winner =
      newest !== null && times.filter((t) => t === newest).length === 1
        ? copies[times.indexOf(newest)]
        : null;
    const where = copies.map((c) => (c.sheet && c.sheet !== c.unit ? `${c.source} (${c.sheet})` : c.source));
    const list = where.map((w) => `"${w}"`).join(", ");
    const name = copies[0].unit;
    findings.push({
      code: "duplicate-unit",
      severity: winner ? "warning" : "error",
      sheet: null,
      address: null,
      item: null,
      message: winner
        ? {
            vi: `Đơn vị "${name}" có ${copies.length} bản: ${list}. Chỉ xếp hạng bản sửa gần nhất (${where[copies.indexOf(winner)]}); xóa các bản kia nếu đúng.`,
            en: `Unit "${name}" was sent ${copies.length} times: ${list}. Only the most recently modified copy is ranked (${where[copies.indexOf(winner)]}); remove the others if that is right.`,
          }
        : {
            vi: `Đơn vị "${name}" có ${copies.length} bản: ${list}, không rõ bản nào mới hơn; không bản nào được xếp hạng. Giữ lại một bản rồi xếp hạng lại.`,
            en: `Unit "${name}" was sent ${copies.length} times: ${list}, and which is newer cannot be told; none is ranked. Keep one copy and rank again.`,
          },
      found: where.join("; "),
      expected: null,
    });
    copies.forEach((c, k) => {
      if (c === winner) return;
      dropped.add(c);
      unranked.push({
        unit: c.unit,
        source: c.source,
        errors: c.errors,
        reason: winner
          ? {
              vi: `bản cũ hơn của đơn vị; bản được xếp hạng: ${where[copies.indexOf(winner)]}`,
              en: `an older copy of the unit; the copy ranked: ${where[copies.indexOf(winner)]}`,
            }
          : {
              vi: `đơn vị có ${copies.length} bản (${where.filter((_, j) => j !== k).join(", ")} và bản này), không rõ bản nào mới hơn`,
              en: `the unit was sent ${copies.length} times (${where.filter((_, j) => j !== k).join(", ")} and this one); which is newer cannot be told`,
            },
      });
    });
  }
  return { kept: inputs.filter((i) => !dropped.has(i)), findings };
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
    const match = rubricGroupMatcher(rubric);
    const defs = new Map(
      rubric.groups.map((g) => [g.id, { id: g.id, label: g.label, labelEn: g.labelEn ?? g.label }]),
    );
    const resolve = (unit: string) => {
      const g = match(unit);
      return (g && defs.get(g.id)) || OTHER;
    };
    return Object.assign(resolve, { order: () => [...defs.values(), OTHER] });
  }
  // An unsafe rule never runs: callers check `groupRuleProblem` first; here it would put everyone in "other".
  const re = compileGroupPattern(rule);
  const seen = new Map<string, GroupDef>();
  const resolve = (unit: string) => {
    const m = re ? re.exec(groupKey(unit)) : null;
    if (!m) return OTHER;
    const id = (m[1] ?? m[0] ?? "").trim() || OTHER.id;
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

/**
 * Checks a group rule (`--group-by`, the pane's group rule) before a long batch starts; null when it is
 * fine. Refuses invalid patterns and those the linear-time engine cannot run (see group-pattern.ts).
 */
export function groupRuleProblem(rule: string): Text | null {
  if (rule === "rubric" || rule === "none") return null;
  const problem = patternProblem(rule);
  if (!problem) return null;
  return {
    vi: `Quy tắc nhóm: ${problem.vi}`,
    en: `Group rule: ${problem.en}`,
  };
}

const NO_SCORE: Text = { vi: "không tính được điểm", en: "no score could be computed" };

/** The true cause, on the basis every unit is ranked on (the survey is never a unit's reason here). */
function whyNoValue(by: RankBasis): Text {
  if (by === "appraised") return { vi: "chưa có điểm thẩm định", en: "not appraised yet" };
  if (by === "self") return { vi: "chưa có điểm tự đánh giá", en: "no self score" };
  return { vi: "chưa có điểm (tự đánh giá hay thẩm định)", en: "no score (self or appraised)" };
}
