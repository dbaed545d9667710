import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { FileReadError } from "../../src/files/errors";
import { readWorkbookFile } from "../../src/files/node";
import { writeWorkbook } from "../../src/files/write-workbook";

const dir = mkdtempSync(join(tmpdir(), "par-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec: SheetSpec = {
  name: "Biểu",
  cells: [
    { row: 0, col: 0, value: "Mã" },
    { row: 0, col: 1, value: "Điểm" },
    { row: 1, col: 0, value: "1.1" },
    { row: 1, col: 1, value: 2.5 },
  ],
};

async function expectIoError(run: () => Promise<unknown>, file: string): Promise<void> {
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FileReadError);
  expect((err as FileReadError).reason).toBe("io-error");
  expect((err as FileReadError).text.vi).toContain(file);
  expect((err as FileReadError).text.en).toContain(file);
}

describe("readWorkbookFile", () => {
  it("reads a workbook and leaves the file byte-identical, timestamps included", async () => {
    const path = join(dir, "xa-an.xlsx");
    writeFileSync(path, await writeWorkbook([spec]));
    const before = createHash("sha256").update(readFileSync(path)).digest("hex");
    const { mtimeMs, size } = statSync(path);
    const wb = await readWorkbookFile(path);
    expect(wb.source).toBe("xa-an.xlsx");
    expect(wb.sheets[0].values).toEqual([
      ["Mã", "Điểm"],
      ["1.1", 2.5],
    ]);
    expect(createHash("sha256").update(readFileSync(path)).digest("hex")).toBe(before);
    expect(statSync(path).mtimeMs).toBe(mtimeMs);
    expect(statSync(path).size).toBe(size);
  });

  it("a broken file is also left as it was", async () => {
    const path = join(dir, "hong.xlsx");
    const bytes = (await writeWorkbook([spec])).slice(0, 300);
    writeFileSync(path, bytes);
    await expect(readWorkbookFile(path)).rejects.toMatchObject({ reason: "truncated" });
    expect(Buffer.compare(readFileSync(path), Buffer.from(bytes))).toBe(0);
  });

  it("a FIFO or a link to /dev/zero is refused at once as not a regular file (no blocking, no endless read)", async () => {
    const fifo = join(dir, "ong.xlsx");
    execFileSync("mkfifo", [fifo]);
    await expect(readWorkbookFile(fifo)).rejects.toMatchObject({ reason: "not-a-file" });
    const zero = join(dir, "khong.xlsx");
    symlinkSync("/dev/zero", zero);
    const err = await readWorkbookFile(zero).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: "not-a-file" });
    expect((err as FileReadError).text.en).toContain("khong.xlsx");
  });

  it("a file larger than the file budget is refused before it is read", async () => {
    const path = join(dir, "to.xlsx");
    writeFileSync(path, await writeWorkbook([spec]));
    await expect(readWorkbookFile(path, { maxFileBytes: 100 })).rejects.toMatchObject({
      reason: "too-large",
    });
  });

  it("a missing file or a folder is an io-error naming it", async () => {
    await expectIoError(() => readWorkbookFile(join(dir, "khong-co.xlsx")), "khong-co.xlsx");
    const folder = join(dir, "thu-muc.xlsx");
    mkdirSync(folder, { recursive: true });
    await expectIoError(() => readWorkbookFile(folder), "thu-muc.xlsx");
  });
});
