/**
 * Two versions of a submission compared unit by unit: every unit sheet of the earlier version with the
 * same unit in the resubmission (by folded name, else by sheet name). A unit found in one version only
 * is said, never dropped. A file of one unit against a file of one unit is the one comparison it always was.
 */
import type { AnalyseOptions } from "../core/analyse";
import { diffUnits, type WorkbookDiff } from "../core/diff";
import type { Text } from "../core/finding";
import { unitKey } from "../core/rank-key";
import type { WorkbookSnapshot } from "../core/snapshot";
import { analyseUnits } from "./units";

export function diffEveryUnit(
  oldWb: WorkbookSnapshot,
  newWb: WorkbookSnapshot,
  options: Pick<AnalyseOptions, "rubric" | "year">,
): WorkbookDiff[] {
  const before = analyseUnits(oldWb, { ...options, source: oldWb.source }).units;
  const after = analyseUnits(newWb, { ...options, source: newWb.source }).units;
  if (before.length <= 1 && after.length <= 1)
    return [diffUnits(oldWb, before[0] ?? null, newWb, after[0] ?? null)];
  const byKey = new Map(after.map((u) => [unitKey(u.unit), u]));
  const bySheet = new Map(after.map((u) => [u.sheet, u]));
  const used = new Set<(typeof after)[number]>();
  const diffs: WorkbookDiff[] = [];
  const alone: Text[] = [];
  for (const a of before) {
    const key = byKey.get(unitKey(a.unit));
    const b = key && !used.has(key) ? key : bySheet.get(a.sheet);
    if (!b || used.has(b)) {
      alone.push(onlyIn(a.unit, a.sheet, oldWb.source, newWb.source));
      continue;
    }
    used.add(b);
    diffs.push(diffUnits(oldWb, a, newWb, b));
  }
  for (const b of after) if (!used.has(b)) alone.push(onlyIn(b.unit, b.sheet, newWb.source, oldWb.source));
  if (diffs.length === 0) diffs.push(diffUnits(oldWb, before[0] ?? null, newWb, after[0] ?? null));
  diffs[0].problems.push(...alone);
  return diffs;
}

function onlyIn(unit: string, sheet: string, file: string, other: string): Text {
  return {
    vi: `Đơn vị "${unit}" (trang "${sheet}") chỉ có trong ${file}, không có trong ${other}: không so sánh được.`,
    en: `Unit "${unit}" (sheet "${sheet}") is only in ${file}, not in ${other}: not compared.`,
  };
}
