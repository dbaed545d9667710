import { roundTo } from "../core/numbers";
import type { Ranking } from "../core/rank";

/**
 * A made-up last year for the demo and the print check, so the ranking's change columns have something to say:
 * this year's groups with scores nudged (−2.5 to +1.5, by place), ranked again, plus one unit that has since
 * merged away (named in no workbook of this year).
 */
export function madeUpLastYear(
  thisYear: Ranking,
  precision: number,
): { unit: string; score: number; rank: number }[] {
  const units = thisYear.groups.flatMap((g) =>
    g.units
      .map((u, k) => ({ unit: u.unit, score: roundTo(u.score + ((k * 7) % 5) - 2.5, precision) }))
      .sort((a, b) => b.score - a.score)
      .map((u, k) => ({ ...u, rank: k + 1 })),
  );
  units.push({ unit: "Xã Đã Sáp Nhập", score: 80.5, rank: 3 });
  return units;
}
