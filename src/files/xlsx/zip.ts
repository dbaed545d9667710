import { inflateSync } from "fflate";

/**
 * The zip container of an .xlsx, read from its central directory, with the inflater passed in: in Node the
 * platform's zlib (five times faster than JavaScript on a unit's parts, and most of a batch is reading),
 * in the browser fflate. Only plain archives are handled here — one disk, no Zip64, stored or deflated
 * entries; for anything else `readDirectory` returns null and the caller uses fflate's own unzip.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Uncompressed size as the directory declares it (it may lie: see `inflateEntry`). */
  size: number;
  localOffset: number;
}

/** Inflates raw deflate data that should come to `size` bytes; may return more if the archive lied. */
export type Inflate = (data: Uint8Array, size: number) => Uint8Array;

/** fflate into a buffer one byte longer than declared: a part that fills it is bigger than it says. */
export const inflateWithFflate: Inflate = (data, size) =>
  inflateSync(data, { out: new Uint8Array(size + 1) });

export class ZipDamaged extends Error {}

/** The part is larger than the directory says — a forged directory, treated as a zip bomb. */
export class ZipLied extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06)
      return i;
  }
  return -1;
}

/**
 * Every entry of the central directory, or null for an archive this reader leaves to fflate. `end` is
 * where the end-of-central-directory record starts, when the caller has already looked for it.
 */
export function readDirectory(bytes: Uint8Array, end = findEndOfCentralDirectory(bytes)): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (end < 0 || view.getUint32(end, true) !== EOCD) throw new ZipDamaged("no end of central directory");
  const disk = view.getUint16(end + 4, true);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (disk !== 0 || count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null;
  if (offset + size > end) throw new ZipDamaged("central directory outside the archive");
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL) throw new ZipDamaged("bad central directory");
    const nameLength = view.getUint16(p + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff)
      return null;
    // Encrypted entries (flag bit 0) and other methods are fflate's to refuse.
    if ((view.getUint16(p + 8, true) & 1) !== 0 || (entry.method !== 0 && entry.method !== 8)) return null;
    entries.push(entry);
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/** The entry's bytes, inflated; throws ZipDamaged for data outside the archive, ZipLied for a size lie. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, inflate: Inflate): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipDamaged("bad local header");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipDamaged("entry outside the archive");
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new ZipLied(entry.name);
    return data;
  }
  let out: Uint8Array;
  try {
    out = inflate(data, entry.size);
  } catch (e) {
    // Node's zlib refuses to write past the declared size: the lie, not damage.
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new ZipLied(entry.name);
    throw new ZipDamaged(e instanceof Error ? e.message : String(e));
  }
  if (out.length > entry.size) throw new ZipLied(entry.name);
  return out;
}
