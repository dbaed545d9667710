import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { readWorkbook } from "../../src/files/read-workbook";

/**
 * `--lang en` speaks English: outside the user's own words (unit, sheet and item names from the files
 * and the rubric) no Vietnamese letter is printed. Run as users run it, through the built launcher.
 */
const BIN = join(process.cwd(), "bin", "par-index.js");
let dir: string;
let units: string;
let names: string[];

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** Letters only Vietnamese uses here: the vowels with hats, horns, breves and tone marks, and đ. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const rubric = builtinRubric("example-commune-2024") as Rubric;

/** The output without the user's own words: unit names, quoted names, the rubric's area rows. */
function ourWords(out: string): string {
  let text = out;
  for (const name of names) text = text.split(name).join("‹unit›");
  text = text.replace(/"[^"\n]*"/g, "‹quoted›");
  return text
    .split("\n")
    .map((line) => {
      // An area row: "   1. Công tác chỉ đạo, … 19 15 15 ███" — the label is the rubric's, cut to 44 characters.
      const m = /^\s+(\S+)\. (.{1,44}?)\s{2,}/.exec(line);
      if (!m) return line;
      const area = rubric.items.find((a) => a.code === m[1]);
      return area?.label.startsWith(m[2].trim()) ? "‹area›" : line;
    })
    .join("\n");
}

beforeAll(() => {
  if (!existsSync(join(process.cwd(), "build", "cli", "main.mjs")))
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  dir = mkdtempSync(join(tmpdir(), "par-index-lang-"));
  units = join(dir, "units");
  expect(cli("sample", "-o", units, "--count", "4", "--seed", "11", "--defects", "--lang", "en").status).toBe(
    0,
  );
  const listed = JSON.parse(
    spawnSync(process.execPath, [BIN, "validate", units, "--json"], { encoding: "utf8" }).stdout,
  );
  names = listed.files.map((f: { unit: string }) => f.unit);
  expect(names).toHaveLength(4);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--lang en prints no Vietnamese of ours", () => {
  it.each([
    ["rubrics"],
    ["sample", "-o", "more", "--count", "1", "--seed", "2"],
    ["validate", "units"],
    ["score", "units"],
    ["rank", "units"],
    ["template", "-o", "blank.xlsx"],
  ])(
    "%s",
    (...args) => {
      const en = cli(...args, "--lang", "en");
      expect(en.out.trim()).not.toBe("");
      expect(ourWords(en.out)).not.toMatch(VIETNAMESE);
      // The same command in Vietnamese does speak Vietnamese: the check can fail.
      const vi = cli(
        ...args.map((a) => (a === "more" ? "more-vi" : a === "blank.xlsx" ? "blank-vi.xlsx" : a)),
        "--lang",
        "vi",
      );
      expect(ourWords(vi.out)).toMatch(VIETNAMESE);
    },
    60_000,
  );
});

/** The first sheet of a written workbook, read back as a user's file would be: every cell's text. */
function sheetText(path: string): string {
  const wb = readWorkbook(new Uint8Array(readFileSync(path)), "out.xlsx");
  return wb.sheets[0].values.map((r) => r.join("\t")).join("\n");
}

describe("--lang en writes its sheets in English (one language per printed sheet)", () => {
  const unitFiles = () =>
    readdirSync(units)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => join("units", f));
  it.each([
    ["check report", () => ["validate", "units", "--report"], "Severity", "Mức độ"],
    ["intake", () => ["intake", "units", "-o"], "Missing evidence", "Thiếu TLKC"],
    ["comparison", () => ["diff", ...unitFiles().slice(0, 2), "-o"], "Change", "Thay đổi"],
  ] as const)(
    "%s",
    (name, args, en, vi) => {
      for (const [lang, word, other] of [
        ["en", en, vi],
        ["vi", vi, en],
      ] as const) {
        const out = `${name.replace(" ", "-")}-${lang}.xlsx`;
        expect(cli(...args(), out, "--lang", lang).status).not.toBe(2);
        const text = sheetText(join(dir, out));
        expect(text).toContain(word);
        expect(text).not.toContain(other);
      }
    },
    60_000,
  );

  it("appraisal", () => {
    for (const lang of ["en", "vi"] as const) {
      expect(cli("appraisal", "units", "-o", `appraisal-${lang}`, "--lang", lang).status).toBe(0);
      const folder = join(dir, `appraisal-${lang}`);
      const first = readdirSync(folder).find((f) => f.endsWith(".xlsx")) as string;
      const text = sheetText(join(folder, first));
      expect(text).toContain(lang === "en" ? "Appraised" : "Thẩm định");
      expect(text).not.toContain(lang === "en" ? "Thẩm định" : "Appraised");
    }
  }, 60_000);
});
