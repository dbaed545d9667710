/**
 * Just enough of the compound file format (MS-CFB) to take the two streams an encrypted workbook keeps in
 * it, `EncryptionInfo` and `EncryptedPackage`. Written here rather than taken from a library: we need two
 * named streams of the root, nothing else, and every number in the file is untrusted — each sector index is
 * checked against the file, each chain may visit a sector only once (a loop ends as an error, not a hang),
 * and a stream's declared size may not exceed the file. Work and memory are therefore bounded by the
 * file's size, which the caller has already capped (limits.maxFileBytes).
 */

/** What is wrong with the compound file, in words in each language (the message has both, for a log). */
export class CfbDamaged extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`);
    this.name = "CfbDamaged";
  }
}

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT = 109;
const MINI_SECTOR = 64;
const DIR_ENTRY = 128;

export interface CfbFile {
  /** The stream of the given name (a stream anywhere in the directory; names are unique in an encrypted file), or undefined. */
  stream(name: string): Uint8Array | undefined;
}

export function isCfb(bytes: Uint8Array): boolean {
  return CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function openCfb(bytes: Uint8Array): CfbFile {
  const file = sectorsOf(bytes);
  const fat = readFat(file);
  const entries = readDirectory(file, fat);
  const cutoff = file.u32(56);
  let mini: MiniStream | undefined;
  return {
    stream(name) {
      const entry = entries.streams.get(name);
      if (!entry) return undefined;
      if (entry.size > bytes.length)
        throw new CfbDamaged(
          `luồng "${name}" khai báo ${entry.size} byte, lớn hơn cả tệp`,
          `the stream "${name}" declares ${entry.size} bytes, more than the whole file`,
        );
      if (entry.size >= cutoff) return readChain(file, fat, entry.start, entry.size, name);
      mini ??= readMiniStream(file, fat, entries.root);
      return readMiniChain(mini, entry, name);
    },
  };
}

/** The file cut into sectors, each index checked against the file. */
interface Sectors {
  size: number;
  count: number;
  u32(at: number): number;
  at(n: number): Uint8Array;
  /** The sector's 32-bit entries (a FAT, DIFAT or mini FAT sector). */
  words(n: number): Uint32Array;
}

function sectorsOf(bytes: Uint8Array): Sectors {
  if (bytes.length < 512 || !isCfb(bytes))
    throw new CfbDamaged("tệp kép (CFB) quá ngắn", "the compound file is too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12)
    throw new CfbDamaged(`cỡ sector lạ (2^${shift})`, `unusual sector size (2^${shift})`);
  const size = 1 << shift;
  // After the header sector, the last one possibly short (a truncated file).
  const count = Math.ceil(bytes.length / size) - 1;
  const at = (n: number) => {
    if (n >= count) throw new CfbDamaged(`sector ${n} nằm ngoài tệp`, `sector ${n} lies outside the file`);
    const from = (n + 1) * size;
    return bytes.subarray(from, Math.min(from + size, bytes.length));
  };
  return {
    size,
    count,
    u32: (offset) => view.getUint32(offset, true),
    at,
    words(n) {
      const s = at(n);
      const v = new DataView(s.buffer, s.byteOffset, s.byteLength);
      const out = new Uint32Array(size / 4).fill(FREE);
      for (let i = 0; i < s.length >> 2; i++) out[i] = v.getUint32(i * 4, true);
      return out;
    },
  };
}

/** The FAT: its sectors are listed 109 in the header, the rest in a chain of DIFAT sectors. */
function readFat(file: Sectors): Uint32Array {
  const fatCount = file.u32(44);
  if (fatCount > file.count)
    throw new CfbDamaged("bảng FAT dài hơn cả tệp", "the FAT claims more sectors than the file holds");
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT && fatSectors.length < fatCount; i++)
    fatSectors.push(file.u32(76 + i * 4));
  const difatSeen = new Set<number>();
  for (let difat = file.u32(68); fatSectors.length < fatCount && difat !== END_OF_CHAIN && difat !== FREE; ) {
    if (difatSeen.has(difat)) throw new CfbDamaged("chuỗi DIFAT bị lặp", "the DIFAT chain loops");
    difatSeen.add(difat);
    const words = file.words(difat);
    for (let i = 0; i < words.length - 1 && fatSectors.length < fatCount; i++) fatSectors.push(words[i]);
    difat = words[words.length - 1];
  }
  const perSector = file.size / 4;
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((n, k) => {
    fat.set(file.words(n), k * perSector);
  });
  return fat;
}

/** The sectors of a chain, each once (a loop is an error); `limit` stops it once it holds what its stream needs. */
function chain(table: Uint32Array, start: number, limit: number, what: string): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (let n = start; n !== END_OF_CHAIN && out.length < limit; n = table[n]) {
    if (n >= table.length)
      throw new CfbDamaged(`chuỗi ${what} trỏ ra ngoài bảng`, `the ${what} chain points outside its table`);
    if (seen.has(n)) throw new CfbDamaged(`chuỗi ${what} bị lặp`, `the ${what} chain loops`);
    seen.add(n);
    out.push(n);
  }
  return out;
}

function readChain(file: Sectors, fat: Uint32Array, start: number, length: number, what: string): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const n of chain(fat, start, Math.ceil(length / file.size), what)) {
    const piece = file.at(n).subarray(0, length - at);
    out.set(piece, at);
    at += piece.length;
  }
  if (at < length) throw new CfbDamaged(`luồng ${what} bị cắt cụt`, `the ${what} stream is cut short`);
  return out;
}

interface Entry {
  start: number;
  size: number;
}

/** The directory's stream entries by name (scanned, not walked as a tree: nothing to loop on) and the root. */
function readDirectory(file: Sectors, fat: Uint32Array): { streams: Map<string, Entry>; root?: Entry } {
  const sectors = chain(fat, file.u32(48), file.count, "directory");
  const dir = new Uint8Array(sectors.length * file.size);
  sectors.forEach((n, k) => {
    dir.set(file.at(n), k * file.size);
  });
  const dv = new DataView(dir.buffer);
  const streams = new Map<string, Entry>();
  let root: Entry | undefined;
  for (let at = 0; at + DIR_ENTRY <= dir.length; at += DIR_ENTRY) {
    const nameBytes = Math.min(dv.getUint16(at + 64, true), 64);
    if (nameBytes < 2) continue;
    const name = new TextDecoder("utf-16le").decode(dir.subarray(at, at + nameBytes - 2));
    // Sizes of 4 GB and more cannot be in a file the reader accepts (version 3 files leave the high word undefined).
    if (dv.getUint32(at + 124, true) !== 0 && file.size === 4096)
      throw new CfbDamaged(
        `luồng "${name}" khai báo quá lớn`,
        `the stream "${name}" declares an impossible size`,
      );
    const entry = { start: dv.getUint32(at + 116, true), size: dv.getUint32(at + 120, true) };
    const type = dir[at + 66];
    if (type === 5) root ??= entry;
    else if (type === 2) {
      if (streams.has(name)) throw new CfbDamaged(`hai luồng tên "${name}"`, `two streams named "${name}"`);
      streams.set(name, entry);
    }
  }
  return { streams, root };
}

interface MiniStream {
  fat: Uint32Array;
  data: Uint8Array;
}

/** Streams under the cutoff live in 64-byte pieces of the root's stream, chained by the mini FAT. */
function readMiniStream(file: Sectors, fat: Uint32Array, root: Entry | undefined): MiniStream {
  if (!root) throw new CfbDamaged("không có mục gốc", "no root entry");
  if (root.size > file.count * file.size)
    throw new CfbDamaged(
      "luồng nhỏ khai báo lớn hơn tệp",
      "the mini stream declares more than the file holds",
    );
  const sectors = chain(fat, file.u32(60), Math.min(file.u32(64), file.count), "mini FAT");
  const perSector = file.size / 4;
  const table = new Uint32Array(sectors.length * perSector);
  sectors.forEach((n, k) => {
    table.set(file.words(n), k * perSector);
  });
  return { fat: table, data: readChain(file, fat, root.start, root.size, "mini stream") };
}

function readMiniChain(mini: MiniStream, entry: Entry, name: string): Uint8Array {
  const out = new Uint8Array(entry.size);
  let at = 0;
  for (const n of chain(mini.fat, entry.start, Math.ceil(entry.size / MINI_SECTOR), name)) {
    const from = n * MINI_SECTOR;
    if (from >= mini.data.length)
      throw new CfbDamaged(
        `luồng "${name}" trỏ ra ngoài luồng nhỏ`,
        `the stream "${name}" points outside the mini stream`,
      );
    const piece = mini.data.subarray(
      from,
      Math.min(from + MINI_SECTOR, mini.data.length, from + entry.size - at),
    );
    out.set(piece, at);
    at += piece.length;
  }
  if (at < entry.size)
    throw new CfbDamaged(`luồng "${name}" bị cắt cụt`, `the stream "${name}" is cut short`);
  return out;
}
