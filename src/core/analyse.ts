/**
 * The pipeline every surface calls (task pane, ribbon, CLI): recognise the unit tables in a workbook
 * snapshot, validate them against the rubric, score them. One call, pure, no I/O.
 *
 * (Types first: recognition, validation and scoring are being built beside this file; the function
 * body is wired to them as they land.)
 */
import type { Finding } from "./finding";
import type { UnitEntries } from "./entries";
import type { Rubric } from "./rubric/schema";

export type ColumnRole =
  | "code"
  | "label"
  | "max"
  | "guidance"
  | "self"
  | "appraised1"
  | "appraised2"
  | "evidence"
  | "explanation"
  | "note";

export interface AnalyseOptions {
  /** null: use the workbook's own structure and check it for self-consistency. */
  rubric: Rubric | null;
  /** File name or workbook name; the unit name of last resort. */
  source: string;
  /** Assessment year for evidence dates; defaults to the rubric's year. */
  year?: number;
  /** Recognise every sheet that holds a unit table (consolidation workbooks), not only the best one. */
  allSheets?: boolean;
}
