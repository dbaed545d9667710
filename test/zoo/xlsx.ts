import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { inflateWithZlib } from "../../src/files/node";
import { readWorkbook } from "../../src/files/read-workbook";
import type { Grid } from "./grid";

/**
 * Writes zoo sheets to a real .xlsx with ExcelJS — formulas with their cached results, number formats,
 * merges, hidden rows, as Excel saves them — and reads it back with the project's own reader, so the
 * variants also go through the file path the command line and the pane's file import take.
 */
export async function throughXlsx(grids: readonly Grid[], source: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    for (const c of g.cells.values()) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      cell.value = c.formula
        ? ({ formula: c.formula.replace(/^=/, ""), result: c.value ?? undefined } as ExcelJS.CellFormulaValue)
        : c.value;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
    }
    for (const m of g.merges) ws.mergeCells(m);
    for (const r of g.hiddenRows) ws.getRow(r + 1).hidden = true;
  }
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return readWorkbook(bytes, source, {}, inflateWithZlib);
}
