/**
 * Validation of one recognised table against the rubric: structure, scores, formulas, totals,
 * evidence, appraisal notes — each problem a finding on the cell the user must fix — and the entries
 * scoring consumes. Scores count as written (an over-max score is counted and flagged, never capped);
 * totals are compared after rounding to the rubric's precision, in integer units.
 */
import { a1, columnLetters } from "./address";
import type { ColumnRole } from "./columns";
import { emptyEntry, type ItemEntry, SCORE_COLUMNS, type ScoreColumn, type UnitEntries } from "./entries";
import { citation, isVerifiable } from "./evidence";
import type { Finding, FindingCode, Severity } from "./finding";
import { fold } from "./fold";
import { msg } from "./messages";
import { fromUnits, parseNumberText, roundUnits, sameAtPrecision, toUnits } from "./numbers";
import type { RecognisedTable, TableRow } from "./recognise";
import type { Rubric } from "./rubric/schema";
import { type FlatItem, normaliseCode, type RubricIndex, rubricIndex } from "./rubric/tree";
import { type CellValue, EXCEL_ERRORS, type SheetSnapshot } from "./snapshot";

export interface ValidateOptions {
  /** Assessment year for evidence dates; the rubric's year when absent. */
  year?: number;
}

export interface Validation {
  findings: Finding[];
  entries: UnitEntries;
}

/** A score cell as it counts: a number, text parsed the Vietnamese way, not applicable, or nothing. */
type Read =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text-number"; value: number; text: string }
  | { kind: "not-applicable"; text: string }
  | { kind: "error"; text: string }
  | { kind: "invalid"; found: CellValue };

export function validateTable(
  sheet: SheetSnapshot,
  table: RecognisedTable,
  rubric: Rubric,
  options: ValidateOptions = {},
): Validation {
  const v = new Validator(sheet, table, rubric, options.year ?? rubric.year);
  v.run();
  return { findings: v.findings, entries: v.entries };
}

class Validator {
  readonly findings: Finding[] = [];
  readonly entries: UnitEntries = new Map();
  private readonly index: RubricIndex;
  private readonly flat: readonly FlatItem[];
  private readonly items: ReadonlyMap<string, FlatItem>;
  private readonly rowOf = new Map<string, TableRow>();
  private readonly markers: readonly string[];
  private readonly scoreColumns: ScoreColumn[];
  private readonly anyMarkedNotApplicable: boolean;

  constructor(
    private readonly sheet: SheetSnapshot,
    private readonly table: RecognisedTable,
    private readonly rubric: Rubric,
    private readonly year: number,
  ) {
    this.index = rubricIndex(rubric);
    this.flat = this.index.flat;
    this.items = this.index.byCode;
    this.markers = this.index.markers;
    this.scoreColumns = SCORE_COLUMNS.filter((c) => table.columns[c] !== undefined);
    this.anyMarkedNotApplicable = this.index.anyMarkedNotApplicable;
  }

  run(): void {
    this.checkColumns();
    this.checkRows();
    this.checkMissingItems();
    for (const item of this.flat) {
      const row = this.rowOf.get(item.code);
      if (row && item.isLeaf) this.checkLeaf(item, row);
    }
    this.checkTotals();
    if (!this.table.unitName) {
      this.add("missing-unit-name", "warning", this.table.unitNameAddress, null, msg.missingUnitName());
    }
  }

  // ── structure ────────────────────────────────────────────────────────────────────────────────
  private checkColumns(): void {
    const header = a1(this.table.headerRow, 0);
    // Units score themselves: a table with only appraisal columns recognised would total nothing for
    // the unit and say nothing about why (a header misread). Never silent: name what was found.
    if (this.table.columns.self === undefined) {
      const recognised = (Object.entries(this.table.columns) as [ColumnRole, number][])
        .sort((a, b) => a[1] - b[1])
        .map(([role, col]) => ({
          role,
          column: columnLetters(col),
          header: this.table.columnHeaders[role] ?? "",
        }));
      this.add(
        "missing-column",
        "error",
        header,
        null,
        msg.missingKeyColumn("self", this.table.headerRow, recognised),
        { expected: "self" },
      );
    }
    for (const role of ["evidence", "max", "code"] as const) {
      if (this.table.columns[role] !== undefined) continue;
      // Without codes, rows match by label: worth knowing, not a defect.
      const severity: Severity = role === "code" ? "info" : "warning";
      this.add("missing-column", severity, header, null, msg.missingColumn(role, this.table.headerRow), {
        expected: role,
      });
    }
  }

