import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { FileReadError } from "../../src/files/errors";
import { readWorkbookFile } from "../../src/files/node";
import { readWorkbookBytes } from "../../src/files/read-workbook-bytes";

/**
 * Real workbooks other programs wrote (test/fixtures/external, licences in LICENSES.md): each gets the
 * verdict recorded in verdicts.json — read, with its sheets and non-empty cells, or refused with its
 * reason — with both inflaters, and analysing what was read never throws. Time per file is bounded
 * generously (a loaded machine must not fail it), and the whole corpus, validated by the command line in
 * a child process, stays under 300 MB of peak memory.
 */
const ROOT = fileURLToPath(new URL("../fixtures/external/", import.meta.url));
type Verdict = { reads: { sheets: string[]; cells: number } } | { refused: string };
const verdicts = JSON.parse(readFileSync(join(ROOT, "verdicts.json"), "utf8")) as Record<string, Verdict>;
const rubric = builtinRubric("example-commune-2024") as Rubric;

function describeRead(wb: WorkbookSnapshot): Verdict {
  let cells = 0;
  for (const s of wb.sheets) for (const r of s.values) for (const v of r) if (v !== null) cells++;
  return { reads: { sheets: wb.sheets.map((s) => s.name), cells } };
}

function refused(e: unknown): Verdict {
  if (!(e instanceof FileReadError)) throw e;
  return { refused: e.reason };
}

describe("real-world corpus: the verdict each file must get", () => {
  it("has the files the licences list", () => {
    expect(Object.keys(verdicts).length).toBeGreaterThanOrEqual(20);
  });
  for (const [name, verdict] of Object.entries(verdicts)) {
    it(name, async () => {
      const file = join(ROOT, name);
      const start = performance.now();
      const cli = await readWorkbookFile(file).then(describeRead, refused);
      expect(performance.now() - start).toBeLessThan(5_000);
      expect(cli).toEqual(verdict);
      // The pane's and the page's way in: fflate and WebCrypto (a default-key file is decrypted first).
      const pane = await readWorkbookBytes(readFileSync(file), name).then(describeRead, refused);
      expect(pane).toEqual(verdict);
      if ("reads" in verdict) {
        const wb = await readWorkbookFile(file);
        expect(() => analyseWorkbook(wb, { rubric, source: name })).not.toThrow();
      }
    }, 30_000);
  }

  it("the whole corpus through `validate --json` in a child process: every file reported, ≤ 300 MB", () => {
    const cli = fileURLToPath(new URL("../../build/cli/main.mjs", import.meta.url));
    const runner = fileURLToPath(new URL("../reliability/hostile-run.mjs", import.meta.url));
    const r = spawnSync(
      process.execPath,
      ["--max-old-space-size=1024", runner, cli, "validate", ROOT, "--json", "--lang", "en"],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
    );
    const line = /@@measure (.*)$/m.exec(r.stderr ?? "");
    expect(line, r.stderr?.slice(-400)).not.toBeNull();
    const m = JSON.parse((line as RegExpExecArray)[1]) as { rssMb: number };
    const out = JSON.parse(r.stdout) as {
      files: { file: string; error?: { reason: string } | null; findings?: { code: string }[] }[];
    };
    expect(out.files).toHaveLength(Object.keys(verdicts).length);
    for (const f of out.files) {
      // Files are named without their folder in the report; the corpus's names are distinct.
      const key = Object.keys(verdicts).find((k) => k.endsWith(`/${f.file}`)) as string;
      const v = verdicts[key];
      expect(f.error?.reason ?? null, key).toBe("refused" in v ? v.refused : null);
    }
    // The workbook decrypted with Excel's built-in password says so, through the batch's reader threads too.
    const protectedNotes = out.files.map((f) => [
      f.file,
      (f.findings ?? []).filter((x) => x.code === "opened-with-default-key").length,
    ]);
    expect(protectedNotes.filter(([, n]) => n)).toEqual([["Book1-default-key.xlsx", 1]]);
    expect(m.rssMb).toBeLessThanOrEqual(300);
  }, 150_000);
});
