import { strFromU8 } from "fflate";
import { withXmlWalk } from "./xml-scan";

/** The small parts of a workbook: sheet list, relationships, shared strings, number formats. */

export interface SheetEntry {
  name: string;
  /** The rId the workbook gives the sheet, resolved through the workbook's relationships (package.ts). */
  id: string;
  hidden: boolean;
}

/**
 * A part's text. Excel writes UTF-8, but XML allows UTF-16 and UTF-32 (told by a byte-order mark or by the
 * first bytes, XML 1.0 appendix F) and any encoding a declaration names; other programs use them, and
 * LibreOffice reads them. Sniffing costs a few byte comparisons per part.
 */
export function xml(bytes: Uint8Array | undefined): string {
  if (!bytes || bytes.length === 0) return "";
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0x3c && b === 0 && c === 0 && d === 0))
    return utf32(bytes, true);
  if ((a === 0 && b === 0 && c === 0xfe && d === 0xff) || (a === 0 && b === 0 && c === 0 && d === 0x3c))
    return utf32(bytes, false);
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f && d === 0))
    return new TextDecoder("utf-16le").decode(bytes);
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && c === 0 && d === 0x3f))
    return new TextDecoder("utf-16be").decode(bytes);
  const declared = declaredEncoding(bytes);
  if (declared) return declared.decode(bytes);
  return strFromU8(bytes);
}

/** A decoder for the encoding an XML declaration names, when it is not UTF-8 and the platform knows it. */
function declaredEncoding(bytes: Uint8Array): TextDecoder | null {
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f) return null;
  // The declaration ends at the first ">": one string of at most 120 bytes per part, made in one call.
  let end = 0;
  while (end < bytes.length && end < 120 && bytes[end] !== 0x3e) end++;
  const head = String.fromCharCode.apply(null, bytes.subarray(0, end) as unknown as number[]);
  if (!head.includes("encoding")) return null;
  const m = /encoding\s*=\s*["']([A-Za-z][\w.-]*)["']/.exec(head);
  if (!m || /^utf-?8$/i.test(m[1])) return null;
  try {
    return new TextDecoder(m[1]);
  } catch {
    return null; // an encoding the platform does not know: read as UTF-8, as before
  }
}

/** UTF-32 has no TextDecoder: code points four bytes at a time, in chunks (no argument-count limit hit). */
function utf32(bytes: Uint8Array, little: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pieces: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, little);
    if (cp === 0xfeff && i === 0) continue;
    chunk.push(cp > 0x10ffff ? 0xfffd : cp);
    if (chunk.length === 8192) {
      pieces.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  pieces.push(String.fromCodePoint(...chunk));
  return pieces.join("");
}

/** The namespaces a relationship id attribute (`r:id`, whatever its prefix) belongs to. */
const RELATIONSHIP_NS = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);

/**
 * The sheets workbook.xml lists, in order. The relationship id is found by its namespace, not by the
 * prefix "r" Excel happens to use: `relationships:id`, `ns:id` are the same attribute to any XML reader.
 */
export function readSheetList(workbookXml: string): SheetEntry[] {
  return withXmlWalk((walk) => {
    const sheets: SheetEntry[] = [];
    const idNames = new Set(["r:id"]);
    walk(workbookXml, {
      open(name, a) {
        if (name === "workbook" || name === "sheet") {
          for (const attr of a.names())
            if (attr.startsWith("xmlns:") && RELATIONSHIP_NS.has(a.get(attr) ?? ""))
              idNames.add(`${attr.slice(6)}:id`);
        }
        if (name !== "sheet") return;
        let id = "";
        for (const idName of idNames) id ||= a.get(idName) ?? "";
        if (!id) return;
        const state = a.get("state") ?? "visible";
        sheets.push({ name: a.get("name") ?? id, id, hidden: state !== "visible" });
      },
    });
    return sheets;
  });
}

/** Shared strings; phonetic runs (<rPh>) are not part of the shown text. */
export function readSharedStrings(text: string): string[] {
  return withXmlWalk((walk) => {
    const out: string[] = [];
    let current = "";
    let inT = false;
    let inPhonetic = 0;
    walk(text, {
      open(name) {
        if (name === "si") current = "";
        else if (name === "t") inT = inPhonetic === 0;
        else if (name === "rPh") inPhonetic++;
      },
      close(name) {
        if (name === "si") out.push(current);
        else if (name === "t") inT = false;
        else if (name === "rPh") inPhonetic--;
      },
      text(t) {
        if (inT) current += t;
      },
    });
    return out;
  });
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Number format code per cell style index (cellXfs order). */
export function readStyles(text: string): string[] {
  return withXmlWalk((walk) => {
    const custom = new Map<number, string>();
    const formats: string[] = [];
    let inCellXfs = false;
    walk(text, {
      open(name, a) {
        if (name === "numFmt") custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "General");
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) {
          const id = Number(a.get("numFmtId") ?? 0);
          formats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
        }
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    });
    return formats;
  });
}
