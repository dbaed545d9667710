import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/files/read-workbook";

/**
 * The command line as users run it: the built launcher (`node bin/par-index.js`, rebuilt by `npm test`)
 * on a folder of generated unit workbooks plus the files units really send by mistake.
 */
const BIN = join(process.cwd(), "bin", "par-index.js");
let dir: string;
let units: string;

function cli(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function hashes(folder: string): Record<string, string> {
  const files = readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
  return Object.fromEntries(
    files.map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(join(folder, f)))
        .digest("hex"),
    ]),
  );
}

beforeAll(() => {
  if (!existsSync(join(process.cwd(), "build", "cli", "main.mjs")))
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  dir = mkdtempSync(join(tmpdir(), "par-index-cli-"));
  units = join(dir, "units");
  const r = cli(["sample", "-o", units, "--count", "12", "--seed", "7", "--appraisal", "1", "--defects"]);
  expect(r.status).toBe(0);
  writeFileSync(join(units, "gui-nham.xlsx"), "STT,Nội dung\n1,abc\n");
  writeFileSync(join(units, "rong.xlsx"), "");
  mkdirSync(join(units, "con"), { recursive: true });
  writeFileSync(
    join(units, "con", "cu.xls"),
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
  );
  writeFileSync(join(units, "~$dang-mo.xlsx"), "lock");
}, 120_000);

describe("par-index validate", () => {
  it("--json gives one entry per unit with layout, totals and findings; bad files get their error and the batch goes on", () => {
    const r = cli(["validate", units, "--json"]);
    expect(r.status).toBe(1); // planted defects and unreadable files are errors
    const out = JSON.parse(r.stdout);
    expect(out.files).toHaveLength(15); // 12 units + 3 bad files; the Excel lock file is skipped
    const bad = out.files.filter((f: { error?: unknown }) => f.error);
    expect(
      bad.map((f: { file: string; error: { reason: string } }) => [f.file, f.error.reason]).sort(),
    ).toEqual([
      ["cu.xls", "legacy-xls"],
      ["gui-nham.xlsx", "csv-or-text"],
      ["rong.xlsx", "empty-file"],
    ]);
    for (const f of bad) expect(f.findings[0].code).toBe("unreadable-file");
    const good = out.files.filter((f: { unit: string | null }) => f.unit);
    expect(good).toHaveLength(12);
    for (const f of good) {
      expect(f.columns.self).toMatch(/^[A-Z]+$/);
      expect(f.totals.areas.length).toBeGreaterThan(0);
      for (const finding of f.findings)
        expect(Object.keys(finding)).toEqual(
          expect.arrayContaining(["code", "severity", "sheet", "address", "item", "message"]),
        );
    }
    expect(out.summary).toMatchObject({ files: 15, units: 12, unreadable: 3 });
  });

  it("exit 0 on a clean unit, 2 on a usage error", () => {
    const clean = join(dir, "clean");
    expect(cli(["sample", "-o", clean, "--count", "1", "--seed", "3"]).status).toBe(0);
    const ok = cli(["validate", clean]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/0 errors, 0 warnings/);
    expect(cli(["validate"]).status).toBe(2);
    expect(cli(["validate", clean, "--by", "x"]).status).toBe(2);
    expect(cli(["rank", clean, "--by", "nonsense"]).stderr).toMatch(/--by takes self \| appraised \| final/);
  });

  it("--report writes a report workbook with one row per finding, and input files stay byte-identical", () => {
    const before = hashes(units);
    const report = join(dir, "report.xlsx");
    cli(["validate", units, "--report", report]);
    expect(hashes(units)).toEqual(before);
    const wb = readWorkbook(readFileSync(report), "report.xlsx");
    const sheet = wb.sheets[0];
    expect(sheet.name).toBe("Báo cáo kiểm tra");
    // The run is in English (see cli()): so is the report's header row; the sheet keeps its name.
    const header = sheet.values.findIndex((r) => r[0] === "File");
    expect(header).toBeGreaterThanOrEqual(0);
    const json = JSON.parse(cli(["validate", units, "--json"]).stdout);
    const count = json.files.reduce((n: number, f: { findings: unknown[] }) => n + f.findings.length, 0);
    expect(sheet.values.length - header - 1).toBe(count);
  });

  it("refuses to write the report over an input file", () => {
    const target = join(
      units,
      readdirSync(units).find((f) => f.endsWith(".xlsx") && !f.startsWith("~")) as string,
    );
    const before = readFileSync(target);
    const r = cli(["validate", target, "--report", target]);
    expect(r.status).toBe(2);
    expect(readFileSync(target).equals(before)).toBe(true);
  });
});

