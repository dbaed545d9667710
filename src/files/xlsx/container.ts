import { unzipSync } from "fflate";
import { FileReadError } from "../errors";
import { DEFAULT_LIMITS, megabytes, type ReadLimits, type Usage } from "../limits";
import {
  findEndOfCentralDirectory,
  type Inflate,
  inflateEntry,
  inflateWithFflate,
  inflaterWordsVi,
  readDirectory,
  ZipDamaged,
  type ZipEntry,
  ZipLied,
} from "./zip";

export { DEFAULT_LIMITS, type ReadLimits };

/**
 * Opens the .xlsx container: recognises what the bytes really are (a renamed CSV, an .xls, a
 * password-protected workbook…), refuses archives no spreadsheet program writes (two entries of one name,
 * Windows paths), and hands out parts one at a time, inflated on demand: each is charged to the file's
 * budget by its declared size before inflating (a zip bomb is refused, not inflated), checked against its
 * CRC-32 and size after, and dropped by the caller once read, so only one sheet's XML is alive at a time.
 */
export interface Container {
  /** Every entry name, as written in the archive. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The part's bytes, or undefined when the archive has no such entry. Throws only FileReadError. */
  read(name: string): Uint8Array | undefined;
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Parts a reader may ever need: XML and relationships. Images, printer settings, VBA stay compressed. */
function mayNeed(name: string): boolean {
  return name.endsWith(".xml") || name.endsWith(".rels");
}

export function openContainer(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
  usage: Usage,
  inflate: Inflate = inflateWithFflate,
): Container {
  if (bytes.length === 0) throw new FileReadError("empty-file", file);
  if (CFB.every((b, i) => bytes[i] === b)) {
    throw new FileReadError(containsUtf16(bytes, "EncryptedPackage") ? "encrypted" : "legacy-xls", file);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new FileReadError(looksLikeText(bytes) ? "csv-or-text" : "not-a-zip", file);
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) throw new FileReadError("truncated", file);

  let directory: ZipEntry[] | null;
  try {
    directory = readDirectory(bytes, end);
  } catch (e) {
    throw archiveError(e, file);
  }
  const container = directory
    ? directoryContainer(bytes, file, directory, limits, usage, inflate)
    : fflateContainer(bytes, file, limits, usage);
  refuseOddArchives(container.names, file);
  return container;
}

function directoryContainer(
  bytes: Uint8Array,
  file: string,
  directory: ZipEntry[],
  limits: ReadLimits,
  usage: Usage,
  inflate: Inflate,
): Container {
  const byName = new Map<string, ZipEntry>();
  for (const entry of directory) {
    if (byName.has(entry.name)) throw new FileReadError("duplicate-entry", file, entry.name);
    byName.set(entry.name, entry);
  }
  return {
    names: directory.map((e) => e.name),
    has: (name) => byName.has(name),
    read(name) {
      const entry = byName.get(name);
      if (!entry) return undefined;
      admit(file, name, entry.size, entry.compressedSize, limits, usage);
      try {
        return inflateEntry(bytes, entry, inflate, limits.inflateSlack);
      } catch (e) {
        throw archiveError(e, file);
      }
    },
  };
}

/**
 * Archives the directory reader leaves alone (Zip64, encrypted entries, other methods): fflate reads their
 * XML parts whole, within the same budget (fflate gives no CRC to check them against).
 */
function fflateContainer(bytes: Uint8Array, file: string, limits: ReadLimits, usage: Usage): Container {
  const names: string[] = [];
  // A Set beside the list: an archive of 60,000 entries must not cost 60,000² comparisons.
  const seen = new Set<string>();
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter(info) {
        if (seen.has(info.name)) throw new FileReadError("duplicate-entry", file, info.name);
        seen.add(info.name);
        names.push(info.name);
        if (!mayNeed(info.name)) return false;
        // Refuse before inflating: a throw here stops fflate before it allocates the output.
        admit(file, info.name, info.originalSize, info.size, limits, usage);
        return true;
      },
    });
  } catch (e) {
    throw archiveError(e, file);
  }
  return {
    names,
    has: (name) => seen.has(name),
    read: (name) => (Object.hasOwn(parts, name) ? parts[name] : undefined),
  };
}

/** Charges a part to the file's budget by its declared size, before a byte is inflated. */
function admit(
  file: string,
  name: string,
  size: number,
  compressedSize: number,
  limits: ReadLimits,
  usage: Usage,
): void {
  usage.inflatedBytes += size;
  // A bomb first (the total, the ratio), then an honest part that is merely too big to check.
  if (usage.inflatedBytes > limits.maxUncompressedBytes)
    throw new FileReadError("zip-bomb", file, {
      vi: `${megabytes(usage.inflatedBytes, "vi")}, giới hạn ${megabytes(limits.maxUncompressedBytes, "vi")}`,
      en: `${megabytes(usage.inflatedBytes, "en")}, limit ${megabytes(limits.maxUncompressedBytes, "en")}`,
    });
  const ratio = size / Math.max(1, compressedSize);
  if (size > 8 * 1024 * 1024 && ratio > limits.maxRatio)
    throw new FileReadError("zip-bomb", file, `${name}: ×${Math.round(ratio)}`);
  if (size > limits.maxPartBytes)
    throw new FileReadError("too-large", file, {
      vi: `${name} ${megabytes(size, "vi")} (giới hạn ${megabytes(limits.maxPartBytes, "vi")} mỗi phần)`,
      en: `${name} ${megabytes(size, "en")} (limit ${megabytes(limits.maxPartBytes, "en")} per part)`,
    });
}

function archiveError(e: unknown, file: string): FileReadError {
  if (e instanceof FileReadError) return e;
  if (e instanceof ZipLied)
    return new FileReadError("zip-bomb", file, {
      vi: `${e.message}: vượt kích thước ghi trong tệp`,
      en: `${e.message}: > declared size`,
    });
  if (e instanceof ZipDamaged) return new FileReadError("damaged", file, { vi: e.vi, en: e.message });
  const message = e instanceof Error ? e.message : String(e);
  if (/invalid zip|unexpected EOF|end of central/i.test(message)) return new FileReadError("truncated", file);
  return new FileReadError("damaged", file, { vi: inflaterWordsVi(e), en: message.slice(0, 160) });
}

/** Archives no spreadsheet program writes: say what they are rather than "not a workbook". */
function refuseOddArchives(names: readonly string[], file: string): void {
  const windows = names.find((n) => n.includes("\\"));
  if (windows) throw new FileReadError("windows-paths", file, windows);
}

/** `text` written as UTF-16LE somewhere in the bytes (a compound file's stream names are). */
export function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pattern[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Mostly printable text in the first kilobyte: a CSV or text file with a spreadsheet's name. UTF-16 text
 * (Excel's "Unicode text" export) is every other byte zero, so it is decoded first.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  const utf16 = utf16Order(head);
  const text = utf16 ? new TextDecoder(utf16).decode(head) : new TextDecoder("latin1").decode(head);
  if (text.length === 0) return false;
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if (c === 9 || c === 10 || c === 13 || c >= 32) printable++;
  }
  return printable / text.length > 0.95;
}

/** "utf-16le"/"utf-16be" for text with a UTF-16 byte-order mark or ASCII in every other byte, else null. */
function utf16Order(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0) return "utf-16le";
  if (head.length >= 4 && head[0] === 0 && head[2] === 0 && head[1] !== 0) return "utf-16be";
  return null;
}
