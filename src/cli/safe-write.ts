import { createHash, randomBytes } from "node:crypto";
import type { Stats } from "node:fs";
import {
  type FileHandle,
  link,
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  stat,
  unlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, isAbsolute, join, parse, resolve, sep } from "node:path";
import { UsageError } from "./args";
import { writeFailure } from "./write-error";

/**
 * Every file the CLI writes goes through `writeFileSafely`:
 * - never over one of the run's inputs, compared by what the file IS (device + inode, links followed),
 *   not by how it was spelled: a symlink, a hard link, or a folder reached through a symlink all lead to
 *   the same inode;
 * - written to a temporary file beside the target and renamed into place, so a crash or kill -9 leaves
 *   the previous file whole, and two runs writing the same path leave one complete file, never a mix;
 *   what a killed run left there goes with the next write — only a temporary file this program recorded
 *   creating (see `recordTemp`), over an hour old, and never one of the run's inputs;
 * - never inside one of the run's input folders (results would be read back as submissions), compared
 *   by the identity of the output's folder and each of its parents, through links and `..`;
 * - a failure of the file system (no permission, a file where a folder should be, a name too long) is
 *   said with the path and its cause (exit 2), never as a bug of the program;
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
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (e) {
    // mkdir says EEXIST when a part of the path is a file (`-o afile/x.xlsx`): that is what it means.
    const code = (e as NodeJS.ErrnoException).code;
    throw writeFailure(path, code === "EEXIST" ? Object.assign(e as Error, { code: "ENOTDIR" }) : e);
  }
  await removeStaleTemps(target, options);
  const temp = join(
    dirname(target),
    `${tempPrefix(target)}${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  // "wx": the temporary name is ours alone; nothing that already exists is opened or truncated.
  let file: FileHandle;
  try {
    file = await open(temp, "wx", await modeFor(target));
  } catch (e) {
    throw writeFailure(path, e);
  }
  const record = await recordTemp(temp, file);
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
  } catch (e) {
    throw writeFailure(path, e);
  } finally {
    // After a rename the temporary name is gone already; after a failure it must not stay behind.
    await unlink(temp).catch(() => undefined);
    if (record) await unlink(record).catch(() => undefined);
  }
}

/** The start of our temporary names for `target`, shortened so a temporary name stays within 255 bytes. */
function tempPrefix(target: string): string {
  return `.${basename(target).slice(0, 60)}.`;
}

/**
 * Where the temporary files this program creates are recorded (one small file each, named by a hash of
 * the temporary file's path, holding its device and inode) until they are renamed into place. A record
 * left behind means a run was killed while writing: the next write of the same output may remove that
 * temporary file. A file merely named like ours — a user's own, an input — has no record and stays.
 * Per user, in the system's temporary folder; PAR_INDEX_STATE_DIR moves it (tests).
 */
function recordDir(): string {
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return process.env.PAR_INDEX_STATE_DIR ?? join(tmpdir(), `par-index-${uid}`, "temps");
}

function recordPath(temp: string): string {
  return join(recordDir(), `${createHash("sha256").update(temp).digest("hex").slice(0, 32)}.json`);
}

/** Records a temporary file just created; null when no record can be kept (that file is then never cleaned). */
async function recordTemp(temp: string, file: FileHandle): Promise<string | null> {
  try {
    const dir = recordDir();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Only a folder that is ours and not a link: another user cannot plant records for us to act on.
    const info = await lstat(dir);
    const uid = typeof process.getuid === "function" ? process.getuid() : info.uid;
    if (!info.isDirectory() || info.uid !== uid) return null;
    const { dev, ino } = await file.stat();
    const record = recordPath(temp);
    await writeFile(record, JSON.stringify({ path: temp, dev, ino }), { mode: 0o600 });
    return record;
  } catch {
    return null;
  }
}

/** A temporary file over an hour old is left from a run that was killed: no write takes an hour. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Removes what killed runs left beside `target`: only files named as we name temporary files for it
 * (`.<name>.<pid>.<12 hex>.tmp`) AND recorded by us as created (same path, device and inode), not
 * modified for STALE_TEMP_MS, and none of the run's inputs. Age, not "is the pid still running": on a
 * shared folder the writer may be another machine, whose pids mean nothing here. Best effort: what cannot
 * be listed, checked or removed stays.
 */
async function removeStaleTemps(target: string, options: SafeWriteOptions, now = Date.now()): Promise<void> {
  const prefix = tempPrefix(target);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+\.[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue;
    const path = join(dirname(target), name);
    const info = await lstat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs <= STALE_TEMP_MS) continue;
    const record = recordPath(path);
    const noted = await readFile(record, "utf8")
      .then((t) => JSON.parse(t) as { path?: unknown; dev?: unknown; ino?: unknown })
      .catch(() => null);
    if (!noted || noted.path !== path || noted.dev !== info.dev || noted.ino !== info.ino) continue;
    if (await isInput(info, path, options)) continue;
    await unlink(path).catch(() => undefined);
    await unlink(record).catch(() => undefined);
  }
}

