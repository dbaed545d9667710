import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { lineCount, MIN_PRINT_SCALE, printScale } from "../../src/core/sheets/print-layout";
import { writeWorkbook } from "../../src/files/write-workbook";
import { printedOutputs } from "./outputs";

/**
 * The print layout without LibreOffice (fast, runs everywhere): every output's first page fits across at
 * a readable scale, no text smaller than 8 pt is asked for, and the .xlsx carries the page setup.
 */
const outputs = printedOutputs();

describe("print layout of every output", () => {
  for (const o of outputs) {
    it(`${o.name}: A4, a readable scale, header rows repeated, pages numbered`, async () => {
      const [spec] = o.specs;
      const print = spec.print;
      expect(print?.paper).toBe("A4");
      expect(print?.footer).toBe("Trang &P/&N");
      const scale = print?.fitToWidth ? printScale(spec) : (print?.scale ?? 0) / 100;
      expect(scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
      for (const c of spec.cells) expect(c.style?.size ?? 11).toBeGreaterThanOrEqual(11);
      const parts = unzipSync(await writeWorkbook(o.specs));
      const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
      expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"/);
      expect(sheet).toContain("<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>");
      // Rows holding wrapped text have a height of their own.
      expect(sheet).toMatch(/<row r="\d+"[^>]* ht="[\d.]+" customHeight="1"/);
      if (print?.columnBreaksBefore?.length)
        expect(sheet).toContain(`<brk id="${print.columnBreaksBefore[0]}" max="1048575" man="1"/>`);
    });
  }

  it("a longer text in a narrower column takes more lines, and a word too long for the cell breaks", () => {
    const text = "Công tác chỉ đạo, điều hành cải cách hành chính";
    expect(lineCount(text, 400, {})).toBe(1);
    expect(lineCount(text, 150, {})).toBeGreaterThan(lineCount(text, 300, {}));
    expect(lineCount("x".repeat(60), 100, {})).toBeGreaterThan(2);
    expect(lineCount(text, 150, { bold: true, size: 14 })).toBeGreaterThan(lineCount(text, 150, {}));
  });
});
