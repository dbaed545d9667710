/**
 * The roles a column of a unit's scoring table can play. Its own module so that recognition,
 * validation and messages can name a role without importing the pipeline that calls them.
 */
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
