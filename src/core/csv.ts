/**
 * CSV as spreadsheets export it (RFC 4180 plus what Excel does in practice): quoted fields with the
 * separator, quotes ("") and line breaks inside, a byte-order mark, `,` or `;` (Vietnamese Excel, whose
 * decimal mark is the comma) or tab as the separator, and UTF-8, UTF-16, Windows-1258 (Vietnamese
 * Windows' "ANSI" code page) or Windows-1252 (Western Windows') as the encoding; anything else (UTF-32,
 * binary, UTF-16 that does not decode) is refused naming what was found, never read as garbage. Hand-written rather than a dependency: the parser is a
 * small state machine, and owning it lets every unusable line be reported with its number and reason.
 * Pure: runs in Node and in the browser (TextDecoder only).
 */
import type { Text } from "./finding";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258" | "windows-1252";
export type CsvDelimiter = "," | ";" | "\t";

export interface CsvProblem {
  /** 1-based line of the file where the record starts. */
  line: number;
  message: Text;
}

export interface CsvTable {
  /** Records as lists of fields (text as written, quotes removed). */
  rows: string[][];
  /** 1-based line where each record starts (a quoted line break makes a record span lines). */
  lines: number[];
  delimiter: CsvDelimiter;
  encoding: CsvEncoding;
  problems: CsvProblem[];
  /** Set when the file as a whole cannot be used (an encoding not supported, a limit passed): why, with the limit. */
  refused?: Text;
}

/** Bounds: a survey or ranking table has hundreds of rows; these stop a hostile file, not a real one. */
export const CSV_LIMITS = { bytes: 20_000_000, rows: 200_000, fields: 1_000, fieldChars: 10_000 };

/**
 * Decodes a CSV file's bytes: BOM first, then UTF-16 told by its zero bytes, UTF-8 if valid, else the
 * Windows code page the text reads as (1258 for Vietnamese, 1252 for Western). `refused` (with an empty
 * text) when the bytes are in no encoding we read: UTF-32, binary, UTF-16 that does not decode.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding; refused?: Text } {
  const [b0, b1, b2, b3] = bytes;
  if (
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
  )
    return refusedAs("utf-8", { vi: "mã hoá UTF-32 (không hỗ trợ)", en: "UTF-32 encoding (not supported)" });
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return strictly("utf-8", bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return strictly("utf-16le", bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return strictly("utf-16be", bytes.subarray(2));
  const utf16 = zeroBytesSay(bytes);
  if (utf16) return strictly(utf16, bytes);
  if (bytes.subarray(0, 65_536).includes(0))
    return refusedAs("utf-8", {
      vi: "tệp có byte 0: không phải văn bản CSV (có thể là tệp nhị phân hoặc mã hoá không hỗ trợ)",
      en: "the file holds zero bytes: not CSV text (a binary file, or an unsupported encoding)",
    });
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return windowsCodePage(bytes);
  }
}

/** Text in a BOM's (or zero bytes') encoding, refused when the bytes do not decode in it. */
function strictly(encoding: "utf-8" | "utf-16le" | "utf-16be", bytes: Uint8Array) {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    const name = encoding.toUpperCase().replace("LE", " LE").replace("BE", " BE");
    return refusedAs(encoding, {
      vi: `tệp ghi là ${name} nhưng có byte không hợp lệ trong mã hoá đó; hãy lưu lại dưới dạng "CSV UTF-8"`,
      en: `the file says ${name} but holds bytes invalid in that encoding; save it again as "CSV UTF-8"`,
    });
  }
}

function refusedAs(encoding: CsvEncoding, why: Text) {
  return { text: "", encoding, refused: why };
}

// Tone marks Windows-1258 writes as combining characters (grave, acute, tilde, hook above, dot below).
const COMBINING = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Not UTF-8: Vietnamese Windows saves "ANSI" CSV in code page 1258, whose tone marks are combining
 * characters (NFC then joins them to their letters as every other source spells them); Western Windows
 * in 1252. The two differ only in a few bytes (1258's tone marks and ă, đ, ơ, ư are 1252's Ì, Ò, Þ, ã,
 * ð, õ, ý…): a tone mark that follows no letter means the text was not Vietnamese, so 1252.
 */
function windowsCodePage(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const vietnamese = new TextDecoder("windows-1258").decode(bytes);
  let stray = 0;
  for (const m of vietnamese.matchAll(COMBINING)) {
    const before = vietnamese[m.index - 1] ?? "";
    if (!/\p{L}/u.test(before)) stray++;
  }
  if (stray > 0) return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  return { text: vietnamese.normalize("NFC"), encoding: "windows-1258" };
}

/** UTF-16 without a BOM: ASCII text has a zero in every other byte (odd positions little-endian). */
function zeroBytesSay(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return "utf-16le";
  if (even > pairs * 0.3 && odd < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * The separator, from the first line that holds any (quoted text skipped): the most frequent of `;`,
 * tab and `,`. A Vietnamese export's header "Đơn vị;Điểm" has no comma; an English one no semicolon.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "," || c === ";" || c === "\t") counts[c]++;
    else if ((c === "\n" || c === "\r") && counts[","] + counts[";"] + counts["\t"] > 0) break;
  }
  if (counts[";"] >= counts[","] && counts[";"] >= counts["\t"] && counts[";"] > 0) return ";";
  if (counts["\t"] >= counts[","] && counts["\t"] > 0) return "\t";
  return ",";
}

