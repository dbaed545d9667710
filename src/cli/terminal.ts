import { format } from "node:util";

/**
 * Everything the CLI prints goes through here, because what it prints comes from untrusted files: a unit
 * name with an escape sequence (even one decoded from `&#x1b;` in the XML) could clear the screen and
 * draw a fake "0 lỗi", a carriage return could overwrite the verdict. Such characters are shown as
 * visible escapes instead, so the user sees that they are there and the terminal obeys none of them.
 */

// C0 controls except tab and line feed (which our own layout uses), DEL, the C1 block (0x80–0x9f: a
// terminal reads U+009B as ESC [), and the bidirectional overrides that reorder what the eye reads.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every terminal control character written as a visible `\xNN` / `\uNNNN` escape. */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

type ConsoleMethod = "log" | "info" | "debug" | "error" | "warn";
const TO_STDOUT: readonly ConsoleMethod[] = ["log", "info", "debug"];
const TO_STDERR: readonly ConsoleMethod[] = ["error", "warn"];

/**
 * Routes `console.*` through `escapeTerminal` — the one place where lines reach stdout and stderr, so the
 * commands and the renderer need not remember to escape — and makes a closed pipe (`| head`) end output
 * quietly: the command still finishes its work (a ranking file is still written) and returns its code.
 * Returns the function that puts the console back (for runs inside a test process).
 */
export function guardTerminal(
  streams: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = {
    stdout: process.stdout,
    stderr: process.stderr,
  },
): () => void {
  const saved = new Map<ConsoleMethod, (typeof console)[ConsoleMethod]>();
  const closed = new Set<NodeJS.WritableStream>();
  const onError = (stream: NodeJS.WritableStream) => (error: NodeJS.ErrnoException) => {
    // The reader went away: nothing more can be shown, and that is not a failure of the command.
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") closed.add(stream);
    else throw error;
  };
  const handlers = new Map([
    [streams.stdout, onError(streams.stdout)],
    [streams.stderr, onError(streams.stderr)],
  ]);
  for (const [stream, handler] of handlers) stream.on("error", handler);
  const writer =
    (stream: NodeJS.WritableStream) =>
    (...args: unknown[]) => {
      if (closed.has(stream)) return;
      stream.write(`${escapeTerminal(format(...args))}\n`);
    };
  for (const method of TO_STDOUT) {
    saved.set(method, console[method]);
    console[method] = writer(streams.stdout);
  }
  for (const method of TO_STDERR) {
    saved.set(method, console[method]);
    console[method] = writer(streams.stderr);
  }
  return () => {
    for (const [method, fn] of saved) console[method] = fn;
    // The listeners stay: an EPIPE can still arrive for a line already written.
  };
}
