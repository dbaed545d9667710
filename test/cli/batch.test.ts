import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBatch } from "../../src/cli/batch";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit } from "../../src/sample";
import { writeWorkbook } from "../../src/files/write-workbook";

/**
 * The batch pool: results come back in input order whichever thread read them, and a worker that dies
 * costs only the file it was reading — reported in both languages — while the file it had been sent but
 * not started is read by another thread.
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;
const crashing = new URL("./fixtures/crashing-worker.mjs", import.meta.url);
const real = new URL("../../build/cli/worker.mjs", import.meta.url);
let dir = "";
let files: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "par-index-batch-"));
  const bytes = await writeWorkbook(generateUnit(rubric, { seed: 4, index: 0 }).sheets);
  // Enough files that the main thread is still busy when a worker is ready for its first.
  files = Array.from({ length: 60 }, (_, i) => join(dir, `don-vi-${String(i).padStart(2, "0")}.xlsx`));
  for (const f of files) writeFileSync(f, bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("runBatch", () => {
  it("the main thread and a worker give the results one thread gives, in input order", async () => {
    const seen: number[] = [];
    const pooled = await runBatch(
      files,
      { rubric },
      { threads: 2, workerUrl: real, onProgress: (d) => seen.push(d) },
    );
    const single = await runBatch(files, { rubric }, { threads: 1 });
    expect(pooled.map((r) => r.file)).toEqual(files);
    expect(seen).toEqual(files.map((_, i) => i + 1));
    const summary = (rs: typeof pooled) =>
      rs.map((r) => [r.error, r.units.map((u) => [u.unit, u.score.summary])]);
    expect(summary(pooled)).toEqual(summary(single));
  });

  it("a worker that dies fails only the file it was reading; the batch goes on", async () => {
    const results = await runBatch(files, { rubric }, { threads: 2, workerUrl: crashing });
    expect(results.map((r) => r.file)).toEqual(files);
    const failed = results.filter((r) => r.error);
    expect(failed).toHaveLength(1);
    const name = failed[0].file.split("/").pop() as string;
    expect(failed[0].error?.reason).toBe("internal-error");
    expect(failed[0].error?.message.vi).toContain(name);
    expect(failed[0].error?.message.en).toContain(name);
    expect(failed[0].findings.map((f) => f.code)).toEqual(["unreadable-file"]);
    // Every other file was read, the one the worker had been sent but not started included.
    for (const r of results.filter((x) => !x.error)) expect(r.units).toHaveLength(1);
  });

  it("a reader that runs out of memory is stopped by its heap cap: only its file fails, the process lives", async () => {
    const hungry = new URL("./fixtures/hungry-worker.mjs", import.meta.url);
    const results = await runBatch(files, { rubric }, { threads: 2, workerUrl: hungry, readerHeapMb: 64 });
    expect(results.map((r) => r.file)).toEqual(files);
    const failed = results.filter((r) => r.error);
    expect(failed).toHaveLength(1);
    expect(failed[0].error?.message.en).toMatch(/stopped unexpectedly.*(memory|exit code 1)/);
    expect(results.filter((r) => !r.error).every((r) => r.units.length === 1)).toBe(true);
  });

  it("a reader that cannot even start: the main thread reads every file", async () => {
    const missing = new URL("./fixtures/no-such-worker.mjs", import.meta.url);
    const results = await runBatch(files, { rubric }, { threads: 2, workerUrl: missing });
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.every((r) => r.error === null && r.units.length === 1)).toBe(true);
  });

  it("small batches run inline, without starting a worker", async () => {
    const results = await runBatch(files.slice(0, 3), { rubric }, { threads: 4, workerUrl: crashing });
    expect(results.every((r) => r.error === null && r.units.length === 1)).toBe(true);
  });
});