  private checkRows(): void {
    for (const row of this.table.rows) {
      if (row.isTotal) continue;
      if (!row.item) {
        // A row with a code or a maximum looks like an item; anything else is a heading or a note.
        if (row.code || row.max !== null) {
          this.add(
            "unknown-item",
            "warning",
            this.addr(row.row, "code") ?? this.addr(row.row, "label"),
            null,
            msg.unknownItem(row.code, row.label),
            {
              found: row.code ?? row.label,
            },
          );
        }
        continue;
      }
      const first = this.rowOf.get(row.item);
      if (first) {
        this.add(
          "duplicate-item",
          "error",
          this.addr(row.row, "code") ?? this.addr(row.row, "label"),
          row.item,
          msg.duplicateItem(this.named(row.item), first.row),
          {
            found: row.code ?? row.label,
          },
        );
        continue;
      }
      this.rowOf.set(row.item, row);
      const item = this.items.get(row.item) as FlatItem;
      const maxCell = this.cell(row.row, "max");
      if (typeof maxCell === "number" && !samePoints(maxCell, item.max, this.rubric.precision)) {
        this.add(
          "max-mismatch",
          "error",
          this.addr(row.row, "max"),
          item.code,
          msg.maxMismatch(this.named(item.code), maxCell, item.max),
          {
            found: maxCell,
            expected: item.max,
          },
        );
      }
    }
  }

  /** Report the highest missing node only: a missing area is one finding, not one per sub-criterion. */
  private checkMissingItems(): void {
    // Which items have a row at or below them: one pass from the leaves up, so a parent with 100,000
    // children costs 100,000 steps, not 100,000 walks of its subtree.
    const covered = new Set<string>();
    for (const item of this.index.bottomUp) {
      if (!covered.has(item.code) && !this.rowOf.has(item.code)) continue;
      covered.add(item.code);
      if (item.parent) covered.add(item.parent);
    }
    for (const item of this.flat) {
      if (this.rowOf.has(item.code)) continue;
      if (item.parent && !this.rowOf.has(item.parent) && !covered.has(item.parent)) continue;
      if (!item.isLeaf && covered.has(item.code)) continue; // a parent row dropped, children present: totals still work
      this.add("missing-item", "error", null, item.code, msg.missingItem(this.named(item.code), item.label), {
        expected: item.shown,
      });
    }
  }

  // ── leaves ───────────────────────────────────────────────────────────────────────────────────
  private checkLeaf(item: FlatItem, row: TableRow): void {
    const entry: ItemEntry = emptyEntry(item.code);
    const note = this.text(row.row, "note");
    const explanation = this.text(row.row, "explanation");
    entry.note = note ?? explanation;
    entry.evidence = this.text(row.row, "evidence");
    let marked: { column: ScoreColumn; address: string; text: string } | null = null;
    for (const column of this.scoreColumns) {
      const address = this.addr(row.row, column) as string;
      entry.addresses[column] = address;
      const read = this.read(row.row, column);
      const value = this.checkScore(item, column, address, read);
      entry[column] = value;
      if (read.kind === "not-applicable") {
        entry.notApplicable = true;
        marked ??= { column, address, text: read.text };
      }
    }
    // "không áp dụng" written in the note instead of the score cell counts too.
    if (!entry.notApplicable && entry.self === null && entry.appraised1 === null && this.isMarker(entry.note))
      entry.notApplicable = true;
    if (entry.notApplicable && !this.notApplicableAllowed(item)) {
      // Claiming "không áp dụng" where the rubric does not allow it would score the item in full (or
      // shrink the maximum): the total is wrong until the unit scores it. In the note alone, missing-score says so.
      entry.notApplicable = false;
      if (marked)
        this.add(
          "score-not-allowed",
          "error",
          marked.address,
          item.code,
          msg.notApplicableNotAllowed(this.named(item.code), marked.column, marked.text),
          { found: marked.text, column: marked.column },
        );
    }
    if (entry.evidence) entry.addresses.evidence = this.addr(row.row, "evidence") ?? undefined;
    if (entry.note) entry.addresses.note = this.addr(row.row, note ? "note" : "explanation") ?? undefined;
    this.checkMissing(item, row, entry);
    this.checkEvidence(item, row, entry, explanation);
    this.checkAppraisal(item, row, entry, note);
    this.entries.set(item.code, entry);
  }

