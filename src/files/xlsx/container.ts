import { type Unzipped, unzipSync } from "fflate";
import { FileReadError } from "../errors";

/**
 * Opens the .xlsx container: recognises what the bytes really are (a renamed CSV, an .xls, a
 * password-protected workbook…) and refuses a zip bomb by the declared sizes before inflating anything.
 */
export interface ReadLimits {
  /** Largest total uncompressed size of the parts we inflate. */
  maxUncompressedBytes: number;
  /** Largest compression ratio of a big part (ordinary sheets compress 5–20×). */
  maxRatio: number;
  /** Largest rectangle of cells (rows × columns) one sheet may span. */
  maxCells: number;
  /** Largest number of rows / columns one sheet may span (Excel's own grid by default). */
  maxRows: number;
  maxCols: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  maxCells: 20_000_000,
  maxRows: 1_048_576,
  maxCols: 16_384,
};

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The parts a validation needs; everything else in the archive (images, drawings, printer settings) stays compressed. */
function wanted(name: string): boolean {
  return (
    name === "xl/workbook.xml" ||
    name === "xl/_rels/workbook.xml.rels" ||
    name === "xl/sharedStrings.xml" ||
    name === "xl/styles.xml" ||
    (name.startsWith("xl/worksheets/") && name.endsWith(".xml") && !name.includes("/_rels/"))
  );
}

export function openContainer(bytes: Uint8Array, file: string, limits: ReadLimits): Unzipped {
  if (bytes.length === 0) throw new FileReadError("empty-file", file);
  if (CFB.every((b, i) => bytes[i] === b)) {
    throw new FileReadError(containsUtf16(bytes, "EncryptedPackage") ? "encrypted" : "legacy-xls", file);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new FileReadError(looksLikeText(bytes) ? "csv-or-text" : "not-a-zip", file);
  if (!hasEndOfCentralDirectory(bytes)) throw new FileReadError("truncated", file);

  const names: string[] = [];
  let declared = 0;
  let bomb = "";
  let entries: Unzipped;
  try {
    entries = unzipSync(bytes, {
      filter(info) {
        names.push(info.name);
        if (!wanted(info.name)) return false;
        declared += info.originalSize;
        const ratio = info.originalSize / Math.max(1, info.size);
        if (declared > limits.maxUncompressedBytes) bomb = `${Math.round(declared / 1048576)} MB`;
        else if (info.originalSize > 8 * 1024 * 1024 && ratio > limits.maxRatio)
          bomb = `${info.name}: ×${Math.round(ratio)}`;
        // Refuse before inflating: a throw here stops fflate before it allocates the output.
        if (bomb) throw new BombError();
        return true;
      },
    });
  } catch (e) {
    if (e instanceof BombError) throw new FileReadError("zip-bomb", file, bomb);
    const message = e instanceof Error ? e.message : String(e);
    if (/invalid zip|unexpected EOF|end of central/i.test(message))
      throw new FileReadError("truncated", file);
    throw new FileReadError("malformed-xml", file, message);
  }
  // Declared sizes can lie. fflate inflates each part into a buffer of its declared size and never grows
  // it, so a lie yields a cut-off part (malformed-xml), not more memory; this is the belt to those braces.
  let actual = 0;
  for (const name of Object.keys(entries)) actual += entries[name].length;
  if (actual > limits.maxUncompressedBytes)
    throw new FileReadError("zip-bomb", file, `${Math.round(actual / 1048576)} MB`);

  if (!entries["xl/workbook.xml"]) {
    if (names.includes("xl/workbook.bin")) throw new FileReadError("xlsb", file);
    if (names.includes("content.xml") && names.includes("mimetype")) throw new FileReadError("ods", file);
    const kind = names.includes("word/document.xml")
      ? "Word .docx"
      : names.includes("ppt/presentation.xml")
        ? "PowerPoint .pptx"
        : "";
    throw new FileReadError("not-a-workbook", file, kind);
  }
  return entries;
}

class BombError extends Error {}

function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06)
      return true;
  }
  return false;
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pattern[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** Mostly printable bytes in the first kilobyte: a CSV or text file with a spreadsheet's name. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
    if (b === 0) return false;
  }
  return printable / n > 0.95;
}
