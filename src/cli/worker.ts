import { parentPort } from "node:worker_threads";
import { readSnapshot } from "./read-file";
import { packSnapshot, transferables } from "./snapshot-transfer";

/**
 * One reader of the batch pool (batch.ts): it reads each file it is sent into a snapshot and posts it
 * back; the main thread analyses. Only the reader runs here, so V8 compiles the analysis code once, in
 * the main thread — compiling everything in every thread cost as much as the second core gave.
 */
parentPort?.on("message", async (msg: { index: number; file: string }) => {
  const read = await readSnapshot(msg.file);
  if ("failed" in read) parentPort?.postMessage({ index: msg.index, failed: read.failed });
  else {
    const packed = packSnapshot(read.wb);
    parentPort?.postMessage({ index: msg.index, packed }, transferables(packed));
  }
});
// Loaded and ready: the pool sends files only from now on, so a small batch is done by the main thread
// before a worker would have started on it.
parentPort?.postMessage({ ready: true });
