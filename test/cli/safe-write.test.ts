import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args";
import {
  checkOutputFolder,
  checkOutputPath,
  forgetInputs,
  noteCommandLineInputs,
  noteInputs,
  physicalPath,
  writeFileSafely,
} from "../../src/cli/safe-write";
import { WriteError } from "../../src/cli/write-error";

/** The one writer every command goes through: inputs by identity, atomic replacement, --force. */
let dir: string;
let input: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "par-index-safe-write-"));
  input = join(dir, "units", "Xa-A.xlsx");
  mkdirSync(join(dir, "units"));
  writeFileSync(input, "the unit's own workbook");
  forgetInputs();
});
afterEach(() => {
  forgetInputs();
  rmSync(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe("an output is never one of the inputs, however the path reaches it", () => {
  it("a symlink to an input is refused, naming both paths, and the input is untouched", async () => {
    noteInputs([input]);
    const link = join(dir, "ranking.xlsx");
    symlinkSync(input, link);
    const e = await refusal(writeFileSafely(link, "ranking"));
    expect(e.text.en).toContain(link);
    expect(e.text.en).toContain(input);
    expect(e.text.vi).toContain("Không ghi đè lên tệp đầu vào");
    expect(readFileSync(input, "utf8")).toBe("the unit's own workbook");
  });

  it("a hard link to an input (another name, the same inode) is refused", async () => {
    noteInputs([input]);
    const hard = join(dir, "copy.xlsx");
    linkSync(input, hard);
    await refusal(writeFileSafely(hard, "ranking"));
    expect(readFileSync(input, "utf8")).toBe("the unit's own workbook");
  });

  it("a folder reached through a symlink leads to the same file", async () => {
    noteInputs([input]);
    symlinkSync(join(dir, "units"), join(dir, "alias"));
    await refusal(writeFileSafely(join(dir, "alias", "Xa-A.xlsx"), "ranking"));
    expect(readFileSync(input, "utf8")).toBe("the unit's own workbook");
  });

  it("inputs given with the call are checked too (the commands' own lists)", async () => {
    await refusal(writeFileSafely(input, "x", { inputs: [join(dir, "units", "..", "units", "Xa-A.xlsx")] }));
  });

  it("every command-line value but the outputs is an input (--rubric, --previous, --survey, positionals)", async () => {
    const rubric = join(dir, "rubric.json");
    const previous = join(dir, "last.json");
    writeFileSync(rubric, "{}");
    writeFileSync(previous, "{}");
    noteCommandLineInputs([
      "units",
      "--rubric",
      rubric,
      `--previous=${previous}`,
      "-o",
      join(dir, "out.xlsx"),
    ]);
    await refusal(writeFileSafely(rubric, "x"));
    await refusal(writeFileSafely(previous, "x"));
    // The output named on the command line is not an input: replacing last run's ranking is the point.
    writeFileSync(join(dir, "out.xlsx"), "last run");
    await writeFileSafely(join(dir, "out.xlsx"), "this run");
    expect(readFileSync(join(dir, "out.xlsx"), "utf8")).toBe("this run");
  });

  it("a folder as the output is a clear usage error, not EISDIR", async () => {
    const e = await refusal(writeFileSafely(join(dir, "units"), "x"));
    expect(e.text.en).toMatch(/is a folder; the output must be a file name/);
  });
});

describe("never into an input folder, by identity of the folder and its parents", () => {
  beforeEach(() => noteInputs([join(dir, "units")]));

  it("a file in the input folder, or in a folder inside it, is refused", async () => {
    const e = await refusal(checkOutputPath(join(dir, "units", "ranking.xlsx")));
    expect(e.text.en).toMatch(/inside the input folder .*units/);
    await refusal(checkOutputPath(join(dir, "units", "sub", "deeper", "ranking.xlsx")));
  });

  it("`units/..x` is a name inside units (not its parent), and is refused", async () => {
    await refusal(checkOutputPath(join(dir, "units", "..x")));
    await refusal(checkOutputFolder(`${join(dir, "units")}/..x`));
  });

  it("a link to the input folder, and `..` taken after a link, lead to the same folder", async () => {
    symlinkSync(join(dir, "units"), join(dir, "out_link"));
    await refusal(checkOutputFolder(join(dir, "out_link")));
    await refusal(checkOutputPath(join(dir, "out_link", "r.xlsx")));
    // elsewhere/link/.. is the parent of where the link points: the folder holding units, not elsewhere.
    mkdirSync(join(dir, "elsewhere", "deep"), { recursive: true });
    symlinkSync(join(dir, "units"), join(dir, "elsewhere", "deep", "to-units"));
    await refusal(checkOutputFolder(`${join(dir, "elsewhere", "deep", "to-units")}/../units`));
    expect(await physicalPath(`${join(dir, "elsewhere", "deep", "to-units")}/../x`)).toBe(
      join(realpathSync(dir), "x"),
    );
  });

  it("a folder beside the inputs is fine; a file given as the output folder is refused", async () => {
    expect(await checkOutputFolder(join(dir, "results"))).toBe(join(realpathSync(dir), "results"));
    await writeFileSafely(join(dir, "results", "a.xlsx"), "ok");
    const e = await refusal(checkOutputFolder(join(dir, "results", "a.xlsx")));
    expect(e.text.en).toMatch(/is a file, not a folder/);
  });
});

describe("a write the file system refuses is the user's to fix: a WriteError naming the path and cause", () => {
  it("-o afile/x.xlsx under an existing file", async () => {
    writeFileSync(join(dir, "afile"), "x");
    const e = await writeFileSafely(join(dir, "afile", "x.xlsx"), "y").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WriteError);
    expect((e as WriteError).text.en).toMatch(
      /afile\/x\.xlsx: part of the path is a file, not a folder \(ENOTDIR\)/,
    );
  });

  it("a name longer than the file system allows", async () => {
    const e = await writeFileSafely(join(dir, `${"x".repeat(300)}.xlsx`), "y").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WriteError);
    expect((e as WriteError).text.vi).toMatch(/dài quá giới hạn/);
  });

  it.skipIf(process.getuid?.() === 0)("a folder without write permission", async () => {
    mkdirSync(join(dir, "locked"));
    chmodSync(join(dir, "locked"), 0o500);
    const e = await writeFileSafely(join(dir, "locked", "r.xlsx"), "y").catch((x: unknown) => x);
    chmodSync(join(dir, "locked"), 0o700);
    expect(e).toBeInstanceOf(WriteError);
    expect((e as WriteError).text.en).toMatch(/no permission/);
  });
});

describe("atomic replacement", () => {
  it("writes a new inode and renames it into place: the old file is never truncated", async () => {
    const out = join(dir, "ranking.xlsx");
    writeFileSync(out, "old ranking");
    const before = statSync(out).ino;
    await writeFileSafely(out, "new ranking");
    expect(readFileSync(out, "utf8")).toBe("new ranking");
    expect(statSync(out).ino).not.toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a failure in the middle of the write leaves the previous file whole and no temporary file", async () => {
    const out = join(dir, "ranking.xlsx");
    writeFileSync(out, "old ranking");
    const failing = async (file: import("node:fs/promises").FileHandle) => {
      await file.write("half of the new rank");
      // What the temp file holds at this moment is in the folder under a hidden temporary name only.
      const temps = readdirSync(dir).filter((f) => f.startsWith(".ranking.xlsx.") && f.endsWith(".tmp"));
      expect(temps).toHaveLength(1);
      expect(readFileSync(out, "utf8")).toBe("old ranking");
      throw new Error("disk full");
    };
    await expect(writeFileSafely(out, failing)).rejects.toThrow("disk full");
    expect(readFileSync(out, "utf8")).toBe("old ranking");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("concurrent writers of one path leave one whole file, never a mix", async () => {
    const out = join(dir, "ranking.xlsx");
    const contents = Array.from({ length: 8 }, (_, i) => String(i).repeat(200_000 + i));
    await Promise.all(contents.map((c) => writeFileSafely(out, c)));
    expect(contents).toContain(readFileSync(out, "utf8"));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a symlinked output keeps being a link: the file it points to is replaced", async () => {
    const real = join(dir, "shared-ranking.xlsx");
    writeFileSync(real, "old");
    const link = join(dir, "ranking.xlsx");
    symlinkSync(real, link);
    await writeFileSafely(link, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toBe("new");
  });

  it("a replaced file keeps its permissions", async () => {
    const out = join(dir, "ranking.xlsx");
    writeFileSync(out, "old");
    chmodSync(out, 0o640);
    await writeFileSafely(out, "new");
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });
});

describe("existing: refuse (sample, template, rubric import without --force)", () => {
  it("refuses an existing file before writing and leaves it as it was", async () => {
    const out = join(dir, "blank.xlsx");
    writeFileSync(out, "a province's template");
    const e = await refusal(writeFileSafely(out, "new", { existing: "refuse" }));
    expect(e.text.en).toMatch(/already exists.*--force/);
    expect(readFileSync(out, "utf8")).toBe("a province's template");
    await expect(checkOutputPath(out, { existing: "refuse" })).rejects.toBeInstanceOf(UsageError);
  });

  it("creates a file that does not exist yet, folders included", async () => {
    const out = join(dir, "new", "deep", "blank.xlsx");
    await writeFileSafely(out, "new", { existing: "refuse" });
    expect(readFileSync(out, "utf8")).toBe("new");
  });

  it("a file that appears while the new one is written is not replaced (link fails atomically)", async () => {
    const out = join(dir, "blank.xlsx");
    const racing = async (file: import("node:fs/promises").FileHandle) => {
      await file.write("ours");
      writeFileSync(out, "someone else's");
    };
    await refusal(writeFileSafely(out, racing, { existing: "refuse" }));
    expect(readFileSync(out, "utf8")).toBe("someone else's");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("kill -9 in the middle of a write", () => {
  it("leaves the previous file whole (the half-written bytes are only in a hidden temporary file)", async () => {
    const { build } = await import("esbuild");
    const { spawn } = await import("node:child_process");
    const out = join(dir, "ranking.xlsx");
    writeFileSync(out, "last year's ranking, complete");
    // A writer that stops half-way and waits, as a process killed mid-write would have stopped.
    const script = join(dir, "writer.mjs");
    await build({
      stdin: {
        contents: `import { writeFileSafely } from ${JSON.stringify(join(process.cwd(), "src/cli/safe-write.ts"))};
          await writeFileSafely(process.argv[2], async (file) => {
            await file.write("this year's rank");
            process.stdout.write("half\\n");
            await new Promise(() => {});
          });`,
        resolveDir: process.cwd(),
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: script,
      logLevel: "silent",
    });
    const child = spawn(process.execPath, [script, out], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((halfWritten) => child.stdout.once("data", () => halfWritten()));
    const killed = new Promise((done) => child.on("close", (_code, signal) => done(signal)));
    child.kill("SIGKILL");
    expect(await killed).toBe("SIGKILL");
    expect(readFileSync(out, "utf8")).toBe("last year's ranking, complete");
    const temps = readdirSync(dir).filter((f) => f.startsWith(".ranking.xlsx.") && f.endsWith(".tmp"));
    expect(temps).toHaveLength(1); // what the killed run left: hidden, and skipped by the folder scan
    expect(readFileSync(join(dir, temps[0]), "utf8")).toBe("this year's rank");
    // An hour later the next write of the same output removes what the killed run left.
    const anHourAgo = new Date(Date.now() - 61 * 60_000);
    utimesSync(join(dir, temps[0]), anHourAgo, anHourAgo);
    await writeFileSafely(out, "this year's ranking, complete");
    expect(readFileSync(out, "utf8")).toBe("this year's ranking, complete");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("temporary files left by killed runs", () => {
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

  it("files merely named like our temporary files are never removed: only one this program recorded creating goes", async () => {
    const out = join(dir, "ranking.xlsx");
    writeFileSync(out, "old");
    const planted = {
      stale: ".ranking.xlsx.4242.0123456789ab.tmp", // our name, two hours old, but never recorded by us
      fresh: ".ranking.xlsx.4243.ba9876543210.tmp", // another run writing it right now
      otherTarget: ".report.xlsx.4244.0123456789ab.tmp", // an old temporary file of another output
      notOurs: ".ranking.xlsx.tmp", // a name we never make
      usersOwn: ".ranking.xlsx.4245.notours12345.tmp", // not 12 hex digits
    };
    for (const name of Object.values(planted)) writeFileSync(join(dir, name), "x");
    for (const name of [planted.stale, planted.otherTarget, planted.notOurs, planted.usersOwn])
      utimesSync(join(dir, name), hoursAgo(2), hoursAgo(2));
    const staleFolder = join(dir, ".ranking.xlsx.4246.0123456789ab.tmp"); // a folder so named is left alone
    mkdirSync(staleFolder);
    utimesSync(staleFolder, hoursAgo(2), hoursAgo(2));

    await writeFileSafely(out, "new");
    expect(readFileSync(out, "utf8")).toBe("new");
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith(".tmp"))
        .sort(),
    ).toEqual([...Object.values(planted), ".ranking.xlsx.4246.0123456789ab.tmp"].sort());
  });

  it("an input named like a stale temporary file of the output survives the write (#24: validate .r.xlsx.1.….tmp --report r.xlsx)", async () => {
    const out = join(dir, "r.xlsx");
    const disguised = join(dir, ".r.xlsx.1.aaaaaaaaaaaa.tmp");
    writeFileSync(disguised, "a unit's workbook, oddly named");
    utimesSync(disguised, hoursAgo(3), hoursAgo(3));
    noteCommandLineInputs(["validate", disguised, "--report", out]);
    await writeFileSafely(out, "report");
    expect(readFileSync(disguised, "utf8")).toBe("a unit's workbook, oddly named");
  });

  it("a temporary file under an hour old stays (it may be a write in progress)", async () => {
    const out = join(dir, "ranking.xlsx");
    const recent = ".ranking.xlsx.4242.0123456789ab.tmp";
    writeFileSync(join(dir, recent), "x");
    utimesSync(join(dir, recent), hoursAgo(0.9), hoursAgo(0.9));
    await writeFileSafely(out, "new");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([recent]);
  });
});