async function isInput(info: Stats, path: string, options: SafeWriteOptions): Promise<boolean> {
  for (const input of allInputs(options)) if (await sameFile(input, info, path)) return true;
  return false;
}

function allInputs(options: SafeWriteOptions): string[] {
  return [...inputs, ...(options.inputs ?? []).map((p) => resolve(p))];
}

/**
 * The real path to write (the file a symlink points to, so the link the user keeps stays a link), after
 * refusing inputs, input folders (the output's folder or one of its parents), folders and — when asked —
 * any existing file.
 */
export async function checkOutputPath(path: string, options: SafeWriteOptions = {}): Promise<string> {
  if (path.endsWith(sep) || path.endsWith("/")) throw isFolder(path);
  const target = await physicalPath(path);
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) throw isFolder(path);
  if (info) {
    for (const input of allInputs(options)) {
      if (await sameFile(input, info, target)) throw overInput(path, input);
    }
  }
  const folder = await inputFolderHolding(dirname(target), options);
  if (folder) throw insideInput(path, folder);
  if (info && options.existing === "refuse") throw exists(path);
  return target;
}

/**
 * For an output folder (`appraisal -o out/`): refused when it is an input folder or lies inside one,
 * by identity, however the path reaches it (a link to the input folder, `units/..x`, `a/../units`).
 * Returns the folder's real path.
 */
export async function checkOutputFolder(path: string, options: SafeWriteOptions = {}): Promise<string> {
  const real = await physicalPath(path);
  const info = await stat(real).catch(() => null);
  if (info && !info.isDirectory()) throw notAFolder(path);
  const folder = await inputFolderHolding(real, options);
  if (folder) throw insideInput(path, folder);
  return real;
}

/**
 * The input folder (as the user named it) that `folder` is, or lies inside, compared by device + inode
 * of `folder` and each of its parents; null when none.
 */
async function inputFolderHolding(folder: string, options: SafeWriteOptions): Promise<string | null> {
  const folders: { path: string; dev: number; ino: number }[] = [];
  for (const input of allInputs(options)) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) folders.push({ path: input, dev: info.dev, ino: info.ino });
  }
  if (folders.length === 0) return null;
  for (let dir = folder; ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info) {
      const hit = folders.find((f) =>
        info.ino !== 0 && f.ino !== 0 ? f.dev === info.dev && f.ino === info.ino : false,
      );
      if (hit) return hit.path;
    }
    if (dirname(dir) === dir) return null;
  }
}

/**
 * The path as the file system follows it: each existing part with its links resolved, `..` taken from
 * the real folder reached so far (so `link/..` is the parent of where the link points, not the folder
 * holding the link), and the part that does not exist yet appended as written.
 */
export async function physicalPath(path: string): Promise<string> {
  const absolute = isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`;
  const root = parse(absolute).root;
  const parts = absolute
    .slice(root.length)
    .split(/[\\/]+/)
    .filter((p) => p !== "" && p !== ".");
  let current = await realpath(root).catch(() => root);
  let exists = true;
  for (const part of parts) {
    if (part === "..") {
      current = dirname(current);
      continue;
    }
    const next = join(current, part);
    if (exists) {
      const real = await realpath(next).catch(() => null);
      if (real) {
        current = real;
        continue;
      }
      exists = false;
    }
    current = next;
  }
  return current;
}

/** Same device and inode; where a file system reports no inode (0), the same real path. */
async function sameFile(input: string, info: Stats, target: string): Promise<boolean> {
  const other = await stat(input).catch(() => null);
  if (!other) return false;
  if (info.ino !== 0 && other.ino !== 0) return other.dev === info.dev && other.ino === info.ino;
  return (await realpath(input).catch(() => input)) === target;
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

function insideInput(output: string, folder: string): UsageError {
  return new UsageError({
    vi: `Không ghi vào thư mục đầu vào: ${output} nằm trong thư mục đầu vào ${folder} (tệp kết quả sẽ bị đọc lại như tệp đơn vị nộp ở lần chạy sau). Hãy chọn nơi ghi khác.`,
    en: `Refusing to write into an input folder: ${output} lies inside the input folder ${folder} (results would be read back as submissions next time). Choose another place to write.`,
  });
}

function notAFolder(path: string): UsageError {
  return new UsageError({
    vi: `${path} là một tệp, không phải thư mục; -o cần một thư mục để ghi các tệp kết quả.`,
    en: `${path} is a file, not a folder; -o needs a folder to write the result files into.`,
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
