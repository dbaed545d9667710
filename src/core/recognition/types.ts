/** The shapes recognition hands on: the table found on a sheet, its rows, and what a caller may correct. */
import type { ColumnRole } from "../columns";
import type { Finding } from "../finding";

export interface TableRow {
  /** 0-based sheet row. */
  row: number;
  code: string | null;
  label: string | null;
  max: number | null;
  /** Rubric code this row was matched to, or null. */
  item: string | null;
  matchedBy: "code" | "label" | null;
  /** The "TỔNG CỘNG" row. */
  isTotal: boolean;
}

export interface RecognisedTable {
  sheet: string;
  /**
   * Which sheet of the snapshot, by position: a crafted workbook can give two sheets one name, and the
   * values checked must be those of the sheet recognised (absent on tables built by hand in tests).
   */
  sheetIndex?: number;
  /** 0-based sheet row of the first header row. */
  headerRow: number;
  headerRowCount: number;
  firstDataRow: number;
  lastDataRow: number;
  /** 0-based sheet column per role. */
  columns: Partial<Record<ColumnRole, number>>;
  /** The header text each column was recognised by (shown to the user so they can check). */
  columnHeaders: Partial<Record<ColumnRole, string>>;
  unitName: string | null;
  /** The "Đơn vị: …" cell, whether filled or not. */
  unitNameAddress: string | null;
  rows: TableRow[];
  /** Choices the header left (two columns for one role, one header for two roles), said as findings. */
  columnFindings?: Finding[];
}

export interface RecogniseOptions {
  /** Every sheet holding a unit table (consolidation workbooks), not only the best one. */
  allSheets?: boolean;
  /**
   * Reading a rubric, not a unit: a table of codes, labels and maxima is enough, with or without score
   * columns (a province's rubric sheet often has none).
   */
  rubricOnly?: boolean;
  /**
   * The user's correction when a column was recognised wrongly: role → 0-based sheet column (null:
   * no such column), on the named sheet or on every sheet. Applied before the rows are read.
   */
  columns?: { sheet?: string; roles: Partial<Record<ColumnRole, number | null>> };
}

export interface Recognition {
  tables: RecognisedTable[];
  findings: Finding[];
}

/** A header found on a sheet, before its rows are read. */
export interface HeaderGuess {
  row: number;
  /** Header rows: one, or two/three where group cells are merged over the column names. */
  count: number;
  columns: Partial<Record<ColumnRole, number>>;
  /** The header's words per column; "" for a column the user placed by hand where the header has none. */
  headers: Partial<Record<ColumnRole, string>>;
  score: number;
  /** Where the header left a choice: said to the user as an `ambiguous-column` finding. */
  choices: ColumnChoice[];
}

/**
 * A column the header words could give two ways: two columns name one role (the first from the left
 * was taken), or one header names two roles (its meaning decided). 0-based column and row.
 */
export type ColumnChoice = {
  role: ColumnRole;
  column: number;
  row: number;
  header: string;
} & (
  | { kind: "two-columns"; chosen: { column: number; header: string } }
  | { kind: "two-roles"; others: readonly ColumnRole[]; because: "names-a-score" | "precedence" }
);
