import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { writeWorkbook } from "../../src/files/write-workbook";
import { type GeneratedUnit, generateUnit, type Resubmission, resubmitUnit } from "../../src/sample";

/**
 * The appraisal round on the command line, on a generated folder: six units, one resubmitted (the newer
 * file, laid out differently, three cells changed), one file that is not a workbook, one unit not on
 * the list and one on the list that sent nothing. The sheets written are opened in LibreOffice.
 */
const BIN = join(process.cwd(), "bin", "par-index.js");
const rubric = builtinRubric("example-commune-2024") as Rubric;
const SEED = 31;
const T0 = Date.UTC(2025, 2, 10, 2, 0) / 1000;

let dir: string;
let units: string;
let made: GeneratedUnit[];
let resubmission: Resubmission;
let resubmittedFile: string;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8", PAR_INDEX_LANG: "en" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The self score of the evidence-based part: the scored areas' sums as generated. */
function evidencePart(u: GeneratedUnit): number {
  return ["1", "2", "3", "4", "5", "6", "7"].reduce((sum, area) => sum + u.truth.totals[area].self, 0);
}

async function write(path: string, u: GeneratedUnit, mtime: number) {
  writeFileSync(path, await writeWorkbook(u.sheets));
  utimesSync(path, mtime, mtime);
}

