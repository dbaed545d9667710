import type { UnitAnalysis } from "../core/analyse";
import type { UnitEntries } from "../core/entries";
import { statSync } from "node:fs";
import { basename } from "node:path";
import type { AnalysedFile } from "../app/rank-inputs";
import type { SkippedSheet } from "../app/units";
import type { ColumnOutside } from "./columns-check";
import { type Finding, type Text, unreadableFileFinding } from "../core/finding";

// What the batch hands back per input file, whichever thread read it.

/** A unit as the CLI keeps it: the batch drops the cell-level entries once the unit is scored (slimResult). */
export type UnitResult = Omit<UnitAnalysis, "entries"> & { entries?: UnitEntries };

export interface FileError {
  reason: string;
  message: Text;
}

export interface FileResult {
  file: string;
  units: UnitResult[];
  /** Workbook-level findings (no table found, …) and the `unreadable-file` finding of a bad file. */
  findings: Finding[];
  /** The workbook's sheets that are not units, each with why (absent when the file was not read). */
  skipped?: SkippedSheet[];
  /** `--columns` pairs outside the table of a unit sheet: the run stops with a usage error (columns-check.ts). */
  columnsOutside?: ColumnOutside[];
  error: FileError | null;
}

/** A file that could not be analysed: its error, and the `unreadable-file` finding every report lists. */
export function failedResult(file: string, error: FileError): FileResult {
  return { file, units: [], findings: [unreadableFileFinding(error.message, error.reason)], error };
}

/** A file's result as src/app takes it: its name as the user knows it and its modification time. */
export function analysedFile(r: FileResult): AnalysedFile<UnitResult> {
  return {
    source: basename(r.file),
    modified: modifiedTime(r.file),
    units: r.units,
    findings: r.findings,
    error: r.error?.message ?? null,
  };
}

/** The file's modification time: the same unit sent twice counts from the newer file. */
export function modifiedTime(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}
