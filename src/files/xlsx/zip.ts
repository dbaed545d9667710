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
  /** CRC-32 of the uncompressed data, as the directory declares it. */
  crc: number;
}

/**
 * Inflates raw deflate data into at most `size + 1` bytes (a result that long means there was more); the
 * platform may add its own CRC-32 (Node's zlib has a native one, far faster than a JavaScript table).
 */
export type Inflate = ((data: Uint8Array, size: number) => Uint8Array) & {
  crc32?: (data: Uint8Array) => number;
};

/** fflate into a buffer one byte longer than asked: a part that fills it is bigger than allowed. */
export const inflateWithFflate: Inflate = (data, size) =>
  inflateSync(data, { out: new Uint8Array(size + 1) });

/**
 * The archive is damaged: data outside it, a CRC or size that does not match, deflate data that ends early.
 * Said in each language (`vi`; the message is the English), so neither text of the refusal is mixed.
 */
export class ZipDamaged extends Error {
  constructor(
    en: string,
    readonly vi: string = en,
  ) {
    super(en);
    this.name = "ZipDamaged";
  }
}

/**
 * An inflater's failure in Vietnamese words: its own text (zlib's, fflate's) is English, so the Vietnamese
 * says what happened and keeps only the library's error code ("Z_DATA_ERROR", fflate's number), the same
 * in both languages, for whoever looks into it.
 */
export function inflaterWordsVi(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const shown =
    typeof code === "number" || (typeof code === "string" && /^[A-Z0-9_]{1,40}$/.test(code))
      ? `, mã ${code}`
      : "";
  return `lỗi giải nén${shown}`;
}

/** The part inflates far beyond what the directory says — a forged directory, treated as a zip bomb. */
export class ZipLied extends Error {}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 as zip computes it (the browser has none built in). */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

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
  if (end < 0 || view.getUint32(end, true) !== EOCD)
    throw new ZipDamaged("no end of central directory", "không có phần kết thư mục trung tâm");
  const disk = view.getUint16(end + 4, true);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (disk !== 0 || count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null;
  if (offset + size > end)
    throw new ZipDamaged("central directory outside the archive", "thư mục trung tâm nằm ngoài tệp nén");
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL)
      throw new ZipDamaged("bad central directory", "thư mục trung tâm hỏng");
    const nameLength = view.getUint16(p + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      crc: view.getUint32(p + 16, true),
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

/**
 * The entry's bytes, inflated and checked against the directory's size and CRC-32. Throws ZipDamaged for
 * data outside the archive or a size/CRC mismatch, ZipLied when the part runs past its declared size by
 * more than `slack` (memory never grows past size + slack: the bomb is refused, not inflated).
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  inflate: Inflate,
  slack = 1024 * 1024,
): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw new ZipDamaged("bad local header", "đầu mục hỏng");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipDamaged("entry outside the archive", "mục nằm ngoài tệp nén");
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else {
    const limit = entry.size + slack;
    try {
      out = inflate(data, limit);
    } catch (e) {
      // Node's zlib refuses to write past the limit: the lie, not damage.
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new ZipLied(entry.name);
      const why = e instanceof Error ? e.message : String(e);
      throw new ZipDamaged(`${entry.name}: ${why}`, `${entry.name}: ${inflaterWordsVi(e)}`);
    }
    if (out.length > limit) throw new ZipLied(entry.name);
  }
  if (out.length !== entry.size)
    throw new ZipDamaged(
      `${entry.name}: ${out.length} bytes, the archive says ${entry.size}`,
      `${entry.name}: ${out.length} byte, tệp nén ghi ${entry.size}`,
    );
  if ((inflate.crc32 ?? crc32)(out) !== entry.crc)
    throw new ZipDamaged(`${entry.name}: CRC-32 mismatch`, `${entry.name}: sai mã CRC-32`);
  return out;
}