beforeAll(async () => {
  if (!existsSync(join(process.cwd(), "build", "cli", "main.mjs")))
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  dir = mkdtempSync(join(tmpdir(), "par-round-"));
  units = join(dir, "units");
  mkdirSync(units);
  made = [0, 1, 2, 3, 4, 5].map((index) => generateUnit(rubric, { seed: SEED, index, appraisal: 1 }));
  for (const u of made.slice(0, 4)) await write(join(units, u.fileName), u, T0);
  // Unit 4 sent a CSV renamed .xlsx: unreadable, matched to the list by its file name.
  writeFileSync(join(units, made[4].fileName), "STT;Nội dung;Điểm\n1;Chỉ đạo;16\n");
  // Unit 5 is not on the list.
  await write(join(units, made[5].fileName), made[5], T0);
  // Unit 0 resubmits an hour later: header moved down, columns reordered, a score and two texts changed.
  const leaf = "2.2";
  const was = made[0].truth.scores[leaf].self;
  resubmission = resubmitUnit(
    rubric,
    { seed: SEED, index: 0, appraisal: 1 },
    [
      { item: leaf, self: was === 2 ? 1 : 2 },
      { item: "1.1.1", evidence: "Kế hoạch số 15/KH-UBND ngày 20/01/2024 (bổ sung)" },
      { item: "3.1", explanation: "Đã bổ sung văn bản theo yêu cầu của Tổ thẩm định" },
    ],
    ["moved-header", "reordered-columns"],
  );
  resubmittedFile = made[0].fileName.replace(/\.xlsx$/, " (bo sung).xlsx");
  await write(join(units, resubmittedFile), resubmission.unit, T0 + 3600);
  // The list spells one unit with "UBND" and one without diacritics; one listed unit sent nothing.
  const list = [
    `UBND ${made[0].name}`,
    made[1].name,
    made[2].name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""),
    made[3].name,
    made[4].name,
    "Xã Chưa Nộp",
  ];
  writeFileSync(join(dir, "don-vi.csv"), `Tên đơn vị\n${list.join("\n")}\n`);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("par-index intake", () => {
  it("one row per expected unit: received, duplicate (newer file counts), unreadable, missing, not on the list", () => {
    const r = cli(["intake", units, "--expected", "don-vi.csv", "--json"]);
    expect(r.status).toBe(1);
    const intake = JSON.parse(r.stdout) as {
      rows: { unit: string; status: string; submission: { file: string; evidencePart: number } | null }[];
      counts: Record<string, number>;
    };
    const status = Object.fromEntries(
      intake.rows.map((x) => [x.unit, [x.status, x.submission?.file ?? null]]),
    );
    expect(status).toEqual({
      [`UBND ${made[0].name}`]: ["duplicate", resubmittedFile],
      [made[1].name]: ["received", made[1].fileName],
      [made[2].name.normalize("NFD").replace(/[\u0300-\u036f]/g, "")]: ["received", made[2].fileName],
      [made[3].name]: ["received", made[3].fileName],
      [made[4].name]: ["unreadable", made[4].fileName],
      "Xã Chưa Nộp": ["missing", null],
      [made[5].name]: ["not-on-list", made[5].fileName],
    });
    expect(intake.counts).toEqual({ received: 3, missing: 1, unreadable: 1, duplicate: 1, "not-on-list": 1 });
    // The resubmission's figures count, with the changed score in its evidence part.
    const dup = intake.rows.find((x) => x.status === "duplicate");
    const selfBefore = evidencePart(made[0]);
    const change = resubmission.changes.find((c) => c.field === "self");
    expect(dup?.submission?.evidencePart).toBeCloseTo(
      selfBefore + (change?.new as number) - (change?.old as number),
      2,
    );
  });

  it("without --expected every file's unit has a row; a list that cannot be read is a usage error", () => {
    const r = cli(["intake", units, "--json"]);
    const intake = JSON.parse(r.stdout) as { counts: Record<string, number> };
    expect(intake.counts.missing).toBe(0);
    expect(intake.counts["not-on-list"]).toBe(0);
    const bad = cli(["intake", units, "--expected", "khong-co.csv"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("khong-co.csv");
  });
});

describe("par-index diff", () => {
  it("finds exactly the changed cells, by item, and tells the layout change apart", () => {
    const r = cli(["diff", join(units, made[0].fileName), join(units, resubmittedFile), "--json"]);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as {
      items: { item: string; status: string; changes: { field: string; old: unknown; new: unknown }[] }[];
      structure: { kind: string; role?: string }[];
      totals: { code: string; old: { self: number }; new: { self: number } }[];
    };
    const changed = new Set(resubmission.changes.map((c) => c.item));
    const leafChanges = d.items
      .filter((i) => changed.has(i.item))
      .flatMap((i) => i.changes.map((c) => ({ item: i.item, field: c.field, old: c.old, new: c.new })));
    const byItem = (a: { item: string }, b: { item: string }) => a.item.localeCompare(b.item);
    expect(leafChanges.sort(byItem)).toEqual(
      resubmission.changes
        .map((c) => ({ item: c.item, field: c.field, old: c.old, new: c.new }))
        .sort(byItem),
    );
    // The parents above the changed score changed with it (their totals), nothing else did.
    expect(d.items.filter((i) => !changed.has(i.item)).map((i) => i.item)).toEqual(["2"]);
    expect(d.structure.map((s) => s.kind)).toContain("rows-moved");
    expect(d.structure.filter((s) => s.kind === "column-moved").length).toBeGreaterThan(0);
    const area2 = d.totals.find((t) => t.code === "2");
    const change = resubmission.changes[0];
    expect((area2?.new.self ?? 0) - (area2?.old.self ?? 0)).toBeCloseTo(
      (change.new as number) - (change.old as number),
      6,
    );
  });

  it("needs exactly two files, and never writes over one of them", () => {
    expect(cli(["diff", join(units, made[0].fileName)]).status).toBe(2);
    const a = join(units, made[1].fileName);
    const before = readFileSync(a);
    const r = cli(["diff", a, join(units, made[2].fileName), "-o", a]);
    expect(r.status).toBe(2);
    expect(readFileSync(a).equals(before)).toBe(true);
  });
});

describe("par-index appraisal", () => {
  it("writes one file per readable unit to the output folder; refuses an output folder inside the input", () => {
    const inside = cli(["appraisal", units, "-o", join(units, "ket-qua")]);
    expect(inside.status).toBe(2);
    expect(existsSync(join(units, "ket-qua"))).toBe(false);
    const r = cli(["appraisal", units, "-o", join(dir, "tham-dinh")]);
    expect(r.status).toBe(1); // the CSV renamed .xlsx
    expect(r.stderr).toContain(made[4].fileName);
    // The resubmitted unit gets one sheet, from its newer file; the older one is named as skipped.
    expect(r.stderr).toContain(`${resubmittedFile} (the newer) is used, ${made[0].fileName} skipped`);
    const written = readdirSync(join(dir, "tham-dinh")).sort();
    expect(written).toEqual(
      [made[1], made[2], made[3], made[5]]
        .map((u) => u.fileName.replace(/\.xlsx$/, " - Ket qua tham dinh.xlsx"))
        .concat(resubmittedFile.replace(/\.xlsx$/, " - Ket qua tham dinh.xlsx"))
        .sort(),
    );
  });
});

// --- LibreOffice opens what we wrote, with the right values ------------------------------------

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const inCi = process.env.CI === "true";
if (!soffice && !inCi)
  console.warn("round.test.ts: LibreOffice (soffice) is not installed: the LibreOffice checks are skipped.");

/** Minimal RFC 4180 reader: LibreOffice quotes fields holding commas, quotes or line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Every file converted in one soffice run (a private profile: other test runs may start soffice too). */
function toCsv(files: string[]): string[][][] {
  const out = join(dir, "csv");
  mkdirSync(out, { recursive: true });
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, "lo-profile")).href}`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76",
      "--outdir",
      out,
      ...files,
    ],
    { timeout: 110_000, stdio: "ignore" },
  );
  return files.map((f) => parseCsv(readFileSync(join(out, basename(f).replace(/\.xlsx$/, ".csv")), "utf8")));
}

describe("the written sheets in LibreOffice", () => {
  it.skipIf(!soffice && !inCi)(
    "intake, diff and appraisal sheets show the right values (skipped when soffice is not installed; fails in CI)",
    () => {
      if (!soffice)
        throw new Error("LibreOffice (soffice) is required in CI: apt-get install libreoffice-calc-nogui");
      // The sheets in Vietnamese (the run's env says English; --lang wins), as the values below are worded.
      expect(
        cli(["intake", units, "--expected", "don-vi.csv", "-o", "tiep-nhan.xlsx", "--lang", "vi"]).status,
      ).toBe(1);
      expect(
        cli([
          "diff",
          join(units, made[0].fileName),
          join(units, resubmittedFile),
          "-o",
          "so-sanh.xlsx",
          "--lang",
          "vi",
        ]).status,
      ).toBe(0);
      expect(cli(["appraisal", join(units, made[1].fileName), "-o", "td", "--lang", "vi"]).status).toBe(0);
      const appraisalFile = join(dir, "td", made[1].fileName.replace(/\.xlsx$/, " - Ket qua tham dinh.xlsx"));
      const [intake, diff, appraisal] = toCsv([
        join(dir, "tiep-nhan.xlsx"),
        join(dir, "so-sanh.xlsx"),
        appraisalFile,
      ]);

      // Intake: chase-first order, the missing unit first; the received units' self totals as computed.
      const header = intake.findIndex((r) => r[0] === "Trạng thái");
      expect(intake[header + 1].slice(0, 2)).toEqual(["Chưa nộp", "Xã Chưa Nộp"]);
      const unit1 = intake.find((r) => r[1] === made[1].name);
      expect(unit1?.[0]).toBe("Đã nhận");
      expect(unit1?.[2]).toBe(made[1].fileName);
      expect(Number(unit1?.[5])).toBeCloseTo(evidencePart(made[1]), 2);
      expect(intake.find((r) => r[1] === made[4].name)?.[0]).toBe("Không đọc được");

      // Diff: the changed score, with both cells, and the evidence text as typed.
      const [change] = resubmission.changes;
      const scoreRow = diff.find((r) => r[0] === change.item && r[3] === "Tự đánh giá");
      expect(Number(scoreRow?.[4])).toBe(change.old);
      expect(Number(scoreRow?.[5])).toBe(change.new);
      expect(scoreRow?.[6]).toMatch(/^[A-Z]+\d+$/);
      expect(diff.find((r) => r[0] === "1.1.1")?.[5]).toBe(resubmission.changes[1].new);

      // Appraisal: each scored area's self and appraised totals as generated.
      for (const area of ["1", "2", "3", "4", "5", "6", "7"]) {
        const row = appraisal.find((r) => r[0] === area);
        expect({ area, self: Number(row?.[3]) }).toEqual({ area, self: made[1].truth.totals[area].self });
        expect({ area, appraised: Number(row?.[4]) }).toEqual({
          area,
          appraised: made[1].truth.totals[area].appraised1,
        });
      }
      // The rubric first (issue #24), then the title and the unit.
      expect(String(appraisal[0][0])).toMatch(/^Bộ chỉ số: /);
      expect(appraisal[2].slice(0, 2)).toEqual(["Đơn vị:", made[1].name]);
    },
    120_000,
  );
});
