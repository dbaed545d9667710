/**
 * The columns a recognised table spans on its sheet: from the leftmost to the rightmost cell holding
 * anything in its rows (header rows through the last data row). A column the user names outside this
 * span (`--columns self=ZZ`) can only read blanks, so the caller refuses it instead of reporting every
 * row as unscored.
 */
import type { SheetSnapshot } from "../snapshot";
import type { RecognisedTable } from "./types";

/** 0-based sheet columns, both ends included; null when the table's rows hold nothing. */
export interface ColumnSpan {
  first: number;
  last: number;
}

export function tableColumnSpan(
  sheet: SheetSnapshot,
  table: Pick<RecognisedTable, "headerRow" | "lastDataRow">,
): ColumnSpan | null {
  let first = Number.POSITIVE_INFINITY;
  let last = -1;
  const from = Math.max(table.headerRow - sheet.origin.row, 0);
  const to = Math.min(table.lastDataRow - sheet.origin.row, sheet.values.length - 1);
  for (let r = from; r <= to; r++) {
    const row = sheet.values[r] ?? [];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null || v === undefined || v === "") continue;
      if (j < first) first = j;
      if (j > last) last = j;
    }
  }
  if (last < 0) return null;
  return { first: sheet.origin.col + first, last: sheet.origin.col + last };
}