  private checkScore(item: FlatItem, column: ScoreColumn, address: string, read: Read): number | null {
    const code = item.code;
    switch (read.kind) {
      case "empty":
      case "not-applicable":
        return null;
      case "error":
        this.add(
          "formula-error",
          "error",
          address,
          code,
          msg.formulaError(this.named(code), column, read.text),
          {
            found: read.text,
            column,
          },
        );
        return null;
      case "invalid":
        this.add(
          "not-a-number",
          "error",
          address,
          code,
          msg.notANumber(this.named(code), column, read.found),
          {
            found: read.found,
            column,
          },
        );
        return null;
      case "text-number":
        this.add(
          "number-as-text",
          "warning",
          address,
          code,
          msg.numberAsText(this.named(code), column, read.text, read.value),
          {
            found: read.text,
            expected: read.value,
            column,
          },
        );
        break;
    }
    const value = read.value;
    if (item.kind === "survey" && column === "self") {
      this.add("self-score-on-survey", "warning", address, code, msg.selfScoreOnSurvey(this.named(code)), {
        found: value,
        column,
      });
      return value;
    }
    const p = this.rubric.precision;
    const units = roundUnits(toUnits(value), p);
    if (units < 0 || units > roundUnits(toUnits(item.max), p)) {
      this.add(
        "score-out-of-range",
        "error",
        address,
        code,
        msg.outOfRange(this.named(code), column, value, item.max),
        {
          found: value,
          expected: item.max,
          column,
        },
      );
      return value;
    }
    const allowed = this.index.allowed(item);
    // sameAtPrecision against each allowed score, with the allowed side rounded once per rubric.
    if (allowed && !this.index.allowedUnits(item).includes(units)) {
      this.add(
        "score-not-allowed",
        "warning",
        address,
        code,
        msg.notAllowed(this.named(code), column, value, [...allowed]),
        {
          found: value,
          expected: allowed.join("; "),
          column,
        },
      );
    }
    return value;
  }

  private checkMissing(item: FlatItem, row: TableRow, entry: ItemEntry): void {
    if (entry.notApplicable) return;
    // Units self-score everything but the survey; appraisers, once a round has started, score everything.
    const self = this.scoreColumns.includes("self") && item.kind !== "survey";
    if (self && entry.self === null && this.read(row.row, "self").kind === "empty") {
      this.add(
        "missing-score",
        "error",
        this.addr(row.row, "self"),
        item.code,
        msg.missingScore(this.named(item.code), "self"),
        { column: "self" },
      );
    }
    for (const column of ["appraised1", "appraised2"] as const) {
      if (!this.scoreColumns.includes(column) || !this.columnUsed(column)) continue;
      if (entry[column] === null && this.read(row.row, column).kind === "empty") {
        this.add(
          "missing-score",
          "warning",
          this.addr(row.row, column),
          item.code,
          msg.missingScore(this.named(item.code), column),
          { column },
        );
      }
    }
  }

  private checkEvidence(item: FlatItem, row: TableRow, entry: ItemEntry, explanation: string | null): void {
    if (this.table.columns.evidence === undefined || item.kind === "survey" || entry.notApplicable) return;
    const claimed = entry.self ?? 0;
    const address = this.addr(row.row, "evidence");
    if (!entry.evidence) {
      if (claimed > 0 && !explanation) {
        this.add(
          "missing-evidence",
          "warning",
          address,
          item.code,
          msg.missingEvidence(this.named(item.code), claimed),
          {
            found: null,
            expected: "tài liệu kiểm chứng",
          },
        );
      }
      return;
    }
    const cited = citation(entry.evidence);
    if (!isVerifiable(cited)) {
      this.add(
        "evidence-unverifiable",
        "warning",
        address,
        item.code,
        msg.evidenceUnverifiable(this.named(item.code), entry.evidence),
        { found: entry.evidence },
      );
      return;
    }
    const outside = cited.dates.find((d) => d.year !== this.year);
    if (outside) {
      this.add(
        "evidence-out-of-period",
        "warning",
        address,
        item.code,
        msg.evidenceOutOfPeriod(this.named(item.code), outside.text, this.year),
        {
          found: outside.text,
          expected: this.year,
        },
      );
    }
  }

  private checkAppraisal(item: FlatItem, row: TableRow, entry: ItemEntry, note: string | null): void {
    const appraised = entry.appraised2 ?? entry.appraised1;
    if (appraised === null || entry.self === null || item.kind === "survey") return;
    if (note || samePoints(appraised, entry.self, this.rubric.precision)) return;
    const column = entry.appraised2 !== null ? "appraised2" : "appraised1";
    this.add(
      "appraisal-without-note",
      "warning",
      this.addr(row.row, "note") ?? this.addr(row.row, column),
      item.code,
      msg.appraisalWithoutNote(this.named(item.code), entry.self, appraised),
      { found: appraised, expected: entry.self, column },
    );
  }

