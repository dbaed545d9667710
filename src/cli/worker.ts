import { parentPort, workerData } from "node:worker_threads";
import { type AnalyseContext, analyseFile, slimForTransfer } from "./analyse-file";

// One worker of the batch pool (batch.ts): analyse each file it is sent and post the result back.
const ctx = workerData as AnalyseContext;
parentPort?.on("message", async (msg: { index: number; file: string }) => {
  const result = await analyseFile(msg.file, ctx);
  parentPort?.postMessage({ index: msg.index, result: slimForTransfer(result, ctx.rubric) });
});
