import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit } from "../../src/sample";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { FileReadError, type FileReadReason } from "../../src/files/errors";
import { inflateWithZlib } from "../../src/files/node";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";

/**
 * What units really send. Each broken input gets a FileReadError with its reason and a message naming
 * the file in both languages; each odd-but-valid input is read and analysed without throwing.
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Biểu" sheetId="1" r:id="rId1"/></sheets></workbook>`;

/** A minimal hand-made .xlsx with one sheet whose <sheetData> (and extras) we choose. */
function xlsx(sheetData: string, extra = "", parts: Record<string, string> = {}): Uint8Array {
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${extra}</worksheet>`;
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "xl/workbook.xml": strToU8(WORKBOOK),
    "xl/_rels/workbook.xml.rels": strToU8(RELS),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
    ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])),
  });
}

function cfb(withEncryption: boolean): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (withEncryption) {
    const name = "EncryptedPackage";
    for (let i = 0; i < name.length; i++) bytes[1024 + i * 2] = name.charCodeAt(i);
  }
  return bytes;
}

/** The same reason with the browser's inflater (fflate) and the command line's (Node's zlib). */
function expectReason(bytes: Uint8Array, reason: FileReadReason, file = "don-vi.xlsx"): void {
  for (const inflate of [undefined, inflateWithZlib]) {
    try {
      readWorkbook(bytes, file, {}, inflate);
    } catch (e) {
      expect(e).toBeInstanceOf(FileReadError);
      const err = e as FileReadError;
      expect(err.reason).toBe(reason);
      expect(err.text.vi).toContain(file);
      expect(err.text.en).toContain(file);
      continue;
    }
    throw new Error(`expected ${reason}, but the file was read`);
  }
}

describe("broken inputs get a reason and a bilingual message naming the file", () => {
  it("zero bytes", () => expectReason(new Uint8Array(0), "empty-file"));
  it("random binary that is not a zip", () =>
    expectReason(Uint8Array.from([1, 2, 3, 0, 255, 7, 9, 0]), "not-a-zip"));
  it("a CSV renamed .xlsx", () => expectReason(strToU8("STT;Nội dung;Điểm\n1;Chỉ đạo;16\n"), "csv-or-text"));
  it("a truncated download", async () => {
    const full = await writeWorkbook(generateUnit(rubric, { seed: 1, index: 0 }).sheets);
    expectReason(full.slice(0, Math.floor(full.length / 2)), "truncated");
  });
  it("an encrypted (password) workbook", () => expectReason(cfb(true), "encrypted"));
  it("a legacy .xls", () => expectReason(cfb(false), "legacy-xls", "cu.xls"));
  it("an .xlsb binary workbook", () =>
    expectReason(
      zipSync({ "xl/workbook.bin": new Uint8Array(10), "[Content_Types].xml": strToU8(CONTENT_TYPES) }),
      "xlsb",
    ));
  it("an .ods spreadsheet", () =>
    expectReason(
      zipSync({
        mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
        "content.xml": strToU8("<x/>"),
      }),
      "ods",
    ));
  it("a Word document renamed .xlsx", () =>
    expectReason(
      zipSync({ "word/document.xml": strToU8("<w/>"), "[Content_Types].xml": strToU8(CONTENT_TYPES) }),
      "not-a-workbook",
    ));
  it("a workbook with no sheets", () =>
    expectReason(
      zipSync({
        "xl/workbook.xml": strToU8(
          `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`,
        ),
        "xl/_rels/workbook.xml.rels": strToU8(RELS.replace(/<Relationship .*\/>/, "")),
      }),
      "no-sheets",
    ));
  it("a zip bomb refused by its declared size, before inflating", () => {
    // 600 MB of zeros would deflate to ~600 KB; a forged central directory is enough to test the refusal.
    const bytes = xlsx('<row r="1"><c r="A1"><v>1</v></c></row>');
    const forged = forgeDeclaredSize(bytes, "xl/worksheets/sheet1.xml", 600 * 1024 * 1024);
    expectReason(forged, "zip-bomb");
  });
  it("a zip bomb refused by its actual size", () => {
    const big = `<row r="1"><c r="A1" t="inlineStr"><is><t>${"0".repeat(3 * 1024 * 1024)}</t></is></c></row>`;
    const bytes = xlsx(big);
    try {
      readWorkbook(bytes, "bom.xlsx", { maxUncompressedBytes: 1024 * 1024 });
      throw new Error("read a bomb");
    } catch (e) {
      expect((e as FileReadError).reason).toBe("zip-bomb");
    }
  });
  it("a zip whose directory under-declares a huge part inflates no more than declared", () => {
    // 32 MB of one character deflates to ~32 KB; the directory claims 2 KB. The part is inflated into a
    // buffer one byte longer than declared: filling it shows the lie, memory never grows past it.
    const big = `<row r="1"><c r="A1" t="inlineStr"><is><t>${"0".repeat(32 * 1024 * 1024)}</t></is></c></row>`;
    const lying = forgeDeclaredSize(xlsx(big), "xl/worksheets/sheet1.xml", 2048);
    expectReason(lying, "zip-bomb", "noi-doi.xlsx");
  });
  it("a stray cell at XFD1048576 far from the table", () =>
    expectReason(
      xlsx('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'),
      "too-large",
    ));
  it("malformed XML inside the archive", () =>
    expectReason(xlsx('<row r="1"><c r="A1"><v>1</v></row>'), "malformed-xml"));
});

describe("odd but valid inputs are read and analysed without throwing", () => {
  const analyse = (bytes: Uint8Array, name = "x.xlsx") =>
    analyseWorkbook(readWorkbook(bytes, name), { rubric, source: name });

  it("a header-only sheet: no table, said plainly", () => {
    const a = analyse(
      xlsx(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Nội dung</t></is></c><c r="C1" t="inlineStr"><is><t>Điểm tự đánh giá</t></is></c></row>',
      ),
    );
    expect(a.units).toHaveLength(0);
    expect(a.findings.map((f) => f.code)).toContain("table-not-found");
  });
  it("no recognisable table", () => {
    const a = analyse(xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>Danh sách cán bộ</t></is></c></row>'));
    expect(a.findings[0].code).toBe("table-not-found");
  });
  it("100,000 rows", () => {
    const rows: string[] = [];
    for (let r = 1; r <= 100_000; r++)
      rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r % 7}</v></c></row>`);
    const wb = readWorkbook(xlsx(rows.join("")), "lon.xlsx");
    expect(wb.sheets[0].values).toHaveLength(100_000);
    expect(wb.sheets[0].values[99_999]).toEqual([100_000, 100_000 % 7]);
  });
  it("16,384 columns", () => {
    const wb = readWorkbook(
      xlsx('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'),
      "rong.xlsx",
    );
    expect(wb.sheets[0].values[0]).toHaveLength(16_384);
    expect(wb.sheets[0].values[0][16_383]).toBe(2);
  });
  it("a cell of 32,767 characters (Excel's limit) is read; a 1 MB one, which Excel cannot hold, is refused", () => {
    const cell = (n: number) =>
      xlsx(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(n)}</t></is></c></row>`);
    const wb = readWorkbook(cell(32_767), "chuoi.xlsx");
    expect((wb.sheets[0].values[0][0] as string).length).toBe(32_767);
    expect(() => readWorkbook(cell(1024 * 1024), "chuoi.xlsx")).toThrow(
      expect.objectContaining({
        reason: "too-large",
        text: expect.objectContaining({ en: expect.stringContaining("Excel's limit is 32,767") }),
      }),
    );
  });
  it("error values everywhere are marked as errors", () => {
    const wb = readWorkbook(
      xlsx('<row r="1"><c r="A1" t="e"><v>#REF!</v></c><c r="B1" t="e"><v>#DIV/0!</v></c></row>'),
      "loi.xlsx",
    );
    expect(wb.sheets[0].values[0]).toEqual(["#REF!", "#DIV/0!"]);
    expect([...(wb.sheets[0].errorCells ?? [])]).toEqual(["0,0", "0,1"]);
  });
  it("dates, booleans and negative scores in score cells are findings, not crashes", async () => {
    const unit = generateUnit(rubric, { seed: 4, index: 0 });
    const sheet = unit.sheets[0];
    const self = unit.truth.columns.self as number;
    const codeCol = unit.truth.columns.code as number;
    const leafCodes = new Set(Object.keys(unit.truth.scores).filter((c) => !c.startsWith("8")));
    const leafRows = sheet.cells
      .filter((c) => c.col === codeCol && leafCodes.has(String(c.value)))
      .map((c) => c.row);
    const put = (row: number, value: boolean | number, numberFormat?: string) => {
      const cell = sheet.cells.find((c) => c.row === row && c.col === self);
      if (!cell) throw new Error("no score cell");
      cell.value = value;
      cell.formula = undefined;
      cell.style = { ...cell.style, numberFormat };
    };
    put(leafRows[0], true);
    put(leafRows[1], 45292, "dd/mm/yyyy");
    put(leafRows[2], -1);
    const a = analyse(await writeWorkbook(unit.sheets), unit.fileName);
    const codes = a.units[0].findings.map((f) => f.code);
    expect(codes.filter((c) => c === "not-a-number").length).toBeGreaterThanOrEqual(2);
    expect(codes).toContain("score-out-of-range");
  });
  it("hidden rows and columns, a protected sheet and external links are read", () => {
    const wb = readWorkbook(
      xlsx(
        '<row r="1" hidden="1"><c r="A1"><f>[1]Sheet1!A1</f><v>5</v></c></row><row r="2"><c r="B2"><v>1</v></c></row>',
        '<sheetProtection sheet="1"/>',
      ).slice(),
      "an.xlsx",
    );
    const s = wb.sheets[0];
    expect(s.hiddenRows).toEqual([0]);
    expect(s.protected).toBe(true);
    expect(s.formulas?.[0][0]).toBe("=[1]Sheet1!A1");
  });
  it("duplicate sheet structures: every unit sheet is found in a consolidation workbook", async () => {
    const a = generateUnit(rubric, { seed: 1, index: 1 });
    const b = generateUnit(rubric, { seed: 1, index: 2 });
    const specs: SheetSpec[] = [
      { ...a.sheets[0], name: "Đơn vị 1" },
      { ...b.sheets[0], name: "Đơn vị 2" },
    ];
    const wb = readWorkbook(await writeWorkbook(specs), "tong-hop.xlsx");
    const result = analyseWorkbook(wb, { rubric, source: "tong-hop.xlsx", allSheets: true });
    expect(result.units.map((u) => u.unit)).toEqual([a.name, b.name]);
  });
  it("unit names starting with = + - @ are written as text and read back unchanged", async () => {
    const names = ["=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(A1)"];
    const spec: SheetSpec = { name: "Tên", cells: names.map((value, row) => ({ row, col: 0, value })) };
    const wb = readWorkbook(await writeWorkbook([spec]), "ten.xlsx");
    expect(wb.sheets[0].values.map((r) => r[0])).toEqual(names);
    expect(wb.sheets[0].formulas?.every((r) => r[0] === null)).toBe(true);
  });
});

/** Rewrites the uncompressed size of one entry in both the local header and the central directory. */
function forgeDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const target = strToU8(name);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = view.getUint32(i, true);
    const nameAt = sig === 0x04034b50 ? i + 30 : sig === 0x02014b50 ? i + 46 : -1;
    if (nameAt < 0) continue;
    const nameLen = view.getUint16(sig === 0x04034b50 ? i + 26 : i + 28, true);
    if (nameLen !== target.length || !target.every((b, k) => out[nameAt + k] === b)) continue;
    view.setUint32(sig === 0x04034b50 ? i + 22 : i + 24, size, true);
  }
  return out;
}
