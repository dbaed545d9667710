import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeWorkbook } from "../../src/files/write-workbook";
import { printedOutputs } from "./outputs";
import {
  outsidePage,
  overlappingPairs,
  type PrintedPage,
  type PrintedWord,
  printedSize,
  readWords,
} from "./pdf-words";

/**
 * Issue #26: the sheets a secretariat prints (ranking with and without last year, intake with a list,
 * appraisal, check report, comparison) printed to PDF by LibreOffice, every word's box read back with
 * poppler's `pdftotext -bbox`: no two words on top of each other, none off the page, none under 8 pt.
 * Screenshots of every page land in test-output/print/ (PNG, `pdftoppm`).
 * Under CI the tools must be there (.ci/run installs them): the test fails rather than skips.
 */
const tools =
  spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0 &&
  spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).status === 0 &&
  spawnSync("pdftoppm", ["-v"], { encoding: "utf8" }).status === 0;
const mustRun = process.env.CI === "true" || process.env.CI === "1";
const MIN_POINTS = 8;
const shots = resolve("test-output/print");
const dir = mkdtempSync(join(tmpdir(), "par-print-"));
const outputs = printedOutputs();
const printed = new Map<string, { pages: PrintedPage[]; words: PrintedWord[] }>();

beforeAll(async () => {
  if (!tools) return;
  const files: string[] = [];
  for (const o of outputs) {
    const file = join(dir, `${o.name}.xlsx`);
    writeFileSync(file, await writeWorkbook(o.specs));
    files.push(file);
  }
  // One soffice start for every file (each start costs seconds); a private profile so parallel runs
  // (and an open LibreOffice) do not share one.
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      ...files,
    ],
    { timeout: 170_000, stdio: "ignore" },
  );
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  for (const o of outputs) {
    const pdf = join(dir, `${o.name}.pdf`);
    printed.set(o.name, readWords(pdf));
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(shots, o.name)], { timeout: 60_000 });
  }
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("printed outputs (LibreOffice → PDF → pdftotext -bbox)", () => {
  it("the print tools are installed (CI installs soffice and poppler-utils)", () => {
    if (!tools && !mustRun) return;
    expect(tools, "soffice, pdftotext and pdftoppm must be on PATH under CI").toBe(true);
  });

  for (const o of outputs) {
    it.skipIf(!tools && !mustRun)(`${o.name}: every word readable, inside the page, none on another`, () => {
      const got = printed.get(o.name);
      expect(got, `${o.name}.pdf was not printed`).toBeDefined();
      if (!got) return;
      const { pages, words } = got;
      const small = words.filter((w) => printedSize(w) < MIN_POINTS - 0.05);
      const outside = words.filter((w) => outsidePage(w, pages[w.page]));
      const pairs = overlappingPairs(words);
      const landscape = pages.filter((p) => p.width > p.height).length;
      console.log(
        `${o.name}: ${pages.length} page(s) (${landscape} landscape), ${words.length} words, ${small.length} under ${MIN_POINTS} pt, ${pairs.length} overlapping pairs, ${outside.length} outside the page; smallest ${Math.min(...words.map(printedSize)).toFixed(1)} pt`,
      );
      expect(words.length).toBeGreaterThan(20);
      // A4 (595 × 842 pt) whichever way round.
      for (const p of pages)
        expect([Math.round(Math.min(p.width, p.height)), Math.round(Math.max(p.width, p.height))]).toEqual([
          595, 842,
        ]);
      expect(
        small.map((w) => `${w.text} (${printedSize(w).toFixed(1)} pt, page ${w.page + 1})`).slice(0, 10),
      ).toEqual([]);
      expect(pairs.map(([a, b]) => `"${a.text}" on "${b.text}" (page ${a.page + 1})`).slice(0, 10)).toEqual(
        [],
      );
      expect(outside.map((w) => w.text)).toEqual([]);
      expect(readdirSync(shots).some((f) => f.startsWith(`${o.name}-`) && f.endsWith(".png"))).toBe(true);
    });
  }
});
