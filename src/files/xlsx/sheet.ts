import { parseStoredNumber } from "../../core/numbers";
import type { CellValue, SheetSnapshot } from "../../core/snapshot";
import { FileReadError } from "../errors";
import { count, type ReadLimits, type Usage } from "../limits";
import { translateFormula } from "./shared-formula";
import { withXmlWalk, type XmlWalk } from "./xml-scan";

/**
 * One worksheet part → SheetSnapshot over the rectangle of its non-empty cells. Per-cell work is kept
 * to a few comparisons (addresses parsed by hand, no regex): this pass is most of a batch's time.
 */
interface Context {
  file: string;
  name: string;
  hidden: boolean;
  strings: string[];
  formats: string[];
  limits: ReadLimits;
  /** The file's running totals, shared by its sheets (limits are per file). */
  usage: Usage;
}

export function readSheet(text: string, ctx: Context): SheetSnapshot {
  // If the scanner gives up half-way and saxes reads the part again, what the first pass counted is undone.
  const before = { ...ctx.usage };
  return withXmlWalk((walk) => {
    Object.assign(ctx.usage, before);
    return walkSheet(walk, text, ctx);
  });
}

function overBudget(ctx: Context, what: string, used: number, limit: number): FileReadError {
  return new FileReadError(
    "too-large",
    ctx.file,
    `"${ctx.name}": ${what} ${count(used)}+ (limit ${count(limit)} per file)`,
  );
}

