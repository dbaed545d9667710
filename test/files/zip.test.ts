import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnits } from "../../src/sample";
import { inflateWithZlib } from "../../src/files/node";
import { FileReadError } from "../../src/files/errors";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";
import { inflateEntry, inflateWithFflate, readDirectory } from "../../src/files/xlsx/zip";

/** The directory reader against fflate's own unzip, with both inflaters, and its hand-off to fflate. */
let books: Uint8Array[] = [];
beforeAll(async () => {
  const rubric = builtinRubric("example-commune-2024") as Rubric;
  const units = generateUnits(rubric, { count: 6, seed: 9, appraisal: 1, defectRate: 0.5, variantRate: 1 });
  books = await Promise.all(units.map((u) => writeWorkbook(u.sheets)));
});

describe("zip directory", () => {
  it("lists every entry and inflates each to exactly what fflate's unzip gives, with fflate or zlib", () => {
    for (const bytes of books) {
      const reference = unzipSync(bytes);
      const directory = readDirectory(bytes);
      expect(directory).not.toBeNull();
      expect(directory?.map((e) => e.name).sort()).toEqual(Object.keys(reference).sort());
      for (const entry of directory ?? []) {
        expect(inflateEntry(bytes, entry, inflateWithFflate)).toEqual(reference[entry.name]);
        expect(Uint8Array.from(inflateEntry(bytes, entry, inflateWithZlib))).toEqual(reference[entry.name]);
      }
    }
  });

  it("the command line (zlib) and the task pane (fflate) read the same snapshot", () => {
    for (const bytes of books)
      expect(readWorkbook(bytes, "a.xlsx", {}, inflateWithZlib)).toEqual(readWorkbook(bytes, "a.xlsx"));
  });

  it("an archive it does not handle (an entry flagged encrypted) goes to fflate's unzip", () => {
    const bytes = books[0].slice();
    const view = new DataView(bytes.buffer);
    // Set the encryption flag of every central directory entry; fflate ignores it, so the data still reads.
    for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) bytes[i + 8] |= 1;
    expect(readDirectory(bytes)).toBeNull();
    expect(readWorkbook(bytes, "a.xlsx", {}, inflateWithZlib)).toEqual(readWorkbook(books[0], "a.xlsx"));
  });
});

describe("an inflater's failure, said in each language's words", () => {
  /** Every deflated part's first block marked with the reserved block type (BTYPE 11): no inflater reads it. */
  function badBlocks(original: Uint8Array): Uint8Array {
    const bytes = original.slice();
    const view = new DataView(bytes.buffer);
    for (const entry of readDirectory(bytes) ?? []) {
      if (entry.method !== 8) continue;
      const at = entry.localOffset;
      bytes[at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)] = 0b111;
    }
    return bytes;
  }

  /** The entries flagged encrypted: the directory reader hands the archive to fflate's unzip. */
  function flagged(original: Uint8Array): Uint8Array {
    const bytes = original.slice();
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) bytes[i + 8] |= 1;
    return bytes;
  }

  for (const [face, inflate, archive] of [
    ["the task pane's fflate", inflateWithFflate, badBlocks],
    ["the command line's zlib", inflateWithZlib, badBlocks],
    ["fflate's unzip", inflateWithFflate, (b: Uint8Array) => flagged(badBlocks(b))],
  ] as const) {
    it(`${face}: the library's English words in the English text only`, () => {
      let error: unknown = null;
      try {
        readWorkbook(archive(books[0]), "a.xlsx", {}, inflate);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FileReadError);
      const { reason, text } = error as FileReadError;
      expect(reason).toBe("damaged");
      expect(text.en).toMatch(/invalid block type/i);
      expect(text.vi).toContain("lỗi giải nén");
      // The library's error code ("Z_DATA_ERROR", fflate's number) is the same in both languages.
      expect(text.vi.replace(/mã [A-Z0-9_]+/, "")).not.toMatch(/invalid|block|type|error/i);
    });
  }
});
