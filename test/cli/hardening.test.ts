import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeWindows } from "../support/encodings";

/**
 * The command line against the cases (#13 points 3 and 7): inputs never overwritten whatever
 * the path, files created only with --force, non-regular files in folders, control characters in names,
 * a closed pipe, failures of the program itself. Run through the built launcher as users run it.
 */
const BIN = join(process.cwd(), "bin", "par-index.js");
let dir: string;
let units: string;
let unit: string;

function cli(args: string[], timeout = 60_000) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8", PAR_INDEX_LANG: "en", PAR_INDEX_THREADS: "1" },
    timeout,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack trace is what a user must never get: lines like "    at run (file:///…)". */
const STACK = /^\s+at .+[:(]/m;

function expectRefused(r: ReturnType<typeof cli>, ...named: RegExp[]) {
  expect(r.status).toBe(2);
  expect(r.stderr).not.toMatch(STACK);
  for (const n of named) expect(r.stderr).toMatch(n);
}

const bytes = (path: string) => readFileSync(path);

beforeAll(() => {
  if (!existsSync(join(process.cwd(), "build", "cli", "main.mjs")))
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  dir = mkdtempSync(join(tmpdir(), "par-index-hardening-"));
  units = join(dir, "units");
  expect(cli(["sample", "-o", units, "--count", "3", "--seed", "11"]).status).toBe(0);
  unit = join(units, readdirSync(units).sort()[0]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("an input is never overwritten", () => {
  it("rank -o through a symlink to an input", () => {
    const link = join(dir, "ranking-link.xlsx");
    symlinkSync(unit, link);
    const before = bytes(unit);
    expectRefused(cli(["rank", units, "-o", link]), /Refusing to overwrite an input/, /ranking-link\.xlsx/);
    expect(bytes(unit).equals(before)).toBe(true);
  });

  it("rank -o to a hard link of an input", () => {
    const hard = join(dir, "ranking-hard.xlsx");
    linkSync(unit, hard);
    const before = bytes(unit);
    expectRefused(cli(["rank", units, "-o", hard]), /Refusing to overwrite an input/);
    expect(bytes(unit).equals(before)).toBe(true);
  });

  it("rank -o into the input folder reached through a symlink", () => {
    const alias = join(dir, "alias");
    symlinkSync(units, alias);
    const before = bytes(unit);
    expectRefused(cli(["rank", units, "-o", join(alias, readdirSync(units).sort()[0])]));
    expect(bytes(unit).equals(before)).toBe(true);
  });

  it("rank -o = the --previous file", () => {
    const previous = join(dir, "last-year.json");
    writeFileSync(previous, cli(["rank", units, "--json"]).stdout);
    const before = bytes(previous);
    expectRefused(cli(["rank", units, "--previous", previous, "-o", previous]), /last-year\.json/);
    expect(bytes(previous).equals(before)).toBe(true);
  });

  it("rank -o = the --rubric file, and --survey", () => {
    const blank = join(dir, "province.xlsx");
    expect(cli(["template", "--rubric", "example-commune-2024", "-o", blank]).status).toBe(0);
    const before = bytes(blank);
    expectRefused(cli(["rank", units, "--rubric", blank, "-o", blank]));
    const survey = join(dir, "survey.csv");
    writeFileSync(survey, "Đơn vị,Điểm\nXã A,20\n");
    expectRefused(cli(["rank", units, "--survey", survey, "-o", survey]));
    expect(bytes(blank).equals(before)).toBe(true);
    expect(readFileSync(survey, "utf8")).toBe("Đơn vị,Điểm\nXã A,20\n");
  });

  it("validate --report = the --rubric template", () => {
    const blank = join(dir, "province-2.xlsx");
    expect(cli(["template", "--rubric", "example-commune-2024", "-o", blank]).status).toBe(0);
    const before = bytes(blank);
    expectRefused(cli(["validate", units, "--rubric", blank, "--report", blank]));
    expect(bytes(blank).equals(before)).toBe(true);
  });

  it("rubric import x.xlsx -o x.xlsx, even with --force", () => {
    const blank = join(dir, "import-me.xlsx");
    expect(cli(["template", "--rubric", "example-agency-2024", "-o", blank]).status).toBe(0);
    const before = bytes(blank);
    expectRefused(cli(["rubric", "import", blank, "-o", blank, "--force"]), /same file as the input/);
    expect(bytes(blank).equals(before)).toBe(true);
  });

  it("template --rubric r.json -o r.json, even with --force", () => {
    const json = join(dir, "r.json");
    const blank = join(dir, "for-r.xlsx");
    expect(cli(["template", "--rubric", "example-agency-2024", "-o", blank]).status).toBe(0);
    expect(cli(["rubric", "import", blank, "-o", json]).status).toBe(0);
    const before = bytes(json);
    expectRefused(cli(["template", "--rubric", json, "-o", json, "--force"]), /r\.json/);
    expect(bytes(json).equals(before)).toBe(true);
  });

  it("-o pointing at a folder is a clear message, not a stack trace", () => {
    const r = cli(["rank", units, "-o", join(dir, "units")]);
    expectRefused(r, /is a folder; the output must be a file name/);
  });
});

describe("creating commands replace nothing without --force", () => {
  it("sample over existing unit files is refused and the folder stays as it was; --force replaces", () => {
    const before = Object.fromEntries(readdirSync(units).map((f) => [f, bytes(join(units, f))]));
    expectRefused(
      cli(["sample", "-o", units, "--count", "3", "--seed", "11", "--defects"]),
      /already exists.*--force/,
    );
    for (const [f, b] of Object.entries(before)) expect(bytes(join(units, f)).equals(b)).toBe(true);
    const copy = join(dir, "units-copy");
    expect(cli(["sample", "-o", copy, "--count", "2", "--seed", "5"]).status).toBe(0);
    const first = join(copy, readdirSync(copy).sort()[0]);
    const ino = statSync(first).ino;
    expect(cli(["sample", "-o", copy, "--count", "2", "--seed", "5", "--force"]).status).toBe(0);
    expect(statSync(first).ino).not.toBe(ino); // replaced by rename, not rewritten in place
  });

  it("template -o over an existing file needs --force; rubric import -o too", () => {
    const blank = join(dir, "existing.xlsx");
    writeFileSync(blank, "someone's file");
    expectRefused(cli(["template", "-o", blank]), /already exists/);
    expect(readFileSync(blank, "utf8")).toBe("someone's file");
    expect(cli(["template", "-o", blank, "--force"]).status).toBe(0);
    const json = join(dir, "existing.json");
    writeFileSync(json, "{}");
    expectRefused(cli(["rubric", "import", blank, "-o", json]), /already exists/);
    expect(readFileSync(json, "utf8")).toBe("{}");
    expect(cli(["rubric", "import", blank, "-o", json, "--force"]).status).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).items.length).toBeGreaterThan(0);
  });
});

describe("folders with things that are not files", () => {
  it.skipIf(process.platform === "win32")(
    "a FIFO and a link to /dev/zero are skipped with a notice, the batch goes on",
    () => {
      const odd = join(dir, "odd");
      mkdirSync(odd);
      copyFileSync(unit, join(odd, "Xa-Thuong.xlsx"));
      expect(spawnSync("mkfifo", [join(odd, "Xa-Ong.xlsx")]).status).toBe(0);
      symlinkSync("/dev/zero", join(odd, "Xa-Zero.xlsx"));
      const r = cli(["validate", odd, "--json"], 20_000);
      expect(r.status).not.toBeNull(); // not killed by the timeout: nothing blocked
      expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(["Xa-Thuong.xlsx"]);
      expect(r.stderr).toMatch(/Xa-Ong\.xlsx: a pipe \(FIFO\)/);
      expect(r.stderr).toMatch(/Xa-Zero\.xlsx: a device/);
    },
  );
});

describe("the terminal", () => {
  it("control characters in a file name and in a unit name (decoded from &#x1b;) are shown escaped", () => {
    const evil = join(dir, "evil");
    mkdirSync(evil);
    copyFileSync(unit, join(evil, "Xa\u001b[2J.xlsx"));
    const parts = unzipSync(readFileSync(unit));
    const strings = strFromU8(parts["xl/sharedStrings.xml"]);
    const renamed = strings.replace(/(Đơn vị: )([^<]+)/, "$1&#x1b;[2J&#x1b;[H0 errors\r$2");
    expect(renamed).not.toBe(strings);
    parts["xl/sharedStrings.xml"] = strToU8(renamed);
    writeFileSync(join(evil, "Xa-Ten-La.xlsx"), zipSync(parts));
    const r = cli(["validate", evil]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for raw control characters.
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    expect(r.stdout).not.toMatch(raw);
    expect(r.stderr).not.toMatch(raw);
    expect(r.stdout).toContain("Xa\\x1b[2J.xlsx");
  });

  /** Runs the CLI with its stdout already closed by the reader, as `| head` does once it has its lines. */
  async function withClosedStdout(args: string[]) {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, PAR_INDEX_LANG: "en", PAR_INDEX_THREADS: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const status = await new Promise<number | null>((done) => child.on("close", done));
    return { status, stderr };
  }

  it("a reader that closes the pipe (| head) ends the run quietly with its normal exit code", async () => {
    const blank = join(dir, "for-pipe.xlsx");
    expect(cli(["template", "--rubric", "example-agency-2024", "-o", blank]).status).toBe(0);
    // rubric import without -o writes the JSON to stdout, then its summary to stderr.
    const r = await withClosedStdout(["rubric", "import", blank]);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|Unexpected/);
    expect(r.stderr).toMatch(/Rubric ".*": \d+ areas/);
    expect(r.status).toBe(0);
  });

  it("with stdout closed, rank still writes its -o file and exits as usual", async () => {
    const out = join(dir, "ranking-piped.xlsx");
    const r = await withClosedStdout(["rank", units, "-o", out]);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|Unexpected/);
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it("a 1,000-level rubric never gives a stack trace: a bilingual message, exit 2 (rubric refused) or 3 (our bug)", () => {
    let node = { code: "1.0", label: "deepest", max: 1 } as Record<string, unknown>;
    for (let i = 999; i >= 1; i--) node = { code: `1.${i}`, label: `level ${i}`, max: 1, children: [node] };
    const deep = join(dir, "deep.json");
    writeFileSync(deep, JSON.stringify({ id: "deep", name: "Deep", year: 2024, items: [node] }));
    const r = cli(["validate", units, "--rubric", deep]);
    expect([2, 3]).toContain(r.status);
    expect(r.stderr).not.toMatch(STACK);
    if (r.status === 3) expect(r.stderr).toMatch(/Unexpected error: .*please report it/);
    const vi = spawnSync(process.execPath, [BIN, "validate", units, "--rubric", deep, "--lang", "vi"], {
      encoding: "utf8",
    });
    if (vi.status === 3) expect(vi.stderr).toMatch(/Lỗi ngoài dự kiến: .*xin báo cho nhóm phát triển/);
  });
});

describe("#24: inputs never deleted or written into, outputs named safely, write failures said", () => {
  const twoHoursAgo = () => new Date(Date.now() - 2 * 3_600_000);

  it("validate .r.xlsx.1.aaaaaaaaaaaa.tmp --report r.xlsx: the input named like a stale temporary file stays", () => {
    const odd = join(dir, "odd-temp");
    mkdirSync(odd);
    const disguised = join(odd, ".r.xlsx.1.aaaaaaaaaaaa.tmp");
    copyFileSync(unit, disguised);
    utimesSync(disguised, twoHoursAgo(), twoHoursAgo());
    const before = bytes(disguised);
    const r = cli(["validate", disguised, "--report", join(odd, "r.xlsx")]);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(disguised)).toBe(true);
    expect(bytes(disguised).equals(before)).toBe(true);
  });

  it("appraisal -o a link to the input folder, or -o units/..x, is refused and writes nothing there", () => {
    const before = readdirSync(units).sort();
    const link = join(dir, "out_link");
    symlinkSync(units, link);
    expectRefused(cli(["appraisal", units, "-o", link]), /inside the input folder/);
    expectRefused(cli(["appraisal", units, "-o", `${units}/..x`]), /inside the input folder/);
    expect(readdirSync(units).sort()).toEqual(before);
  });

  it("a legal 245-byte input name: the result's name is cut with a hash, exit 0", () => {
    const long = join(dir, "long-name");
    mkdirSync(long);
    const name = `${"Xã Rất Dài ".repeat(40)}`.slice(0, 200);
    const base = Buffer.from(name)
      .subarray(0, 240)
      .toString()
      .replace(/\uFFFD+$/, "");
    copyFileSync(unit, join(long, `${base}.xlsx`));
    const out = join(dir, "long-out");
    const r = cli(["appraisal", long, "-o", out]);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.status).toBe(0);
    const written = readdirSync(out);
    expect(written).toHaveLength(1);
    expect(Buffer.byteLength(written[0])).toBeLessThanOrEqual(255);
    expect(written[0]).toMatch(/~[0-9a-f]{8} - Ket qua tham dinh\.xlsx$/);
  });

  it("appraisal replaces an existing result only with --force", () => {
    const out = join(dir, "appraisal-force");
    expect(cli(["appraisal", units, "-o", out]).status).toBe(0);
    const first = join(out, readdirSync(out).sort()[0]);
    writeFileSync(first, "the appraiser's edited copy");
    expectRefused(cli(["appraisal", units, "-o", out]), /already exists.*--force/);
    expect(readFileSync(first, "utf8")).toBe("the appraiser's edited copy");
    expect(cli(["appraisal", units, "-o", out, "--force"]).status).toBe(0);
    expect(readFileSync(first, "utf8")).not.toBe("the appraiser's edited copy");
  });

  it("-o afile/x.xlsx under an existing file: exit 2 naming the path and the cause, not exit 3", () => {
    writeFileSync(join(dir, "afile"), "x");
    const r = cli(["rank", units, "-o", join(dir, "afile", "x.xlsx")]);
    expectRefused(r, /afile\/x\.xlsx: part of the path is a file, not a folder/);
  });

  it("a newline in a file name neither forges an output line nor reaches a written name", () => {
    const nl = join(dir, "newline");
    mkdirSync(nl);
    copyFileSync(unit, join(nl, "Xa A\n✓ Xa B.xlsx"));
    const out = join(dir, "newline-out");
    const r = cli(["appraisal", nl, "-o", out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual(["Xa A_✓ Xa B - Ket qua tham dinh.xlsx"]);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("✓"))).toHaveLength(1);
  });
});

describe("#24: side files bounded before reading, in any encoding Excel saves (child processes, 256 MB heap)", () => {
  /** The CLI with a capped heap: a file read whole before its limit would be killed, not pass. */
  function capped(args: string[]) {
    const started = Date.now();
    const r = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, PAR_INDEX_LANG: "en", PAR_INDEX_THREADS: "1" },
      timeout: 60_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
  }

  it("a 1 GB survey file is refused from its size, naming the limit", () => {
    const big = join(dir, "survey-1gb.csv");
    writeFileSync(big, "");
    truncateSync(big, 1024 ** 3);
    const r = capped(["rank", units, "--survey", big]);
    expectRefused(r, /survey-1gb\.csv: the file is over the limit \(1\.9 MB for CSV\/JSON/);
  });

  it("a 1.9 MB field under the size cap: refused naming the field limit, never echoed", () => {
    const field = join(dir, "survey-field.csv");
    writeFileSync(field, `Đơn vị,Điểm\n"Xã ${"A".repeat(1_900_000)}",20\n`);
    const r = capped(["rank", units, "--survey", field]);
    expectRefused(r, /line 2: a field longer than 10,000 characters/);
    expect(r.stderr.length).toBeLessThan(2_000);
  });

  it("intake --expected with 100,000 names is refused before it is parsed, naming the limit", () => {
    const list = join(dir, "expected-100k.csv");
    writeFileSync(list, `Đơn vị\n${Array.from({ length: 100_000 }, (_, i) => `Xã Số ${i}`).join("\n")}\n`);
    const r = capped(["intake", units, "--expected", list, "-o", join(dir, "intake-100k.xlsx")]);
    expectRefused(r, /expected-100k\.csv: it has 100,001 rows, over the limit of 5,050/);
    expect(existsSync(join(dir, "intake-100k.xlsx"))).toBe(false);
  });

  it("--previous with 100,000 units (4 MB of JSON) is refused naming the row limit", () => {
    const prev = join(dir, "previous-100k.json");
    writeFileSync(
      prev,
      JSON.stringify(Array.from({ length: 100_000 }, (_, i) => ({ unit: `X${i}`, rank: i + 1, score: 50 }))),
    );
    expectRefused(
      capped(["rank", units, "--previous", prev]),
      /it has 100,000 rows, over the limit of 5,000/,
    );
  });

  it("an expected-units list saved as UTF-16 (BOM) or Windows-1258 finds every unit", () => {
    const names: string[] = JSON.parse(cli(["intake", units, "--json"]).stdout).rows.map(
      (r: { unit: string }) => r.unit,
    );
    expect(names.length).toBe(3);
    const text = `Đơn vị\r\n${names.join("\r\n")}\r\n`;
    const le = join(dir, "expected-utf16.csv");
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const cp = join(dir, "expected-1258.csv");
    writeFileSync(cp, encodeWindows(text, "windows-1258"));
    for (const list of [le, cp]) {
      const r = cli(["intake", units, "--expected", list, "--json"]);
      const counts = JSON.parse(r.stdout).counts;
      expect([list, counts.missing, counts["not-on-list"], counts.received]).toEqual([list, 0, 0, 3]);
    }
  });
});

describe("#24: smaller items", () => {
  it("diff a.xlsx a.xlsx, or through a link, says it is the same file (it said '0 changes')", () => {
    const link = join(dir, "same-link.xlsx");
    symlinkSync(unit, link);
    expectRefused(cli(["diff", unit, unit]), /are the same file/);
    expectRefused(cli(["diff", unit, link]), /same-link\.xlsx are the same file/);
  });

  it("an expected list with no units: its error printed once", () => {
    const empty = join(dir, "empty-list.csv");
    writeFileSync(empty, "\n");
    const r = cli(["intake", units, "--expected", empty]);
    expectRefused(r, /empty-list\.csv: no list of units found/);
    expect(r.stderr.match(/no list of units found/g)).toHaveLength(1);
  });

  it("an unknown option, in Vietnamese: no English of Node's", () => {
    const r = spawnSync(process.execPath, [BIN, "rank", units, "--x", "--lang", "vi"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Không có tuỳ chọn --x cho lệnh này\. Các tuỳ chọn được dùng: --rubric …/);
    expect(r.stderr).not.toMatch(/Unknown|positional/);
  });
});

describe("#24 item 6: options checked — a usage error (exit 2) in the user's language only (child processes, 256 MB heap)", () => {
  /** Vietnamese letters with their marks: none may appear in an English message but in the user's own names. */
  const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
  /** English words of our messages and of Node's: none may appear in a Vietnamese one. */
  const ENGLISH = /\b(the|only|choose|Unknown|option|given|twice|positional|argument|found|not)\b/;

  function withoutLang(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const { PAR_INDEX_LANG, LC_ALL, LC_MESSAGES, LANG, ...rest } = env;
    return rest;
  }

  function usage(args: string[], lang: "vi" | "en") {
    const r = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, ...args, "--lang", lang], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, LANG: "C", PAR_INDEX_LANG: "", PAR_INDEX_THREADS: "1" },
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe("");
    // The user's own names (sheets, files in quotes or brackets) are theirs; the rest is in one language.
    const ours = r.stderr.replace(/"[^"]*"|\([^)]*\.xlsx\)/g, "");
    if (lang === "en") expect(ours).not.toMatch(VIETNAMESE);
    else expect(ours).not.toMatch(ENGLISH);
    return r.stderr;
  }

  it("--columns self=A,self=B: the role given twice", () => {
    expect(usage(["rank", units, "--columns", "self=A,self=B"], "en")).toMatch(
      /^--columns: the role self is given twice; one column per role/,
    );
    expect(usage(["rank", units, "--columns", "self=A,self=B"], "vi")).toMatch(
      /^--columns: vai trò self được chỉ hai lần; mỗi vai trò một cột/,
    );
  });

  it("a column outside the table: validate, score and rank refuse it once, before writing anything", () => {
    const report = join(dir, "outside-report.xlsx");
    const ranking = join(dir, "outside-ranking.xlsx");
    const runs = [
      ["validate", units, "--columns", "self=ZZ", "--report", report],
      ["score", units, "--columns", "self=ZZ"],
      ["rank", units, "--columns", "self=ZZ", "-o", ranking],
    ];
    for (const args of runs) {
      const en = usage(args, "en");
      expect(en).toMatch(
        /^--columns self=ZZ: the table on sheet "Biểu chấm điểm" \(file .+\.xlsx\) has only columns A–G; choose a column from A to G\. 2 more sheets lack this column too\.\n$/,
      );
      const vi = usage(args, "vi");
      expect(vi).toMatch(
        /^--columns self=ZZ: bảng của trang "Biểu chấm điểm" \(tệp .+\.xlsx\) chỉ có các cột A–G; chọn một cột từ A đến G\./,
      );
    }
    expect(existsSync(report)).toBe(false);
    expect(existsSync(ranking)).toBe(false);
  });

  it("a mistake in --lang is said in the environment's language (it was always Vietnamese)", () => {
    const r = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, "rank", units, "--lang", "xx"], {
      encoding: "utf8",
      env: { ...withoutLang(process.env), LANG: "en_US.UTF-8" },
    });
    expect([r.status, r.stderr]).toEqual([2, '--lang takes vi or en (got "xx").\n']);
  });

  it("diff of one file reached through a linked folder, a hard link or '..': the same file, in each language", () => {
    const folderLink = join(dir, "units-link");
    symlinkSync(units, folderLink);
    const hard = join(dir, "diff-hard.xlsx");
    linkSync(unit, hard);
    const name = unit.slice(units.length + 1);
    for (const other of [join(folderLink, name), hard, `${units}/../units/${name}`]) {
      expect(usage(["diff", unit, other], "en")).toMatch(
        / are the same file; give the earlier version and the resubmission/,
      );
      expect(usage(["diff", unit, other], "vi")).toMatch(
        / là cùng một tệp; hãy chỉ bản trước và bản nộp lại/,
      );
    }
  });

  it("an argument a command does not take is refused, not ignored (sample, template, rubrics, rubric import)", () => {
    const out = join(dir, "extra-out");
    const runs = [
      ["sample", "extra", "-o", out, "--count", "1"],
      ["template", "extra", "--rubric", "example-commune-2024", "-o", join(out, "t.xlsx")],
      ["rubrics", "extra"],
    ];
    for (const args of runs) {
      expect(usage(args, "en")).toMatch(
        /^Unexpected argument "extra": this command takes no files or folders\. Usage: par-index /,
      );
      expect(usage(args, "vi")).toMatch(
        /^Thừa tham số "extra": lệnh này không nhận tệp hay thư mục nào\. Cách dùng: par-index /,
      );
    }
    expect(usage(["rubric", "import", unit, "b.xlsx", "-o", join(out, "r.json")], "en")).toMatch(
      /^Unexpected argument "b\.xlsx": this command takes only 1 file\./,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("an input that does not exist: one language, not 'không tồn tại / not found' in both", () => {
    expect(usage(["validate", "missing.xlsx"], "en")).toBe(
      "missing.xlsx: cannot read the file (not found).\n",
    );
    expect(usage(["validate", "missing.xlsx"], "vi")).toBe(
      "missing.xlsx: không đọc được tệp (không tồn tại).\n",
    );
  });

  it("intake and appraisal take --columns too: outside the table refused before writing, inside applied", () => {
    const intakeOut = join(dir, "intake-outside.xlsx");
    const appraisalOut = join(dir, "appraisal-outside");
    for (const args of [
      ["intake", units, "--columns", "self=ZZ", "-o", intakeOut],
      ["appraisal", units, "--columns", "self=ZZ", "-o", appraisalOut],
    ]) {
      expect(usage(args, "en")).toMatch(
        /^--columns self=ZZ: the table on sheet "Biểu chấm điểm" .* has only columns A–G/,
      );
      expect(usage(args, "vi")).toMatch(
        /^--columns self=ZZ: bảng của trang "Biểu chấm điểm" .* chỉ có các cột A–G/,
      );
    }
    expect(existsSync(intakeOut)).toBe(false);
    expect(existsSync(appraisalOut) ? readdirSync(appraisalOut) : []).toEqual([]);
    const r = cli(["appraisal", units, "--columns", "self=E,evidence=F", "-o", appraisalOut]);
    expect([r.status, readdirSync(appraisalOut).length]).toEqual([0, 3]);
    // Applied: self scores read from the maximum column (C) make every unit's self total the maximum.
    const totals = (args: string[]) =>
      JSON.parse(cli(["intake", units, "--json", ...args]).stdout).rows.map(
        (row: { submission: { selfTotal: number } }) => row.submission.selfTotal,
      );
    expect(totals([])).not.toEqual([75, 75, 75]);
    expect(totals(["--columns", "self=C"])).toEqual([75, 75, 75]);
  });

  it("a side file or rubric template that does not exist: the reason in one language (files/node.ts)", () => {
    expect(usage(["rank", units, "--survey", "nope.csv"], "en")).toBe(
      "nope.csv: cannot read the file (not found).\n",
    );
    expect(usage(["rank", units, "--survey", "nope.csv"], "vi")).toBe(
      "nope.csv: không đọc được tệp (không tồn tại).\n",
    );
    expect(usage(["rubric", "import", "nope.xlsx", "-o", "nope-rubric.json"], "en")).toBe(
      "nope.xlsx: cannot read the file (not found).\n",
    );
    expect(usage(["rubric", "import", "nope.xlsx", "-o", "nope-rubric.json"], "vi")).toBe(
      "nope.xlsx: không đọc được tệp (không tồn tại).\n",
    );
  });

  it("a folder given as the survey table: 'is a folder' in one language", () => {
    expect(usage(["rank", units, "--survey", units], "en")).toBe(
      "units: cannot read the file (is a folder).\n",
    );
    expect(usage(["rank", units, "--survey", units], "vi")).toBe("units: không đọc được tệp (là thư mục).\n");
  });

  it("demo --count is refused as an unknown option (it was accepted and did nothing), before writing anything", () => {
    expect(usage(["demo", "--count", "3"], "en")).toBe(
      "Unknown option --count for this command. Allowed options: --out …, --lang, --help.\n",
    );
    expect(usage(["demo", "--count", "3"], "vi")).toBe(
      "Không có tuỳ chọn --count cho lệnh này. Các tuỳ chọn được dùng: --out …, --lang, --help.\n",
    );
    expect(existsSync(join(dir, "demo-output"))).toBe(false);
  });

  it("an unknown option, in each language, names it and lists the allowed ones", () => {
    expect(usage(["rank", units, "--x"], "en")).toMatch(
      /^Unknown option --x for this command\. Allowed options: --rubric …, --columns …/,
    );
    expect(usage(["validate", units, "--x"], "vi")).toMatch(
      /^Không có tuỳ chọn --x cho lệnh này\. Các tuỳ chọn được dùng: --rubric …, --columns …/,
    );
    // diff takes no --columns (its two versions may lay columns out differently): said, not ignored.
    expect(usage(["diff", unit, unit, "--columns", "self=E"], "vi")).toMatch(
      /^Không có tuỳ chọn --columns cho lệnh này\./,
    );
  });
});
