/**
 * Every budget the reader holds one file to, in one table. A unit's workbook is small (a few hundred rows,
 * a few thousand cells, parts of a few hundred KB; a province's consolidation workbook a few hundred such
 * sheets), so each number leaves at least a hundred times that room and still keeps one file well under
 * 300 MB of memory and a couple of seconds: a file past any of them is refused with `too-large` (or
 * `zip-bomb` for the archive's sizes), naming what and the limit, and the batch goes on. The budgets are
 * counters bumped where the reader already does the work, never a second pass over the cells.
 */
export interface ReadLimits {
  /** The file itself (the command line reads it whole): workbooks with scanned evidence pictures reach tens of MB. */
  maxFileBytes: number;
  /** Total bytes of the parts we inflate, summed over the file (declared sizes first, then actual). */
  maxUncompressedBytes: number;
  /** One part's inflated size: a 20,000-row sheet is ~4 MB of XML; its text as a string costs up to twice that. */
  maxPartBytes: number;
  /** Largest compression ratio of a big part (ordinary sheets compress 5–20×; a bomb thousands). */
  maxRatio: number;
  /**
   * Cells of the rectangles the snapshot allocates, summed over the file's sheets: each costs three array
   * slots (value, formula, format) whether filled or not, so two cells at A1 and T1000000 would cost 20M.
   */
  maxCells: number;
  /** Cells actually written in the XML (values, formulas, styled blanks), summed over the file. */
  maxContentCells: number;
  /** Largest number of rows / columns one sheet may span (Excel's own grid by default). */
  maxRows: number;
  maxCols: number;
  /** Distinct worksheets (a sheet listed twice in workbook.xml is read once). */
  maxSheets: number;
  /** Merged areas, summed over the file (a real template has a few dozen per sheet). */
  maxMerges: number;
  /** Formula text after expanding shared formulas, in characters, summed over the file. */
  maxFormulaChars: number;
  /**
   * Characters of shared formulas translated for the cells that only point at them: translating is the
   * costly part (every reference shifted), and one 8,000-character formula over 200,000 cells is the attack.
   */
  maxSharedFormulaChars: number;
  /**
   * Text of the cells, in characters, counted once per cell that shows it (a shared string used by 12,000
   * cells counts 12,000 times: everything after the reader — recognition, evidence checks — looks at it
   * per cell).
   */
  maxTextChars: number;
  /**
   * Characters of one cell's text: Excel's own limit (it cannot store or show more), so a longer text was
   * not written by Excel, and every check after the reader would look at it once per cell showing it.
   */
  maxCellChars: number;
  /** Bytes a part may inflate beyond its declared size and still be told apart (damaged, by its CRC) from a bomb. */
  inflateSlack: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 128 * MB,
  maxUncompressedBytes: 128 * MB,
  maxPartBytes: 32 * MB,
  maxRatio: 200,
  // 24 bytes a cell in three dense arrays: 2M cells ≈ 48 MB, a hundred full-size unit sheets.
  maxCells: 2_000_000,
  maxContentCells: 1_000_000,
  maxRows: 1_048_576,
  maxCols: 16_384,
  // Vietnam's largest province had ~600 communes; a consolidation workbook has one sheet per unit.
  maxSheets: 2_000,
  maxMerges: 100_000,
  // A unit's workbook has a few thousand formulas of tens of characters: ~100 KB.
  maxFormulaChars: 16_000_000,
  // Filled-down formulas are short ("=SUM(C5:C9)"): a few thousand of them are ~50,000 characters.
  maxSharedFormulaChars: 2_000_000,
  maxTextChars: 64_000_000,
  maxCellChars: 32_767,
  inflateSlack: 1 * MB,
};

/** What one file has used of its budgets so far; the reader bumps these as it goes. */
export interface Usage {
  inflatedBytes: number;
  cells: number;
  contentCells: number;
  merges: number;
  formulaChars: number;
  sharedFormulaChars: number;
  textChars: number;
}

export function emptyUsage(): Usage {
  return {
    inflatedBytes: 0,
    cells: 0,
    contentCells: 0,
    merges: 0,
    formulaChars: 0,
    sharedFormulaChars: 0,
    textChars: 0,
  };
}

/** Limits and counts as each language writes them ("1.234.567" / "1,234,567"; "1,5 MB" / "1.5 MB"). */
export { formatCount as count, formatMegabytes as megabytes } from "../core/numbers";
