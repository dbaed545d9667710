/**
 * The province scores the social survey ("điều tra xã hội học") itself and sends a table of unit →
 * survey points. It is merged into the units by folded name; both kinds of mismatch are reported, since
 * a misspelt unit name would otherwise silently leave a unit without its survey score.
 */
import type { Text } from "./finding";
import { fold, foldWords } from "./fold";
import { parseNumberText } from "./numbers";
import type { WorkbookSnapshot } from "./snapshot";
import { a1 } from "./address";

export interface SurveyRow {
  unit: string;
  score: number;
  /** "Sheet!B5" where it came from, for messages. */
  where: string | null;
}

export interface SurveyMerge {
  /** Survey score per unit name as the units spell it. */
  byUnit: Map<string, number>;
  unitsWithoutSurvey: string[];
  rowsWithoutUnit: SurveyRow[];
}

const UNIT = ["don vi", "ten don vi", "unit", "co quan don vi", "ten co quan"];
const SCORE = [
  "diem dieu tra xa hoi hoc",
  "dieu tra xa hoi hoc",
  "diem khao sat",
  "khao sat",
  "diem dieu tra",
  "survey",
  "diem",
  "score",
];

export function readSurveyTable(wb: WorkbookSnapshot): { rows: SurveyRow[]; problems: Text[] } {
  for (const sheet of wb.sheets) {
    for (let r = 0; r < Math.min(sheet.values.length, 40); r++) {
      const headers = (sheet.values[r] ?? []).map((v) => foldWords(v));
      const unitCol = headers.findIndex((h) => UNIT.includes(h));
      const scoreCol = headers.findIndex((h) => SCORE.some((s) => h === s || h.startsWith(`${s} `)));
      if (unitCol < 0 || scoreCol < 0) continue;
      const rows: SurveyRow[] = [];
      const problems: Text[] = [];
      for (let k = r + 1; k < sheet.values.length; k++) {
        const row = sheet.values[k] ?? [];
        const unit = row[unitCol];
        if (typeof unit !== "string" || !unit.trim()) continue;
        const raw = row[scoreCol];
        const score =
          typeof raw === "number"
            ? raw
            : typeof raw === "string"
              ? (parseNumberText(raw)?.value ?? null)
              : null;
        const where = `${sheet.name}!${a1(sheet.origin.row + k, sheet.origin.col + scoreCol)}`;
        if (score === null || !Number.isFinite(score)) {
          problems.push({
            vi: `${wb.source} › ${where}: điểm điều tra của "${unit}" không phải là số (${String(raw ?? "trống")}).`,
            en: `${wb.source} › ${where}: the survey score of "${unit}" is not a number (${String(raw ?? "empty")}).`,
          });
          continue;
        }
        rows.push({ unit: unit.trim(), score, where });
      }
      return { rows, problems };
    }
  }
  return {
    rows: [],
    problems: [
      {
        vi: `${wb.source}: không tìm thấy bảng điểm điều tra (cột "Đơn vị" và cột "Điểm điều tra xã hội học").`,
        en: `${wb.source}: no survey table found (a "Đơn vị"/unit column and a survey score column).`,
      },
    ],
  };
}

export function mergeSurvey(units: readonly string[], rows: readonly SurveyRow[]): SurveyMerge {
  const byFolded = new Map(rows.map((r) => [fold(r.unit), r]));
  const byUnit = new Map<string, number>();
  const matched = new Set<string>();
  const unitsWithoutSurvey: string[] = [];
  for (const unit of units) {
    const row = byFolded.get(fold(unit));
    if (row) {
      byUnit.set(unit, row.score);
      matched.add(fold(unit));
    } else unitsWithoutSurvey.push(unit);
  }
  return { byUnit, unitsWithoutSurvey, rowsWithoutUnit: rows.filter((r) => !matched.has(fold(r.unit))) };
}
