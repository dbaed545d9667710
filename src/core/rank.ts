/**
 * The ranking sheet's logic: units ranked within their group on the score rounded to the rubric's
 * precision (ties share a place: 1, 2, 2, 4 — "đồng hạng"), per-area ranks, ratings, and the change
 * against last year matched by folded unit name. Nothing is dropped silently: units that cannot be
 * ranked are listed with the reason.
 */
import { type BasisFacts, basisReasonFor, type RankFace } from "./basis-words";
import type { Finding, Text } from "./finding";
import { compileGroupPattern, groupKey, patternProblem, rubricGroupMatcher } from "./group-pattern";
import { formatFixed, roundTo } from "./numbers";
import type { PreviousRanking, PreviousUnit } from "./previous";
import { newestCopy } from "./newest-copy";
import { unitKey } from "./rank-key";
import type { RatingBand, Rubric } from "./rubric/schema";
import { basisValue, type Rating, rate, type UnitScore } from "./score";
import { type UnitMap, withRenames } from "./unit-map";

export type RankBasis = "self" | "appraised" | "final";

/**
 * What is ranked: the index (Chỉ số CCHC: evidence + survey + bonus − penalty) or the evidence part only
 * (+ bonus − penalty). Called "basis" in `--basis` and the JSON; `RankBasis` is which score column.
 */
export type RankPart = "index" | "evidence";

/** Why the part is what it is: asked for (`--basis`), a self ranking, no survey score at all, or the default. */
export type RankPartSource = "option" | "self" | "no-survey" | "default";

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
  /** Last year's units → this year's (`--previous-map`): renames and mergers (see unit-map.ts). */
  unitMap?: UnitMap | null;
  /**
   * The part ranked, when the user chose it (`--basis`, the pane's choice). Unset: the index, except for a
   * self ranking (the survey is never self-scored) and when no unit has a survey score at all.
   */
  basis?: RankPart;
  /** The province's rating names and thresholds (`--rating`, the pane's Settings): they replace the rubric's. */
  ratingBands?: readonly RatingBand[] | null;
  /**
   * Who will show the ranking: `basisReason`'s "how to choose otherwise" names what that face offers
   * (core/basis-words.ts). Unset: the CLI's words, as `rank` and its JSON have always said them.
   */
  face?: RankFace;
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
  /** "tăng 4 bậc" / "up 4 places", "giảm 1 bậc", "giữ nguyên"; "không so sánh được" on another basis. */
  change: Text;
  /**
   * Why, where the change needs it: points up but places down (other units moved more), or why last year's
   * figures cannot be compared (another basis or scale). Absent when nothing needs saying.
   */
  note?: Text;
}

