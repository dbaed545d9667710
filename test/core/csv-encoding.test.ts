import { describe, expect, it } from "vitest";
import { CSV_LIMITS, decodeCsv, readCsv } from "../../src/core/csv";
import { encodeWindows } from "../support/encodings";

/** #24 item 5: CSV side files in every encoding Excel and Notepad save, read right or refused naming it. */

const utf16 = (text: string, big: boolean) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(big ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[2 + 2 * i + (big ? 1 : 0)] = c & 0xff;
    bytes[2 + 2 * i + (big ? 0 : 1)] = c >> 8;
  }
  return bytes;
};

const list = "Đơn vị;Điểm\nXã Đông Hòa;18,5\nPhường Ngã Tư Sở;19\nThị trấn Ứng Hòa;17,25\n";

describe("decodeCsv", () => {
  it("UTF-8 with and without BOM, UTF-16 LE and BE with BOM: the same text", () => {
    const utf8 = new TextEncoder().encode(list);
    expect(decodeCsv(utf8)).toEqual({ text: list, encoding: "utf-8" });
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text: list,
      encoding: "utf-8",
    });
    expect(decodeCsv(utf16(list, false))).toEqual({ text: list, encoding: "utf-16le" });
    expect(decodeCsv(utf16(list, true))).toEqual({ text: list, encoding: "utf-16be" });
  });

  it("Windows-1258 (tone marks as combining characters) reads as the same Vietnamese, composed", () => {
    const bytes = encodeWindows(list, "windows-1258");
    expect(bytes.length).toBeGreaterThan(list.length); // some tone marks really are separate bytes
    expect(decodeCsv(bytes)).toEqual({ text: list.normalize("NFC"), encoding: "windows-1258" });
  });

  it("Windows-1252 (Western) is told from 1258 by a tone mark that follows no letter: Ìsola, Ò", () => {
    const western = "Name;Score\nÌsola Bella;12\nÒ Ponte;13\nSão Tomé;14\n";
    const bytes = encodeWindows(western, "windows-1252");
    expect(decodeCsv(bytes)).toEqual({ text: western, encoding: "windows-1252" });
  });

  it("refused, naming the encoding found: UTF-32, zero bytes (binary), UTF-16 whose bytes do not decode", () => {
    expect(decodeCsv(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])).refused?.en).toMatch(/UTF-32/);
    expect(decodeCsv(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0x41, 0x42, 0x43])).refused?.en).toMatch(
      /zero bytes: not CSV text/,
    );
    const lone = Uint8Array.from([0xff, 0xfe, 0x41, 0, 0x00, 0xd8, 0x42, 0]); // an unpaired surrogate
    expect(decodeCsv(lone).refused?.en).toMatch(/UTF-16 LE but holds bytes invalid/);
    expect(readCsv(lone).refused).toBeDefined();
    expect(readCsv(lone).rows).toEqual([]);
  });
});

describe("limits inside the file", () => {
  it("a field over the limit refuses the file naming the limit, without echoing the field", () => {
    const t = readCsv(
      new TextEncoder().encode(`Đơn vị,Điểm\n"Xã ${"A".repeat(CSV_LIMITS.fieldChars + 5)}",20\n`),
    );
    expect(t.refused?.en).toBe(
      `line 2: a field longer than ${CSV_LIMITS.fieldChars.toLocaleString("en")} characters (the limit for one field); the file is not read`,
    );
    expect(t.rows).toHaveLength(1);
  });

  it("a field at the limit is read", () => {
    const name = "B".repeat(CSV_LIMITS.fieldChars);
    const t = readCsv(new TextEncoder().encode(`Đơn vị,Điểm\n${name},20\n`));
    expect(t.refused).toBeUndefined();
    expect(t.rows[1][0]).toBe(name);
  });
});
