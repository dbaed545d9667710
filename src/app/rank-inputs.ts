/**
 * Analysed workbooks → the ranking's inputs, the same for the CLI, the pane and the page: every unit
 * sheet is an input with its file's modification time (so the same unit sent twice is ranked from the
 * newest copy, see duplicates.ts), and a file that gave no unit stays in as "not ranked" with why.
 */
import type { Finding, Text } from "../core/finding";
import type { RankInput } from "../core/rank";
import type { UnitScore } from "../core/score";
import { knownTime } from "./duplicates";

/** What ranking needs of a unit (a UnitAnalysis, the CLI's slimmer UnitResult). */
export interface RankableUnit {
  unit: string;
  sheet: string;
  score: UnitScore;
  findings: readonly Finding[];
}

/** What every face knows of one analysed file. */
export interface AnalysedFile<U extends RankableUnit = RankableUnit> {
  /** The file's name as the user knows it (no folder). */
  source: string;
  /** When the file was last modified (ms), null when unknown. */
  modified: number | null;
  units: readonly U[];
  /** Workbook-wide findings (no table found…), or the unreadable-file finding. */
  findings: readonly Finding[];
  /** Why the file could not be read at all. */
  error: Text | null;
}

export const NO_TABLE: Text = { vi: "không tìm thấy bảng chấm điểm", en: "no scoring table found" };

/** Why a file gave no unit: its read error, else its first workbook finding. */
export function noUnitReason(file: Pick<AnalysedFile, "findings" | "error">): Text {
  return file.error ?? file.findings[0]?.message ?? NO_TABLE;
}

/**
 * Files in name order whatever order they came in (a folder's listing, the order the user picked them):
 * ties, duplicate notices and "not ranked" read the same in every face.
 */
export function rankInputsOf(files: readonly AnalysedFile[]): RankInput[] {
  const ordered = [...files].sort((a, b) => a.source.localeCompare(b.source));
  return ordered.flatMap((f): RankInput[] => {
    if (f.units.length === 0) {
      // The reader's messages already name the file; the unit column shows it too.
      return [
        { unit: f.source, source: f.source, sheet: null, score: null, errors: 1, reason: noUnitReason(f) },
      ];
    }
    const modified = knownTime(f.modified);
    return f.units.map((u) => ({
      unit: u.unit,
      source: f.source,
      sheet: u.sheet,
      score: u.score,
      errors: u.findings.filter((x) => x.severity === "error").length,
      modified,
    }));
  });
}
