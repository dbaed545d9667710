import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { Worker } from "node:worker_threads";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { AnalyseContext } from "./analyse-file";
import { type FileResult, failedResult } from "./file-result";
import { type PackedWorkbook, unpackSnapshot } from "./snapshot-transfer";

/**
 * Runs file jobs on every core of the appraisers' laptops and keeps results in input order. Worker
 * threads only read files into snapshots; the main thread analyses every snapshot and, when none is
 * waiting, reads the next file itself. Analysis is the larger half of the code, and V8 compiles code once
 * per thread: when every thread ran the whole pipeline, compiling it twice cost as much as the second
 * core gave. Small batches run inline: starting a worker costs more than reading a few workbooks.
 */
export interface BatchOptions {
  /** Threads at work, the main thread included (default: the machine's cores, at most 8). */
  threads?: number;
  onProgress?: (done: number, total: number, file: string) => void;
  /** The worker script (tests substitute one that fails on purpose). */
  workerUrl?: URL;
  /** Heap cap of each reader thread in MB (default READER_HEAP_MB; tests use a small one). */
  readerHeapMb?: number;
}

const INLINE_BELOW = 8;

/** A reader thread and whether it has said it is ready. */
interface Reader {
  worker: Worker;
  ready: boolean;
  /** It stopped before being given any file (a broken install, say): the main thread reads instead. */
  gone: boolean;
}

const DEFAULT_WORKER = () => new URL("./worker.mjs", import.meta.url);

/**
 * A reader thread's heap cap. The reader's budgets (files/limits.ts) keep one file far below it; should a
 * file get past them anyway, V8 stops this thread with ERR_WORKER_OUT_OF_MEMORY — only that file fails —
 * instead of aborting the whole process, as an out-of-memory without a cap does.
 */
export const READER_HEAP_MB = 768;

function spawnReader(url: URL, heapMb = READER_HEAP_MB): Reader {
  const worker = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  const reader: Reader = { worker, ready: false, gone: false };
  // Until the batch takes it over, an error only means this reader is gone.
  reader.worker.on("error", () => {});
  reader.worker.on("exit", () => {
    reader.gone = true;
  });
  const onReady = (msg: { ready?: boolean }) => {
    if (!msg?.ready) return;
    reader.ready = true;
    reader.worker.off("message", onReady);
  };
  reader.worker.on("message", onReady);
  return reader;
}

/** What the readers and the main thread share during a batch. */
interface BatchQueue {
  /** The next file to read, or null when none is left. */
  take: () => number | null;
  record: (index: number, result: FileResult) => void;
  /** A snapshot a reader has read, for the main thread to analyse. */
  deliver: (index: number, wb: WorkbookSnapshot) => void;
  /** Files a dead reader had been sent but not started. */
  handBack: (indexes: number[]) => void;
}

/** Readers started before the batch knew its files (see prestartReaders). */
const spare: Reader[] = [];

/**
 * Starts the reader threads as the command starts, so that their ~0.1 s of loading overlaps the main
 * thread's own (the command's modules, the rubric, listing the folder). They do not keep the process
 * alive; a batch too small for threads stops them.
 */
export function prestartReaders(options: BatchOptions = {}): void {
  const count = threadCount(options) - 1 - spare.length;
  for (let i = 0; i < count; i++) {
    const reader = spawnReader(options.workerUrl ?? DEFAULT_WORKER(), options.readerHeapMb);
    reader.worker.unref();
    spare.push(reader);
  }
}

/** Every file analysed, results in input order; workers get only file paths and send back snapshots. */
export async function runBatch(
  files: string[],
  ctx: AnalyseContext,
  options: BatchOptions = {},
): Promise<FileResult[]> {
  const threads = Math.min(threadCount(options), files.length);
  if (files.length < INLINE_BELOW || threads <= 1) {
    for (const reader of spare.splice(0)) void reader.worker.terminate();
    return runInline(files, ctx, options);
  }
  return runPool(files, ctx, threads - 1, options);
}

function threadCount(options: BatchOptions): number {
  if (options.threads !== undefined) return options.threads;
  const fromEnv = Number(process.env.PAR_INDEX_THREADS);
  return fromEnv > 0 ? fromEnv : Math.min(availableParallelism(), 8);
}

async function runInline(files: string[], ctx: AnalyseContext, options: BatchOptions): Promise<FileResult[]> {
  const { analyseFile } = await import("./analyse-file");
  const out: FileResult[] = [];
  for (const file of files) {
    out.push(await analyseFile(file, ctx));
    options.onProgress?.(out.length, files.length, file);
  }
  return out;
}

