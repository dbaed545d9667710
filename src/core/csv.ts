/**
 * CSV as spreadsheets export it (RFC 4180 plus what Excel does in practice): quoted fields with the
 * separator, quotes ("") and line breaks inside, a byte-order mark, `,` or `;` (Vietnamese Excel, whose
 * decimal mark is the comma) or tab as the separator, and UTF-8, UTF-16 or Windows-1258 (Vietnamese
 * Windows' "ANSI" code page) as the encoding. Hand-written rather than a dependency: the parser is a
 * small state machine, and owning it lets every unusable line be reported with its number and reason.
 * Pure: runs in Node and in the browser (TextDecoder only).
 */
import type { Text } from "./finding";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";
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
}

/** Bounds: a survey or ranking table has hundreds of rows; these stop a hostile file, not a real one. */
export const CSV_LIMITS = { bytes: 20_000_000, rows: 200_000, fields: 1_000 };

/** Decodes a CSV file's bytes: BOM first, then UTF-16 told by its zero bytes, UTF-8 if valid, else Windows-1258. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
    return { text: decode("utf-8", bytes.subarray(3)), encoding: "utf-8" };
  if (b0 === 0xff && b1 === 0xfe)
    return { text: decode("utf-16le", bytes.subarray(2)), encoding: "utf-16le" };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: decode("utf-16be", bytes.subarray(2)), encoding: "utf-16be" };
  const utf16 = zeroBytesSay(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: Vietnamese Windows saves "ANSI" CSV in code page 1258, whose tone marks are combining
    // characters; NFC joins them to the letters as every other source spells them.
    return { text: decode("windows-1258", bytes).normalize("NFC"), encoding: "windows-1258" };
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
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
    while (i < n && !ended) {
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
    if (fields.length > CSV_LIMITS.fields || rows.length >= CSV_LIMITS.rows) {
      problems.push({
        line: start,
        message: {
          vi: `dòng ${start}: tệp vượt giới hạn ${CSV_LIMITS.rows.toLocaleString("vi")} dòng × ${CSV_LIMITS.fields} cột; phần còn lại bị bỏ qua.`,
          en: `line ${start}: the file exceeds ${CSV_LIMITS.rows.toLocaleString("en")} rows × ${CSV_LIMITS.fields} columns; the rest is skipped.`,
        },
      });
      break;
    }
    rows.push(fields);
    lines.push(start);
  }
  return { rows, lines, delimiter, problems };
}

/** Bytes of a CSV file → records, with the encoding and separator it was found to use. */
export function readCsv(bytes: Uint8Array): CsvTable {
  if (bytes.length > CSV_LIMITS.bytes) {
    return {
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
  const { text, encoding } = decodeCsv(bytes);
  return { ...parseCsv(text), encoding };
}
