import { unzipSync } from "fflate";
import { FileReadError } from "../errors";
import {
  findEndOfCentralDirectory,
  type Inflate,
  inflateEntry,
  inflateWithFflate,
  readDirectory,
  ZipDamaged,
  type ZipEntry,
  ZipLied,
} from "./zip";

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

export function openContainer(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
  inflate: Inflate = inflateWithFflate,
): Parts {
  if (bytes.length === 0) throw new FileReadError("empty-file", file);
  if (CFB.every((b, i) => bytes[i] === b)) {
    throw new FileReadError(containsUtf16(bytes, "EncryptedPackage") ? "encrypted" : "legacy-xls", file);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new FileReadError(looksLikeText(bytes) ? "csv-or-text" : "not-a-zip", file);
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) throw new FileReadError("truncated", file);

  const names: string[] = [];
  const budget = { declared: 0, limits };
  let entries: Parts;
  try {
    const directory = readDirectory(bytes, end);
    entries = directory
      ? inflateWanted(bytes, directory, names, budget, inflate)
      : unzipWithFflate(bytes, names, budget);
  } catch (e) {
    if (e instanceof BombError) throw new FileReadError("zip-bomb", file, e.message);
    if (e instanceof ZipLied) throw new FileReadError("zip-bomb", file, `${e.message}: > declared size`);
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof ZipDamaged || /invalid zip|unexpected EOF|end of central/i.test(message))
      throw new FileReadError("truncated", file);
    throw new FileReadError("malformed-xml", file, message);
  }
  // Declared sizes can lie; each part is inflated into at most its declared size (plus the one byte that
  // tells a lie), so memory stays bounded — this is the belt to those braces.
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

/** The inflated parts by path. */
export type Parts = Record<string, Uint8Array>;

interface Budget {
  declared: number;
  limits: ReadLimits;
}

/** Refuses a part before inflating it when the declared sizes already say zip bomb. */
function admit(name: string, size: number, compressedSize: number, budget: Budget): void {
  budget.declared += size;
  const ratio = size / Math.max(1, compressedSize);
  if (budget.declared > budget.limits.maxUncompressedBytes)
    throw new BombError(`${Math.round(budget.declared / 1048576)} MB`);
  if (size > 8 * 1024 * 1024 && ratio > budget.limits.maxRatio)
    throw new BombError(`${name}: ×${Math.round(ratio)}`);
}

function inflateWanted(
  bytes: Uint8Array,
  directory: ZipEntry[],
  names: string[],
  budget: Budget,
  inflate: Inflate,
): Parts {
  const out: Parts = {};
  for (const entry of directory) {
    names.push(entry.name);
    if (!wanted(entry.name)) continue;
    admit(entry.name, entry.size, entry.compressedSize, budget);
    out[entry.name] = inflateEntry(bytes, entry, inflate);
  }
  return out;
}

/** Archives the directory reader leaves alone (Zip64, encrypted entries, other methods). */
function unzipWithFflate(bytes: Uint8Array, names: string[], budget: Budget): Parts {
  return unzipSync(bytes, {
    filter(info) {
      names.push(info.name);
      if (!wanted(info.name)) return false;
      // Refuse before inflating: a throw here stops fflate before it allocates the output.
      admit(info.name, info.originalSize, info.size, budget);
      return true;
    },
  });
}

class BombError extends Error {}

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
