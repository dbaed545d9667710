import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileReadError } from "../../src/files/errors";
import type { ReadLimits } from "../../src/files/read-workbook";
import { readWorkbook } from "../../src/files/read-workbook";
import { readInputBytes } from "../../src/files/node";
import { writeWorkbook } from "../../src/files/write-workbook";

/**
 * A file over one of the reader's limits is refused naming the limit, in each language's words: the
 * detail ("(limit 1.9 MB)", "spans 3 rows × 2 columns") was English in the Vietnamese text too.
 */
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
const ENGLISH = /\b(limit|rows|columns|cells|characters|text|holds|spans|per|part|file|declared|size)\b/i;

let bytes: Uint8Array;
let dir: string;
beforeAll(async () => {
  const cells = [
    { row: 0, col: 0, value: "Tiêu chí" },
    { row: 0, col: 1, value: "Điểm" },
    { row: 1, col: 0, value: "Kế hoạch CCHC năm 2024" },
    { row: 1, col: 1, value: 1.5 },
    { row: 2, col: 0, value: "Báo cáo" },
    { row: 2, col: 1, value: 3, formula: "B2*2" },
  ];
  bytes = await writeWorkbook([{ name: "Trang tính", cells }]);
  dir = mkdtempSync(join(tmpdir(), "par-index-limit-words-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refused(read: () => unknown): FileReadError {
  let error: unknown = null;
  try {
    read();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FileReadError);
  return error as FileReadError;
}

function oneLanguageEach(error: FileReadError, file: string) {
  // The user's own words (the file's and the sheet's names) are theirs.
  const ours = (t: string) => t.replace(file, "").replace('"Trang tính"', "");
  expect(ours(error.text.vi)).not.toMatch(ENGLISH);
  expect(ours(error.text.en)).not.toMatch(VIETNAMESE);
}

describe("a limit passed, said in each language's words", () => {
  const cases: [string, Partial<ReadLimits>][] = [
    ["the rows a sheet spans", { maxRows: 2 }],
    ["the columns a sheet spans", { maxCols: 1 }],
    ["the cells a file holds", { maxCells: 3 }],
    ["the cells with content", { maxContentCells: 2 }],
    ["the characters of one cell", { maxCellChars: 5 }],
    ["the characters of text", { maxTextChars: 10 }],
    ["the characters of formulas", { maxFormulaChars: 2 }],
    ["the bytes of one part", { maxPartBytes: 300 }],
    ["the bytes unpacked", { maxUncompressedBytes: 1000 }],
  ];
  for (const [what, limits] of cases) {
    it(what, () => {
      const error = refused(() => readWorkbook(bytes, "don-vi.xlsx", limits));
      expect(["too-large", "zip-bomb"]).toContain(error.reason);
      oneLanguageEach(error, "don-vi.xlsx");
    });
  }

  it("the size of the file itself (the command line's reader)", () => {
    const path = join(dir, "lon.xlsx");
    writeFileSync(path, bytes);
    const error = refused(() => readInputBytes(path, "lon.xlsx", 100));
    expect(error.reason).toBe("too-large");
    oneLanguageEach(error, "lon.xlsx");
  });
});

describe("numbers in a refusal, written as each language writes them", () => {
  it("thousands: 2.000 in Vietnamese, 2,000 in English", async () => {
    // Cells on rows 1 and 2,000 of a sheet allowed 1,500 rows.
    const cells = [
      { row: 0, col: 0, value: 1 },
      { row: 1999, col: 0, value: 2 },
    ];
    const tall = await writeWorkbook([{ name: "Dài", cells }]);
    const error = refused(() => readWorkbook(tall, "dai.xlsx", { maxRows: 1500 }));
    expect(error.text.vi).toContain("2.000 dòng");
    expect(error.text.vi).toContain("giới hạn 1.500 dòng");
    expect(error.text.vi).not.toMatch(/\d,\d{3}/);
    expect(error.text.en).toContain("2,000 rows");
    expect(error.text.en).toContain("limit 1,500 rows");
    expect(error.text.en).not.toMatch(/\d\.\d{3}/);
  });

  it("decimals: 0,0 MB in Vietnamese, 0.0 MB in English", () => {
    const path = join(dir, "nho.xlsx");
    writeFileSync(path, bytes);
    const error = refused(() => readInputBytes(path, "nho.xlsx", 1024));
    expect(error.reason).toBe("too-large");
    expect(error.text.vi).toContain("giới hạn 0,0 MB");
    expect(error.text.en).toContain("limit 0.0 MB");
  });

  it("the sheets of a workbook past the limit, in each language's words", async () => {
    const two = await writeWorkbook([
      { name: "Một", cells: [{ row: 0, col: 0, value: 1 }] },
      { name: "Hai", cells: [{ row: 0, col: 0, value: 2 }] },
    ]);
    const error = refused(() => readWorkbook(two, "hai.xlsx", { maxSheets: 1 }));
    expect(error.reason).toBe("too-large");
    oneLanguageEach(error, "hai.xlsx");
    expect(error.text.vi).toContain("2 trang tính");
  });
});