function walkSheet(walk: XmlWalk, text: string, ctx: Context): SheetSnapshot {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: CellValue[] = [];
  const formulas: (string | null)[] = [];
  const styles: number[] = [];
  const errors: number[] = [];
  const hiddenRows: number[] = [];
  // One flag per column of Excel's grid, however many <col> ranges repeat or overlap.
  let hiddenColFlags: Uint8Array | null = null;
  const merges: string[] = [];
  const { limits, usage } = ctx;
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let protectedSheet = false;

  let row = -1;
  let col = -1;
  let nextRow = 0;
  let nextCol = 0;
  let type = "n";
  let style = 0;
  let raw: string | null = null;
  let formula: string | null = null;
  let sharedIndex: string | null = null;
  let isMaster = false;
  let capture: "v" | "f" | "t" | null = null;
  let inCell = false;

  walk(text, {
    open(name, a) {
      switch (name) {
        case "c": {
          inCell = true;
          const ref = a.get("r");
          if (ref) {
            col = refColumn(ref);
            row = refRow(ref);
          } else {
            row = nextRow;
            col = nextCol;
          }
          nextCol = col + 1;
          type = a.get("t") ?? "n";
          const s = a.get("s");
          style = s ? Number(s) : 0;
          raw = null;
          formula = null;
          sharedIndex = null;
          isMaster = false;
          return;
        }
        case "v":
          capture = "v";
          raw = "";
          return;
        case "f":
          capture = "f";
          formula = "";
          if (a.get("t") === "shared") {
            sharedIndex = a.get("si") ?? null;
            isMaster = a.get("ref") !== undefined;
          }
          return;
        case "t":
          if (inCell) {
            capture = "t";
            if (raw === null) raw = "";
          }
          return;
        case "row": {
          const ref = a.get("r");
          const n = ref ? Number(ref) : Number.NaN;
          // A row number outside Excel's grid (or not a number) is ignored: rows follow on.
          const r = Number.isInteger(n) && n >= 1 && n <= limits.maxRows ? n - 1 : nextRow;
          nextRow = r;
          nextCol = 0;
          if (isTrue(a.get("hidden"))) hiddenRows.push(r);
          return;
        }
        case "col":
          if (isTrue(a.get("hidden"))) {
            // Clamped to Excel's columns 1..16,384: a min of -300,000,000 must not become a loop that long.
            const min = Math.max(1, Math.trunc(Number(a.get("min"))));
            const max = Math.min(Math.trunc(Number(a.get("max") ?? a.get("min"))), 16_384);
            if (!(min <= max)) return; // NaN or an empty range
            hiddenColFlags ??= new Uint8Array(16_384);
            hiddenColFlags.fill(1, min - 1, max);
          }
          return;
        case "mergeCell":
          {
            const ref = a.get("ref");
            if (ref) {
              if (++usage.merges > limits.maxMerges)
                throw overBudget(ctx, "merged areas", usage.merges, limits.maxMerges);
              merges.push(ref);
            }
          }
          return;
        case "sheetProtection":
          protectedSheet = isTrue(a.get("sheet"));
          return;
      }
    },
    text(t) {
      // Almost always one piece of text per element: take it as it is rather than appending to "".
      if (capture === "v" || capture === "t") raw = raw ? raw + t : t;
      else if (capture === "f") formula = formula ? formula + t : t;
    },
    close(name) {
      if (name === "v" || name === "f" || name === "t") {
        capture = null;
        return;
      }
      if (name === "row") {
        nextRow++;
        return;
      }
      if (name !== "c") return;
      inCell = false;
      if (sharedIndex !== null) {
        if (isMaster && formula) shared.set(sharedIndex, { formula, row, col });
        else {
          const master = shared.get(sharedIndex);
          if (master) {
            // Checked before translating: expanding one long formula over 200,000 cells is the attack.
            usage.sharedFormulaChars += master.formula.length;
            if (usage.sharedFormulaChars > limits.maxSharedFormulaChars)
              throw overBudget(
                ctx,
                "characters of shared formulas to expand",
                usage.sharedFormulaChars,
                limits.maxSharedFormulaChars,
              );
            formula = translateFormula(master.formula, row - master.row, col - master.col);
          }
        }
      }
      const value = cellValue(type, raw, ctx.strings);
      if (value === null && formula === null && style === 0) return;
      if (++usage.contentCells > limits.maxContentCells)
        throw overBudget(ctx, "cells", usage.contentCells, limits.maxContentCells);
      if (formula !== null) {
        usage.formulaChars += formula.length;
        if (usage.formulaChars > limits.maxFormulaChars)
          throw overBudget(ctx, "formula characters", usage.formulaChars, limits.maxFormulaChars);
      }
      if (typeof value === "string") {
        if (value.length > limits.maxCellChars)
          throw new FileReadError(
            "too-large",
            ctx.file,
            `"${ctx.name}": a cell holds ${count(value.length)} characters of text (Excel's limit is ${count(limits.maxCellChars)})`,
          );
        usage.textChars += value.length;
        if (usage.textChars > limits.maxTextChars)
          throw overBudget(ctx, "characters of text", usage.textChars, limits.maxTextChars);
      }
      rows.push(row);
      cols.push(col);
      values.push(value);
      formulas.push(formula ? `=${formula}` : null);
      // An ISO date cell (t="d") becomes a serial number: keep it known as a date, whatever its style says.
      styles.push(type === "d" && typeof value === "number" ? ISO_DATE_STYLE : style);
      if (type === "e") errors.push(values.length - 1);
    },
  });

  const hiddenCols: number[] = [];
  if (hiddenColFlags) for (let c = 0; c < 16_384; c++) if (hiddenColFlags[c]) hiddenCols.push(c);
  return densify(
    ctx,
    { rows, cols, values, formulas, styles, errors },
    { hiddenRows, hiddenCols, merges, protectedSheet },
  );
}

function isTrue(flag: string | undefined): boolean {
  return flag === "1" || flag === "true";
}

function cellValue(type: string, raw: string | null, strings: string[]): CellValue {
  if (raw === null) return null;
  switch (type) {
    case "s":
      return strings[Number(raw)] ?? "";
    case "str":
    case "inlineStr":
    case "e":
      return raw;
    case "d":
      return isoToSerial(raw);
    case "b":
      return raw === "1" || raw === "true";
    default: {
      if (raw === "") return null;
      // Only a decimal literal is a number: Number() would read "0x1" as 1 and "Infinity" as a score.
      return parseStoredNumber(raw) ?? raw;
    }
  }
}

const EPOCH = Date.UTC(1899, 11, 30);
/** Style index no workbook uses: marks a `t="d"` cell, whose number format is then a date's. */
const ISO_DATE_STYLE = -1;

