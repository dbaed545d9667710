import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { AnalyseContext, FileResult } from "./analyse-file";

/**
 * Runs file jobs on worker threads (both cores on the appraisers' laptops) and keeps results in input
 * order. Small batches run inline: starting a worker costs more than reading a few workbooks.
 */
export interface BatchOptions {
  workers?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

const INLINE_BELOW = 8;

/** The rubric and settings go to each worker once (workerData); jobs are just file paths. */
export async function runBatch(
  files: string[],
  ctx: AnalyseContext,
  options: BatchOptions = {},
): Promise<FileResult[]> {
  const fromEnv = Number(process.env.PAR_INDEX_WORKERS);
  const wanted = options.workers ?? (fromEnv > 0 ? fromEnv : Math.min(availableParallelism(), 8));
  if (files.length < INLINE_BELOW || wanted <= 1) return runInline(files, ctx, options);
  return runOnWorkers(files, ctx, Math.min(wanted, files.length), options);
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

function runOnWorkers(
  jobs: string[],
  ctx: AnalyseContext,
  count: number,
  options: BatchOptions,
): Promise<FileResult[]> {
  const workerUrl = new URL("./worker.mjs", import.meta.url);
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = () => {
      for (const w of workers) void w.terminate();
      resolve(results);
    };
    const feed = (w: Worker) => {
      if (next >= jobs.length) return;
      const index = next++;
      w.postMessage({ index, file: jobs[index] });
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(workerUrl, { workerData: ctx });
      workers.push(w);
      w.on("message", (msg: { index: number; result: FileResult }) => {
        if (ctx.rubric) for (const u of msg.result.units) u.rubric ??= ctx.rubric;
        results[msg.index] = msg.result;
        done++;
        options.onProgress?.(done, jobs.length, jobs[msg.index]);
        if (done === jobs.length) finish();
        else feed(w);
      });
      w.on("error", (e) => {
        for (const other of workers) void other.terminate();
        reject(e);
      });
      // Two jobs in flight per worker, so a worker never waits for the parent between files.
      feed(w);
      feed(w);
    }
  });
}