/** A unit of last year that was merged into this one, with its figures then. */
export interface Predecessor {
  unit: string;
  rank: number | null;
  score: number | null;
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
  /** Last year's name when it differs (a rename given in `RankOptions.renames` or the unit map). */
  previousName: string | null;
  /** The units merged into this one since last year (the unit map), with last year's places and scores. */
  mergedFrom: Predecessor[] | null;
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
  /** The evidence part (+ bonus − penalty) when the unit is listed apart for want of its survey score. */
  evidenceScore?: number | null;
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
  /** The rubric's name, so a later comparison can say which rubric this ranking used. */
  rubricName: string;
  by: RankBasis;
  dense: boolean;
  precision: number;
  /** The part ranked: the index, or the evidence part only. */
  basis: RankPart;
  basisSource: RankPartSource;
  /** The basis and why, always, in the words of `RankOptions.face`: the sheet's subtitle, the CLI's first line, the JSON. */
  basisReason: Text;
  /**
   * What the basis words are made of — which part, why, which units have no survey score and of how many —
   * so a face can say them with its own hint: `basisReasonFor(ranking.basisFacts, face)`.
   */
  basisFacts: BasisFacts;
  /**
   * The most the ranked score can be without bonus (the 100-point scale for the index, the evidence part's
   * maximum otherwise): two rankings compare only on the same basis and scale.
   */
  scoreMax: number | null;
  /**
   * True when the ranking is on the evidence part (+ bonus − penalty) only (`basis === "evidence"`).
   * Kept for existing readers.
   */
  withoutSurvey: boolean;
  /** The basis reason when it needs the reader's attention (units listed apart, no survey, self); else null. */
  basisNote: Text | null;
  /** The rating bands used (the province's from `ratingBands`, else the rubric's); none off the index basis. */
  ratingBands: RatingBand[];
  /** Whether last year's figures could be compared, and why not (or what was assumed); null without them. */
  comparison: { comparable: boolean; reason: Text | null } | null;
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
 * province scores. `final`/`appraised` rank the index (`basis: "evidence"` asks for the evidence part of
 * every unit instead). When no unit has a survey score and the index was not asked for explicitly, every
 * unit is ranked on the evidence part and `basisNote` says so. When only some have one, the ranking stays on the index: the units without it are
 * listed in `unranked` with their evidence part (`evidenceScore`) and no place, and `basisNote` names
 * them and says how to import the survey or rank everyone on the evidence part — one unit's missing
 * survey never moves everyone to another basis.
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
  const part = choosePart(scored, by, options.basis);
  const reason = basisReasonFor(part.facts, options.face ?? "cli");
  const bands = [...(options.ratingBands?.length ? options.ratingBands : rubric.ratingBands)];
  const grouping = groupResolver(rubric, options.groupBy ?? "rubric");
  const candidates = candidatesOf(kept, { part: part.facts.basis, by, precision, grouping }, unranked);

  const first = scored[0]?.score ?? null;
  const areaDefs = (first?.areas ?? []).map((a) => ({ code: a.code, label: a.label, max: a.max }));
  const scoreMax = first ? (part.facts.basis === "index" ? first.scaleMax : first.evidence.rubricMax) : null;
  const comparison = options.previous ? comparability(options.previous, part.facts.basis, scoreMax) : null;
  const byGroup = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const list = byGroup.get(c.group.id);
    if (list) list.push(c);
    else byGroup.set(c.group.id, [c]);
  }
  const unitMap = withRenames(options.unitMap, options.renames);
  const previous = options.previous ? previousIndex(options.previous, unitMap) : null;
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
      return { code: a.code, max: a.max, values, ranks: placeRanks(values, options.dense === true) };
    });
    const units: RankedUnit[] = members.map((m, k) => {
      const key = unitKey(m.input.unit);
      const prevs = previous?.get(key) ?? [];
      for (const p of prevs) seen.add(p);
      const merged = mergedFrom(unitMap, key, prevs);
      const prev = merged ? undefined : prevs[0];
      const rank = ranks[k] as number;
      return {
        unit: m.input.unit,
        source: m.input.source,
        sheet: m.input.sheet,
        group: def.id,
        score: m.score,
        rank,
        tied: (counts.get(rank) ?? 0) > 1,
        areas: areaRanks.map((a) => ({
          code: a.code,
          score: a.values[k],
          rank: a.ranks[k],
          previous: comparison?.comparable ? areaPrevious(prev, a, a.values[k], a.ranks[k], precision) : null,
        })),
        survey: m.input.score?.survey?.scores.final ?? null,
        rating: part.facts.basis === "index" ? rate(bands, m.score) : null,
        errors: m.input.errors,
        previous: !previous
          ? null
          : merged
            ? mergedComparison(merged, precision)
            : compare(prev, m.score, rank, precision, comparison),
        previousName: prev && unitKey(prev.unit) !== key ? prev.unit : null,
        mergedFrom: merged,
      };
    });
    units.sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit, "vi"));
    groups.push({ ...def, units, ratingCounts: ratingCounts(bands, units) });
  }
  // A unit of last year that is here but could not be ranked is not "gone": it is listed as unranked.
  if (previous) {
    for (const u of unranked) {
      const prevs = previous.get(unitKey(u.unit)) ?? [];
      u.previous = prevs.length === 1 ? { rank: prevs[0].rank, score: prevs[0].score } : null;
      for (const p of prevs) seen.add(p);
    }
  }
  const vanished: VanishedUnit[] = options.previous
    ? options.previous.units
        .filter((p) => !seen.has(p))
        .map((p) => ({ unit: p.unit, rank: p.rank, score: p.score, change: vanishedText(unitMap, p.unit) }))
    : [];
  return {
    rubricId: rubric.id,
    rubricName: rubric.name,
    year: rubric.year,
    by,
    dense: options.dense === true,
    precision,
    basis: part.facts.basis,
    basisSource: part.facts.source,
    basisReason: reason,
    basisFacts: part.facts,
    scoreMax,
    withoutSurvey: part.facts.basis === "evidence",
    basisNote: part.note ? reason : null,
    ratingBands: part.facts.basis === "index" ? bands : [],
    comparison,
    findings,
    areas: areaDefs,
    groups,
    unranked,
    vanished,
    hasPrevious: Boolean(options.previous),
    previousYear: options.previous?.year ?? null,
  };
}

