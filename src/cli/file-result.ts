import type { UnitAnalysis } from "../core/analyse";
import type { UnitEntries } from "../core/entries";
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
  error: FileError | null;
}

/** A file that could not be analysed: its error, and the `unreadable-file` finding every report lists. */
export function failedResult(file: string, error: FileError): FileResult {
  return { file, units: [], findings: [unreadableFileFinding(error.message, error.reason)], error };
}