/**
 * `t="d"` cells hold ISO 8601 text; Office.js and ordinary cells give dates as serial numbers (the number
 * format says it is a date), so the snapshot does too. Text that is not a date stays as written.
 */
function isoToSerial(raw: string): CellValue {
  const time = /^\d{2}:\d{2}/.test(raw)
    ? Date.parse(`1899-12-30T${raw}Z`)
    : Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(raw) || raw.length <= 10 ? raw : `${raw}Z`);
  return Number.isNaN(time) ? raw : (time - EPOCH) / 86_400_000;
}

/** Column of "B12" (0-based), by hand: cheaper than a regex, and no object per cell. */
function refColumn(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
  }
  return col - 1;
}

/** Row of "B12" (0-based): its digits. */
function refRow(ref: string): number {
  let row = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
  }
  return row - 1;
}

interface Cells {
  rows: number[];
  cols: number[];
  values: CellValue[];
  formulas: (string | null)[];
  styles: number[];
  errors: number[];
}

function densify(
  ctx: Context,
  cells: Cells,
  extra: { hiddenRows: number[]; hiddenCols: number[]; merges: string[]; protectedSheet: boolean },
): SheetSnapshot {
  // The rectangle spans cells with content; a styled-but-empty cell far away does not stretch it.
  let minRow = Number.POSITIVE_INFINITY;
  let minCol = Number.POSITIVE_INFINITY;
  let maxRow = -1;
  let maxCol = -1;
  for (let k = 0; k < cells.rows.length; k++) {
    if (cells.values[k] === null && cells.formulas[k] === null) continue;
    const r = cells.rows[k];
    const c = cells.cols[k];
    if (r < minRow) minRow = r;
    if (r > maxRow) maxRow = r;
    if (c < minCol) minCol = c;
    if (c > maxCol) maxCol = c;
  }
  const base = {
    name: ctx.name,
    hidden: ctx.hidden,
    merges: extra.merges,
    hiddenRows: extra.hiddenRows,
    hiddenCols: extra.hiddenCols,
    protected: extra.protectedSheet,
  };
  if (maxRow < 0)
    return {
      ...base,
      origin: { row: 0, col: 0 },
      values: [],
      formulas: [],
      numberFormats: [],
      errorCells: new Set(),
    };
  const height = maxRow - minRow + 1;
  const width = maxCol - minCol + 1;
  // Checked before allocating: one stray cell at XFD1048576 must not ask for a 17-billion-cell array, nor
  // ten two-cell sheets "spanning" 2M cells each for 20M between them.
  const { limits, usage } = ctx;
  usage.cells += height * width;
  if (usage.cells > limits.maxCells || height > limits.maxRows || width > limits.maxCols) {
    const limit =
      height > limits.maxRows
        ? `limit ${count(limits.maxRows)} rows`
        : width > limits.maxCols
          ? `limit ${count(limits.maxCols)} columns`
          : `limit ${count(limits.maxCells)} cells per file`;
    throw new FileReadError(
      "too-large",
      ctx.file,
      `"${ctx.name}" spans ${count(height)} rows × ${count(width)} columns (${limit})`,
    );
  }
  const values: CellValue[][] = new Array(height);
  const formulas: (string | null)[][] = new Array(height);
  const numberFormats: (string | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    values[r] = new Array<CellValue>(width).fill(null);
    formulas[r] = new Array<string | null>(width).fill(null);
    numberFormats[r] = new Array<string | null>(width).fill("General");
  }
  const errorCells = new Set<string>();
  const errorIndex = new Set(cells.errors);
  for (let k = 0; k < cells.rows.length; k++) {
    const r = cells.rows[k] - minRow;
    const c = cells.cols[k] - minCol;
    if (r < 0 || c < 0 || r >= height || c >= width) continue;
    values[r][c] = cells.values[k];
    formulas[r][c] = cells.formulas[k];
    numberFormats[r][c] =
      cells.styles[k] === ISO_DATE_STYLE ? "yyyy-mm-dd" : (ctx.formats[cells.styles[k]] ?? "General");
    if (errorIndex.has(k)) errorCells.add(`${r},${c}`);
  }
  return { ...base, origin: { row: minRow, col: minCol }, values, formulas, numberFormats, errorCells };
}
