import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileReadError } from "../../src/files/errors";
import { readWorkbookFile } from "../../src/files/node";
import { readWorkbookBytes } from "../../src/files/read-workbook-bytes";
import { ATTACKS, type Attack } from "./hostile-gen";

/**
 * The hostile files of issue #13 (built by hostile-gen.ts, never by the reader): each gets its verdict —
 * read, with its sheets, or refused with its reason — with both inflaters (the pane's fflate, the command
 * line's zlib), and each, run through the whole command line (`validate --json`) in a child process with
 * a capped heap, stays within 300 MB of peak memory and a time bound. The target time is 2 s, measured
 * by the bench on an idle machine; the bound here is 10 s so that a loaded machine does not fail it.
 */
const CLI = fileURLToPath(new URL("../../build/cli/main.mjs", import.meta.url));
const RUNNER = fileURLToPath(new URL("./hostile-run.mjs", import.meta.url));
const MAX_RSS_MB = 300;
const MAX_MS = 10_000;

let dir = "";
const files = new Map<string, string>();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "par-index-hostile-"));
  for (const a of ATTACKS) {
    const file = join(dir, `${a.name}.xlsx`);
    writeFileSync(file, a.build());
    files.set(a.name, file);
  }
}, 120_000);
const measured: string[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (process.env.PAR_INDEX_SHOW_MEASURES) console.log(measured.join("\n"));
});

function verdictOf(error: unknown): string {
  if (!(error instanceof FileReadError)) throw error;
  // Every refusal names the file in both languages.
  expect(error.text.vi).toMatch(/\.xlsx: /);
  expect(error.text.en).toMatch(/\.xlsx: /);
  return error.reason;
}

const expected = (a: Attack) => ("reads" in a.verdict ? `reads ${a.verdict.sheets}` : a.verdict.reason);

describe("hostile files: the verdict each must get", () => {
  for (const a of ATTACKS) {
    it(`${a.name}: ${a.what}`, async () => {
      const file = files.get(a.name) as string;
      const cli = await readWorkbookFile(file).then((wb) => `reads ${wb.sheets.length}`, verdictOf);
      expect(cli).toBe(expected(a));
      // The pane's and the page's way in: fflate, and WebCrypto for an encrypted package.
      const pane = await readWorkbookBytes(readFileSync(file), `${a.name}.xlsx`).then(
        (wb) => `reads ${wb.sheets.length}`,
        verdictOf,
      );
      expect(pane).toBe(expected(a));
    }, 60_000);
  }
});

describe("hostile files: bounded time and memory through the whole command line", () => {
  for (const a of ATTACKS) {
    it(`${a.name} ≤ ${MAX_RSS_MB} MB, ≤ ${MAX_MS / 1000} s`, () => {
      const file = files.get(a.name) as string;
      const r = spawnSync(
        process.execPath,
        ["--max-old-space-size=1024", RUNNER, CLI, "validate", file, "--json", "--lang", "en"],
        { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      );
      const line = /@@measure (.*)$/m.exec(r.stderr ?? "");
      expect(line, `no measure line; exit ${r.status} ${r.signal}; ${r.stderr?.slice(-400)}`).not.toBeNull();
      const m = JSON.parse((line as RegExpExecArray)[1]) as { ms: number; rssMb: number };
      const out = JSON.parse(r.stdout) as { files: { error?: { reason: string } | null }[] };
      const reason = out.files[0].error?.reason;
      if ("reason" in a.verdict) expect(reason).toBe(a.verdict.reason);
      else expect(reason ?? null).toBeNull();
      measured.push(`${a.name} ${Math.round(m.ms)} ms ${Math.round(m.rssMb)} MB`);
      expect(m.rssMb).toBeLessThanOrEqual(MAX_RSS_MB);
      expect(m.ms).toBeLessThanOrEqual(MAX_MS);
    }, 90_000);
  }
});
