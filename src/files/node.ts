import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { basename } from "node:path";
import { crc32, inflateRawSync } from "node:zlib";
import type { Text } from "../core/finding";
import type { WorkbookSnapshot } from "../core/snapshot";
import { FileReadError } from "./errors";
import { DEFAULT_LIMITS, megabytes } from "./limits";
import { nodeCryptoPort } from "./node-crypto";
import type { ReadLimits } from "./read-workbook";
import { readWorkbookBytes } from "./read-workbook-bytes";
import type { Inflate } from "./xlsx/zip";

/** Node side of the reader: files and folders for the CLI. Input files are only ever opened for reading. */
export async function readWorkbookFile(
  path: string,
  limits: Partial<ReadLimits> = {},
): Promise<WorkbookSnapshot> {
  const name = basename(path);
  return readWorkbookBytes(readInputBytes(path, name, limits.maxFileBytes), name, {
    limits,
    inflate: inflateWithZlib,
    crypto: nodeCryptoPort,
  });
}

/**
 * An input file's bytes, read only if it is a regular file of a sane size. Opened without blocking and
 * checked by its open handle: a FIFO would block a plain read forever and a link to /dev/zero would grow
 * without bound. Synchronous on purpose: workbooks are small and each batch worker reads one at a time; an
 * async read only adds a thread-pool round trip per file.
 */
export function readInputBytes(
  path: string,
  name: string,
  maxBytes = DEFAULT_LIMITS.maxFileBytes,
): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new FileReadError("io-error", name, ioReason(e));
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new FileReadError("io-error", name, IS_A_FOLDER);
    if (!info.isFile())
      throw new FileReadError(
        "not-a-file",
        name,
        info.isFIFO() ? "FIFO" : info.isCharacterDevice() ? "device" : "special",
      );
    if (info.size > maxBytes)
      throw new FileReadError("too-large", name, {
        vi: `${megabytes(info.size, "vi")} (giới hạn ${megabytes(maxBytes, "vi")})`,
        en: `${megabytes(info.size, "en")} (limit ${megabytes(maxBytes, "en")})`,
      });
    const bytes = new Uint8Array(info.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break; // shrank while being read: what was there is all there is
      at += n;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError("io-error", name, ioReason(e));
  } finally {
    closeSync(fd);
  }
}

/**
 * Node's zlib, five times faster than fflate on a unit's parts. It stops one byte past the declared size
 * (a part that reaches it is bigger than its directory says: see xlsx/zip.ts).
 */
export const inflateWithZlib: Inflate = Object.assign(
  (data: Uint8Array, size: number) => inflateRawSync(data, { maxOutputLength: size + 1 }),
  // Native: checking every part's CRC costs next to nothing on the command line.
  { crc32: (data: Uint8Array) => crc32(data) },
);

/**
 * Why a path could not be opened or read, in each language: a usage error is said in the user's language
 * only. Shared by the folder scan of the command line (cli/run-files.ts).
 */
export function ioReason(e: unknown): Text {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return { vi: "không tồn tại", en: "not found" };
  if (code === "EACCES" || code === "EPERM") return { vi: "không có quyền đọc", en: "permission denied" };
  if (code === "EISDIR") return IS_A_FOLDER;
  const other = code ?? (e instanceof Error ? e.message : String(e));
  return { vi: other, en: other };
}

const IS_A_FOLDER: Text = { vi: "là thư mục", en: "is a folder" };