async function runPool(
  jobs: string[],
  ctx: AnalyseContext,
  workerCount: number,
  options: BatchOptions,
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  // The main thread, out of files, sleeps until a result or a file handed back by a dead worker arrives.
  let wake: () => void = () => {};
  const change = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  // Files a dead worker had been sent but not started go back to the front of the queue.
  const retry: number[] = [];
  // Snapshots the workers have read, waiting for the main thread to analyse them.
  const inbox: { index: number; wb: WorkbookSnapshot }[] = [];
  const queue: BatchQueue = {
    take: (): number | null => retry.shift() ?? (next < jobs.length ? next++ : null),
    record: (index: number, result: FileResult) => {
      results[index] = result;
      done++;
      options.onProgress?.(done, jobs.length, jobs[index]);
      wake();
    },
    deliver: (index: number, wb: WorkbookSnapshot) => {
      inbox.push({ index, wb });
      wake();
    },
    handBack: (indexes: number[]) => {
      retry.push(...indexes);
      wake();
    },
  };

  // Workers first, so that their start-up overlaps the main thread's own first files.
  const url = options.workerUrl ?? DEFAULT_WORKER();
  const readers = spare.splice(0, workerCount);
  while (readers.length < workerCount) readers.push(spawnReader(url, options.readerHeapMb));
  const workers = readers.map((reader) => startWorker(reader, jobs, queue));
  try {
    const { analyseFile, analyseSnapshot, slimResult } = await import("./analyse-file");
    while (done < jobs.length) {
      const read = inbox.shift();
      if (read) queue.record(read.index, slimResult(analyseSnapshot(jobs[read.index], read.wb, ctx)));
      else {
        const index = queue.take();
        if (index === null) {
          await change();
          continue;
        }
        queue.record(index, slimResult(await analyseFile(jobs[index], ctx)));
      }
      // Let the workers' messages in between files: they wait for their next file meanwhile.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    for (const w of workers) void w.terminate();
  }
  return results;
}

/**
 * Files a worker holds: the main thread feeds it only between its own files, so with two in hand a worker
 * sat idle for a fifth of the batch waiting for the next one.
 */
const AHEAD = 4;

/**
 * One reader, fed once it says it is ready and then kept AHEAD files ahead. If it dies (out of memory on a
 * giant sheet, say), the file it was reading is reported as failed, the ones it had not started go back
 * to the queue, and the batch goes on.
 */
function startWorker(reader: Reader, jobs: string[], queue: BatchQueue): Worker {
  const worker = reader.worker;
  worker.ref();
  // In the order sent: a worker reads its messages one at a time, so the first is the one in progress.
  const held: number[] = [];
  let dead = false;
  const feed = () => {
    const index = dead ? null : queue.take();
    if (index === null) return;
    held.push(index);
    worker.postMessage({ index, file: jobs[index] });
  };
  type Message =
    | { ready: true }
    | { index: number; packed: PackedWorkbook }
    | { index: number; failed: FileResult };
  worker.on("message", (msg: Message) => {
    if ("ready" in msg) {
      for (let k = 0; k < AHEAD; k++) feed();
      return;
    }
    held.splice(held.indexOf(msg.index), 1);
    if ("packed" in msg) queue.deliver(msg.index, unpackSnapshot(msg.packed));
    else queue.record(msg.index, msg.failed);
    feed();
  });
  const die = (why: string) => {
    if (dead) return;
    dead = true;
    const [reading, ...waiting] = held.splice(0);
    queue.handBack(waiting);
    if (reading !== undefined) queue.record(reading, workerFailed(jobs[reading], why));
  };
  worker.on("error", (e) => die(e instanceof Error ? e.message : String(e)));
  worker.on("exit", (code) => die(`exit code ${code}`));
  if (reader.gone) dead = true;
  else if (reader.ready) for (let k = 0; k < AHEAD; k++) feed();
  return worker;
}

function workerFailed(file: string, why: string): FileResult {
  const name = basename(file);
  return failedResult(file, {
    reason: "internal-error",
    message: {
      vi: `${name}: luồng xử lý của par-index dừng đột ngột khi đọc tệp này (${why}). Tệp không bị thay đổi; hãy kiểm tra riêng tệp này hoặc báo lỗi kèm tệp.`,
      en: `${name}: the par-index thread reading this file stopped unexpectedly (${why}). The file was not changed; check it on its own or report it with the file.`,
    },
  });
}
