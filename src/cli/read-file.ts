import { basename } from "node:path";
import type { WorkbookSnapshot } from "../core/snapshot";
import { FileReadError } from "../files/errors";
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
  if (e instanceof FileReadError) return failedResult(file, { reason: e.reason, message: e.text });
  const name = basename(file);
  // Not the file's fault: say so, so the appraiser reports it instead of blaming the unit.
  return failedResult(file, {
    reason: "internal-error",
    message: {
      vi: `${name}: lỗi của par-index khi xử lý tệp này (${errorText(e)}). Tệp không bị thay đổi; vui lòng báo lỗi kèm tệp.`,
      en: `${name}: par-index failed on this file (${errorText(e)}). The file was not changed; please report it with the file.`,
    },
  });
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
