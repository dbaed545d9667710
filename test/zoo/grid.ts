import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";

/**
 * The zoo's own sheet builder: cells as a province's workbook holds them (value as Excel shows it,
 * formula text, number format), merges and hidden rows. It knows nothing of the engine: it turns into a
 * SheetSnapshot (what the Excel adapter and the file reader both hand to core) or into an .xlsx file
 * through ExcelJS (xlsx.ts), so the same variant can be checked in memory and through the file reader.
 */
export interface GridCell {
  value: CellValue;
  /** With its leading "="; `value` is then the cached result Excel saved. */
  formula?: string;
  numberFormat?: string;
  /** A link stored on the cell (as Excel's Insert › Link keeps it, in the sheet's rels). */
  hyperlink?: string;
}

export class Grid {
  readonly cells = new Map<string, GridCell & { row: number; col: number }>();
  readonly merges: string[] = [];
  readonly hiddenRows = new Set<number>();

  constructor(readonly name: string) {}

  set(row: number, col: number, value: CellValue, extra: Omit<GridCell, "value"> = {}): void {
    this.cells.set(`${row},${col}`, { row, col, value, ...extra });
  }

  get(row: number, col: number): GridCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  delete(row: number, col: number): void {
    this.cells.delete(`${row},${col}`);
  }

  /** Merge a 0-based rectangle; the value stays in its top-left cell, as Excel keeps it. */
  merge(row1: number, col1: number, row2: number, col2: number): void {
    if (row1 === row2 && col1 === col2) return;
    this.merges.push(`${cellName(row1, col1)}:${cellName(row2, col2)}`);
  }

  /** The same cells under another sheet name (a consolidation workbook's unit sheets). */
  renamed(name: string): Grid {
    const g = new Grid(name);
    for (const [k, c] of this.cells) g.cells.set(k, { ...c });
    g.merges.push(...this.merges);
    for (const r of this.hiddenRows) g.hiddenRows.add(r);
    return g;
  }

  hide(row: number): void {
    this.hiddenRows.add(row);
  }

  size(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const c of this.cells.values()) {
      rows = Math.max(rows, c.row + 1);
      cols = Math.max(cols, c.col + 1);
    }
    return { rows, cols };
  }

  /** The snapshot starts at A1 and covers every written cell, like a used range that starts at A1. */
  toSnapshot(): SheetSnapshot {
    const { rows, cols } = this.size();
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const numberFormats: (string | null)[][] = [];
    const hyperlinks = new Map<string, string>();
    for (let r = 0; r < rows; r++) {
      values.push(new Array<CellValue>(cols).fill(null));
      formulas.push(new Array<string | null>(cols).fill(null));
      numberFormats.push(new Array<string | null>(cols).fill("General"));
    }
    for (const c of this.cells.values()) {
      values[c.row][c.col] = c.value;
      formulas[c.row][c.col] = c.formula ?? null;
      if (c.numberFormat) numberFormats[c.row][c.col] = c.numberFormat;
      if (c.hyperlink) hyperlinks.set(`${c.row},${c.col}`, c.hyperlink);
    }
    return {
      name: this.name,
      origin: { row: 0, col: 0 },
      values,
      formulas,
      numberFormats,
      ...(hyperlinks.size ? { hyperlinks } : {}),
      merges: [...this.merges],
      hiddenRows: [...this.hiddenRows].sort((a, b) => a - b),
    };
  }
}

/** 0-based (row, col) → "B7". Written here, not imported, so the generator shares no code with the engine. */
export function cellName(row: number, col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}
