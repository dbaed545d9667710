import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { isLockOrHidden, isWorkbookName } from "../app/workbook-names";
import type { Text } from "../core/finding";
import type { Rubric } from "../core/rubric/schema";
import type { SurveyRow } from "../core/survey";
import { FileReadError } from "../files/errors";
import { ioReason } from "../files/node";
import type { FileResult } from "./analyse-file";
import type { ColumnCorrections, Lang } from "./args";
import { UsageError } from "./args";
import { runBatch } from "./batch";
import { columnsOutsideError } from "./columns-check";
import { failedResult } from "./file-result";
import { progressBar } from "./progress";
import { noteInputs } from "./safe-write";

/** Files and folders from the command line → analysed results in input order, with a progress bar on batches. */
export async function analyseInputs(
  paths: string[],
  options: {
    rubric: Rubric | null;
    year?: number;
    survey?: SurveyRow[] | null;
    columns?: ColumnCorrections;
    lang: Lang;
    label: string;
    /** The folder scan's bounds (tests make them small). */
    limits?: typeof SCAN_LIMITS;
  },
): Promise<{ files: string[]; results: FileResult[] }> {
  if (paths.length === 0) {
    throw new UsageError({ vi: "Chưa chỉ ra tệp hoặc thư mục nào.", en: "No files or folders given." });
  }
  const found = await collectInputs(
    paths,
    (text) => console.error(`! ${text[options.lang]}`),
    options.limits,
  );
  const files = found.map((f) => f.path);
  // Every file found is an input: no report or ranking of this run may be written over one of them.
  noteInputs(files);
  if (files.length === 0) {
    throw new UsageError({
      vi: `Không có tệp bảng tính nào trong ${paths.join(", ")}.`,
      en: `No spreadsheet files in ${paths.join(", ")}.`,
    });
  }
  const readable = found.filter((f) => !f.tooLarge).map((f) => f.path);
  const bar = progressBar(options.label);
  const read = await runBatch(
    readable,
    {
      rubric: options.rubric,
      year: options.year,
      survey: options.survey,
      columns: options.columns,
    },
    {
      onProgress: (done, total) => bar.update(done, total),
    },
  );
  let next = 0;
  const results = found.map((f) => (f.tooLarge ? tooLargeResult(f.path, f.tooLarge) : read[next++]));
  // Before any command prints or writes: a --columns letter outside a table stops the run.
  const outside = columnsOutsideError(
    results,
    results.reduce((n, r) => n + r.units.length, 0),
  );
  if (outside) throw outside;
  return { files, results };
}

/** Bounds that hold whatever a folder holds: files read whole above this size would only exhaust memory. */
export const SCAN_LIMITS = { maxFileBytes: 256 * 1024 * 1024, maxFiles: 100_000, maxDepth: 64 };

export interface FoundFile {
  path: string;
  /** Set when the file is too big to read: it is reported as unreadable, not opened. */
  tooLarge?: string;
}

/**
 * The files to analyse, sorted, each real file once. A file named on the command line is taken whatever
 * its name (the reader says what it is); in a folder, spreadsheet names only, not Excel's lock files
 * (`~$…`) nor hidden ones. Only regular files are ever opened: a FIFO would block the read forever and a
 * link to /dev/zero would never end, so those are skipped with a notice, found by stat() (which opens
 * nothing). Linked folders are followed once each (a link loop ends), within a depth and a count.
 */