/** A unit that has a value on the part ranked, rounded to the precision, in its group. */
interface Candidate {
  input: RankInput;
  score: number;
  group: GroupDef;
}

/**
 * Splits the inputs: those with a value on the part ranked (rounded to the precision), and the rest to
 * `unranked` with their true reason. On the index, a unit whose evidence part is there waits only for
 * its survey score: listed apart with that part shown, never the reason to move everyone to another basis.
 */
function candidatesOf(
  kept: readonly RankInput[],
  how: { part: RankPart; by: RankBasis; precision: number; grouping: GroupResolver },
  unranked: UnrankedUnit[],
): Candidate[] {
  const { part, by, precision, grouping } = how;
  const candidates: Candidate[] = [];
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
    const value = basisValue(part === "evidence" ? s.indexWithoutSurvey : s.index, by);
    if (value !== null) {
      candidates.push({ input, score: roundTo(value, precision), group: grouping(input.unit) });
      continue;
    }
    const evidence = part === "index" ? basisValue(s.indexWithoutSurvey, by) : null;
    unranked.push({
      unit: input.unit,
      source: input.source,
      reason: evidence !== null ? SURVEY_MISSING : whyNoValue(by),
      errors: input.errors,
      ...(evidence !== null ? { evidenceScore: roundTo(evidence, precision) } : {}),
    });
  }
  return candidates;
}

const SURVEY_MISSING: Text = {
  vi: "chưa có điểm điều tra xã hội học",
  en: "no social-survey score yet",
};

/**
 * The part every ranked unit is ranked on, why, and which units have no survey score: the facts the basis
 * words are made of (core/basis-words.ts), so each face can say them with its own "how to choose otherwise".
 */
function choosePart(
  scored: readonly RankInput[],
  by: RankBasis,
  asked: RankPart | undefined,
): { facts: BasisFacts; note: boolean } {
  const withEvidence = scored.filter((u) => u.score && basisValue(u.score.indexWithoutSurvey, by) !== null);
  // A self ranking never counts the survey (units do not score it): no unit "misses" it there.
  const missing =
    by === "self" ? [] : withEvidence.filter((u) => u.score && basisValue(u.score.index, by) === null);
  const facts = (basis: RankPart, source: RankPartSource): BasisFacts => ({
    by,
    basis,
    source,
    withoutSurvey: missing.map((u) => u.unit),
    withEvidence: withEvidence.length,
  });
  if (by === "self") return { facts: facts("evidence", "self"), note: true };
  if (asked === "evidence") return { facts: facts("evidence", "option"), note: false };
  const source: RankPartSource = asked === "index" ? "option" : "default";
  if (missing.length === 0) return { facts: facts("index", source), note: false };
  if (missing.length === withEvidence.length && asked !== "index")
    return { facts: facts("evidence", "no-survey"), note: true };
  return { facts: facts("index", source), note: true };
}

const PART_LABEL: Record<RankPart, Text> = {
  index: { vi: "Chỉ số CCHC", en: "the PAR index" },
  evidence: { vi: "phần điểm tài liệu kiểm chứng", en: "the evidence part" },
};

/**
 * Last year's figures compare with this year's only on the same part and scale. A previous ranking that
 * did not record its part (a typed table) is taken as the index, as published rankings are, and said so.
 */