  // ── totals and formulas ──────────────────────────────────────────────────────────────────────
  private checkTotals(): void {
    const parents = this.flat.filter((i) => !i.isLeaf && this.rowOf.has(i.code));
    const parentRows = parents.map((p) => (this.rowOf.get(p.code) as TableRow).row);
    const total = this.table.rows.find((r) => r.isTotal);
    const rows = total ? [...parentRows, total.row] : parentRows;
    for (const column of this.scoreColumns) {
      // The template's totals are formulas when most of them still are ("inconsistent formula").
      let withFormula = 0;
      for (const r of rows) if (this.formula(r, column) !== null) withFormula++;
      const formulasExpected = rows.length > 1 && withFormula * 2 >= rows.length;
      for (let k = 0; k < parents.length; k++) {
        const parent = parents[k];
        const children = this.index.childCodes(parent);
        this.checkSum(parent.code, parentRows[k], column, children, formulasExpected, false);
      }
      if (total) this.checkSum("TỔNG", total.row, column, this.index.areaCodes, formulasExpected, true);
    }
  }

  /** In the grand total, penalty areas count negatively. */
  private sign(code: string, signed: boolean): 1 | -1 {
    return signed && this.items.get(code)?.kind === "penalty" ? -1 : 1;
  }

  /**
   * A parent holds what its children add up to, as Excel would add the cells (numbers only): a
   * difference is a broken or overwritten total. Defects in the children themselves (text, errors) are
   * reported on the children and do not cascade up the tree.
   */
  private checkSum(
    code: string,
    row: number,
    column: ScoreColumn,
    children: readonly string[],
    formulasExpected: boolean,
    signed: boolean,
  ): void {
    const address = this.addr(row, column) as string;
    const shown = this.cell(row, column);
    const formula = this.formula(row, column);
    const item = code === "TỔNG" ? null : code;
    if (typeof shown === "string" && this.isError(row, column, shown)) {
      const childError = children.some((c) => this.subtreeHasError(c, column));
      if (!childError)
        this.add("formula-error", "error", address, item, msg.formulaError(this.named(code), column, shown), {
          found: shown,
          column,
        });
      return;
    }
    if (formulasExpected && formula === null && shown !== null && shown !== "") {
      this.add(
        "formula-overwritten",
        "warning",
        address,
        item,
        msg.formulaOverwritten(this.named(code), column),
        {
          found: shown,
          column,
        },
      );
    }
    if (typeof shown !== "number") return;
    // Excel's SUM skips text; the unit may have meant the text numbers. Either reading is not a mismatch.
    let sum = 0;
    let counted = 0;
    let any = false;
    for (const c of children) {
      const childRow = this.rowOf.get(c);
      if (!childRow) continue;
      const v = this.cell(childRow.row, column);
      if (typeof v === "number") {
        const units = this.sign(c, signed) * toUnits(v);
        sum += units;
        counted += units;
        any = true;
      } else if (typeof v === "string") {
        const parsed = parseNumberText(v);
        if (parsed) counted += this.sign(c, signed) * toUnits(parsed.value);
      }
    }
    if (!any && shown === 0) return;
    const p = this.rubric.precision;
    const written = roundUnits(toUnits(shown), p);
    if (written !== roundUnits(sum, p) && written !== roundUnits(counted, p)) {
      this.add(
        "total-mismatch",
        "error",
        address,
        item,
        msg.totalMismatch(this.named(code), column, shown, fromUnits(counted)),
        {
          found: shown,
          expected: fromUnits(counted),
          column,
        },
      );
    }
  }

  private subtreeHasError(code: string, column: ScoreColumn): boolean {
    return this.index.subtree(code).some((i) => {
      const r = this.rowOf.get(i.code);
      if (!r) return false;
      const v = this.cell(r.row, column);
      return typeof v === "string" && this.isError(r.row, column, v);
    });
  }

  /** Whether an appraisal round has started (any leaf scored in it): computed once per column, not per leaf. */
  private readonly used = new Map<ScoreColumn, boolean>();
  private columnUsed(column: ScoreColumn): boolean {
    let used = this.used.get(column);
    if (used === undefined) {
      used = this.table.rows.some(
        (r) => r.item && this.items.get(r.item)?.isLeaf && this.read(r.row, column).kind !== "empty",
      );
      this.used.set(column, used);
    }
    return used;
  }

