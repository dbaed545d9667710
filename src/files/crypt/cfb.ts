/**
 * Just enough of the compound file format (MS-CFB) to take the two streams an encrypted workbook keeps in
 * it, `EncryptionInfo` and `EncryptedPackage`. Written here rather than taken from a library: we need two
 * named streams of the root, nothing else, and every number in the file is untrusted — each sector index is
 * checked against the file, each chain may visit a sector only once (a loop ends as an error, not a hang),
 * and a stream's declared size may not exceed the file. Work and memory are therefore bounded by the
 * file's size, which the caller has already capped (limits.maxFileBytes).
 */

/** What is wrong with the compound file, in words ({vi} / {en} in one string, as the reader's details are). */
export class CfbDamaged extends Error {
  constructor(vi: string, en: string) {
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
  if (bytes.length < 512 || !isCfb(bytes))
    throw new CfbDamaged("tệp kép (CFB) quá ngắn", "the compound file is too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12)
    throw new CfbDamaged(`cỡ sector lạ (2^${shift})`, `unusual sector size (2^${shift})`);
  const size = 1 << shift;
  const sectorCount = Math.floor((bytes.length - size) / size) + (bytes.length % size ? 1 : 0);
  const perSector = size / 4;

  const sectorAt = (n: number) => {
    if (n >= sectorCount)
      throw new CfbDamaged(`sector ${n} nằm ngoài tệp`, `sector ${n} lies outside the file`);
    const from = (n + 1) * size;
    return bytes.subarray(from, Math.min(from + size, bytes.length));
  };

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatCount = u32(44);
  if (fatCount > sectorCount)
    throw new CfbDamaged("bảng FAT dài hơn cả tệp", "the FAT claims more sectors than the file holds");
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT && fatSectors.length < fatCount; i++) fatSectors.push(u32(76 + i * 4));
  let difat = u32(68);
  const difatSeen = new Set<number>();
  while (fatSectors.length < fatCount && difat !== END_OF_CHAIN && difat !== FREE) {
    if (difatSeen.has(difat)) throw new CfbDamaged("chuỗi DIFAT bị lặp", "the DIFAT chain loops");
    difatSeen.add(difat);
    const s = sectorAt(difat);
    const sv = new DataView(s.buffer, s.byteOffset, s.byteLength);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++)
      fatSectors.push(sv.getUint32(i * 4, true));
    difat = sv.getUint32(size - 4, true);
  }
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((n, k) => {
    const s = sectorAt(n);
    const sv = new DataView(s.buffer, s.byteOffset, s.byteLength);
    for (let i = 0; i < s.length / 4; i++) fat[k * perSector + i] = sv.getUint32(i * 4, true);
  });

  /** The sectors of a chain, each once; `limit` stops a chain once it holds what its stream needs. */
  const chain = (table: Uint32Array, start: number, limit: number, what: string): number[] => {
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
  };
  const readChain = (start: number, length: number, what: string): Uint8Array => {
    const out = new Uint8Array(length);
    let at = 0;
    for (const n of chain(fat, start, Math.ceil(length / size), what)) {
      const s = sectorAt(n);
      out.set(s.subarray(0, Math.min(s.length, length - at)), at);
      at += Math.min(s.length, length - at);
    }
    if (at < length) throw new CfbDamaged(`luồng ${what} bị cắt cụt`, `the ${what} stream is cut short`);
    return out;
  };

  // The directory: a chain of 128-byte entries; read whole (it is small), scanned for the names wanted.
  const dirSectors = chain(fat, u32(48), sectorCount, "directory");
  const dir = new Uint8Array(dirSectors.length * size);
  dirSectors.forEach((n, k) => {
    dir.set(sectorAt(n), k * size);
  });
  const dv = new DataView(dir.buffer);
  const entries = new Map<string, { start: number; size: number }>();
  let root: { start: number; size: number } | undefined;
  for (let at = 0; at + DIR_ENTRY <= dir.length; at += DIR_ENTRY) {
    const type = dir[at + 66];
    const nameBytes = Math.min(dv.getUint16(at + 64, true), 64);
    if (nameBytes < 2) continue;
    const name = new TextDecoder("utf-16le").decode(dir.subarray(at, at + nameBytes - 2));
    // Sizes above 4 GB are not possible in a file this reader accepts; the high word must be 0.
    const entry = { start: dv.getUint32(at + 116, true), size: dv.getUint32(at + 120, true) };
    if (dv.getUint32(at + 124, true) !== 0 && shift === 12)
      throw new CfbDamaged(
        `luồng "${name}" khai báo quá lớn`,
        `the stream "${name}" declares an impossible size`,
      );
    if (type === 5) root ??= entry;
    else if (type === 2) {
      if (entries.has(name)) throw new CfbDamaged(`hai luồng tên "${name}"`, `two streams named "${name}"`);
      entries.set(name, entry);
    }
  }

  const cutoff = u32(56);
  let mini: { fat: Uint32Array; data: Uint8Array } | undefined;
  const miniStream = () => {
    if (mini) return mini;
    if (!root) throw new CfbDamaged("không có mục gốc", "no root entry");
    if (root.size > bytes.length)
      throw new CfbDamaged(
        "luồng nhỏ khai báo lớn hơn tệp",
        "the mini stream declares more than the file holds",
      );
    const miniFatSectors = chain(fat, u32(60), Math.min(u32(64), sectorCount), "mini FAT");
    const table = new Uint32Array(miniFatSectors.length * perSector);
    miniFatSectors.forEach((n, k) => {
      const s = sectorAt(n);
      const sv = new DataView(s.buffer, s.byteOffset, s.byteLength);
      for (let i = 0; i < s.length / 4; i++) table[k * perSector + i] = sv.getUint32(i * 4, true);
    });
    mini = { fat: table, data: readChain(root.start, root.size, "mini stream") };
    return mini;
  };

  return {
    stream(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.size > bytes.length)
        throw new CfbDamaged(
          `luồng "${name}" khai báo ${entry.size} byte, lớn hơn cả tệp`,
          `the stream "${name}" declares ${entry.size} bytes, more than the whole file`,
        );
      if (entry.size >= cutoff) return readChain(entry.start, entry.size, name);
      const m = miniStream();
      const out = new Uint8Array(entry.size);
      let at = 0;
      for (const n of chain(m.fat, entry.start, Math.ceil(entry.size / MINI_SECTOR), name)) {
        const from = n * MINI_SECTOR;
        if (from >= m.data.length)
          throw new CfbDamaged(
            `luồng "${name}" trỏ ra ngoài luồng nhỏ`,
            `the stream "${name}" points outside the mini stream`,
          );
        const piece = m.data.subarray(
          from,
          Math.min(from + MINI_SECTOR, m.data.length, from + entry.size - at),
        );
        out.set(piece, at);
        at += piece.length;
      }
      if (at < entry.size)
        throw new CfbDamaged(`luồng "${name}" bị cắt cụt`, `the stream "${name}" is cut short`);
      return out;
    },
  };
}
