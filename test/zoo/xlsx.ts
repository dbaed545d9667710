import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { inflateWithZlib } from "../../src/files/node";
import { readWorkbook } from "../../src/files/read-workbook";
import type { Grid } from "./grid";

/**
 * Writes zoo sheets to a real .xlsx with ExcelJS — formulas with their cached results, number formats,
 * merges, hidden rows, as Excel saves them — and reads it back with the project's own reader, so the
 * variants also go through the file path the command line and the pane's file import take.
 * `inlineStrings`: every text cell rewritten as an inline string and the shared-string part dropped, as
 * LibreOffice and other tools save workbooks.
 */
export async function throughXlsx(
  grids: readonly Grid[],
  source: string,
  inlineStrings = false,
): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    for (const c of g.cells.values()) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      cell.value = c.formula
        ? ({ formula: c.formula.replace(/^=/, ""), result: c.value ?? undefined } as ExcelJS.CellFormulaValue)
        : c.hyperlink
          ? { text: String(c.value), hyperlink: c.hyperlink }
          : c.value;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
    }
    for (const m of g.merges) ws.mergeCells(m);
    for (const r of g.hiddenRows) ws.getRow(r + 1).hidden = true;
  }
  let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if (inlineStrings) bytes = withInlineStrings(bytes);
  return readWorkbook(bytes, source, {}, inflateWithZlib);
}

/** ExcelJS's output is regular: `<c r="A1" s="2" t="s"><v>7</v></c>` and `<si><t>text</t></si>`. */
function withInlineStrings(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const sst = files["xl/sharedStrings.xml"];
  if (!sst) return bytes;
  const strings = [...strFromU8(sst).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""),
  );
  let rewritten = 0;
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]).replace(
      /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_m, before: string, after: string, index: string) => {
        rewritten++;
        return `<c ${before}t="inlineStr"${after}><is><t xml:space="preserve">${strings[Number(index)]}</t></is></c>`;
      },
    );
    files[name] = strToU8(xml);
  }
  if (rewritten === 0) throw new Error("no shared string found to rewrite: ExcelJS's output changed");
  delete files["xl/sharedStrings.xml"];
  const drop = (name: string, pattern: RegExp) => {
    files[name] = strToU8(strFromU8(files[name]).replace(pattern, ""));
  };
  drop("[Content_Types].xml", /<Override[^>]*sharedStrings[^>]*\/>/g);
  drop("xl/_rels/workbook.xml.rels", /<Relationship[^>]*sharedStrings[^>]*\/>/g);
  return zipSync(files);
}
