import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  afterAll,
  beforeAll,
  beforeEach,
  afterEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from "vitest";
import { run } from "../../src/cli/main";

/**
 * #24 item 6, the sweep at run time: the usage errors a user reaches by mistyping a command, each said in
 * the language asked for and only in it. In-process (run(), one reader thread: none started), every
 * command line refused before any file is read. The user's own words (quoted, option names) are theirs.
 */
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
const ENGLISH =
  /\b(the|is|are|was|of|and|or|not|it|this|that|with|without|for|from|by|its|into|open|save|send|ask|file|files|limit|rows?|columns?|sheets?|bytes|cannot|only|choose|given|twice|found|takes|must|give|unknown|missing|expected|see|usage|command|option|argument)\b/i;
const SHARED = [/"[^"]*"|“[^”]*”|'[^']*'/g, /--?[a-zA-Z][a-zA-Z-]*(=[^\s,;)]*)?/g, /par-index/g];
const ours = (text: string) => SHARED.reduce((t, shared) => t.replace(shared, " "), text);

let dir: string;
let stderr: MockInstance;
let stdout: MockInstance;
const printed = () => stderr.mock.calls.map((c) => String(c[0])).join("");
const threads = process.env.PAR_INDEX_THREADS;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "par-index-usage-words-"));
  process.env.PAR_INDEX_THREADS = "1";
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (threads === undefined) delete process.env.PAR_INDEX_THREADS;
  else process.env.PAR_INDEX_THREADS = threads;
});
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterEach(() => {
  stderr.mockRestore();
  stdout.mockRestore();
});

const MISTAKES: string[][] = [
  ["nope"],
  ["rank", "--x"],
  ["rank", "--rubric"],
  ["rank", "--columns", "self=A,self=B"],
  ["rank", "--columns", "bad"],
  ["rank", "--columns", "self=A,evidence=A"],
  ["rank", "--columns", "self=AAAA"],
  ["rank", "--basis", "xx"],
  ["rank", "--basis", "index", "--by", "self"],
  ["sample", "extra"],
  ["sample", "-o", "OUT", "--count", "abc"],
  ["sample", "-o", "OUT", "--appraisal", "7"],
  ["rank", "--by", "nobody"],
  ["intake"],
  ["demo", "--count", "0"],
  ["validate"],
  ["diff", "a.xlsx"],
  ["template"],
  ["rubric"],
];

describe("usage errors at run time, one language each", () => {
  for (const argv of MISTAKES) {
    it(argv.join(" "), async () => {
      for (const lang of ["vi", "en"] as const) {
        stderr.mockClear();
        const local = argv.map((a) => (a === "a.xlsx" ? join(dir, a) : a === "OUT" ? join(dir, "out") : a));
        const code = await run([...local, "--lang", lang]);
        const text = printed();
        expect(text).not.toBe("");
        expect(code).toBe(2);
        if (lang === "vi") expect(ours(text)).not.toMatch(ENGLISH);
        else expect(ours(text)).not.toMatch(VIETNAMESE);
      }
    });
  }
});

describe("the sweep's own check", () => {
  it("catches Node's English in a Vietnamese text and Vietnamese in an English one", () => {
    expect(ours("Không có tuỳ chọn --x. To specify a positional argument, use '--'")).toMatch(ENGLISH);
    expect(ours("--columns: the role self is given twice (vai trò)")).toMatch(VIETNAMESE);
  });
});
