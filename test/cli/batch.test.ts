import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/cli/batch";

/**
 * The batch pool with a stand-in worker: results come back in input order whichever thread read them, and
 * a worker that dies costs only the file it was reading — reported in both languages — while the file it
 * had been sent but not started is read by another thread.
 */
const crashing = new URL("./fixtures/crashing-worker.mjs", import.meta.url);

// Paths that do not exist: the main thread reports them as io-error, the stand-in worker as read.
const files = Array.from({ length: 12 }, (_, i) => `/nonexistent/par-index-batch/unit-${i}.xlsx`);

describe("runBatch", () => {
  it("keeps input order across the main thread and a worker", async () => {
    const seen: number[] = [];
    const results = await runBatch(
      files,
      { rubric: null },
      { threads: 2, workerUrl: crashing, onProgress: (done) => seen.push(done) },
    );
    expect(results.map((r) => r.file)).toEqual(files);
    expect(seen).toEqual(files.map((_, i) => i + 1));
    const byWorker = results.filter((r) => (r as { by?: string }).by === "worker").length;
    const byMain = results.filter((r) => r.error?.reason === "io-error").length;
    // How the files split depends on timing; that each is read exactly once does not.
    expect(byWorker + byMain).toBe(files.length);
  });

  it("a worker that dies fails only the file it was reading; the batch goes on", async () => {
    // The worker is sent files 0 and 1 first: file 0 kills it while file 1 waits in its queue.
    const withCrash = files.map((f, i) => (i === 0 ? f.replace("unit-0", "crash-0") : f));
    const results = await runBatch(withCrash, { rubric: null }, { threads: 2, workerUrl: crashing });
    expect(results.map((r) => r.file)).toEqual(withCrash);
    const crashed = results[0];
    expect(crashed.error?.reason).toBe("internal-error");
    expect(crashed.error?.message.vi).toContain("crash-0.xlsx");
    expect(crashed.error?.message.en).toContain("crash-0.xlsx");
    expect(crashed.findings.map((f) => f.code)).toEqual(["unreadable-file"]);
    // Everything else was read by the main thread, the waiting file included.
    for (const r of results.slice(1)) expect(r.error?.reason).toBe("io-error");
  });

  it("small batches and one thread run inline", async () => {
    const results = await runBatch(files.slice(0, 3), { rubric: null }, { threads: 4, workerUrl: crashing });
    expect(results.every((r) => r.error?.reason === "io-error")).toBe(true);
    const single = await runBatch(files, { rubric: null }, { threads: 1, workerUrl: crashing });
    expect(single.every((r) => r.error?.reason === "io-error")).toBe(true);
  });
});