function comparability(
  prev: PreviousRanking,
  basis: RankPart,
  scoreMax: number | null,
): { comparable: boolean; reason: Text | null } {
  const was = prev.basis ?? null;
  if (was !== null && was !== basis) {
    return {
      comparable: false,
      reason: {
        vi: `không so sánh được: năm trước xếp theo ${PART_LABEL[was].vi}, năm nay theo ${PART_LABEL[basis].vi}`,
        en: `not comparable: last year ranked ${PART_LABEL[was].en}, this year ${PART_LABEL[basis].en}`,
      },
    };
  }
  if (was === null && basis === "evidence") {
    return {
      comparable: false,
      reason: {
        vi: "không so sánh được: bảng năm trước không ghi cơ sở xếp hạng (coi là Chỉ số CCHC), năm nay xếp theo phần điểm tài liệu kiểm chứng",
        en: "not comparable: last year's table does not say its basis (taken as the PAR index), this year ranks the evidence part",
      },
    };
  }
  const prevMax = prev.scoreMax ?? null;
  if (prevMax !== null && scoreMax !== null && roundTo(prevMax, 4) !== roundTo(scoreMax, 4)) {
    return {
      comparable: false,
      reason: {
        vi: `không so sánh được: thang điểm khác (năm trước /${prevMax}, năm nay /${scoreMax})`,
        en: `not comparable: another scale (last year /${prevMax}, this year /${scoreMax})`,
      },
    };
  }
  if (was === null) {
    return {
      comparable: true,
      reason: {
        vi: "bảng năm trước không ghi cơ sở xếp hạng: coi là Chỉ số CCHC",
        en: "last year's table does not say its basis: taken as the PAR index",
      },
    };
  }
  return { comparable: true, reason: null };
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
    const at = newestCopy(copies.map((c) => c.modified));
    const winner = at === null ? null : copies[at];
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

/**
 * Last year's units by this year's key: renamed units under their new name, merged units together under
 * the unit they formed. A name twice in last year's list (two groups) counts once (the first), so two
 * histories are never swapped.
 */
function previousIndex(prev: PreviousRanking, map: UnitMap): Map<string, PreviousUnit[]> {
  const out = new Map<string, PreviousUnit[]>();
  const taken = new Set<string>();
  for (const p of prev.units) {
    const key = unitKey(p.unit);
    if (taken.has(key)) continue;
    taken.add(key);
    const successor = map.successor.get(key);
    const target = successor === undefined ? key : unitKey(successor);
    const list = out.get(target);
    if (list) list.push(p);
    else out.set(target, [p]);
  }
  return out;
}

/**
 * The units this one was formed from, when the map names several: each with last year's place and score
 * (null when it was not in last year's ranking). Null for a unit not merged (kept or renamed).
 */
function mergedFrom(map: UnitMap, key: string, prevs: readonly PreviousUnit[]): Predecessor[] | null {
  // The map may list only the units merged *into* one that kept its name ("Xã B → Xã A"): Xã A's own
  // last year counts as a predecessor too, never silently dropped.
  const listed = map.predecessors.get(key) ?? [];
  const names = [
    ...listed,
    ...prevs.map((p) => p.unit).filter((u) => !listed.some((n) => unitKey(n) === unitKey(u))),
  ];
  if (names.length < 2) return null;
  return names.map((name) => {
    const p = prevs.find((x) => unitKey(x.unit) === unitKey(name));
    return { unit: p?.unit ?? name, rank: p?.rank ?? null, score: p?.score ?? null };
  });
}

/** A merged unit is not new and has no single last-year place: its predecessors are shown instead. */
function mergedComparison(from: readonly Predecessor[], precision: number): PreviousComparison {
  const list = (lang: "vi" | "en") =>
    from
      .map((p) => {
        const bits = [
          p.rank !== null ? (lang === "vi" ? `hạng ${p.rank}` : `place ${p.rank}`) : null,
          p.score !== null ? formatFixed(p.score, precision, lang) : null,
        ].filter(Boolean);
        const none = lang === "vi" ? "không có trong bảng năm trước" : "not in last year's ranking";
        return `${p.unit} (${bits.length ? bits.join(", ") : none})`;
      })
      .join("; ");
  return {
    score: null,
    rank: null,
    delta: null,
    places: null,
    change: { vi: `sáp nhập từ: ${list("vi")}`, en: `merged from: ${list("en")}` },
  };
}

/** A unit of last year not found this year; when the map sends it elsewhere, says where it went. */
function vanishedText(map: UnitMap, unit: string): Text {
  const to = map.successor.get(unitKey(unit));
  if (to === undefined || unitKey(to) === unitKey(unit)) return VANISHED;
  return {
    vi: `đã chuyển thành "${to}" (bảng đối chiếu), nhưng "${to}" không có trong bảng năm nay`,
    en: `became "${to}" (unit map), but "${to}" is not in this year's ranking`,
  };
}

function areaPrevious(
  prev: PreviousUnit | undefined,
  def: { code: string; max: number },
  score: number | null,
  rank: number | null,
  precision: number,
): PreviousComparison | null {
  const area = prev?.areas?.find((a) => a.code === def.code);
  if (!area) return null;
  // An area whose maximum changed (another rubric) is not the same area: no change is shown.
  if (area.max != null && roundTo(area.max, 4) !== roundTo(def.max, 4)) return null;
  const delta = area.score === null || score === null ? null : roundTo(score - area.score, precision);
  const places = area.rank === null || rank === null ? null : area.rank - rank;
  return {
    score: area.score,
    rank: area.rank,
    delta,
    places,
    change: placesText(places),
    ...noteOf(contradiction(delta, places)),
  };
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
  comparison: { comparable: boolean; reason: Text | null } | null,
): PreviousComparison {
  if (!prev)
    return {
      score: null,
      rank: null,
      delta: null,
      places: null,
      change: { vi: "mới (không có trong bảng năm trước)", en: "new (not in last year's ranking)" },
    };
  if (comparison && !comparison.comparable) {
    // Last year's figures are shown as they were, but nothing is subtracted from them.
    return {
      score: prev.score,
      rank: prev.rank,
      delta: null,
      places: null,
      change: NOT_COMPARABLE,
      ...noteOf(comparison.reason),
    };
  }
  const delta = prev.score === null ? null : roundTo(score - prev.score, precision);
  const places = prev.rank === null ? null : prev.rank - rank;
  return {
    score: prev.score,
    rank: prev.rank,
    delta,
    places,
    change: placesText(places),
    ...noteOf(contradiction(delta, places)),
  };
}

function noteOf(note: Text | null): { note?: Text } {
  return note ? { note } : {};
}

const NOT_COMPARABLE: Text = { vi: "không so sánh được", en: "not comparable" };

/** Places and points moving in opposite directions is right, but looks wrong: say why. */
function contradiction(delta: number | null, places: number | null): Text | null {
  if (delta === null || places === null || delta === 0 || places === 0 || delta > 0 === places > 0)
    return null;
  return delta > 0
    ? {
        vi: "điểm tăng nhưng hạng giảm: các đơn vị khác tăng điểm nhiều hơn",
        en: "more points but a lower place: other units gained more",
      }
    : {
        vi: "điểm giảm nhưng hạng tăng: các đơn vị khác giảm điểm nhiều hơn hoặc số đơn vị thay đổi",
        en: "fewer points but a higher place: other units lost more, or the set of units changed",
      };
}

export function placesText(places: number | null): Text {
  if (places === null) return { vi: "", en: "" };
  if (places === 0) return { vi: "giữ nguyên", en: "unchanged" };
  const n = Math.abs(places);
  return places > 0
    ? { vi: `tăng ${n} bậc`, en: `up ${n} place${n > 1 ? "s" : ""}` }
    : { vi: `giảm ${n} bậc`, en: `down ${n} place${n > 1 ? "s" : ""}` };
}

function ratingCounts(bands: readonly RatingBand[], units: readonly RankedUnit[]): RankGroup["ratingCounts"] {
  if (units.every((u) => u.rating === null)) return [];
  return [...bands]
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