/** Parses CSV text (see `readCsv` for bytes). Blank lines are dropped; every malformed record is reported. */
export function parseCsv(
  text: string,
  delimiter: CsvDelimiter = detectDelimiter(text),
): Omit<CsvTable, "encoding"> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const lines: number[] = [];
  const problems: CsvProblem[] = [];
  let refused: Text | undefined;
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    let afterQuote = false;
    let stray = false;
    let ended = false;
    while (i < n && !ended && field.length <= CSV_LIMITS.fieldChars) {
      const c = src[i];
      if (quoted) {
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          afterQuote = true;
        } else {
          if (c === "\n" || (c === "\r" && src[i + 1] !== "\n")) line++;
          field += c;
        }
        i++;
        continue;
      }
      if (c === delimiter) {
        fields.push(field);
        field = "";
        afterQuote = false;
      } else if (c === "\r" || c === "\n") {
        if (c === "\r" && src[i + 1] === "\n") i++;
        line++;
        ended = true;
      } else if (c === '"' && field.trim() === "" && !afterQuote) {
        quoted = true;
        field = "";
      } else {
        // Text after a closing quote ("a"b) or a quote inside an unquoted field: kept as written, reported.
        if (afterQuote || c === '"') stray = true;
        field += c;
      }
      i++;
    }
    fields.push(field);
    // Refused, not cut: a field this long is no name or score (and is never echoed back); past the
    // row or column limit the file is no survey or list either.
    refused = overLimit(field, fields.length, rows.length, start);
    if (refused) {
      problems.push({ line: start, message: refused });
      break;
    }
    if (quoted) {
      problems.push({
        line: start,
        message: {
          vi: `dòng ${start}: dấu ngoặc kép mở nhưng không đóng đến hết tệp; dòng này và các dòng sau nó bị bỏ qua.`,
          en: `line ${start}: a quote opens and is never closed before the end of the file; this line and those after it are skipped.`,
        },
      });
      break;
    }
    if (stray) {
      problems.push({
        line: start,
        message: {
          vi: `dòng ${start}: dấu ngoặc kép đặt sai chỗ (trường có dấu " phải được bao trong ngoặc kép và viết "" bên trong); đã đọc nguyên văn.`,
          en: `line ${start}: a misplaced quote (a field holding " must be quoted, with "" inside); read as written.`,
        },
      });
    }
    if (fields.length === 1 && fields[0].trim() === "") continue;
    rows.push(fields);
    lines.push(start);
  }
  return refused ? { rows, lines, delimiter, problems, refused } : { rows, lines, delimiter, problems };
}

function overLimit(field: string, fields: number, rows: number, line: number): Text | undefined {
  if (field.length > CSV_LIMITS.fieldChars) return fieldTooLong(line);
  if (fields > CSV_LIMITS.fields || rows >= CSV_LIMITS.rows) return tooManyRows(line);
  return undefined;
}

function fieldTooLong(line: number): Text {
  return {
    vi: `dòng ${line}: một trường dài hơn ${CSV_LIMITS.fieldChars.toLocaleString("vi")} ký tự (giới hạn của một ô); tệp không được đọc`,
    en: `line ${line}: a field longer than ${CSV_LIMITS.fieldChars.toLocaleString("en")} characters (the limit for one field); the file is not read`,
  };
}

function tooManyRows(line: number): Text {
  return {
    vi: `dòng ${line}: tệp vượt giới hạn ${CSV_LIMITS.rows.toLocaleString("vi")} dòng × ${CSV_LIMITS.fields} cột; tệp không được đọc`,
    en: `line ${line}: the file exceeds ${CSV_LIMITS.rows.toLocaleString("en")} rows × ${CSV_LIMITS.fields} columns; the file is not read`,
  };
}

/** Bytes of a CSV file → records, with the encoding and separator it was found to use. */
export function readCsv(bytes: Uint8Array): CsvTable {
  if (bytes.length > CSV_LIMITS.bytes) {
    return {
      refused: {
        vi: `tệp CSV lớn hơn ${CSV_LIMITS.bytes / 1e6} MB`,
        en: `the CSV file is larger than ${CSV_LIMITS.bytes / 1e6} MB`,
      },
      rows: [],
      lines: [],
      delimiter: ",",
      encoding: "utf-8",
      problems: [
        {
          line: 1,
          message: {
            vi: `tệp CSV lớn hơn ${CSV_LIMITS.bytes / 1e6} MB, không đọc.`,
            en: `the CSV file is larger than ${CSV_LIMITS.bytes / 1e6} MB; not read.`,
          },
        },
      ],
    };
  }
  const { text, encoding, refused } = decodeCsv(bytes);
  if (refused)
    return {
      rows: [],
      lines: [],
      delimiter: ",",
      encoding,
      problems: [{ line: 1, message: refused }],
      refused,
    };
  return { ...parseCsv(text), encoding };
}
