/** The table's rows below the header: item rows, the total row, and where the table ends. */
import type { ColumnRole } from "../columns";
import { foldWords } from "../fold";
import { parseNumberText } from "../numbers";
import type { Rubric } from "../rubric/schema";
import { type CellValue, cellAt, formulaAt, numberFormatAt, type SheetSnapshot } from "../snapshot";
import { codeStyle, codeText } from "./codes";
import { isColumnNumberRow } from "./header";
import { matchRows } from "./match";
import type { HeaderGuess, RecognisedTable, TableRow } from "./types";
import { findUnitName } from "./unit-name";

/**
 * The grand-total row: "TỔNG CỘNG", "Tổng điểm (I+II+…)", a bare "Cộng"/"Tổng". Item labels that merely
 * start with the same syllable ("Công tác chỉ đạo…", "Cổng thông tin…", "Công khai ngân sách") fold to
 * "cong …" too, so a bare "cong"/"tong" only counts when nothing but sums follow it.
 */
const LEADING_CODE = /^((?:[IVXL]+|\d+(?:\.\d+)*|[a-zđ])[.)]|\d+\.\d+(?:\.\d+)*)\s+(\S.*)$/u;

const TOTAL = /^(tong cong|tong so diem|tong diem|total|grand total)\b|^(tong so|tong|cong)( [ivxl0-9+ ]*)?$/;

export function buildTable(sheet: SheetSnapshot, guess: HeaderGuess, rubric: Rubric | null): RecognisedTable {
  const first = guess.row + guess.count;
  const at = (row: number, col: number | undefined): CellValue =>
    col === undefined ? null : (sheet.values[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null);
  const rows: TableRow[] = [];
  const lastSheetRow = sheet.origin.row + sheet.values.length - 1;
  let blank = 0;
  for (let r = first; r <= lastSheetRow; r++) {
    const codeCell = at(r, guess.columns.code);
    const labelCell = at(r, guess.columns.label);
    const maxCell = at(r, guess.columns.max);
    let code =
      guess.columns.code === undefined
        ? null
        : codeText(codeCell, numberFormatAt(sheet, r, guess.columns.code));
    let label =
      typeof labelCell === "string"
        ? labelCell.trim() || null
        : labelCell === null
          ? null
          : String(labelCell);
    // Templates without a code column often write the code into the label: "1.1. Kế hoạch", "a) Ban hành".
    if (!code && label) {
      const lead = LEADING_CODE.exec(label);
      if (lead) {
        code = lead[1];
        label = lead[2];
      }
    }
    // Prose in the code column is a note or a footer line ("Ghi chú: …" merged across the table).
    if (code && isProse(code)) {
      if (!label) label = code;
      code = null;
    }
    const max = typeof maxCell === "number" ? maxCell : null;
    if (!code && !label) {
      // Signature blocks sit a few rows below the table: stop after a run of blank rows.
      if (++blank >= 5) break;
      continue;
    }
    blank = 0;
    if (isColumnNumberRow(sheet, r)) continue;
    const isTotal = !code && label !== null && TOTAL.test(foldWords(label));
    // Rows with a label but no code and no max are headings or notes below the table, unless they carry
    // scores; so are coded rows whose maximum cell is empty ("A | PHẦN A. CÁC TIÊU CHÍ …") in a table
    // that has a maximum column. A maximum typed as text is kept, for the import to report.
    // Without a code, words in the maximum column are a signature block ("THỦ TRƯỞNG ĐƠN VỊ") standing
    // over the table's columns, not a maximum typed as text ("1,5", which the import reports).
    const wordsForMax = !code && typeof maxCell === "string" && parseNumberText(maxCell) === null;
    const noMax =
      max === null &&
      (guess.columns.max === undefined ? !code : maxCell === null || maxCell === "" || wordsForMax);
    if (!isTotal && noMax && !hasScore(sheet, r, guess.columns)) continue;
    rows.push({ row: r, code, label, max, item: null, matchedBy: null, isTotal });
  }
  if (rubric) matchRows(rows, rubric);
  const unit = findUnitName(sheet, guess.row);
  return {
    sheet: sheet.name,
    headerRow: guess.row,
    headerRowCount: guess.count,
    firstDataRow: first,
    lastDataRow: rows.length ? rows[rows.length - 1].row : first - 1,
    columns: guess.columns,
    columnHeaders: guess.headers,
    unitName: unit.name,
    unitNameAddress: unit.address,
    rows,
  };
}

/** Whether anyone typed a score into the table (formulas alone, as in a blank template, do not count). */
export function hasEnteredScores(sheet: SheetSnapshot, table: RecognisedTable): boolean {
  for (const role of ["self", "appraised1", "appraised2"] as const) {
    const col = table.columns[role];
    if (col === undefined) continue;
    for (const row of table.rows) {
      if (row.isTotal) continue;
      const v = cellAt(sheet, row.row, col);
      if (v !== null && v !== "" && formulaAt(sheet, row.row, col) === null) return true;
    }
  }
  return false;
}

/** A code cell holding words, not a code: "Ghi chú: Điểm được làm tròn …", "Người lập biểu". */
function isProse(code: string): boolean {
  return codeStyle(code) === "none" && (code.length > 12 || /\p{L}{2,}\s+\p{L}{2,}/u.test(code));
}

function hasScore(sheet: SheetSnapshot, row: number, columns: Partial<Record<ColumnRole, number>>): boolean {
  for (const role of ["self", "appraised1", "appraised2"] as const) {
    const c = columns[role];
    if (c === undefined) continue;
    const v = sheet.values[row - sheet.origin.row]?.[c - sheet.origin.col];
    if (typeof v === "number") return true;
  }
  return false;
}
