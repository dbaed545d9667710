/**
 * Which rows a unit's result shows, for every face (the CLI's table, the page's, the pane's): each area
 * (scored and survey), then bonus and penalty whenever they were entered — even at 0, so the rows always
 * add up to the index — then the total. The faces only render these rows.
 */
import type { Text } from "../core/finding";
import type { NodeScore, Totals, UnitScore } from "../core/score";

export type ResultRowKind = "area" | "bonus" | "penalty" | "total";

export interface ResultRow {
  kind: ResultRowKind;
  /** "1." + the area's label as the template writes them; the bonus, penalty and total rows' words. */
  label: Text;
  /** The area's maximum after not-applicable removals; null for bonus and penalty (their caps are per item). */
  max: number | null;
  self: number | null;
  /** The latest appraisal round. */
  appraised: number | null;
  final: number | null;
  /** An area row's score node (for bars, notes), absent on the other rows. */
  area?: NodeScore;
}

const latest = (t: Totals) => t.appraised2 ?? t.appraised1;

export const RESULT_WORDS = {
  bonus: { vi: "Điểm thưởng", en: "Bonus" },
  penalty: { vi: "Điểm trừ", en: "Penalty" },
  total: { vi: "Tổng điểm", en: "Total" },
} as const satisfies Record<string, Text>;

export function resultRows(score: UnitScore): ResultRow[] {
  const rows: ResultRow[] = score.areas.map((a) => {
    const label = `${a.shown}. ${a.label}`;
    return {
      kind: "area",
      label: { vi: label, en: label },
      max: a.effectiveMax,
      self: a.scores.self,
      appraised: latest(a.scores),
      final: a.scores.final,
      area: a,
    };
  });
  for (const kind of ["bonus", "penalty"] as const) {
    const t = score[kind];
    if (t.final === null && t.self === null) continue;
    rows.push({
      kind,
      label: RESULT_WORDS[kind],
      max: null,
      self: t.self,
      appraised: latest(t),
      final: t.final,
    });
  }
  rows.push({
    kind: "total",
    label: RESULT_WORDS.total,
    max: score.summary.max,
    self: score.summary.self,
    appraised: latest(score.index) ?? latest(score.indexWithoutSurvey),
    final: score.summary.final,
  });
  return rows;
}
