import { resultRows } from "../app/result-rows";
import { inLang } from "../core/i18n";
import type { UnitResult } from "./analyse-file";
import { formatScore } from "../core/numbers";
import type { NodeScore, Totals, UnitScore } from "../core/score";
import type { Lang } from "./args";

/** The totals of a unit as the CLI shows them (text) and prints them (--json). */
export function totalsJson(score: UnitScore) {
  const appraised = (t: Totals) => t.appraised2 ?? t.appraised1;
  return {
    self: score.index.self ?? score.indexWithoutSurvey.self,
    appraised: appraised(score.index) ?? appraised(score.indexWithoutSurvey),
    final: score.index.final,
    finalFrom: score.finalFrom,
    indexWithoutSurvey: score.indexWithoutSurvey.final,
    surveyMissing: score.surveyMissing,
    rating: score.rating?.label ?? null,
    // `max`: what the scores are out of after not-applicable removals; `rubricMax`: the rubric's.
    evidence: { max: score.evidence.max, rubricMax: score.evidence.rubricMax, ...score.evidence.scores },
    survey: score.survey ? { max: score.survey.max, score: score.survey.scores.final } : null,
    bonus: score.bonus.final,
    penalty: score.penalty.final,
    areas: score.areas.map((a) => ({
      code: a.code,
      label: a.label,
      max: a.effectiveMax,
      self: a.scores.self,
      appraised: appraised(a.scores),
      final: a.scores.final,
    })),
  };
}

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

/**
 * A unit's scores as the terminal prints them: a header, one line per area with a 10-step bar of its
 * final ÷ maximum, bonus and penalty when there are any, then the index (or, while the survey part is
 * missing, the evidence part and the provisional index). The appraised column shows only when a round exists.
 */
export function scoreTable(u: UnitResult, lang: Lang, indent = "   "): string[] {
  const s = u.score;
  const f = (x: number | null) => (x === null ? "–" : formatScore(x, s.precision, lang));
  const appraisedCol = s.columns.includes("appraised1") || s.columns.includes("appraised2");
  const lines = [indent + headLine(appraisedCol, lang)];
  // The rows every face shows (src/app): areas, then bonus and penalty whenever entered; the index last.
  for (const r of resultRows(s)) {
    if (r.kind === "area" && r.area) lines.push(indent + areaLine(r.area, appraisedCol, f));
    else if (r.kind === "bonus" || r.kind === "penalty")
      lines.push(`${indent}${r.label[lang]}: ${r.kind === "bonus" ? "+" : "−"}${f(r.final)}`);
  }
  lines.push(indent + indexLine(s, f, lang));
  return lines;
}

function headLine(appraisedCol: boolean, lang: Lang): string {
  return inLang(lang, {
    vi: `${pad("Lĩnh vực", 44)} ${lpad("Tối đa", 7)} ${lpad("Tự chấm", 8)}${appraisedCol ? ` ${lpad("Thẩm định", 9)}` : ""} ${lpad("Cuối", 7)}  `,
    en: `${pad("Area", 44)} ${lpad("Max", 7)} ${lpad("Self", 8)}${appraisedCol ? ` ${lpad("Appraised", 9)}` : ""} ${lpad("Final", 7)}  `,
  });
}

function areaLine(a: NodeScore, appraisedCol: boolean, f: (x: number | null) => string): string {
  const pct = a.scores.final === null || a.effectiveMax === 0 ? 0 : a.scores.final / a.effectiveMax;
  // Clamped: an over-max score (validation reports it) must not draw a bar wider than the column.
  const bar = "█".repeat(Math.round(Math.max(0, Math.min(1, pct)) * 10)).padEnd(10, "·");
  const appraised = appraisedCol ? ` ${lpad(f(a.scores.appraised2 ?? a.scores.appraised1), 9)}` : "";
  return `${pad(`${a.shown}. ${a.label}`, 44)} ${lpad(f(a.effectiveMax), 7)} ${lpad(f(a.scores.self), 8)}${appraised} ${lpad(f(a.scores.final), 7)}  ${bar}`;
}

/** The index with its rating and basis, or — never a silently wrong total — what is known without the survey. */
function indexLine(s: UnitScore, f: (x: number | null) => string, lang: Lang): string {
  const rating = s.rating ? inLang(lang, { vi: s.rating.label, en: s.rating.labelEn }) : null;
  if (s.index.final !== null) {
    return inLang(lang, {
      vi: `CHỈ SỐ: ${f(s.index.final)}/${f(s.scaleMax)}${rating ? ` — xếp loại ${rating}` : ""} (điểm cuối theo ${basisName(s.finalFrom, lang)})`,
      en: `INDEX: ${f(s.index.final)}/${f(s.scaleMax)}${rating ? ` — rated ${rating}` : ""} (final from ${basisName(s.finalFrom, lang)})`,
    });
  }
  return inLang(lang, {
    vi: `Chưa có điểm điều tra xã hội học: phần tài liệu ${f(s.evidence.scores.final)}/${f(s.evidence.max)}, chỉ số tạm (chưa gồm điều tra) ${f(s.indexWithoutSurvey.final)}`,
    en: `No social-survey score yet: evidence part ${f(s.evidence.scores.final)}/${f(s.evidence.max)}, provisional index without survey ${f(s.indexWithoutSurvey.final)}`,
  });
}

function basisName(c: UnitScore["finalFrom"], lang: Lang): string {
  const names = {
    self: { vi: "điểm tự đánh giá", en: "self scores" },
    appraised1: { vi: "điểm thẩm định", en: "appraised scores" },
    appraised2: { vi: "điểm thẩm định lần 2", en: "round-2 appraisal" },
  } as const;
  return c ? names[c][lang] : "–";
}
