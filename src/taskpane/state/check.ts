/**
 * The Check tab's state: the last result, the opt-in highlights and live re-check, and what the explicit
 * "Ghi báo cáo vào sổ" and "Ghi kết quả thẩm định vào sổ" wrote. Pure: tested without React (test/taskpane/state.test.ts).
 */
import type { ValidateResult } from "../../excel/service";

export interface CheckState {
  validation: ValidateResult | null;
  highlighted: boolean;
  live: boolean;
  liveSupported: boolean;
  /** Sheets the user asked to write ("Ghi báo cáo vào sổ"), for the "go there" link; null until then. */
  written: string[] | null;
  /** Finished checks: the status region says "Xong: …" again even when the counts did not change. */
  checks: number;
  /** What "Ghi kết quả thẩm định vào sổ" wrote, for its message and "go there"; null until then. */
  appraisal: AppraisalWritten | null;
}

export interface AppraisalWritten {
  sheet: string;
  unit: string;
  /** Items appraised differently with no note (the sheet lists them first). */
  pending: number;
  /** Units the group's average is over (0: none). */
  peers: number;
}

export type CheckAction =
  | { type: "check/done"; validation: ValidateResult }
  | { type: "check/written"; validation: ValidateResult }
  | { type: "check/appraisalWritten"; written: AppraisalWritten }
  | { type: "check/highlighted"; on: boolean }
  | { type: "check/live"; on: boolean; supported?: boolean };

export const initialCheck: CheckState = {
  validation: null,
  highlighted: false,
  live: false,
  liveSupported: true,
  written: null,
  checks: 0,
  appraisal: null,
};

export function checkReducer(state: CheckState, action: CheckAction): CheckState {
  switch (action.type) {
    case "check/done":
      // A new check makes an earlier "written" note stale: the sheets no longer show this result.
      return {
        ...state,
        validation: action.validation,
        written: null,
        appraisal: null,
        checks: state.checks + 1,
      };
    case "check/written":
      return {
        ...state,
        validation: action.validation,
        written: action.validation.written,
        appraisal: null,
        checks: state.checks + 1,
      };
    case "check/appraisalWritten":
      return { ...state, appraisal: action.written };
    case "check/highlighted":
      return { ...state, highlighted: action.on };
    case "check/live": {
      const supported = action.supported ?? state.liveSupported;
      return { ...state, live: action.on && supported, liveSupported: supported };
    }
  }
}
