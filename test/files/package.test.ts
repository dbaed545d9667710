import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { inflateWithZlib } from "../../src/files/node";
import { readWorkbook } from "../../src/files/read-workbook";
import { xml } from "../../src/files/xlsx/parts";
import { book, deflated } from "../reliability/hostile-gen";

/** Reading what other programs write: encodings, relationships, odd <col> ranges, budgets at their edge. */
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>Điểm</t></is></c><c r="B1"><v>2</v></c></row>';

describe("part encodings", () => {
  const text = '<?xml version="1.0"?><a>Xã Tiến Lợi 𝄞</a>';
  it("UTF-32 with and without a byte-order mark, both byte orders", () => {
    const codes = [...`\ufeff${text}`].map((c) => c.codePointAt(0) as number);
    for (const little of [true, false])
      for (const bom of [true, false]) {
        const cps = bom ? codes : codes.slice(1);
        const bytes = new Uint8Array(cps.length * 4);
        const view = new DataView(bytes.buffer);
        for (const [i, cp] of cps.entries()) view.setUint32(i * 4, cp, little);
        expect(xml(bytes).replace(/^\ufeff/, "")).toBe(text);
      }
  });
  it("an encoding named by the declaration (windows-1258, Vietnamese)", () => {
    // "Lợi" in windows-1258 is L, o + combining hook-above (0xD2), i — bytes that are not valid UTF-8.
    const bytes = Uint8Array.from([
      ...strToU8('<?xml version="1.0" encoding="windows-1258"?><a>L'),
      0xf5,
      0xf2,
      ...strToU8("i</a>"),
    ]);
    expect(xml(bytes).normalize("NFC")).toBe('<?xml version="1.0" encoding="windows-1258"?><a>Lợi</a>');
  });
  it("UTF-8 stays the fast path, with or without a byte-order mark", () => {
    expect(xml(strToU8(text))).toBe(text);
  });
});

describe("hidden column ranges are clamped to Excel's grid", () => {
  const read = (cols: string) =>
    readWorkbook(
      book({
        sheets: [
          {
            name: "A",
            entry: deflated(
              "a",
              `<worksheet ${NS}><cols>${cols}</cols><sheetData>${ROW}</sheetData></worksheet>`,
            ),
          },
        ],
      }),
      "c.xlsx",
      {},
      inflateWithZlib,
    ).sheets[0].hiddenCols;
  it("a negative start begins at column A; overlapping and repeated ranges count once", () => {
    expect(read('<col min="-300000000" max="3" hidden="1"/><col min="2" max="4" hidden="1"/>')).toEqual([
      0, 1, 2, 3,
    ]);
  });
  it("an end past XFD stops at XFD; a missing max is the min; NaN and empty ranges are ignored", () => {
    const cols = read(
      '<col min="16383" max="99999999" hidden="1"/><col min="7" hidden="1"/><col min="x" max="9" hidden="1"/><col min="9" max="8" hidden="1"/>',
    );
    expect(cols).toEqual([6, 16_382, 16_383]);
  });
});

describe("budgets at their edge", () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
  const bytes = book({
    sheets: [
      { name: "A", xml: rows(100) },
      { name: "B", xml: rows(100) },
    ],
  });
  it("cells are counted over the whole file, not per sheet", () => {
    expect(readWorkbook(bytes, "b.xlsx", { maxContentCells: 200 }).sheets).toHaveLength(2);
    expect(() => readWorkbook(bytes, "b.xlsx", { maxContentCells: 199 })).toThrow(
      expect.objectContaining({
        reason: "too-large",
        text: expect.objectContaining({ en: expect.stringMatching(/limit 199 per file/) }),
      }),
    );
    expect(() => readWorkbook(bytes, "b.xlsx", { maxCells: 199 })).toThrow(
      expect.objectContaining({ reason: "too-large" }),
    );
  });
  it("merged areas and sheets have their own budgets", () => {
    const merged = book({
      sheets: [
        {
          name: "M",
          entry: deflated(
            "m",
            `<worksheet ${NS}><sheetData>${ROW}</sheetData><mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/></mergeCells></worksheet>`,
          ),
        },
      ],
    });
    expect(readWorkbook(merged, "m.xlsx", { maxMerges: 2 }).sheets[0].merges).toHaveLength(2);
    expect(() => readWorkbook(merged, "m.xlsx", { maxMerges: 1 })).toThrow(
      expect.objectContaining({ reason: "too-large" }),
    );
    expect(() => readWorkbook(bytes, "b.xlsx", { maxSheets: 1 })).toThrow(
      expect.objectContaining({ reason: "too-large" }),
    );
  });
});

describe("relationships", () => {
  it("a chart sheet listed among the sheets is not read as a worksheet", () => {
    const bytes = book({
      sheets: [{ name: "A", xml: ROW }],
      mutate: (es) =>
        es.map((e) =>
          e.name === "xl/_rels/workbook.xml.rels"
            ? deflated(
                e.name,
                `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
              )
            : e.name === "xl/workbook.xml"
              ? deflated(
                  e.name,
                  `<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Biểu đồ" sheetId="1" r:id="rId1"/><sheet name="Điểm" sheetId="2" r:id="rId2"/></sheets></workbook>`,
                )
              : e,
        ),
    });
    expect(readWorkbook(bytes, "r.xlsx").sheets.map((s) => s.name)).toEqual(["Điểm"]);
  });
});
