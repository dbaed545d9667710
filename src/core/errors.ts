/**
 * One error contract for every surface (pane, ribbon, CLI): an error a user can act on carries a stable
 * `code` and its message in both languages. The edges print it with `toText`, and never guess a shape.
 */
import type { Text } from "./finding";

export class UserError extends Error {
  readonly code: string;
  readonly text: Text;
  constructor(code: string, text: Text, options?: { cause?: unknown }) {
    super(text.en);
    this.name = "UserError";
    this.code = code;
    this.text = text;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A failure we did not foresee: a bug of ours, worded for the user with what to do about it. */
export function unexpectedText(error: unknown): Text {
  const detail = error instanceof Error ? error.message || error.name : String(error);
  return {
    vi: `Lỗi ngoài dự kiến: ${detail}. Đây là lỗi của chương trình, không phải của tệp; xin báo cho nhóm phát triển kèm tệp và thao tác vừa làm.`,
    en: `Unexpected error: ${detail}. This is a bug in the program, not in your file; please report it with the file and what you did.`,
  };
}

/** The words to show for any thrown thing, in the user's language. */
export function toText(error: unknown, lang: keyof Text): string {
  return errorText(error)[lang];
}

/** Both languages of any failure, for views that keep it and show it in the language of the moment. */
export function errorText(error: unknown): Text {
  return isUserError(error) ? error.text : unexpectedText(error);
}
