/**
 * One typed entry per finding code: the severities it is raised with, the pane's short name for it
 * ("kind"), its group, whether it counts as missing evidence, and where its {vi, en} message is worded.
 * The table `satisfies Record<FindingCode, FindingSpec>`: a code appended to FINDING_CODES (finding.ts)
 * does not compile until it has an entry here and a "why / how to fix" text in finding-help.ts (kept in
 * its own module so the pane can load it after first paint) — a code cannot be half-added.
 * Checklist: docs/architecture.md, "Add a finding code".
 */
import { FINDING_CODES, type FindingCode, type Severity, type Text } from "./finding";
import type { msg } from "./messages";

/** Where the pane and report place a finding; "evidence" is the appraisers' "missing evidence" view. */
export type FindingGroup =
  | "table"
  | "items"
  | "scores"
  | "totals"
  | "evidence"
  | "appraisal"
  | "unit"
  | "files"
  | "imports"
  | "ranking";

/** A message builder of core/messages.ts. */
export type MessageKey = keyof typeof msg;

export interface FindingSpec {
  /** The severities the code is raised with, the usual one first. */
  severities: readonly [Severity, ...Severity[]];
  group: FindingGroup;
  /** Counted in the pane's and page's "missing evidence" view. */
  missingEvidence: boolean;
  /** The code as the pane's "kind" filter and headings name it (the code itself stays the stable API). */
  kind: Text;
  /**
   * Its {vi, en} message builders: in core/messages.ts (by name), or — for findings about imported
   * tables, files and the ranking, worded beside the data they describe — the module that words them.
   */
  wording: readonly [MessageKey, ...MessageKey[]] | { module: string };
}