  // ── cells ────────────────────────────────────────────────────────────────────────────────────
  private read(row: number, role: ScoreColumn): Read {
    const v = this.cell(row, role);
    if (v === null || v === "") return { kind: "empty" };
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return { kind: "invalid", found: String(v) };
      if (this.isDateFormatted(row, role)) return { kind: "invalid", found: v };
      return { kind: "number", value: v };
    }
    if (typeof v === "boolean") return { kind: "invalid", found: v };
    const text = v.trim();
    if (text === "") return { kind: "empty" };
    if (this.isError(row, role, text)) return { kind: "error", text };
    if (this.isMarker(text)) return { kind: "not-applicable", text };
    const parsed = parseNumberText(text);
    if (parsed) return { kind: "text-number", value: parsed.value, text };
    return { kind: "invalid", found: text };
  }

  /** Items the rubric marks may be "không áp dụng"; when it marks none, any item may be (unless marked false). */
  private notApplicableAllowed(item: FlatItem): boolean {
    return item.item.notApplicableAllowed ?? !this.anyMarkedNotApplicable;
  }

  private isMarker(text: string | null): boolean {
    if (!text) return false;
    const f = fold(text).replace(/[().]/g, "").trim();
    return this.markers.some((m) => f === m || f.startsWith(`${m} `) || f.startsWith(`${m},`));
  }

  private isError(row: number, role: ColumnRole, text: string): boolean {
    const errorCells = this.sheet.errorCells;
    // Most sheets have no error cells: skip building the key.
    if (errorCells && errorCells.size > 0) {
      const r = row - this.sheet.origin.row;
      const c = (this.table.columns[role] as number) - this.sheet.origin.col;
      if (errorCells.has(`${r},${c}`)) return true;
    }
    return EXCEL_ERRORS.has(text);
  }

  private isDateFormatted(row: number, role: ColumnRole): boolean {
    const col = this.table.columns[role];
    if (col === undefined) return false;
    const nf = this.sheet.numberFormats?.[row - this.sheet.origin.row]?.[col - this.sheet.origin.col];
    return !!nf && isDateFormat(nf);
  }

  private cell(row: number, role: ColumnRole): CellValue {
    const col = this.table.columns[role];
    if (col === undefined) return null;
    return this.sheet.values[row - this.sheet.origin.row]?.[col - this.sheet.origin.col] ?? null;
  }

  private formula(row: number, role: ColumnRole): string | null {
    const col = this.table.columns[role];
    if (col === undefined) return null;
    return this.sheet.formulas?.[row - this.sheet.origin.row]?.[col - this.sheet.origin.col] ?? null;
  }

  private text(row: number, role: ColumnRole): string | null {
    const v = this.cell(row, role);
    if (v === null) return null;
    const s = String(v).trim();
    return s === "" ? null : s;
  }

  private addr(row: number, role: ColumnRole): string | null {
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

  /** Whether the item's written code is used by another item too ("2.1" in every area, "a)" everywhere). */
  private repeated(item: FlatItem): boolean {
    return (this.index.byNormalisedCode.get(normaliseCode(item.shown))?.length ?? 0) > 1;
  }

  /**
   * An item as messages name it: its code as the template writes it, with the codes above it where that
   * code is repeated ("III › 2.1"). Keys are internal and never shown; "TỔNG" (the total row) is text.
   */
  private named(key: string): string {
    const item = this.items.get(key);
    if (!item) return key;
    return this.repeated(item) ? item.shownPath.join(" › ") : item.shown;
  }

  private add(
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
}

/**
 * Whether a number format shows a date (a date typed into a score cell is not a score). A sheet has a
 * handful of formats over thousands of cells: decide each distinct format once.
 */
const dateFormats = new Map<string, boolean>();
function isDateFormat(nf: string): boolean {
  let date = dateFormats.get(nf);
  if (date === undefined) {
    date = /(^|[^"\\])(d{1,4}|m{3,}|y{2,4})/i.test(nf.replace(/"[^"]*"/g, "")) && !/^(general|0|#)/i.test(nf);
    if (dateFormats.size > 1000) dateFormats.clear();
    dateFormats.set(nf, date);
  }
  return date;
}

/** sameAtPrecision, answering the usual case (the very same number) without rounding anything. */
function samePoints(a: number, b: number, decimals: number): boolean {
  return a === b || sameAtPrecision(a, b, decimals);
}