describe("par-index rank", () => {
  it("ranks the readable units, lists the unreadable ones, and writes a ranking LibreOffice opens with the same values", () => {
    const out = join(dir, "ranking.xlsx");
    const r = cli(["rank", units, "-o", out, "--json"]);
    expect(r.status).toBe(1); // some units could not be ranked
    const ranking = JSON.parse(r.stdout);
    const ranked = ranking.groups.flatMap((g: { units: unknown[] }) => g.units);
    expect(ranked).toHaveLength(12);
    expect(ranking.unranked).toHaveLength(3);
    const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
    if (!soffice) {
      if (process.env.CI)
        throw new Error("LibreOffice is required in CI (apt-get install libreoffice-calc-nogui)");
      return;
    }
    const csvDir = join(dir, "csv");
    execFileSync(
      soffice,
      ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", csvDir, out],
      {
        timeout: 90_000,
        env: { ...process.env, HOME: dir },
      },
    );
    const csv = readFileSync(join(csvDir, "ranking.csv"), "utf8");
    const first = ranking.groups[0].units[0];
    expect(csv).toContain(first.unit);
    expect(csv).toContain(first.score.toFixed(2));
    expect(csv).toContain("KẾT QUẢ XẾP HẠNG");
  }, 120_000);

  it("compares with last year from the JSON a previous run wrote", () => {
    const last = join(dir, "last.json");
    writeFileSync(last, cli(["rank", units, "--json"]).stdout);
    const r = cli(["rank", units, "--json", "--previous", last]);
    const ranking = JSON.parse(r.stdout);
    const unit = ranking.groups[0].units[0];
    expect(unit.previous).toMatchObject({ delta: 0, places: 0, change: { en: "unchanged" } });
  });

  it("merges survey scores from a CSV and reports the rows that match no unit", () => {
    const ranking = JSON.parse(cli(["rank", units, "--json"]).stdout);
    const name = ranking.groups[0].units[0].unit;
    const survey = join(dir, "survey.csv");
    writeFileSync(survey, `Đơn vị,Điểm điều tra xã hội học\n${name},24.5\nXã Không Tồn Tại,20\n`);
    const r = cli(["rank", units, "--json", "--survey", survey]);
    const merged = JSON.parse(r.stdout);
    const unit = merged.groups
      .flatMap((g: { units: { unit: string; survey: number }[] }) => g.units)
      .find((u: { unit: string }) => u.unit === name);
    expect(unit.survey).toBe(24.5);
    expect(r.stderr).toContain("Xã Không Tồn Tại");
  });
});

describe("template and rubric import", () => {
  it("a generated blank template imports back into a rubric with the same tree", () => {
    const blank = join(dir, "blank.xlsx");
    expect(cli(["template", "--rubric", "example-agency-2024", "-o", blank]).status).toBe(0);
    const json = join(dir, "rubric.json");
    expect(cli(["rubric", "import", blank, "-o", json, "--id", "agency-copy"]).status).toBe(0);
    const imported = JSON.parse(readFileSync(json, "utf8"));
    const builtin = JSON.parse(cli(["rubrics", "--json"]).stdout).find(
      (r: { id: string }) => r.id === "example-agency-2024",
    );
    expect(imported.id).toBe("agency-copy");
    expect(imported.precision).toBe(builtin.precision);
    // The imported rubric works as --rubric.
    const r = cli(["score", units, "--rubric", json, "--json"]);
    expect(JSON.parse(r.stdout).units.length).toBeGreaterThan(0);
  });
});