export const FINDING_SPECS = {
  "table-not-found": {
    severities: ["error", "info"],
    group: "table",
    missingEvidence: false,
    kind: { vi: "Không tìm thấy bảng chấm điểm", en: "Scoring table not found" },
    wording: ["tableNotFound", "blankTableSkipped"],
  },
  "missing-column": {
    severities: ["warning", "error", "info"],
    group: "table",
    missingEvidence: false,
    kind: { vi: "Thiếu cột", en: "Missing column" },
    wording: ["missingColumn", "missingKeyColumn"],
  },
  "missing-item": {
    severities: ["error", "info"],
    group: "items",
    missingEvidence: false,
    kind: { vi: "Thiếu tiêu chí", en: "Missing item" },
    wording: ["missingItem"],
  },
  "unknown-item": {
    severities: ["warning", "info"],
    group: "items",
    missingEvidence: false,
    kind: { vi: "Tiêu chí không có trong bộ chỉ số", en: "Item not in the rubric" },
    wording: ["unknownItem"],
  },
  "duplicate-item": {
    severities: ["error", "info"],
    group: "items",
    missingEvidence: false,
    kind: { vi: "Tiêu chí trùng", en: "Duplicate item" },
    wording: ["duplicateItem"],
  },
  // "info" on the codes a wrong rubric causes: folded under wrong-rubric (core/analyse.ts SYMPTOMS).
  "max-mismatch": {
    severities: ["error", "info"],
    group: "items",
    missingEvidence: false,
    kind: { vi: "Điểm tối đa khác bộ chỉ số", en: "Maximum differs from the rubric" },
    wording: ["maxMismatch"],
  },
  "not-a-number": {
    severities: ["error"],
    group: "scores",
    missingEvidence: false,
    kind: { vi: "Không phải số", en: "Not a number" },
    wording: ["notANumber"],
  },
  "number-as-text": {
    severities: ["warning"],
    group: "scores",
    missingEvidence: false,
    kind: { vi: "Số ghi dạng chữ", en: "Number stored as text" },
    wording: ["numberAsText"],
  },
  "score-out-of-range": {
    severities: ["error", "info"],
    group: "scores",
    missingEvidence: false,
    kind: { vi: "Điểm ngoài khoảng cho phép", en: "Score out of range" },
    wording: ["outOfRange"],
  },
  "score-not-allowed": {
    severities: ["warning", "error", "info"],
    group: "scores",
    missingEvidence: false,
    kind: { vi: "Mức điểm không có trong hướng dẫn", en: "Score not allowed" },
    wording: ["notAllowed", "notApplicableNotAllowed"],
  },
  "missing-score": {
    severities: ["error", "warning"],
    group: "scores",
    missingEvidence: false,
    kind: { vi: "Chưa chấm điểm", en: "Missing score" },
    wording: ["missingScore"],
  },
  "total-mismatch": {
    severities: ["error", "info"],
    group: "totals",
    missingEvidence: false,
    kind: { vi: "Tổng không khớp", en: "Total does not add up" },
    wording: ["totalMismatch"],
  },
  "formula-overwritten": {
    severities: ["warning"],
    group: "totals",
    missingEvidence: false,
    kind: { vi: "Công thức bị ghi đè", en: "Formula overwritten" },
    wording: ["formulaOverwritten"],
  },
  "formula-error": {
    severities: ["error"],
    group: "totals",
    missingEvidence: false,
    kind: { vi: "Công thức lỗi", en: "Formula error" },
    wording: ["formulaError"],
  },
  "missing-evidence": {
    severities: ["warning"],
    group: "evidence",
    missingEvidence: true,
    kind: { vi: "Thiếu tài liệu kiểm chứng", en: "Missing evidence" },
    wording: ["missingEvidence"],
  },
  "evidence-unverifiable": {
    severities: ["warning"],
    group: "evidence",
    missingEvidence: true,
    kind: { vi: "Tài liệu kiểm chứng không xác minh được", en: "Evidence cannot be verified" },
    wording: ["evidenceUnverifiable", "evidenceListMissing"],
  },
  "evidence-out-of-period": {
    severities: ["warning"],
    group: "evidence",
    missingEvidence: true,
    kind: { vi: "Tài liệu ngoài kỳ đánh giá", en: "Evidence outside the period" },
    wording: ["evidenceOutOfPeriod"],
  },
  "appraisal-without-note": {
    severities: ["warning"],
    group: "appraisal",
    missingEvidence: false,
    kind: { vi: "Điểm thẩm định khác mà không ghi chú", en: "Appraisal changed without a note" },
    wording: ["appraisalWithoutNote"],
  },
  "self-score-on-survey": {
    severities: ["warning"],
    group: "scores",
    missingEvidence: false,
    kind: { vi: "Tự chấm phần điều tra xã hội học", en: "Self score on the survey part" },
    wording: ["selfScoreOnSurvey"],
  },
  "missing-unit-name": {
    severities: ["warning"],
    group: "unit",
    missingEvidence: false,
    kind: { vi: "Thiếu tên đơn vị", en: "Unit name missing" },
    wording: ["missingUnitName"],
  },
  "unreadable-file": {
    severities: ["error"],
    group: "files",
    missingEvidence: false,
    kind: { vi: "Tệp không đọc được", en: "Unreadable file" },
    wording: { module: "src/files/errors.ts" },
  },
  "number-format-ambiguous": {
    severities: ["warning", "error"],
    group: "imports",
    missingEvidence: false,
    kind: { vi: "Không rõ dấu thập phân", en: "Ambiguous decimal mark" },
    wording: { module: "src/core/imported.ts" },
  },
  "unusable-row": {
    severities: ["warning", "error", "info"],
    group: "imports",
    missingEvidence: false,
    kind: { vi: "Dòng không dùng được", en: "Unusable row" },
    wording: { module: "src/core/survey.ts" },
  },
  "duplicate-unit": {
    severities: ["warning", "error"],
    group: "ranking",
    missingEvidence: false,
    kind: { vi: "Đơn vị trùng", en: "Duplicate unit" },
    wording: { module: "src/core/rank.ts" },
  },
  "wrong-rubric": {
    severities: ["error"],
    group: "table",
    missingEvidence: false,
    kind: { vi: "Có thể chọn nhầm bộ chỉ số", en: "Probably the wrong rubric" },
    wording: { module: "src/core/analyse.ts" },
  },
  "ambiguous-column": {
    severities: ["warning"],
    group: "table",
    missingEvidence: false,
    kind: { vi: "Cột có thể hiểu hai cách", en: "Column read one of two ways" },
    wording: ["columnTwoColumns", "columnTwoRoles"],
  },
  "evidence-not-listed": {
    severities: ["warning"],
    group: "evidence",
    missingEvidence: true,
    kind: { vi: "Trích dẫn tài liệu không có trong danh mục", en: "Cited document not on the evidence list" },
    wording: ["evidenceNotListed"],
  },
  "evidence-list-uncited": {
    severities: ["info"],
    group: "evidence",
    missingEvidence: false,
    kind: { vi: "Tài liệu trong danh mục không được dẫn", en: "Listed documents nobody cites" },
    wording: ["evidenceListUncited"],
  },
  "links-not-read": {
    severities: ["info"],
    group: "evidence",
    missingEvidence: false,
    kind: { vi: "Chưa đọc hết liên kết", en: "Links not all read" },
    wording: ["linksNotRead"],
  },
  "opened-with-default-key": {
    severities: ["info"],
    group: "files",
    missingEvidence: false,
    kind: { vi: "Tệp bảo vệ chỉ-đọc", en: "Read-only protected file" },
    wording: ["openedWithDefaultKey"],
  },
} as const satisfies Record<FindingCode, FindingSpec>;

export function findingSpec(code: FindingCode): FindingSpec {
  return FINDING_SPECS[code];
}

/** The codes of the "missing evidence" view (pane and standalone page): the appraisers' main question. */
export const EVIDENCE_FINDING_CODES: readonly FindingCode[] = FINDING_CODES.filter(
  (c) => FINDING_SPECS[c].missingEvidence,
);
