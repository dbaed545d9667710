import { parentPort, workerData } from "node:worker_threads";
import { type AnalyseContext, analyseFile, slimForTransfer } from "./analyse-file";

// One worker of the batch pool (batch.ts): analyse each file it is sent and post the result back.
const ctx = workerData as AnalyseContext;
parentPort?.on("message", async (msg: { index: number; file: string }) => {
  const result = await analyseFile(msg.file, ctx);
  parentPort?.postMessage({ index: msg.index, result: slimForTransfer(result, ctx.rubric) });
});
// Loaded and ready: the pool sends files only from now on, so a small batch is done by the main thread
// before a worker would have started on it.
parentPort?.postMessage({ ready: true });
