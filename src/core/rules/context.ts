/**
 * What every validation rule shares about one recognised table: the sheet, the rubric's index, the rows
 * matched to items so far, the findings and entries being built, and the cell access the rules read
 * through. Rules (the other modules of this folder) are plain functions of this context; `validateTable`
 * (core/validate.ts) runs them in order.
 */
import { columnLetters } from "../address";
import type { ColumnRole } from "../columns";
import { SCORE_COLUMNS, type ScoreColumn, type UnitEntries } from "../entries";
import type { EvidenceList } from "../evidence-list";
import type { Finding, FindingCode, Severity } from "../finding";
import { sameAtPrecision } from "../numbers";
import type { RecognisedTable, TableRow } from "../recognise";
import type { Rubric } from "../rubric/schema";
import { type FlatItem, normaliseCode, type RubricIndex, rubricIndex } from "../rubric/tree";
import { type CellValue, EXCEL_ERRORS, type SheetSnapshot } from "../snapshot";

export class RuleContext {
  readonly findings: Finding[] = [];
  readonly entries: UnitEntries = new Map();
  readonly index: RubricIndex;
  readonly flat: readonly FlatItem[];
  readonly items: ReadonlyMap<string, FlatItem>;
  /** The first row of each rubric item (filled by the rows rule; later rows of an item are duplicates). */
  readonly rowOf = new Map<string, TableRow>();
  readonly markers: readonly string[];
  readonly scoreColumns: ScoreColumn[];
  readonly anyMarkedNotApplicable: boolean;
  /** List numbers cited by some row, for the list's "cited by no row" note. */
  readonly cited = new Set<number>();
  /**
   * Whether some row cites the list by number at all, listed or not: a table whose only "TL …" is a
   * number the list lacks still uses the list, and its unused entries must still be told.
   */
  citesList = false;

  constructor(
    readonly sheet: SheetSnapshot,
    readonly table: RecognisedTable,
    readonly rubric: Rubric,
    readonly year: number,
    /** The workbook's evidence list sheet, where it has one. */
    readonly evidenceList: EvidenceList | null = null,
  ) {
    this.index = rubricIndex(rubric);
    this.flat = this.index.flat;
    this.items = this.index.byCode;
    this.markers = this.index.markers;
    this.scoreColumns = SCORE_COLUMNS.filter((c) => table.columns[c] !== undefined);
    this.anyMarkedNotApplicable = this.index.anyMarkedNotApplicable;
  }

  // ── cells ────────────────────────────────────────────────────────────────────────────────────
  isError(row: number, role: ColumnRole, text: string): boolean {
    const errorCells = this.sheet.errorCells;
    // Most sheets have no error cells: skip building the key.
    if (errorCells && errorCells.size > 0) {
      const r = row - this.sheet.origin.row;
      const c = (this.table.columns[role] as number) - this.sheet.origin.col;
      if (errorCells.has(`${r},${c}`)) return true;
    }
    return EXCEL_ERRORS.has(text);
  }

  numberFormat(row: number, role: ColumnRole): string | null {
    const col = this.table.columns[role];
    if (col === undefined) return null;
    return this.sheet.numberFormats?.[row - this.sheet.origin.row]?.[col - this.sheet.origin.col] ?? null;
  }

  cell(row: number, role: ColumnRole): CellValue {
    const col = this.table.columns[role];
    if (col === undefined) return null;
    return this.sheet.values[row - this.sheet.origin.row]?.[col - this.sheet.origin.col] ?? null;
  }

  formula(row: number, role: ColumnRole): string | null {
    const col = this.table.columns[role];
    if (col === undefined) return null;
    return this.sheet.formulas?.[row - this.sheet.origin.row]?.[col - this.sheet.origin.col] ?? null;
  }

  text(row: number, role: ColumnRole): string | null {
    const v = this.cell(row, role);
    if (v === null) return null;
    const s = String(v).trim();
    return s === "" ? null : s;
  }

  addr(row: number, role: ColumnRole): string | null {
    const col = this.table.columns[role];
    if (col === undefined) return null;
    // a1(row, col), with the column's letters worked out once per column instead of once per cell.
    let letters = this.letters[col];
    if (letters === undefined) {
      letters = columnLetters(col);
      this.letters[col] = letters;
    }
    return `${letters}${row + 1}`;
  }

  private readonly letters: string[] = [];

  // ── items and findings ───────────────────────────────────────────────────────────────────────
  /** Whether the item's written code is used by another item too ("2.1" in every area, "a)" everywhere). */
  repeated(item: FlatItem): boolean {
    return (this.index.byNormalisedCode.get(normaliseCode(item.shown))?.length ?? 0) > 1;
  }

  /**
   * An item as messages name it: its code as the template writes it, with the codes above it where that
   * code is repeated ("III › 2.1"). Keys are internal and never shown; "TỔNG" (the total row) is text.
   */
  named(key: string): string {
    const item = this.items.get(key);
    if (!item) return key;
    return this.repeated(item) ? item.shownPath.join(" › ") : item.shown;
  }

  add(
    code: FindingCode,
    severity: Severity,
    address: string | null,
    item: string | null,
    message: Finding["message"],
    extra: Pick<Finding, "found" | "expected" | "column"> = {},
  ): void {
    const found = extra.found;
    const flat = item === null ? undefined : this.items.get(item);
    this.findings.push({
      code,
      severity,
      sheet: this.table.sheet,
      address,
      item: flat ? flat.shown : item,
      ...(flat && this.repeated(flat) ? { itemPath: flat.shownPath } : {}),
      message,
      ...(found !== undefined
        ? { found: typeof found === "string" && found.length > 200 ? `${found.slice(0, 200)}…` : found }
        : {}),
      ...(extra.expected !== undefined ? { expected: extra.expected } : {}),
      ...(extra.column ? { column: extra.column } : {}),
    });
  }

  /** Per-context memo for rules that decide something once per table (e.g. whether a round has started). */
  readonly memo = new Map<string, unknown>();
}

/** sameAtPrecision, answering the usual case (the very same number) without rounding anything. */
export function samePoints(a: number, b: number, decimals: number): boolean {
  return a === b || sameAtPrecision(a, b, decimals);
}
