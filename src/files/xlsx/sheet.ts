import type { Text } from "../../core/finding";
import { parseStoredNumber } from "../../core/numbers";
import type { CellValue, SheetSnapshot } from "../../core/snapshot";
import { FileReadError } from "../errors";
import { count, type ReadLimits, type Usage } from "../limits";
import { translateFormula } from "./shared-formula";
import { withXmlWalk, type XmlAttributes, type XmlWalk } from "./xml-scan";

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
  /** The sheet's relationships (its .rels part): id → target, for the targets of its external hyperlinks. */
  links?: ReadonlyMap<string, string>;
}

export function readSheet(text: string, ctx: Context): SheetSnapshot {
  // If the scanner gives up half-way and saxes reads the part again, what the first pass counted is undone.
  const before = { ...ctx.usage };
  return withXmlWalk((walk) => {
    Object.assign(ctx.usage, before);
    return walkSheet(walk, text, ctx);
  });
}

/** `what` in each language: a limit is named in the user's language only. */
function overBudget(ctx: Context, what: Text, used: number, limit: number): FileReadError {
  return new FileReadError("too-large", ctx.file, {
    vi: `"${ctx.name}": ${what.vi} ${count(used, "vi")}+ (giới hạn ${count(limit, "vi")} mỗi tệp)`,
    en: `"${ctx.name}": ${what.en} ${count(used, "en")}+ (limit ${count(limit, "en")} per file)`,
  });
}

/** A shared formula's master cell: the formula as written there, and where, so others can be shifted from it. */
interface SharedMaster {
  formula: string;
  row: number;
  col: number;
}

/**
 * Everything the walk over one sheet carries: what it has gathered, where the next cell goes, and the
 * cell being read. One object per sheet, every field set up front (one shape), so the per-element steps
 * below take it as their argument and a cell costs no closure or object of its own.
 */
interface SheetWalkState {
  ctx: Context;
  cells: Cells;
  hiddenRows: number[];
  // One flag per column of Excel's grid, however many <col> ranges repeat or overlap.
  hiddenColFlags: Uint8Array | null;
  merges: string[];
  /** <hyperlink> elements: the cell or range and its target, as written. */
  hyperlinks: { ref: string; target: string }[];
  shared: Map<string, SharedMaster>;
  protectedSheet: boolean;
  /** Where a cell (or row) without its own r="…" goes: just after the previous one. */
  nextRow: number;
  nextCol: number;
  /** The <c> being read. */
  inCell: boolean;
  row: number;
  col: number;
  type: string;
  style: number;
  raw: string | null;
  formula: string | null;
  sharedIndex: string | null;
  isMaster: boolean;
  /** Which element's text is being collected. */
  capture: "v" | "f" | "t" | null;
}

function newWalkState(ctx: Context): SheetWalkState {
  return {
    ctx,
    cells: { rows: [], cols: [], values: [], formulas: [], styles: [], errors: [] },
    hiddenRows: [],
    hiddenColFlags: null,
    merges: [],
    hyperlinks: [],
    shared: new Map(),
    protectedSheet: false,
    nextRow: 0,
    nextCol: 0,
    inCell: false,
    row: -1,
    col: -1,
    type: "n",
    style: 0,
    raw: null,
    formula: null,
    sharedIndex: null,
    isMaster: false,
    capture: null,
  };
}

function walkSheet(walk: XmlWalk, text: string, ctx: Context): SheetSnapshot {
  const st = newWalkState(ctx);
  // One handler object per sheet; each element goes to a named step below.
  walk(text, {
    open(name, a) {
      switch (name) {
        case "c":
          openCell(st, a);
          return;
        case "v":
          st.capture = "v";
          st.raw = "";
          return;
        case "f":
          openFormula(st, a);
          return;
        case "t":
          // A <t> counts only inside a cell (an inline string's text).
          if (st.inCell) {
            st.capture = "t";
            if (st.raw === null) st.raw = "";
          }
          return;
        case "row":
          openRow(st, a);
          return;
        case "col":
          hideColumns(st, a);
          return;
        case "mergeCell":
          addMerge(st, a);
          return;
        case "hyperlink":
          addHyperlink(st, a);
          return;
        case "sheetProtection":
          st.protectedSheet = isTrue(a.get("sheet"));
          return;
      }
    },
    text(t) {
      // Almost always one piece of text per element: take it as it is rather than appending to "".
      if (st.capture === "v" || st.capture === "t") st.raw = st.raw ? st.raw + t : t;
      else if (st.capture === "f") st.formula = st.formula ? st.formula + t : t;
    },
    close(name) {
      if (name === "v" || name === "f" || name === "t") st.capture = null;
      else if (name === "row") st.nextRow++;
      else if (name === "c") closeCell(st);
    },
  });

  return densify(ctx, st.cells, {
    hiddenRows: st.hiddenRows,
    hiddenCols: hiddenColumns(st.hiddenColFlags),
    merges: st.merges,
    hyperlinks: st.hyperlinks,
    protectedSheet: st.protectedSheet,
  });
}

