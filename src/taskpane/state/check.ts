/**
 * The Check tab's state: the last result, the opt-in highlights and live re-check, and what the explicit
 * "Ghi báo cáo vào sổ" and "Ghi kết quả thẩm định vào sổ" wrote. Pure: tested without React (test/taskpane/state.test.ts).
 */
import type { Finding, Severity } from "../../core/finding";
import { type Lang, t, tCount } from "../../core/i18n";
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
  /**
   * The unit sheet the user picked on a consolidation workbook (its card, "Mất điểm ở đâu" and the
   * appraisal write follow it); null: the check's first unit.
   */
  unit: string | null;
  /** What the last check changed against the one before (null after the first). */
  changes: FindingChanges | null;
}

/** Findings new since the previous check (their keys, to mark them) and how many were fixed. */
export interface FindingChanges {
  added: Record<Severity, number>;
  fixed: Record<Severity, number>;
  newKeys: string[];
}

export interface AppraisalWritten {
  sheet: string;
  unit: string;
  /** Items appraised differently with no note (the sheet lists them first). */
  pending: number;
  /** Units the group's average is over (0: none). */
  peers: number;
  /** False when the host could not set the sheet's page (before ExcelApi 1.9). */
  pageLayout?: boolean;
}

export type CheckAction =
  | { type: "check/done"; validation: ValidateResult }
  | { type: "check/written"; validation: ValidateResult }
  | { type: "check/appraisalWritten"; written: AppraisalWritten }
  | { type: "check/unit"; sheet: string | null }
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
  unit: null,
  changes: null,
};

/** A finding's identity across checks: what, where and about which item (not its wording or values). */
export function findingKey(f: Finding): string {
  return [
    f.code,
    f.sheet ?? "",
    f.address ?? "",
    f.item ?? "",
    f.itemPath?.join("/") ?? "",
    f.column ?? "",
  ].join("\u0000");
}

function allOf(v: ValidateResult): Finding[] {
  return [...v.analysis.findings, ...v.analysis.units.flatMap((u) => u.findings)];
}

/** New and fixed findings between two checks, counted as multisets (two same findings are two). */
export function findingChanges(before: ValidateResult, after: ValidateResult): FindingChanges {
  const left = new Map<string, { severity: Severity; n: number }>();
  for (const f of allOf(before)) {
    const k = findingKey(f);
    const at = left.get(k);
    if (at) at.n++;
    else left.set(k, { severity: f.severity, n: 1 });
  }
  const added = { error: 0, warning: 0, info: 0 };
  const newKeys: string[] = [];
  for (const f of allOf(after)) {
    const k = findingKey(f);
    const at = left.get(k);
    if (at && at.n > 0) at.n--;
    else {
      added[f.severity]++;
      newKeys.push(k);
    }
  }
  const fixed = { error: 0, warning: 0, info: 0 };
  for (const { severity, n } of left.values()) fixed[severity] += n;
  return { added, fixed, newKeys };
}

/** The picked unit kept across checks while the workbook still has that sheet. */
function keptUnit(unit: string | null, v: ValidateResult): string | null {
  return unit !== null && v.analysis.units.some((u) => u.sheet === unit) ? unit : null;
}

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
        unit: keptUnit(state.unit, action.validation),
        changes: state.validation ? findingChanges(state.validation, action.validation) : null,
      };
    case "check/written":
      return {
        ...state,
        validation: action.validation,
        written: action.validation.written,
        appraisal: null,
        checks: state.checks + 1,
        unit: keptUnit(state.unit, action.validation),
        changes: state.validation ? findingChanges(state.validation, action.validation) : null,
      };
    case "check/unit":
      return { ...state, unit: action.sheet };
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

/**
 * "1 lỗi mới, 1 lỗi đã sửa" — what a re-check changed, errors first; "không có gì thay đổi" when the
 * findings are the same ones. Said in the status region after "Xong: …".
 */
export function changesText(lang: Lang, c: FindingChanges): string {
  const parts: string[] = [];
  const add = (key: Parameters<typeof tCount>[1], n: number) => {
    if (n > 0) parts.push(tCount(lang, key, n));
  };
  add("newErrors", c.added.error);
  add("fixedErrors", c.fixed.error);
  add("newWarnings", c.added.warning);
  add("fixedWarnings", c.fixed.warning);
  add("newNotes", c.added.info);
  add("fixedNotes", c.fixed.info);
  return parts.length > 0 ? parts.join(", ") : t(lang, "nothingChanged");
}
