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

/**
 * Text from a file (a unit's name, a file's name) printed inside one of our lines: its line breaks and
 * tabs shown as `\n`, `\r`, `\t`, so a name cannot forge a line of output ("✓ Xã A: 0 lỗi").
 */
export function oneLine(text: string): string {
  return text.replace(/[\n\r\t\u2028\u2029]/g, (c) =>
    c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16)}`,
  );
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
  for (const stream of [streams.stdout, streams.stderr]) quietOnClose(stream);
  const saved = new Map<ConsoleMethod, (typeof console)[ConsoleMethod]>();
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
  };
}

/** Streams whose reader went away: nothing more is written to them. */
const closed = new WeakSet<NodeJS.WritableStream>();
const listening = new WeakSet<NodeJS.WritableStream>();

/**
 * An EPIPE arrives as an 'error' event after the write that met it; with no listener Node throws it as an
 * unhandled error. The listener stays for the life of the stream (once per stream, however many runs).
 */
function quietOnClose(stream: NodeJS.WritableStream): void {
  if (listening.has(stream)) return;
  listening.add(stream);
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") closed.add(stream);
    else throw error;
  });
}