/**
 * <hyperlink ref="E4" r:id="rId1"/> (the target in the sheet's relationships) or location="Sheet2!A1"
 * (a place in the workbook). Counted with the merged areas: both are per-sheet lists a file could inflate.
 */
function addHyperlink(st: SheetWalkState, a: XmlAttributes): void {
  const ref = a.get("ref");
  if (!ref) return;
  const idName = a.names().find((n) => n === "id" || n.endsWith(":id"));
  const id = idName ? a.get(idName) : undefined;
  const location = a.get("location");
  const target = (id && st.ctx.links?.get(id)) || (location ? `#${location.replace(/^#/, "")}` : null);
  if (!target) return;
  const { limits, usage } = st.ctx;
  if (++usage.merges > limits.maxMerges)
    throw overBudget(
      st.ctx,
      { vi: "vùng gộp ô và liên kết", en: "merged areas and links" },
      usage.merges,
      limits.maxMerges,
    );
  st.hyperlinks.push({ ref, target: target.length > 2000 ? target.slice(0, 2000) : target });
}

/** <c>: where the cell is (its r="…", or just after the previous cell), its type and style; nothing read yet. */
function openCell(st: SheetWalkState, a: XmlAttributes): void {
  st.inCell = true;
  const ref = a.get("r");
  if (ref) {
    st.col = refColumn(ref);
    st.row = refRow(ref);
  } else {
    st.row = st.nextRow;
    st.col = st.nextCol;
  }
  st.nextCol = st.col + 1;
  st.type = a.get("t") ?? "n";
  const s = a.get("s");
  st.style = s ? Number(s) : 0;
  st.raw = null;
  st.formula = null;
  st.sharedIndex = null;
  st.isMaster = false;
}

/** <f>: collect its text; a shared formula remembers its group, and whether this cell is the master. */
function openFormula(st: SheetWalkState, a: XmlAttributes): void {
  st.capture = "f";
  st.formula = "";
  if (a.get("t") === "shared") {
    st.sharedIndex = a.get("si") ?? null;
    st.isMaster = a.get("ref") !== undefined;
  }
}

/** <row>: cells without an r="…" start at its column A; a hidden row is noted. */
function openRow(st: SheetWalkState, a: XmlAttributes): void {
  const ref = a.get("r");
  const n = ref ? Number(ref) : Number.NaN;
  // A row number outside Excel's grid (or not a number) is ignored: rows follow on.
  const r = Number.isInteger(n) && n >= 1 && n <= st.ctx.limits.maxRows ? n - 1 : st.nextRow;
  st.nextRow = r;
  st.nextCol = 0;
  if (isTrue(a.get("hidden"))) st.hiddenRows.push(r);
}

/** <col min max hidden>: flags its columns as hidden. */
function hideColumns(st: SheetWalkState, a: XmlAttributes): void {
  if (!isTrue(a.get("hidden"))) return;
  // Clamped to Excel's columns 1..16,384: a min of -300,000,000 must not become a loop that long.
  const min = Math.max(1, Math.trunc(Number(a.get("min"))));
  const max = Math.min(Math.trunc(Number(a.get("max") ?? a.get("min"))), 16_384);
  if (!(min <= max)) return; // NaN or an empty range
  st.hiddenColFlags ??= new Uint8Array(16_384);
  st.hiddenColFlags.fill(1, min - 1, max);
}

/** The hidden columns (0-based, ascending) from their flags, if any <col> hid one. */
function hiddenColumns(flags: Uint8Array | null): number[] {
  const hiddenCols: number[] = [];
  if (flags) for (let c = 0; c < 16_384; c++) if (flags[c]) hiddenCols.push(c);
  return hiddenCols;
}

/** <mergeCell ref>: counted against the file's limit, then kept. */
function addMerge(st: SheetWalkState, a: XmlAttributes): void {
  const ref = a.get("ref");
  if (!ref) return;
  const { limits, usage } = st.ctx;
  if (++usage.merges > limits.maxMerges)
    throw overBudget(st.ctx, { vi: "vùng gộp ô", en: "merged areas" }, usage.merges, limits.maxMerges);
  st.merges.push(ref);
}

/** </c>: the cell's formula and value are complete; an empty unstyled cell is dropped, any other is kept. */
function closeCell(st: SheetWalkState): void {
  st.inCell = false;
  if (st.sharedIndex !== null) resolveSharedFormula(st, st.sharedIndex);
  const value = cellValue(st.type, st.raw, st.ctx.strings);
  const formula = st.formula;
  if (value === null && formula === null && st.style === 0) return;
  chargeCell(st.ctx, value, formula);
  const { cells, type } = st;
  cells.rows.push(st.row);
  cells.cols.push(st.col);
  cells.values.push(value);
  cells.formulas.push(formula ? `=${formula}` : null);
  // An ISO date cell (t="d") becomes a serial number: keep it known as a date, whatever its style says.
  cells.styles.push(type === "d" && typeof value === "number" ? ISO_DATE_STYLE : st.style);
  if (type === "e") cells.errors.push(cells.values.length - 1);
}

