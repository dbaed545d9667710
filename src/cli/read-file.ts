import { basename } from "node:path";
import { failureOf } from "../app/failure";
import type { WorkbookSnapshot } from "../core/snapshot";
import { readWorkbookFile } from "../files/node";
import { type FileResult, failedResult } from "./file-result";

// Reading one input file, all a batch worker does (worker.ts): kept apart from the analysis so that a
// worker loads only the reader.

/** The file read into a snapshot, or the result that says why it could not be. */
export async function readSnapshot(file: string): Promise<{ wb: WorkbookSnapshot } | { failed: FileResult }> {
  try {
    return { wb: await readWorkbookFile(file) };
  } catch (e) {
    return { failed: fileFailed(file, e) };
  }
}

/** The result for a file that could not be read or analysed; never blames the unit for a bug of ours. */
export function fileFailed(file: string, e: unknown): FileResult {
  return failedResult(file, failureOf(e, basename(file)));
}
