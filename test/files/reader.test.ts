import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isErrorAt } from "../../src/core/snapshot";
import { floorParse } from "../../src/files/floor";
import { readWorkbook } from "../../src/files/read-workbook";
import { translateFormula } from "../../src/files/xlsx/shared-formula";

/** The reader on hand-made parts: each cell type, shared formulas, styles, sheet states and ranges. */
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function book(
  sheets: { name: string; xml: string; state?: string }[],
  extra: { strings?: string; styles?: string } = {},
): Uint8Array {
  const rels = sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="ws" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  const list = sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const files: Record<string, Uint8Array> = {
    "xl/workbook.xml": strToU8(`<workbook ${NS} ${R}><sheets>${list}</sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<Relationships>${rels}</Relationships>`),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet ${NS}>${s.xml}</worksheet>`);
  });
  if (extra.strings) files["xl/sharedStrings.xml"] = strToU8(`<sst ${NS}>${extra.strings}</sst>`);
  if (extra.styles) files["xl/styles.xml"] = strToU8(`<styleSheet ${NS}>${extra.styles}</styleSheet>`);
  return zipSync(files);
}

describe("cell types", () => {
  const bytes = book(
    [
      {
        name: "S",
        xml: `<sheetData><row r="2">
          <c r="B2"><v>1.25</v></c>
          <c r="C2" t="s"><v>0</v></c>
          <c r="D2" t="s"><v>1</v></c>
          <c r="E2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>
          <c r="F2" t="inlineStr"><is><r><t>Xã </t></r><r><t xml:space="preserve">An </t></r></is></c>
          <c r="G2" t="b"><v>1</v></c>
          <c r="H2" t="b"><v>0</v></c>
          <c r="I2" t="e"><f>1/0</f><v>#DIV/0!</v></c>
          <c r="J2" t="d"><v>2024-01-01</v></c>
          <c r="K2" t="d"><v>2024-01-01T12:00:00</v></c>
          <c r="L2"><v>-3E-2</v></c>
        </row></sheetData>`,
      },
    ],
    {
      strings:
        '<si><t>Điểm</t></si><si><r><t>Tự </t></r><r><t>chấm</t></r><rPh sb="0" eb="1"><t>ジ</t></rPh></si>',
    },
  );
  const s = readWorkbook(bytes, "types.xlsx").sheets[0];

  it("fills the used range from its top-left cell", () => {
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.values).toHaveLength(1);
  });
  it("numbers, shared strings (rich, without phonetic runs), formula strings, inline rich strings", () => {
    expect(s.values[0].slice(0, 5)).toEqual([1.25, "Điểm", "Tự chấm", "ab", "Xã An "]);
    expect(s.formulas?.[0][3]).toBe('="a"&"b"');
  });
  it("booleans, errors (marked as errors), ISO dates as serials, exponent numbers", () => {
    expect(s.values[0].slice(5)).toEqual([true, false, "#DIV/0!", 45292, 45292.5, -0.03]);
    expect(isErrorAt(s, 1, 8)).toBe(true);
    expect(isErrorAt(s, 1, 4)).toBe(false);
    expect(s.formulas?.[0][7]).toBe("=1/0");
  });
});

describe("shared formulas", () => {
  it("children get the master's formula moved by their offset; anchored parts and quoted text stay", () => {
    const xml = `<sheetData>
      <row r="3"><c r="D3"><f t="shared" ref="D3:E5" si="0">SUM(B3:C3)*$A$1+B$2+"B3"&amp;Sheet1!A1</f><v>1</v></c>
        <c r="E3"><f t="shared" si="0"/><v>2</v></c></row>
      <row r="5"><c r="D5"><f t="shared" si="0"/><v>3</v></c></row></sheetData>`;
    const s = readWorkbook(book([{ name: "F", xml }]), "f.xlsx").sheets[0];
    expect(s.origin).toEqual({ row: 2, col: 3 });
    expect(s.formulas?.[0][0]).toBe('=SUM(B3:C3)*$A$1+B$2+"B3"&Sheet1!A1');
    expect(s.formulas?.[0][1]).toBe('=SUM(C3:D3)*$A$1+C$2+"B3"&Sheet1!B1');
    expect(s.formulas?.[2][0]).toBe('=SUM(B5:C5)*$A$1+B$2+"B3"&Sheet1!A3');
    expect(s.values.map((r) => r[0])).toEqual([1, null, 3]);
  });
  it("function names with digits and references moved off the sheet", () => {
    expect(translateFormula("LOG10(A2)+ATAN2(B1,C1)", 1, 1)).toBe("LOG10(B3)+ATAN2(C2,D2)");
    expect(translateFormula("A2-B1", -1, -1)).toBe("#REF!-#REF!");
  });
});

describe("number formats", () => {
  it("custom numFmts and built-in ids by cellXfs index; cellStyleXfs are not cell styles", () => {
    const styles = `<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="3"/></cellStyleXfs>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="164"/><xf numFmtId="49"/><xf numFmtId="14"/></cellXfs>`;
    const xml = `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>1</v></c><c r="C1" s="2"><v>45292</v></c><c r="D1" s="3" t="s"><v>0</v></c><c r="E1" s="4"><v>45292</v></c></row></sheetData>`;
    const s = readWorkbook(book([{ name: "N", xml }], { styles, strings: "<si><t>007</t></si>" }), "n.xlsx")
      .sheets[0];
    expect(s.numberFormats?.[0]).toEqual(["General", "0.00", "dd/mm/yyyy", "@", "mm-dd-yy"]);
    expect(s.values[0]).toEqual([1, 1, 45292, "007", 45292]);
  });
});

describe("sheets, hidden rows and columns, merges, protection", () => {
  const xml = `<sheetPr/><cols><col min="2" max="3" width="0" hidden="1"/><col min="5" max="5" width="9"/></cols>
    <sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row>
    <row r="3"><c r="E3" s="0"/></row></sheetData>
    <sheetProtection sheet="1" objects="1"/><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A2:A3"/></mergeCells>`;
  const wb = readWorkbook(
    book([
      { name: "Biểu 1", xml },
      { name: "Ẩn", xml: "<sheetData/>", state: "hidden" },
      { name: "Rất ẩn", xml: "<sheetData/>", state: "veryHidden" },
    ]),
    "h.xlsx",
  );
  it("every sheet in workbook order with its state", () => {
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Biểu 1", false],
      ["Ẩn", true],
      ["Rất ẩn", true],
    ]);
  });
  it("hidden rows and columns (0-based), merges, protection; empty cells do not stretch the range", () => {
    const s = wb.sheets[0];
    expect(s.hiddenRows).toEqual([1]);
    expect(s.hiddenCols).toEqual([1, 2]);
    expect(s.merges).toEqual(["A1:C1", "A2:A3"]);
    expect(s.protected).toBe(true);
    expect(s.values).toEqual([[1], [2]]);
    expect(wb.sheets[1].protected).toBe(false);
    expect(wb.sheets[1].values).toEqual([]);
  });
});