/**
 * A shared formula: the master cell records its formula; any other cell of the group gets the master's,
 * shifted by its distance from the master (a group whose master was not seen leaves the cell as written).
 */
function resolveSharedFormula(st: SheetWalkState, index: string): void {
  if (st.isMaster && st.formula) {
    st.shared.set(index, { formula: st.formula, row: st.row, col: st.col });
    return;
  }
  const master = st.shared.get(index);
  if (!master) return;
  const { limits, usage } = st.ctx;
  // Checked before translating: expanding one long formula over 200,000 cells is the attack.
  usage.sharedFormulaChars += master.formula.length;
  if (usage.sharedFormulaChars > limits.maxSharedFormulaChars)
    throw overBudget(
      st.ctx,
      { vi: "ký tự công thức dùng chung cần mở rộng", en: "characters of shared formulas to expand" },
      usage.sharedFormulaChars,
      limits.maxSharedFormulaChars,
    );
  st.formula = translateFormula(master.formula, st.row - master.row, st.col - master.col);
}

/** Counts a kept cell, its formula and its text against the file's limits, in that order. */
function chargeCell(ctx: Context, value: CellValue, formula: string | null): void {
  const { limits, usage } = ctx;
  if (++usage.contentCells > limits.maxContentCells)
    throw overBudget(ctx, { vi: "ô có nội dung", en: "cells" }, usage.contentCells, limits.maxContentCells);
  if (formula !== null) {
    usage.formulaChars += formula.length;
    if (usage.formulaChars > limits.maxFormulaChars)
      throw overBudget(
        ctx,
        { vi: "ký tự công thức", en: "formula characters" },
        usage.formulaChars,
        limits.maxFormulaChars,
      );
  }
  if (typeof value === "string") {
    if (value.length > limits.maxCellChars)
      throw new FileReadError("too-large", ctx.file, {
        vi: `"${ctx.name}": một ô chứa ${count(value.length, "vi")} ký tự văn bản (giới hạn của Excel là ${count(limits.maxCellChars, "vi")})`,
        en: `"${ctx.name}": a cell holds ${count(value.length, "en")} characters of text (Excel's limit is ${count(limits.maxCellChars, "en")})`,
      });
    usage.textChars += value.length;
    if (usage.textChars > limits.maxTextChars)
      throw overBudget(
        ctx,
        { vi: "ký tự văn bản", en: "characters of text" },
        usage.textChars,
        limits.maxTextChars,
      );
  }
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
  extra: {
    hiddenRows: number[];
    hiddenCols: number[];
    merges: string[];
    hyperlinks: { ref: string; target: string }[];
    protectedSheet: boolean;
  },
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
    const limit: Text =
      height > limits.maxRows
        ? {
            vi: `giới hạn ${count(limits.maxRows, "vi")} dòng`,
            en: `limit ${count(limits.maxRows, "en")} rows`,
          }
        : width > limits.maxCols
          ? {
              vi: `giới hạn ${count(limits.maxCols, "vi")} cột`,
              en: `limit ${count(limits.maxCols, "en")} columns`,
            }
          : {
              vi: `giới hạn ${count(limits.maxCells, "vi")} ô mỗi tệp`,
              en: `limit ${count(limits.maxCells, "en")} cells per file`,
            };
    throw new FileReadError("too-large", ctx.file, {
      vi: `"${ctx.name}" trải trên ${count(height, "vi")} dòng × ${count(width, "vi")} cột (${limit.vi})`,
      en: `"${ctx.name}" spans ${count(height, "en")} rows × ${count(width, "en")} columns (${limit.en})`,
    });
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
  const hyperlinks = linkedCells(extra.hyperlinks, minRow, minCol, height, width);
  return {
    ...base,
    origin: { row: minRow, col: minCol },
    values,
    formulas,
    numberFormats,
    errorCells,
    ...(hyperlinks.size ? { hyperlinks } : {}),
  };
}

/** Each link's cells inside the sheet's rectangle, "r,c" in the arrays; a range is clipped to the rectangle. */
function linkedCells(
  links: readonly { ref: string; target: string }[],
  minRow: number,
  minCol: number,
  height: number,
  width: number,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const { ref, target } of links) {
    const [from, to = from] = ref.split(":");
    const r0 = Math.max(refRow(from) - minRow, 0);
    const r1 = Math.min(refRow(to) - minRow, height - 1);
    const c0 = Math.max(refColumn(from) - minCol, 0);
    const c1 = Math.min(refColumn(to) - minCol, width - 1);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) if (!out.has(`${r},${c}`)) out.set(`${r},${c}`, target);
  }
  return out;
}
