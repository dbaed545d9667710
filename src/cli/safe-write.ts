import { randomBytes } from "node:crypto";
import type { Stats } from "node:fs";
import {
  type FileHandle,
  link,
  lstat,
  mkdir,
  open,
  readdir,
  realpath,
  rename,
  stat,
  unlink,
} from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { UsageError } from "./args";

/**
 * Every file the CLI writes goes through `writeFileSafely`:
 * - never over one of the run's inputs, compared by what the file IS (device + inode, links followed),
 *   not by how it was spelled: a symlink, a hard link, or a folder reached through a symlink all lead to
 *   the same inode;
 * - written to a temporary file beside the target and renamed into place, so a crash or kill -9 leaves
 *   the previous file whole, and two runs writing the same path leave one complete file, never a mix;
 *   what a killed run left there (our temporary name, over an hour old) goes with the next write;
 * - for the commands that create files (`sample`, `template`, `rubric import`), never over any existing
 *   file unless the user said `--force`.
 */

/** Paths the current run reads: named on the command line, or found in an input folder. */
const inputs = new Set<string>();

export function noteInputs(paths: Iterable<string>): void {
  for (const p of paths) inputs.add(resolve(p));
}

/** The options whose value is where the command writes; every other value may be something it reads. */
const OUTPUT_OPTIONS = new Set(["-o", "--output", "--out", "--report"]);

/**
 * Notes every value on the command line that is not an output: positionals, --rubric, --previous,
 * --survey and whatever options commands add later. A value that names no file costs one failed stat
 * when an output is checked, and no command needs to remember to declare what it reads.
 */
export function noteCommandLineInputs(args: readonly string[]): void {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (OUTPUT_OPTIONS.has(arg)) {
      i++;
      continue;
    }
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      if (!OUTPUT_OPTIONS.has(arg.slice(0, eq))) noteInputs([arg.slice(eq + 1)]);
    } else if (!arg.startsWith("-") && arg !== "") noteInputs([arg]);
  }
}

/** Starts a run with no inputs noted (the CLI can run several times in one test process). */
export function forgetInputs(): void {
  inputs.clear();
}

export interface SafeWriteOptions {
  /** More input paths than those noted; checked the same way. */
  inputs?: readonly string[];
  /** "refuse": an existing file at the path is an error (the creating commands without --force). */
  existing?: "replace" | "refuse";
}

/** The bytes, or a function writing them to the open temporary file (tests inject failures there). */
export type Content = Uint8Array | string | ((file: FileHandle) => Promise<void>);

export async function writeFileSafely(path: string, content: Content, options: SafeWriteOptions = {}) {
  const target = await checkOutputPath(path, options);
  await mkdir(dirname(target), { recursive: true });
  await removeStaleTemps(target);
  const temp = join(
    dirname(target),
    `${tempPrefix(target)}${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  // "wx": the temporary name is ours alone; nothing that already exists is opened or truncated.
  const file = await open(temp, "wx", await modeFor(target));
  try {
    try {
      if (typeof content === "function") await content(file);
      else await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    if (options.existing === "refuse") await linkNew(temp, target, path);
    else await rename(temp, target);
  } finally {
    // After a rename the temporary name is gone already; after a failure it must not stay behind.
    await unlink(temp).catch(() => undefined);
  }
}

/** The start of our temporary names for `target`, shortened so a temporary name stays within 255 bytes. */
function tempPrefix(target: string): string {
  return `.${basename(target).slice(0, 60)}.`;
}

/** A temporary file older than this is left from a run that was killed: no write takes an hour. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Removes what killed runs left beside `target`: only files named as we name temporary files for it
 * (`.<name>.<pid>.<12 hex>.tmp`), and only those not modified for STALE_TEMP_MS. Age, not "is the pid
 * still running": on a shared folder the writer may be another machine, whose pids mean nothing here,
 * and a live write touches its file within seconds. Best effort: what cannot be listed or removed stays.
 */
async function removeStaleTemps(target: string, now = Date.now()): Promise<void> {
  const prefix = tempPrefix(target);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+\.[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue;
    const path = join(dirname(target), name);
    const info = await lstat(path).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => undefined);
  }
}

/**
 * The real path to write (the file a symlink points to, so the link the user keeps stays a link), after
 * refusing inputs, folders and — when asked — any existing file.
 */
export async function checkOutputPath(path: string, options: SafeWriteOptions = {}): Promise<string> {
  if (path.endsWith(sep) || path.endsWith("/")) throw isFolder(path);
  const target = await realTarget(resolve(path));
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) throw isFolder(path);
  if (info) {
    for (const input of [...inputs, ...(options.inputs ?? []).map((p) => resolve(p))]) {
      if (await sameFile(input, info, target)) throw overInput(path, input);
    }
    if (options.existing === "refuse") throw exists(path);
  }
  return target;
}

/** Same device and inode; where a file system reports no inode (0), the same real path. */
async function sameFile(input: string, info: Stats, target: string): Promise<boolean> {
  const other = await stat(input).catch(() => null);
  if (!other) return false;
  if (info.ino !== 0 && other.ino !== 0) return other.dev === info.dev && other.ino === info.ino;
  return (await realpath(input).catch(() => input)) === target;
}

/** Resolves symlinks in the whole path, or in its folder when the file does not exist yet. */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const folder = await realpath(dirname(path)).catch(() => dirname(path));
    return join(folder, basename(path));
  }
}

/** A replaced file keeps its permissions; a new one gets the usual 0666 less the umask. */
async function modeFor(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  return info ? info.mode & 0o777 : 0o666;
}

/** Publishes the temporary file under a name that must not exist yet: link() fails atomically if it does. */
async function linkNew(temp: string, target: string, shown: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw exists(shown);
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS") {
      if (await stat(target).catch(() => null)) throw exists(shown);
      await rename(temp, target);
      return;
    }
    throw e;
  }
}

function overInput(output: string, input: string): UsageError {
  return new UsageError({
    vi: `Không ghi đè lên tệp đầu vào: tệp kết quả ${output} chính là tệp đầu vào ${input}. Hãy chọn tên tệp kết quả khác.`,
    en: `Refusing to overwrite an input: the output ${output} is the same file as the input ${input}. Choose another output name.`,
  });
}

function exists(path: string): UsageError {
  return new UsageError({
    vi: `${path} đã có; không ghi đè. Hãy chọn tên khác, hoặc thêm --force để thay tệp cũ.`,
    en: `${path} already exists; not overwriting it. Choose another name, or add --force to replace it.`,
  });
}

function isFolder(path: string): UsageError {
  return new UsageError({
    vi: `${path} là một thư mục; nơi ghi kết quả phải là tên tệp, ví dụ ${join(path, "ket-qua.xlsx")}.`,
    en: `${path} is a folder; the output must be a file name, e.g. ${join(path, "result.xlsx")}.`,
  });
}
