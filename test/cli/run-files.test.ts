import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args";
import { collectInputs, SCAN_LIMITS } from "../../src/cli/run-files";
import type { Text } from "../../src/core/finding";

/** The folder scan: only regular files are ever opened, and no folder can make it run forever. */
let root: string;
let notices: Text[];
const notice = (t: Text) => notices.push(t);
const names = (found: { path: string }[]) => found.map((f) => f.path.slice(root.length + 1));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "par-index-scan-"));
  notices = [];
  writeFileSync(join(root, "Xa-A.xlsx"), "a");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const hasMkfifo = process.platform !== "win32" && spawnSync("sh", ["-c", "command -v mkfifo"]).status === 0;

describe("collectInputs", () => {
  it.skipIf(!hasMkfifo)("a FIFO named like a workbook is skipped with a notice, never opened", async () => {
    expect(spawnSync("mkfifo", [join(root, "Xa-B.xlsx")]).status).toBe(0);
    const found = await collectInputs([root], notice);
    expect(names(found)).toEqual(["Xa-A.xlsx"]);
    expect(notices).toHaveLength(1);
    expect(notices[0].en).toMatch(/Skipped .*Xa-B\.xlsx: a pipe \(FIFO\), not a file/);
    expect(notices[0].vi).toMatch(/Bỏ qua .*Xa-B\.xlsx/);
  });

  it.skipIf(!existsSync("/dev/zero"))("a link to /dev/zero is skipped as a device", async () => {
    symlinkSync("/dev/zero", join(root, "zero.xlsx"));
    const found = await collectInputs([root], notice);
    expect(names(found)).toEqual(["Xa-A.xlsx"]);
    expect(notices.map((n) => n.en).join()).toMatch(/zero\.xlsx: a device, not a file/);
  });

  it.skipIf(!existsSync("/dev/zero"))("a device named on the command line is skipped too", async () => {
    expect(await collectInputs(["/dev/zero"], notice)).toEqual([]);
    expect(notices).toHaveLength(1);
  });

  it("a link loop ends, and each real file is taken once", async () => {
    mkdirSync(join(root, "sub"));
    writeFileSync(join(root, "sub", "Xa-C.xlsx"), "c");
    symlinkSync(root, join(root, "sub", "back-to-root"));
    symlinkSync(join(root, "sub"), join(root, "sub-again"));
    const found = await collectInputs([root], notice);
    expect(found.map((f) => f.path.endsWith("Xa-C.xlsx")).filter(Boolean)).toHaveLength(1);
    expect(found).toHaveLength(2);
    expect(notices).toEqual([]); // a folder seen again is simply not walked again
  });

  it("a file linked under a second name is read once, with a notice naming both", async () => {
    symlinkSync(join(root, "Xa-A.xlsx"), join(root, "Xa-A-copy.xlsx"));
    const found = await collectInputs([root], notice);
    expect(found).toHaveLength(1);
    expect(notices).toHaveLength(1);
    expect(notices[0].en).toMatch(
      /Xa-A(-copy)?\.xlsx is the same file as .*Xa-A(-copy)?\.xlsx \(a link\); read once/,
    );
  });

  it("template workbooks (.xltx, .xltm) are included; other names and lock files are not", async () => {
    writeFileSync(join(root, "mau.xltx"), "t");
    writeFileSync(join(root, "mau-macro.xltm"), "t");
    writeFileSync(join(root, "~$Xa-A.xlsx"), "lock");
    writeFileSync(join(root, "ghi-chu.txt"), "note");
    expect(names(await collectInputs([root], notice)).sort()).toEqual([
      "Xa-A.xlsx",
      "mau-macro.xltm",
      "mau.xltx",
    ]);
  });

  it("a file larger than the bound is reported as too large, not read", async () => {
    writeFileSync(join(root, "huge.xlsx"), Buffer.alloc(2048));
    const found = await collectInputs([root], notice, { ...SCAN_LIMITS, maxFileBytes: 1024 });
    expect(found.find((f) => f.path.endsWith("huge.xlsx"))?.tooLarge).toBe("2 KB > 1 KB");
    expect(found.find((f) => f.path.endsWith("Xa-A.xlsx"))?.tooLarge).toBeUndefined();
  });

  it("folders deeper than the bound are skipped with a notice", async () => {
    let deep = root;
    for (let i = 0; i < 4; i++) {
      deep = join(deep, `d${i}`);
      mkdirSync(deep);
    }
    writeFileSync(join(deep, "Xa-D.xlsx"), "d");
    const found = await collectInputs([root], notice, { ...SCAN_LIMITS, maxDepth: 2 });
    expect(names(found)).toEqual(["Xa-A.xlsx"]);
    expect(notices[0].en).toMatch(/nested deeper than 2 levels/);
  });

  it("more files than the bound is a usage error saying to split the run", async () => {
    for (let i = 0; i < 3; i++) writeFileSync(join(root, `Xa-${i}.xlsx`), String(i));
    await expect(collectInputs([root], notice, { ...SCAN_LIMITS, maxFiles: 2 })).rejects.toBeInstanceOf(
      UsageError,
    );
  });

  it("a path that does not exist is a usage error naming it", async () => {
    const e = await collectInputs([join(root, "mat.xlsx")], notice).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).text.en).toContain("mat.xlsx");
  });
});

describe("analyseInputs", () => {
  it("a too-large file is an unreadable-file result in its place; the files around it are read", async () => {
    const { writeWorkbook } = await import("../../src/files/write-workbook");
    const { generateUnits } = await import("../../src/sample");
    const { builtinRubric, DEFAULT_RUBRIC_ID } = await import("../../src/core/rubric/builtin");
    const rubric = builtinRubric(DEFAULT_RUBRIC_ID)!;
    const [a, c] = generateUnits(rubric, { count: 2, seed: 5 });
    rmSync(join(root, "Xa-A.xlsx"));
    const small = await writeWorkbook(a.sheets);
    writeFileSync(join(root, "a.xlsx"), small);
    writeFileSync(join(root, "b.xlsx"), Buffer.alloc(small.length * 4));
    writeFileSync(join(root, "c.xlsx"), await writeWorkbook(c.sheets));
    const { analyseInputs } = await import("../../src/cli/run-files");
    const { results } = await analyseInputs([root], {
      rubric,
      lang: "en",
      label: "",
      limits: { ...SCAN_LIMITS, maxFileBytes: small.length * 2 },
    });
    expect(results.map((r) => [r.file.slice(root.length + 1), r.error?.reason ?? r.units.length])).toEqual([
      ["a.xlsx", 1],
      ["b.xlsx", "too-large"],
      ["c.xlsx", 1],
    ]);
    expect(results[1].findings[0]).toMatchObject({ code: "unreadable-file", severity: "error" });
    expect(results[1].findings[0].message.en).toMatch(/^b\.xlsx: too large to check: \d+ KB > \d+ KB\.$/);
  });
});
