import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { UsageError } from "../../src/cli/args";
import { EXIT_UNEXPECTED, run } from "../../src/cli/main";
import { FileReadError } from "../../src/files/errors";

/** What the command throws, per test: the command module is replaced so any failure can be staged. */
const failure = vi.hoisted(() => ({ error: null as unknown }));
vi.mock("../../src/cli/commands/template", () => ({
  default: async () => {
    throw failure.error;
  },
}));

/** How `par-index` ends when a command fails: one bilingual line, the right exit code, never a stack. */
describe("run: failures reach the user in their language", () => {
  let stderr: MockInstance;
  const printed = () => stderr.mock.calls.map((c) => String(c[0])).join("");

  beforeEach(() => {
    stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  });
  afterEach(() => {
    stderr.mockRestore();
    delete process.env.PAR_INDEX_DEBUG;
  });

  it("an unforeseen error is exit 3 (not the usage code 2), worded with a hint to report it, no stack", async () => {
    failure.error = new TypeError("Cannot read properties of undefined (reading 'max')");
    expect(await run(["template", "--lang", "en"])).toBe(EXIT_UNEXPECTED);
    expect(EXIT_UNEXPECTED).toBe(3);
    expect(printed()).toMatch(/^Unexpected error: Cannot read properties .*please report it/);
    expect(printed()).not.toMatch(/^\s+at /m);
  });

  it("in Vietnamese when the user's language is Vietnamese", async () => {
    failure.error = new RangeError("Maximum call stack size exceeded");
    expect(await run(["template", "--lang", "vi"])).toBe(3);
    expect(printed()).toMatch(/^Lỗi ngoài dự kiến: Maximum call stack size exceeded\. .*xin báo/);
  });

  it("PAR_INDEX_DEBUG=1 adds the stack for the developer", async () => {
    process.env.PAR_INDEX_DEBUG = "1";
    failure.error = new Error("boom");
    expect(await run(["template", "--lang", "en"])).toBe(3);
    expect(printed()).toMatch(/^\s+at /m);
  });

  it("a user's error (usage, unreadable side file) is exit 2 with its own words", async () => {
    failure.error = new FileReadError("empty-file", "rubric.xlsx");
    expect(await run(["template", "--lang", "en"])).toBe(2);
    expect(printed()).toBe("rubric.xlsx: the file is empty (0 bytes).\n");
    stderr.mockClear();
    failure.error = new UsageError({ vi: "Thiếu -o.", en: "Missing -o." });
    expect(await run(["template", "--lang", "vi"])).toBe(2);
    expect(printed()).toBe("Thiếu -o.\n");
  });

  it("a thrown non-Error (a string) is still a sentence, exit 3", async () => {
    failure.error = "\u001b[2Jfake";
    expect(await run(["template", "--lang", "en"])).toBe(3);
    expect(printed()).toMatch(/^Unexpected error: \\x1b\[2Jfake\./);
  });
});
