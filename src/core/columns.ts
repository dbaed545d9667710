/**
 * The roles a column of a unit's scoring table can play. Its own module so that recognition,
 * validation and messages can name a role without importing the pipeline that calls them.
 */
import type { Text } from "./finding";

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

/** Every role, in the order tables list them. */
export const COLUMN_ROLES: readonly ColumnRole[] = [
  "code",
  "label",
  "max",
  "guidance",
  "self",
  "appraised1",
  "appraised2",
  "evidence",
  "explanation",
  "note",
];

/**
 * A role as the user reads it. Here rather than beside the findings' texts (messages.ts) because the
 * pane's first paint names roles and should not carry every finding's wording to do it.
 */
const ROLE: Record<ColumnRole, Text> = {
  code: { vi: "STT/mã tiêu chí", en: "item code" },
  label: { vi: "nội dung tiêu chí", en: "item label" },
  max: { vi: "điểm tối đa", en: "maximum points" },
  guidance: { vi: "hướng dẫn chấm", en: "scoring guidance" },
  self: { vi: "điểm tự đánh giá", en: "self score" },
  appraised1: { vi: "điểm thẩm định", en: "appraised score" },
  appraised2: { vi: "điểm thẩm định lần 2", en: "appraised score (round 2)" },
  evidence: { vi: "tài liệu kiểm chứng", en: "evidence" },
  explanation: { vi: "giải trình", en: "explanation" },
  note: { vi: "ghi chú/ý kiến", en: "note" },
};

export function roleName(role: ColumnRole): Text {
  return ROLE[role];
}
