import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { isErrorAt } from "../../src/core/snapshot";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";

/**
 * Everything a SheetSpec can say is written by writeWorkbook and found again: values, formulas and
 * formats by our own reader; layout (widths, panes, print, tab colour, tables, links, styles) in the
 * written parts, read with ExcelJS or straight from the XML.
 */
const full: SheetSpec = {
  name: "Kết quả",
  cells: [
    {
      row: 0,
      col: 0,
      value: "BẢNG ĐIỂM",
      style: { bold: true, size: 14, color: "C00000", hAlign: "center" },
    },
    { row: 2, col: 0, value: "Mã", style: { fill: "DDEBF7", border: true, wrap: true, vAlign: "middle" } },
    { row: 2, col: 1, value: "Điểm", style: { italic: true } },
    { row: 3, col: 0, value: "1.1" },
    { row: 3, col: 1, value: 1.5, style: { numberFormat: "0.00" } },
    { row: 4, col: 0, value: "1.2" },
    { row: 4, col: 1, value: 2.25, style: { numberFormat: "0.00" } },
    { row: 5, col: 0, value: "Tổng" },
    { row: 5, col: 1, value: 3.75, formula: "=SUM(B4:B5)", style: { numberFormat: "0.00" } },
    { row: 6, col: 0, value: "Đạt" },
    { row: 6, col: 1, value: true },
    { row: 7, col: 0, value: "Ngày" },
    { row: 7, col: 1, value: 45292, style: { numberFormat: "dd/mm/yyyy" } },
    { row: 8, col: 0, value: "Lỗi" },
    { row: 8, col: 1, value: "#DIV/0!", formula: "=1/0" },
    { row: 9, col: 0, value: '=HYPERLINK("x")' },
    { row: 9, col: 1, value: "Xem", hyperlink: "#'Xếp hạng'!A1" },
    { row: 10, col: 1, value: "Cổng", hyperlink: "https://dichvucong.gov.vn/" },
    { row: 11, col: 0, value: "Văn bản số" },
    { row: 11, col: 1, value: "0012", style: { numberFormat: "@" } },
  ],
  merges: ["A1:C1"],
  columnWidths: [12, 30, 8],
  freeze: { rows: 3, cols: 1 },
  print: { landscape: true, fitToWidth: true, repeatRows: [2, 2] },
  tabColor: "00B050",
};

const ranking: SheetSpec = {
  name: "Xếp hạng",
  cells: [{ row: 0, col: 0, value: "XẾP HẠNG" }],
  tables: [
    {
      name: "XepHang",
      row: 2,
      col: 0,
      headers: ["Hạng", "Đơn vị", "Điểm"],
      rows: [
        [1, "Xã An", 84.85],
        [2, "-Xã Bình", 80.5],
      ],
      numberFormats: [null, null, "0.00"],
      links: [
        [null, null],
        ["#'Kết quả'!A1", null],
        [null, null],
      ],
      style: "TableStyleMedium9",
    },
  ],
};

const hidden: SheetSpec = { name: "_data", cells: [{ row: 0, col: 0, value: 1 }], hidden: true };

async function written() {
  const bytes = await writeWorkbook([full, ranking, hidden]);
  return { bytes, parts: unzipSync(bytes), wb: readWorkbook(bytes, "out.xlsx") };
}

function part(parts: Record<string, Uint8Array>, name: string): string {
  const p = parts[name];
  if (!p) throw new Error(`missing part ${name}: ${Object.keys(parts).join(", ")}`);
  return strFromU8(p);
}

