import { spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BasisFacts, basisReasonFor } from "../../src/core/basis-words";
import type { Finding } from "../../src/core/finding";
import { askedPart } from "../../src/app/rank-choice";
import { type RankInput, type Ranking, rankUnits } from "../../src/core/rank";
import type { UnitScore } from "../../src/core/score";
import { createExcelService } from "../../src/excel/service";
import { readWorkbook } from "../../src/files/read-workbook";
import { type CheckedFile, checkBytes, type RankChoice, rankFiles } from "../../src/standalone/check";
import { rankInputsFromFiles } from "../../src/taskpane/files";
import { surveyMaxOf } from "../../src/core/survey";
import { writeWorkbook } from "../../src/files/write-workbook";
import { readSurveyPick, surveyOutcome } from "../../src/taskpane/survey-import";
import { readSurvey, surveyOfFiles } from "../../src/standalone/check";
import { FakeExcelHost } from "../fake-excel/host";
import { installFakeOffice } from "../fake-excel/install";
import { generatedSet, RUBRIC_ID, rubric, type SetPlan } from "./fixture";

/**
 * Issue #22's parity test: one generated folder through the three faces — the built CLI's `--json`
 * (validate, rank), the pane's check on the strict fake host with its file ranking, and the standalone
 * page's engine — must give the same units, totals, findings, skipped sheets, ranks, ties and unranked
 * reasons. A disagreement names the first differing field.
 */

/** What every face must agree on about one unit (or one file that gave none). */
interface UnitView {
  file: string;
  sheet: string | null;
  unit: string | null;
  totals: {
    areas: { code: string; self: number | null; final: number | null }[];
    bonus: number | null;
    penalty: number | null;
    index: number | null;
  } | null;
  findings: {
    code: string;
    severity: string;
    sheet: string | null;
    address: string | null;
    item: string | null;
  }[];
}

interface FaceView {
  units: UnitView[];
  skipped: { file: string; sheet: string; reason: string }[];
  ranking: {
    groups: {
      label: string;
      units: {
        unit: string;
        source: string;
        sheet: string | null;
        rank: number | null;
        tied: boolean;
        score: number | null;
      }[];
    }[];
    unranked: { unit: string; source: string; reason: string; evidenceScore: number | null }[];
    findings: { code: string; severity: string; found: unknown }[];
    /**
     * Which basis was ranked, why, which units lack their survey score: every face must say the same. Each
     * face words it with its own "how to choose otherwise" (core/basis-words.ts), so the words compared are
     * those the same facts give on one face, the CLI's; "each face its own hint" below checks each face's.
     */
    basis: {
      part: string;
      source: string;
      facts: BasisFacts;
      reason: string;
      withoutSurvey: boolean;
      note: boolean;
    };
  };
}

const findingView = (f: Finding) => ({
  code: f.code,
  severity: f.severity,
  sheet: f.sheet,
  address: f.address,
  item: f.item,
});
const sortFindings = (fs: UnitView["findings"]) =>
  [...fs].sort((a, b) =>
    `${a.code}|${a.sheet}|${a.address}|${a.item}|${a.severity}`.localeCompare(
      `${b.code}|${b.sheet}|${b.address}|${b.item}|${b.severity}`,
    ),
  );

function totalsOf(s: UnitScore): UnitView["totals"] {
  return {
    areas: s.areas.map((a) => ({ code: a.code, self: a.scores.self, final: a.scores.final })),
    bonus: s.bonus.final,
    penalty: s.penalty.final,
    index: s.index.final,
  };
}

function rankingView(r: Ranking): FaceView["ranking"] {
  return {
    groups: r.groups.map((g) => ({
      label: g.label,
      units: g.units.map((u) => ({
        unit: u.unit,
        source: u.source,
        sheet: u.sheet ?? null,
        rank: u.rank,
        tied: u.tied,
        score: u.score,
      })),
    })),
    unranked: r.unranked
      .map((u) => ({
        unit: u.unit,
        source: u.source,
        reason: u.reason.en,
        evidenceScore: u.evidenceScore ?? null,
      }))
      .sort((a, b) => `${a.source}|${a.unit}`.localeCompare(`${b.source}|${b.unit}`)),
    findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, found: f.found ?? null })),
    basis: {
      part: r.basis,
      source: r.basisSource,
      facts: r.basisFacts,
      reason: basisReasonFor(r.basisFacts, "cli").en,
      withoutSurvey: r.withoutSurvey,
      note: r.basisNote !== null,
    },
  };
}