export async function collectInputs(
  paths: readonly string[],
  notice: (text: Text) => void,
  limits = SCAN_LIMITS,
): Promise<FoundFile[]> {
  const found = new Map<string, FoundFile>();
  const seenFolders = new Set<string>();
  const seenFiles = new Map<string, string>();
  const add = (path: string, info: { size: number; dev: number; ino: number }) => {
    const id = `${info.dev}:${info.ino}`;
    const first = seenFiles.get(id);
    if (first !== undefined) {
      // One file under two names (a link, the same path twice): one unit, read once, and said so.
      if (first !== path) notice(sameFile(path, first));
      return;
    }
    seenFiles.set(id, path);
    if (found.size >= limits.maxFiles) throw tooMany(paths, limits.maxFiles);
    const big = info.size > limits.maxFileBytes;
    found.set(path, big ? { path, tooLarge: `${mb(info.size)} > ${mb(limits.maxFileBytes)}` } : { path });
  };

  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > limits.maxDepth) {
      notice({
        vi: `Bỏ qua thư mục ${dir}: lồng quá ${limits.maxDepth} cấp.`,
        en: `Skipped folder ${dir}: nested deeper than ${limits.maxDepth} levels.`,
      });
      return;
    }
    let entries: Dirent[];
    try {
      // Each real folder once: a link back to a parent is seen again here and ends the walk.
      const real = await realpath(dir);
      if (seenFolders.has(real)) return;
      seenFolders.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      notice(skippedFolder(dir, ioReason(e)));
      return;
    }
    for (const e of entries) {
      // The one rule of which names are workbooks (src/app): not lock files, not hidden ones.
      if (isLockOrHidden(e.name)) continue;
      const full = join(dir, e.name);
      const isSheetName = isWorkbookName(e.name);
      // Only what could matter is stat'ed: folders, links, and spreadsheet names.
      if (!e.isDirectory() && !e.isSymbolicLink() && !isSheetName) continue;
      const info = await stat(full).catch(() => null);
      if (!info) {
        if (isSheetName) notice(skipped(full, { vi: "liên kết hỏng", en: "a broken link" }));
        continue;
      }
      if (info.isDirectory()) await walk(full, depth + 1);
      else if (!isSheetName) continue;
      else if (info.isFile()) add(resolve(full), info);
      else notice(skipped(full, kindOf(info)));
    }
  };

  for (const p of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(p);
    } catch (e) {
      // The reason in each language: the other language's words would make the message mixed.
      throw new UsageError(new FileReadError("io-error", p, ioReason(e)).text);
    }
    if (info.isDirectory()) await walk(p, 0);
    else if (info.isFile()) add(resolve(p), info);
    else notice(skipped(p, kindOf(info)));
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

function tooLargeResult(path: string, detail: string): FileResult {
  const error = new FileReadError("too-large", basename(path), detail);
  return failedResult(path, { reason: error.reason, message: error.text });
}

function kindOf(info: {
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): Text {
  if (info.isFIFO()) return { vi: "là một ống dẫn (FIFO), không phải tệp", en: "a pipe (FIFO), not a file" };
  if (info.isCharacterDevice() || info.isBlockDevice())
    return { vi: "là một thiết bị, không phải tệp", en: "a device, not a file" };
  if (info.isSocket()) return { vi: "là một socket, không phải tệp", en: "a socket, not a file" };
  return { vi: "không phải tệp thông thường", en: "not a regular file" };
}

function skipped(path: string, why: Text): Text {
  return {
    vi: `Bỏ qua ${path}: ${why.vi}; chỉ đọc các tệp thông thường.`,
    en: `Skipped ${path}: ${why.en}; only regular files are read.`,
  };
}

function sameFile(path: string, first: string): Text {
  return {
    vi: `${path} là cùng một tệp với ${first} (liên kết); chỉ đọc một lần.`,
    en: `${path} is the same file as ${first} (a link); read once.`,
  };
}

function skippedFolder(path: string, why: Text): Text {
  return { vi: `Bỏ qua thư mục ${path}: ${why.vi}.`, en: `Skipped folder ${path}: ${why.en}.` };
}

function tooMany(paths: readonly string[], max: number): UsageError {
  return new UsageError({
    vi: `Quá nhiều tệp trong ${paths.join(", ")} (hơn ${max}); hãy chia thành nhiều lần chạy.`,
    en: `Too many files in ${paths.join(", ")} (more than ${max}); split the run.`,
  });
}

function mb(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round(bytes / (1024 * 1024))} MB`;
}