describe("limits", () => {
  it("a sheet over the cell limit is too-large, without allocating it", () => {
    const xml = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="5000"><c r="J5000"><v>1</v></c></row></sheetData>`;
    expect(() => readWorkbook(book([{ name: "L", xml }]), "l.xlsx", { maxCells: 10_000 })).toThrow(
      expect.objectContaining({ reason: "too-large" }),
    );
    expect(readWorkbook(book([{ name: "L", xml }]), "l.xlsx").sheets[0].values).toHaveLength(5000);
  });
});

describe("row and column limits", () => {
  const xml = `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="Z1"><v>1</v></c></row><row r="300"><c r="A300"><v>1</v></c></row></sheetData>`;
  it("a sheet wider or taller than allowed is too-large; within both it is read", () => {
    const bytes = book([{ name: "W", xml }]);
    expect(() => readWorkbook(bytes, "w.xlsx", { maxCols: 25 })).toThrow(
      expect.objectContaining({ reason: "too-large" }),
    );
    expect(() => readWorkbook(bytes, "w.xlsx", { maxRows: 299 })).toThrow(
      expect.objectContaining({ reason: "too-large" }),
    );
    const s = readWorkbook(bytes, "w.xlsx", { maxCols: 26, maxRows: 300 }).sheets[0];
    expect([s.values.length, s.values[0].length]).toEqual([300, 26]);
  });
});

describe("floorParse", () => {
  it("counts the SAX events of the parts a reader must parse, ignoring other parts", () => {
    const a = book([{ name: "A", xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }]);
    const b = book([
      {
        name: "A",
        xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData>',
      },
    ]);
    // b has one more <c> and <v> open tag and one more text node.
    expect(floorParse(b) - floorParse(a)).toBe(3);
    expect(floorParse(a)).toBeGreaterThan(0);
  });
});