describe("writeWorkbook → readWorkbook", () => {
  it("values, cached formula results, formulas and number formats come back", async () => {
    const { wb } = await written();
    const s = wb.sheets[0];
    expect(s.name).toBe("Kết quả");
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(s.values[3]).toEqual(["1.1", 1.5]);
    expect(s.values[5]).toEqual(["Tổng", 3.75]);
    expect(s.formulas?.[5][1]).toBe("=SUM(B4:B5)");
    expect(s.formulas?.[3][1]).toBeNull();
    expect(s.numberFormats?.[3][1]).toBe("0.00");
    expect(s.values[6][1]).toBe(true);
    expect(s.values[7][1]).toBe(45292);
    expect(s.numberFormats?.[7][1]).toBe("dd/mm/yyyy");
    expect(s.values[11][1]).toBe("0012");
    expect(s.numberFormats?.[11][1]).toBe("@");
  });

  it("an error result is an error cell, and formula-like text stays text with the text format", async () => {
    const { wb } = await written();
    const s = wb.sheets[0];
    expect(s.values[8][1]).toBe("#DIV/0!");
    expect(isErrorAt(s, 8, 1)).toBe(true);
    expect(isErrorAt(s, 8, 0)).toBe(false);
    expect(s.values[9][0]).toBe('=HYPERLINK("x")');
    expect(s.formulas?.[9][0]).toBeNull();
    expect(s.numberFormats?.[9][0]).toBe("@");
  });

  it("merges, hidden sheets and table cells come back", async () => {
    const { wb } = await written();
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Kết quả", false],
      ["Xếp hạng", false],
      ["_data", true],
    ]);
    expect(wb.sheets[0].merges).toEqual(["A1:C1"]);
    const r = wb.sheets[1];
    expect(r.values[2]).toEqual(["Hạng", "Đơn vị", "Điểm"]);
    expect(r.values[3]).toEqual([1, "Xã An", 84.85]);
    expect(r.values[4]).toEqual([2, "-Xã Bình", 80.5]);
    expect(r.formulas?.[4][1]).toBeNull();
    expect(r.numberFormats?.[3][2]).toBe("0.00");
  });

  it("widths, frozen panes, print setup and tab colour are in the sheet part", async () => {
    const { parts } = await written();
    const xml = part(parts, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<col min="2" max="2" width="30"/);
    expect(xml).toMatch(
      /<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/,
    );
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"/);
    expect(xml).toMatch(/<tabColor rgb="FF00B050"/);
    const wbXml = part(parts, "xl/workbook.xml");
    expect(wbXml).toMatch(/_xlnm\.Print_Titles[^>]*>&apos;Kết quả&apos;!\$3:\$3</);
  });

  it("tables are real Excel tables with headers, style and filter buttons", async () => {
    const { parts } = await written();
    const table = part(parts, "xl/tables/table1.xml");
    expect(table).toMatch(/name="XepHang"/);
    expect(table).toMatch(/ref="A3:C5"/);
    expect(table).toMatch(/<autoFilter ref="A3:C5"/);
    expect(table).toMatch(/<tableStyleInfo name="TableStyleMedium9"/);
    expect(table).toMatch(/<tableColumn id="2" name="Đơn vị"/);
  });

  it("hyperlinks: internal links name the cell, URLs are external relationships", async () => {
    const { parts } = await written();
    const sheet1 = part(parts, "xl/worksheets/sheet1.xml");
    // Excel's own form of an internal link: a location without "#" and no relationship.
    expect(sheet1).toContain('<hyperlink ref="B10" location="&apos;Xếp hạng&apos;!A1"/>');
    const url = /<hyperlink ref="B11" r:id="(rId\d+)"/.exec(sheet1);
    expect(url).not.toBeNull();
    const rels = part(parts, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(rels).toMatch(
      new RegExp(`Id="${url?.[1]}"[^>]*Target="https://dichvucong.gov.vn/" TargetMode="External"`),
    );
    expect(rels).not.toContain("#");
    const sheet2 = part(parts, "xl/worksheets/sheet2.xml");
    expect(sheet2).toContain('<hyperlink ref="B4" location="&apos;Kết quả&apos;!A1"/>');
  });

  it("styles survive (read back with ExcelJS)", async () => {
    const { bytes } = await written();
    const ExcelJS = ((await import("exceljs")) as unknown as { default: typeof import("exceljs") }).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.getWorksheet("Kết quả");
    if (!ws) throw new Error("sheet missing");
    const title = ws.getCell("A1");
    expect(title.font.bold).toBe(true);
    expect(title.font.size).toBe(14);
    expect(title.font.color?.argb).toBe("FFC00000");
    expect(title.alignment.horizontal).toBe("center");
    const header = ws.getCell("A3");
    expect((header.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFDDEBF7");
    expect(header.border.top?.style).toBe("thin");
    expect(header.alignment.wrapText).toBe(true);
    expect(header.alignment.vertical).toBe("middle");
    expect(ws.getCell("B3").font.italic).toBe(true);
  });

  it("the same specs give the same bytes (idempotent output)", async () => {
    const a = await writeWorkbook([full, ranking]);
    const b = await writeWorkbook([full, ranking]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
