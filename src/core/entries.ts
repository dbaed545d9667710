/**
 * The hand-off between reading a unit's workbook and scoring it: for each rubric item found, the
 * numbers as they count (text like "1,5" already parsed) and whether the unit marked it not applicable.
 * Recognition/validation produce it; scoring consumes it and never looks at cells.
 */
export const SCORE_COLUMNS = ["self", "appraised1", "appraised2"] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

export interface ItemEntry {
  /** Rubric code. */
  code: string;
  self: number | null;
  appraised1: number | null;
  appraised2: number | null;
  /** "không áp dụng / không phát sinh" in the score or note cell. */
  notApplicable: boolean;
  note: string | null;
  evidence: string | null;
  /** The evidence cell's hyperlink target (a web or file address, or "#Sheet!A1"), where it has one. */
  evidenceLink?: string;
  /** Where each value came from ("D12"), for links from totals back to cells. */
  addresses: Partial<Record<ScoreColumn | "evidence" | "note", string>>;
}

/** Entries for the leaves (sub-criteria) of the rubric, keyed by rubric code. */
export type UnitEntries = Map<string, ItemEntry>;

export function emptyEntry(code: string): ItemEntry {
  return {
    code,
    self: null,
    appraised1: null,
    appraised2: null,
    notApplicable: false,
    note: null,
    evidence: null,
    addresses: {},
  };
}
