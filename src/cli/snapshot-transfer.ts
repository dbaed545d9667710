import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";

/**
 * A workbook snapshot as a batch worker posts it to the main thread. Posting the snapshot as it is cost
 * about 0.3 ms a workbook — a third of reading it — mostly for hundreds of small row arrays and a number
 * format string per cell; flat arrays, formats as indexes into a table of the distinct ones, and formulas
 * as a sparse list bring that under 0.15 ms, unpacking included.
 *
 * Texts travel once each: a structured clone copies a string every time it meets it, so 12,000 cells
 * showing one 1 MB shared string cost 12 GB on the way (a batch was killed at 24 GB). Each distinct text
 * goes into the workbook's table once and cells carry its index; unpacked, the cells share one string
 * again, as they did in the reader.
 */
export interface PackedSheet extends Omit<SheetSnapshot, "values" | "formulas" | "numberFormats"> {
  width: number;
  height: number;
  /** Values other than text, flat (text cells are null here). */
  values: CellValue[];
  /** Pairs: flat cell index, index into the workbook's `texts`. */
  textCells: Int32Array;
  /** Pairs: flat cell index, formula text. */
  formulas: (number | string)[];
  formats: (string | null)[];
  formatIndex: Uint16Array;
}

export interface PackedWorkbook {
  source: string;
  protection?: WorkbookSnapshot["protection"];
  sheets: PackedSheet[];
  /** Every distinct text of the workbook's cells, once. */
  texts: string[];
}

/** Distinct texts of one workbook, in the order met. */
interface TextTable {
  texts: string[];
  ids: Map<string, number>;
}

export function packSnapshot(wb: WorkbookSnapshot): PackedWorkbook {
  const table: TextTable = { texts: [], ids: new Map() };
  return {
    source: wb.source,
    ...(wb.protection ? { protection: wb.protection } : {}),
    sheets: wb.sheets.map((s) => packSheet(s, table)),
    texts: table.texts,
  };
}

export function unpackSnapshot(packed: PackedWorkbook): WorkbookSnapshot {
  return {
    source: packed.source,
    ...(packed.protection ? { protection: packed.protection } : {}),
    sheets: packed.sheets.map((s) => unpackSheet(s, packed.texts)),
  };
}

/** The buffers to transfer rather than copy. */
export function transferables(packed: PackedWorkbook): ArrayBuffer[] {
  return packed.sheets.flatMap((s) => [
    s.formatIndex.buffer as ArrayBuffer,
    s.textCells.buffer as ArrayBuffer,
  ]);
}

function packSheet(sheet: SheetSnapshot, table: TextTable): PackedSheet {
  const { values, formulas, numberFormats, ...rest } = sheet;
  const height = values.length;
  const width = height ? values[0].length : 0;
  const flat: CellValue[] = new Array(height * width);
  const textCells: number[] = [];
  const sparse: (number | string)[] = [];
  const formats: (string | null)[] = [];
  const ids = new Map<string | null, number>();
  // More than 65,535 distinct formats cannot happen in one workbook (Excel's limit is 64,000 styles).
  const formatIndex = new Uint16Array(height * width);
  for (let r = 0; r < height; r++) {
    const valueRow = values[r];
    const formulaRow = formulas?.[r];
    const formatRow = numberFormats?.[r];
    for (let c = 0; c < width; c++) {
      const k = r * width + c;
      const value = valueRow[c] ?? null;
      if (typeof value === "string") {
        let t = table.ids.get(value);
        if (t === undefined) {
          t = table.texts.length;
          table.texts.push(value);
          table.ids.set(value, t);
        }
        textCells.push(k, t);
        flat[k] = null;
      } else flat[k] = value;
      const formula = formulaRow?.[c] ?? null;
      if (formula !== null) sparse.push(k, formula);
      const format = formatRow?.[c] ?? null;
      let id = ids.get(format);
      if (id === undefined) {
        id = formats.length;
        formats.push(format);
        ids.set(format, id);
      }
      formatIndex[k] = id;
    }
  }
  return {
    ...rest,
    width,
    height,
    values: flat,
    textCells: Int32Array.from(textCells),
    formulas: sparse,
    formats,
    formatIndex,
  };
}

function unpackSheet(packed: PackedSheet, texts: string[]): SheetSnapshot {
  const { width, height, values: flat, textCells, formulas: sparse, formats, formatIndex, ...rest } = packed;
  for (let i = 0; i < textCells.length; i += 2) flat[textCells[i]] = texts[textCells[i + 1]];
  const values: CellValue[][] = new Array(height);
  const formulas: (string | null)[][] = new Array(height);
  const numberFormats: (string | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    values[r] = flat.slice(r * width, r * width + width);
    formulas[r] = new Array<string | null>(width).fill(null);
    const formatRow = new Array<string | null>(width);
    for (let c = 0; c < width; c++) formatRow[c] = formats[formatIndex[r * width + c]];
    numberFormats[r] = formatRow;
  }
  for (let i = 0; i < sparse.length; i += 2) {
    const k = sparse[i] as number;
    formulas[Math.floor(k / width)][k % width] = sparse[i + 1] as string;
  }
  return { ...rest, values, formulas, numberFormats };
}
