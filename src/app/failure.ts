/**
 * What a face says when a file could not be analysed. A `UserError` (a file the reader refuses, a bad
 * rubric) says what is wrong with the file; anything else is our bug and says so — never "the file could
 * not be read" for a failure of the program. One wording for the CLI, the pane's tabs and the page.
 */
import { isUserError } from "../core/errors";
import type { Text } from "../core/finding";

export interface Failure {
  /** The UserError's stable code (a FileReadError's reason), or "internal-error" for a bug of ours. */
  reason: string;
  message: Text;
}

export function failureOf(error: unknown, file: string): Failure {
  if (isUserError(error)) return { reason: error.code, message: error.text };
  const why = error instanceof Error ? error.message || error.name : String(error);
  // Not the file's fault: say so, so the appraiser reports it instead of blaming the unit.
  return {
    reason: "internal-error",
    message: {
      vi: `${file}: lỗi của par-index khi xử lý tệp này (${why}). Tệp không bị thay đổi; vui lòng báo lỗi kèm tệp.`,
      en: `${file}: par-index failed on this file (${why}). The file was not changed; please report it with the file.`,
    },
  };
}