const byPlace = (a: UnitView, b: UnitView) =>
  `${a.file}|${a.sheet ?? ""}`.localeCompare(`${b.file}|${b.sheet ?? ""}`);

/** The first field where two values differ, as a path ("units[3].totals.bonus"), and how many leaves agreed. */
function compare(a: unknown, b: unknown, path: string, counter: { fields: number }): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length: ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = compare(a[i], b[i], `${path}[${i}]`, counter);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = compare(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
        counter,
      );
      if (d) return d;
    }
    return null;
  }
  counter.fields++;
  return Object.is(a, b) || a === b ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

const BIN = join(process.cwd(), "bin", "par-index.js");
let plan: SetPlan;
let dir: string;
const views: Record<"cli" | "pane" | "page", FaceView> = {} as never;
let paneInputs: RankInput[];
let pageChecked: CheckedFile[];

function cliJson(args: string[]): unknown {
  const r = spawnSync(process.execPath, ["--max-old-space-size=512", BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8", PAR_INDEX_THREADS: "1" },
  });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`par-index ${args[0]} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** (a) The CLI, as users run it: `validate --json` and `rank --json` on the folder. */
function cliView(): FaceView {
  type Entry = {
    file: string;
    unit: string | null;
    sheet: string | null;
    totals: {
      final: number | null;
      bonus: number | null;
      penalty: number | null;
      areas: { code: string; self: number | null; final: number | null }[];
    } | null;
    findings: Finding[];
  };
  const v = cliJson(["validate", dir, "--json", "--rubric", RUBRIC_ID]) as {
    files: Entry[];
    skipped: { file: string; sheet: string; reason: string }[];
  };
  // A file's workbook-wide findings come in an entry of their own (unit null); a file with units keeps
  // them beside its units, as the other faces do.
  const units: UnitView[] = v.files.map((e) => ({
    file: e.file,
    sheet: e.sheet,
    unit: e.unit,
    totals: e.totals
      ? {
          areas: e.totals.areas.map((a) => ({ code: a.code, self: a.self, final: a.final })),
          bonus: e.totals.bonus,
          penalty: e.totals.penalty,
          index: e.totals.final,
        }
      : null,
    findings: sortFindings(e.findings.map(findingView)),
  }));
  const ranking = cliJson(["rank", dir, "--json", "--rubric", RUBRIC_ID]) as Ranking;
  return {
    units: units.sort(byPlace),
    skipped: v.skipped.map((s) => ({ file: s.file, sheet: s.sheet, reason: s.reason })),
    ranking: rankingView(ranking),
  };
}

/** The file-level entry every face gives a file: present when it has no unit or has workbook findings. */
function fileEntry(file: string, findings: readonly Finding[], units: number): UnitView[] {
  return units === 0 || findings.length
    ? [{ file, sheet: null, unit: null, totals: null, findings: sortFindings(findings.map(findingView)) }]
    : [];
}

/** (b) The pane: its check on the strict fake host (one workbook open at a time), its ranking of picked files. */
async function paneView(): Promise<FaceView> {
  const units: UnitView[] = [];
  const skipped: FaceView["skipped"] = [];
  for (const f of plan.files) {
    // Excel cannot open it: the pane meets it only among picked files, in the ranking below.
    if (f.name === plan.unreadable) continue;
    const host = FakeExcelHost.fromSnapshot(readWorkbook(f.bytes, f.name));
    host.name = f.name;
    const installed = installFakeOffice(host);
    try {
      const v = await createExcelService(host.run).validate({ rubric, writeReport: false });
      units.push(...fileEntry(f.name, v.analysis.findings, v.analysis.units.length));
      for (const u of v.analysis.units)
        units.push({
          file: f.name,
          sheet: u.sheet,
          unit: u.unit,
          totals: totalsOf(u.score),
          findings: sortFindings(u.findings.map(findingView)),
        });
      for (const s of v.analysis.skipped ?? [])
        skipped.push({ file: f.name, sheet: s.sheet, reason: s.reason });
    } finally {
      installed.uninstall();
    }
  }
  const picked = plan.files.map(
    (f) => new File([new Uint8Array(f.bytes)], f.name, { lastModified: f.modified }),
  );
  const { inputs } = await rankInputsFromFiles(picked, rubric, () => {});
  paneInputs = inputs;
  const ranking = rankUnits(inputs, { rubric, by: "final", groupBy: "rubric", dense: false });
  return { units: units.sort(byPlace), skipped, ranking: rankingView(ranking) };
}

/** (c) The standalone page's engine: checkBytes with the browser's lastModified, then rankFiles. */
async function pageView(): Promise<FaceView> {
  const checked = await Promise.all(plan.files.map((f) => checkBytes(f.bytes, f.name, rubric, f.modified)));
  pageChecked = checked;
  const units: UnitView[] = [];
  const skipped: FaceView["skipped"] = [];
  for (const c of checked) {
    const a = c.analysis;
    units.push(...fileEntry(c.file, a ? a.findings : c.findings, a?.units.length ?? 0));
    for (const u of a?.units ?? [])
      units.push({
        file: c.file,
        sheet: u.sheet,
        unit: u.unit,
        totals: totalsOf(u.score),
        findings: sortFindings(u.findings.map(findingView)),
      });
    for (const s of a?.skipped ?? []) skipped.push({ file: c.file, sheet: s.sheet, reason: s.reason });
  }
  const ranking = rankFiles(checked, rubric, { by: "final", part: "index", groupBy: "rubric", dense: false });
  return { units: units.sort(byPlace), skipped, ranking: rankingView(ranking) };
}

beforeAll(async () => {
  if (!existsSync(join(process.cwd(), "build", "cli", "main.mjs")))
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  plan = await generatedSet();
  dir = mkdtempSync(join(tmpdir(), "par-index-parity-"));
  for (const f of plan.files) {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    utimesSync(path, f.modified / 1000, f.modified / 1000);
  }
  views.cli = cliView();
  views.pane = await paneView();
  views.page = await pageView();
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("parity: the CLI, the pane and the standalone page give the same answer", () => {
  it("the set covers what the issue asks: a consolidation workbook, a duplicate, a resubmission, an unreadable file, bonus and penalty", () => {
    const cli = views.cli;
    const cons = cli.units.filter((u) => u.file === plan.consolidation.file && u.unit);
    expect(cons.map((u) => u.sheet).sort()).toEqual([...plan.consolidation.unitSheets].sort());
    expect(
      cli.skipped.filter((s) => s.file === plan.consolidation.file).map((s) => [s.sheet, s.reason]),
    ).toEqual([
      ["Hướng dẫn", "no-table"],
      ["Mẫu trống", "blank-template"],
      ["Tổng hợp", "summary"],
    ]);
    const bp = cli.units.find((u) => u.file === plan.bonusPenalty && u.unit);
    expect(bp?.totals?.bonus).toBeGreaterThan(0);
    expect(bp?.totals?.penalty).toBeGreaterThan(0);
    const unranked = cli.ranking.unranked;
    // The older copies are not ranked, the newer are; the unreadable file stays in with its reason.
    // The unit without a survey score is listed apart on the index, with its evidence part, and named.
    expect(unranked.map((u) => u.source).sort()).toEqual(
      [plan.duplicate.older, plan.resubmission.original, plan.unreadable, plan.noSurvey].sort(),
    );
    expect(unranked.find((u) => u.source === plan.noSurvey)?.evidenceScore).toBeGreaterThan(0);
    expect(cli.ranking.basis).toMatchObject({ part: "index", source: "default", withoutSurvey: false });
    expect(cli.ranking.basis.note).toBe(true);
    expect(cli.ranking.basis.reason).toContain("1 of");
    expect(cli.ranking.basis.facts.withoutSurvey).toHaveLength(1);
    const ranked = cli.ranking.groups.flatMap((g) => g.units.map((u) => u.source));
    expect(ranked).toContain(plan.duplicate.newer);
    expect(ranked).toContain(plan.resubmission.resubmitted);
  });

  it.each([["pane"], ["page"]] as const)("the %s agrees with the CLI, field by field", (face) => {
    const counter = { fields: 0 };
    // The pane's check runs on a workbook open in Excel, which an unreadable file never is.
    const cli =
      face === "pane"
        ? { ...views.cli, units: views.cli.units.filter((u) => u.file !== plan.unreadable) }
        : views.cli;
    const diff = compare(cli, views[face], face, counter);
    expect(diff, `first differing field (CLI ≠ ${face})`).toBeNull();
    console.log(
      `parity CLI = ${face}: ${views.cli.units.filter((u) => u.unit).length} units in ${new Set(views.cli.units.map((u) => u.file)).size} files, ${counter.fields} fields compared`,
    );
  });

  it("each face its own hint: the same facts, the CLI's options in rank's words, the card's choice on the page and the pane", () => {
    for (const args of [[], ["--basis", "evidence"]]) {
      const cli = cliJson(["rank", dir, "--json", "--rubric", RUBRIC_ID, ...args]) as Ranking;
      const page = rankFiles(pageChecked, rubric, {
        by: "final",
        part: args.length ? "evidence" : "index",
        groupBy: "rubric",
        dense: false,
      });
      expect(page.basisFacts).toEqual(cli.basisFacts);
      expect(cli.basisReason).toEqual(basisReasonFor(cli.basisFacts, "cli"));
      expect(page.basisReason).toEqual(basisReasonFor(page.basisFacts, "page"));
      expect(cli.basisReason.en).toContain("--basis evidence");
      expect(page.basisReason.en).not.toContain("--basis");
      expect(page.basisReason.en).toContain('"Ranking basis"');
      // The pane says the same facts with its own hint (RankView words them: its rankings come from the service).
      expect(basisReasonFor(cli.basisFacts, "pane").en).not.toContain("--basis");
    }
  });

  /** Every basis the page offers, with the CLI's words for the same choice (`--basis index` is the default). */
  const CHOICES: [string, Pick<RankChoice, "by" | "part">][] = [
    ["--basis evidence", { by: "final", part: "evidence" }],
    ["--by appraised", { by: "appraised", part: "index" }],
    ["--by appraised --basis evidence", { by: "appraised", part: "evidence" }],
    ["--by self", { by: "self", part: "index" }],
    ["--by self --basis evidence", { by: "self", part: "evidence" }],
  ];

  it.each(CHOICES)(
    "the same choice ranks on the same basis: the page and the pane as `rank %s`",
    (args, choice) => {
      const cli = rankingView(
        cliJson(["rank", dir, "--json", "--rubric", RUBRIC_ID, ...args.split(" ")]) as Ranking,
      );
      const page = rankingView(
        rankFiles(pageChecked, rubric, { ...choice, groupBy: "rubric", dense: false }),
      );
      const pane = rankingView(
        rankUnits(paneInputs, {
          rubric,
          by: choice.by,
          basis: askedPart(choice.by, choice.part),
          groupBy: "rubric",
        }),
      );
      for (const [face, view] of [
        ["page", page],
        ["pane", pane],
      ] as const) {
        const diff = compare(cli, view, face, { fields: 0 });
        expect(diff, `first differing field (rank ${args} ≠ ${face})`).toBeNull();
      }
      // The choice matters: each basis ranks something the default does not (a test that cannot fail proves nothing).
      expect(compare(views.cli.ranking, cli, "default", { fields: 0 })).not.toBeNull();
    },
    60_000,
  );

  /**
   * The survey import (the pane's and the page's "Nhập điểm điều tra") against `rank --survey`: the same
   * table, as a Vietnamese-Excel CSV and as a workbook, gives the same scores, ranks and units listed apart
   * on every face, and every face says the same mismatches (the CLI's "!" lines).
   */
  it.each([["csv"], ["xlsx"]] as const)(
    "a survey table (.%s) ranks the same through `rank --survey`, the pane's import and the page's",
    async (ext) => {
      const max = surveyMaxOf(rubric) as number;
      const ranked = views.cli.ranking.groups.flatMap((g) => g.units.map((u) => u.unit));
      const apart = views.cli.ranking.unranked.find((u) => u.source === plan.noSurvey)?.unit as string;
      // Every ranked unit but the first gets a row (spelt "UBND …" in capitals for one), the unit without a
      // survey score gets one, and a row names a unit nobody sent; one row is out of range.
      const rows: [string, number][] = [
        ...ranked
          .slice(1)
          .map((u, i): [string, number] => [
            i === 0 ? `UBND ${u.toUpperCase()}` : u,
            round(max * (0.5 + (i % 5) / 10)),
          ]),
        [apart, round(max * 0.9)],
        ["Xã Không Gửi Biểu", round(max * 0.7)],
        ["Xã Quá Điểm", max + 3],
      ];
      const name = `dieu-tra.${ext}`;
      const bytes =
        ext === "csv"
          ? new TextEncoder().encode(
              [
                "Đơn vị;Điểm điều tra xã hội học",
                ...rows.map(([u, x]) => `${u};${String(x).replace(".", ",")}`),
              ].join("\r\n"),
            )
          : await writeWorkbook([
              {
                name: "Điều tra XHH",
                cells: [
                  { row: 0, col: 0, value: "Đơn vị" },
                  { row: 0, col: 1, value: "Điểm điều tra xã hội học" },
                  ...rows.flatMap(([u, x], i) => [
                    { row: i + 1, col: 0, value: u },
                    { row: i + 1, col: 1, value: x },
                  ]),
                ],
              },
            ]);
      // Beside the units' folder, not in it (the folder is the units), under the name the faces are given.
      const sideDir = mkdtempSync(join(tmpdir(), "par-index-survey-"));
      const path = join(sideDir, name);
      writeFileSync(path, bytes);
      try {
        const run = spawnSync(
          process.execPath,
          ["--max-old-space-size=512", BIN, "rank", dir, "--json", "--rubric", RUBRIC_ID, "--survey", path],
          { encoding: "utf8", env: { ...process.env, LANG: "en_US.UTF-8", PAR_INDEX_THREADS: "1" } },
        );
        expect([0, 1]).toContain(run.status);
        const cli = rankingView(JSON.parse(run.stdout) as Ranking);
        const said = run.stderr
          .split("\n")
          .filter((l) => l.startsWith("! "))
          .map((l) => l.slice(2));
        const picked = () => {
          const f = new File([new Uint8Array(bytes)], name);
          Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.slice().buffer });
          return f;
        };
        // The pane: the picked units' files and the picked table, as RankView's request has them.
        const paneFile = await readSurveyPick(picked(), rubric);
        const files = plan.files.map(
          (f) => new File([new Uint8Array(f.bytes)], f.name, { lastModified: f.modified }),
        );
        const { inputs } = await rankInputsFromFiles(files, rubric, () => {}, paneFile.table.rows);
        const pane = rankingView(rankUnits(inputs, { rubric, by: "final", groupBy: "rubric", dense: false }));
        const paneSaid = await surveyOutcome(paneFile, inputs);
        // The page: the checked files and the table read by the page's engine.
        const pageFile = await readSurvey(picked(), rubric);
        const choice: RankChoice = { by: "final", part: "index", groupBy: "rubric", dense: false };
        const page = rankingView(rankFiles(pageChecked, rubric, choice, pageFile.table.rows));
        const pageSaid = surveyOfFiles(pageChecked, pageFile);
        for (const [face, view] of [
          ["pane", pane],
          ["page", page],
        ] as const) {
          const diff = compare(cli, view, face, { fields: 0 });
          expect(diff, `first differing field (rank --survey ≠ ${face})`).toBeNull();
        }
        for (const outcome of [paneSaid, pageSaid]) {
          const lines = [...outcome.rowProblems, ...outcome.match.problems].map((p) => p.en);
          expect(lines).toEqual(said);
        }
        // The table mattered: the unit without a survey score is ranked now.
        expect(compare(views.cli.ranking, cli, "without survey", { fields: 0 })).not.toBeNull();
        expect(cli.groups.flatMap((g) => g.units.map((u) => u.unit))).toContain(apart);
        // A unit the table has no row for keeps the survey score its own workbook gives (and is named).
        expect(cli.groups.flatMap((g) => g.units.map((u) => u.unit))).toContain(ranked[0]);
        expect(said.some((l) => l.includes('"Xã Không Gửi Biểu"') && l.includes("matches no unit"))).toBe(
          true,
        );
        expect(said.some((l) => l.includes(`"${ranked[0]}"`))).toBe(true);
        expect(said.some((l) => l.includes('"Xã Quá Điểm"') && l.includes("outside 0–"))).toBe(true);
      } finally {
        rmSync(sideDir, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it("the pane's ranking of the open workbook's sheets takes the table as `rank --survey` does on that file", async () => {
    const cons = plan.files.find((f) => f.name === plan.consolidation.file);
    if (!cons) throw new Error("no consolidation workbook in the set");
    const max = surveyMaxOf(rubric) as number;
    const units = views.cli.units.filter((u) => u.file === cons.name && u.unit).map((u) => u.unit as string);
    expect(units.length).toBeGreaterThanOrEqual(3);
    // The first sheet's unit has no row (it keeps its workbook's survey score), the others new scores.
    const csv = [
      "Đơn vị;Điểm điều tra xã hội học",
      ...units.slice(1).map((u, i) => `${u};${String(round(max * (0.55 + i / 10))).replace(".", ",")}`),
      `Xã Không Gửi Biểu;${String(round(max / 2)).replace(".", ",")}`,
    ].join("\n");
    const bytes = new TextEncoder().encode(csv);
    const side = mkdtempSync(join(tmpdir(), "par-index-survey-"));
    try {
      writeFileSync(join(side, "dieu-tra.csv"), bytes);
      writeFileSync(join(side, cons.name), cons.bytes);
      const run = spawnSync(
        process.execPath,
        [
          "--max-old-space-size=512",
          BIN,
          "rank",
          join(side, cons.name),
          "--json",
          "--rubric",
          RUBRIC_ID,
          "--survey",
          join(side, "dieu-tra.csv"),
        ],
        { encoding: "utf8", env: { ...process.env, LANG: "en_US.UTF-8", PAR_INDEX_THREADS: "1" } },
      );
      expect([0, 1]).toContain(run.status);
      const cli = JSON.parse(run.stdout) as Ranking;
      const said = run.stderr
        .split("\n")
        .filter((l) => l.startsWith("! "))
        .map((l) => l.slice(2));
      const host = FakeExcelHost.fromSnapshot(readWorkbook(cons.bytes, cons.name));
      host.name = cons.name;
      const installed = installFakeOffice(host);
      try {
        const picked = new File([new Uint8Array(bytes)], "dieu-tra.csv");
        Object.defineProperty(picked, "arrayBuffer", { value: async () => bytes.slice().buffer });
        const table = await readSurveyPick(picked, rubric);
        const r = await createExcelService(host.run).buildRanking({ rubric, survey: table.table.rows });
        const diff = compare(rankingView(cli), rankingView(r.ranking), "sheets", { fields: 0 });
        expect(diff, "first differing field (rank --survey ≠ the pane's sheets)").toBeNull();
        const outcome = await surveyOutcome(table, r.surveyMatch ?? []);
        expect([...outcome.rowProblems, ...outcome.match.problems].map((p) => p.en)).toEqual(said);
        expect(said).toEqual([
          `No social-survey score for unit "${units[0]}".`,
          'The survey score of "Xã Không Gửi Biểu" (B4) matches no unit.',
        ]);
        // The table mattered: the ranking differs from the same sheets ranked without it.
        const without = await createExcelService(host.run).buildRanking({ rubric });
        expect(
          compare(rankingView(without.ranking), rankingView(r.ranking), "x", { fields: 0 }),
        ).not.toBeNull();
      } finally {
        installed.uninstall();
      }
    } finally {
      rmSync(side, { recursive: true, force: true });
    }
  }, 120_000);
});

const round = (x: number) => Math.round(x * 100) / 100;
