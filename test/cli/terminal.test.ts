import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { escapeTerminal, guardTerminal } from "../../src/cli/terminal";

/** What reaches the terminal: control characters from files shown, never obeyed; a closed pipe is quiet. */
describe("escapeTerminal", () => {
  it("shows ESC, CR, BEL, backspace, DEL and the C1 CSI as visible escapes", () => {
    expect(escapeTerminal("Xã A\u001b[2J\u001b[H0 lỗi")).toBe("Xã A\\x1b[2J\\x1b[H0 lỗi");
    expect(escapeTerminal("12 errors\r0 errors")).toBe("12 errors\\x0d0 errors");
    expect(escapeTerminal("a\u0007b\u0008c\u007fd\u009b31m")).toBe("a\\x07b\\x08c\\x7fd\\x9b31m");
    expect(escapeTerminal("\u0000")).toBe("\\x00");
  });

  it("shows the bidirectional overrides that reorder what the eye reads", () => {
    expect(escapeTerminal("abc\u202edef")).toBe("abc\\u202edef");
    expect(escapeTerminal("\u2066x\u2069")).toBe("\\u2066x\\u2069");
  });

  it("keeps Vietnamese text, tabs, line breaks and the box and tick characters as they are", () => {
    const text = "✓ Phường Đông Hoà — điểm 84,85\n\t✗ Xã Tiến Lợi │ ▇▇▇";
    expect(escapeTerminal(text)).toBe(text);
  });
});

describe("guardTerminal", () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });

  function streams() {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const read = (s: PassThrough) => () => String(s.read() ?? "");
    return { stdout, stderr, out: read(stdout), err: read(stderr) };
  }

  it("every console line is escaped, stdout and stderr alike", () => {
    const s = streams();
    restore = guardTerminal(s);
    console.log("✓ %s", "Xã\u001b]0;pwned\u0007 A");
    console.error("! tệp \u001b[31mđỏ\u001b[0m.xlsx");
    restore();
    restore = null;
    expect(s.out()).toBe("✓ Xã\\x1b]0;pwned\\x07 A\n");
    expect(s.err()).toBe("! tệp \\x1b[31mđỏ\\x1b[0m.xlsx\n");
  });

  it("after EPIPE nothing more is written and nothing is thrown", () => {
    const s = streams();
    restore = guardTerminal(s);
    s.stdout.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    expect(() => console.log("after the reader left")).not.toThrow();
    restore();
    restore = null;
    expect(s.out()).toBe("");
  });

  it("puts the console back", () => {
    const before = console.log;
    guardTerminal(streams())();
    expect(console.log).toBe(before);
  });
});
