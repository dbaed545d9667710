// The bench rows of issues #22 and #24, each runnable alone (`npm run bench -- --only units|side|diff`):
// - units: one consolidation workbook of N unit sheets through validate, score, intake, appraisal and rank,
//   each of which must report N units (#22: "the 1,000-sheet workbook is 1,000 units everywhere");
// - side: the largest side file each reader allows (survey, expected list, previous ranking, unit map),
//   at the limits read from the code, against the per-file budget (#24 item 3: ≤ 2 s, ≤ 300 MB);
// - diff: two workbooks of N items with every row moved, `par-index diff a b` (#24 item 3: ≤ 2 s).
// Each command runs in its own process (test/reliability/hostile-run.mjs) so its time and peak RSS are its
// own. Nothing here passes or fails a test: a count that is wrong prints a FAIL line and is kept in the JSON.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CSV_LIMITS } from "../src/core/csv";
import { requireRubric } from "../src/core/rubric/load";
import type { Rubric, RubricItem } from "../src/core/rubric/schema";
import type { SheetSpec } from "../src/core/sheet-spec";
import { floorParse } from "../src/files/floor";
import { writeWorkbook } from "../src/files/write-workbook";
import { consolidationWorkbook, generateUnit, generateUnits } from "../src/sample";

/** The per-file budget of #13 and #24 item 3: one file, one command. */
export const BUDGET = { ms: 2000, rssMB: 300 };
/**
 * A 1,000-sheet workbook is a 1,000-unit batch in one file: held to the batch's budgets (peak RSS
 * < 500 MB, time ≤ 1.5× the floor of reading it: single-threaded unzip + SAX of the parts, nothing else).
 */
export const BATCH_BUDGET = { rssMB: 500, floorRatio: 1.5 };
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

export interface Measured {
  ms: number;
  rssMB: number;
  exit: number | null;
  stdout: string;
  stderr: string;
}

/** One command of the built CLI in its own process with a capped heap: its wall time and peak RSS. */
export function measureCli(args: string[], heapMB = 1024): Measured {
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapMB}`, "test/reliability/hostile-run.mjs", "build/cli/main.mjs", ...args],
    { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 },
  );
  const line = /@@measure (.*)$/m.exec(r.stderr ?? "");
  const m = line
    ? (JSON.parse(line[1]) as { ms: number; rssMb: number })
    : { ms: Number.NaN, rssMb: Number.NaN };
  return {
    ms: round(m.ms),
    rssMB: round(m.rssMb),
    exit: r.status,
    stdout: r.stdout ?? "",
    stderr: (r.stderr ?? "").replace(/\n?@@measure .*$/m, ""),
  };
}

function jsonOf(out: string): Record<string, unknown> | null {
  try {
    return JSON.parse(out) as Record<string, unknown>;
  } catch {
    return null;
  }
}

type Rows = Record<string, unknown>[];

/** The number of units each command says it read, from its own output (the count #22 is about). */
export const UNIT_COUNTS = {
  validate: (out: string) => ((jsonOf(out)?.files as Rows | undefined) ?? []).length,
  score: (out: string) => ((jsonOf(out)?.units as Rows | undefined) ?? []).length,
  // A received unit is a row with a submission; a second copy of the same name sits in `others`.
  intake: (out: string) =>
    ((jsonOf(out)?.rows as Rows | undefined) ?? []).reduce(
      (n, r) => n + (r.submission ? 1 : 0) + ((r.others as unknown[] | undefined)?.length ?? 0),
      0,
    ),
  rank: (out: string) => {
    const j = jsonOf(out);
    const groups = (j?.groups as { units: unknown[] }[] | undefined) ?? [];
    return (
      groups.reduce((n, g) => n + g.units.length, 0) + ((j?.unranked as unknown[] | undefined)?.length ?? 0)
    );
  },
};

export interface CommandRow {
  command: string;
  ms: number;
  rssMB: number;
  exit: number | null;
  units: number;
  /** Every sheet reported as a unit. */
  ok: boolean;
  /** Within the per-file budget (BUDGET). */
  within: boolean;
  /** Wall time ÷ the floor of reading the same file. */
  floorRatio: number;
  /** Within the batch's budgets (BATCH_BUDGET). */
  withinBatch: boolean;
}

/**
 * #22: one consolidation workbook of `sheets` unit sheets (src/sample's generator, one sheet per unit as a
 * secretariat copies them in) through the five commands that read units; each must report every sheet.
 */
export async function unitSheets(rubric: Rubric, sheets: number) {
  const dir = mkdtempSync(join(tmpdir(), "par-index-sheets-"));
  try {
    const units = generateUnits(rubric, { count: sheets, seed: 2222, appraisal: 1 });
    const file = join(dir, "tong-hop.xlsx");
    let t0 = performance.now();
    writeFileSync(file, await writeWorkbook(consolidationWorkbook(units)));
    const writeSeconds = round((performance.now() - t0) / 1000, 1);
    const bytes = readFileSync(file);
    floorParse(bytes); // warm-up
    t0 = performance.now();
    floorParse(bytes);
    const floorMs = round(performance.now() - t0);
    const rows: CommandRow[] = [];
    for (const command of ["validate", "score", "intake", "rank"] as const) {
      const m = measureCli([command, file, "--json"], 2048);
      const count = UNIT_COUNTS[command](m.stdout);
      rows.push({
        command,
        ms: m.ms,
        rssMB: m.rssMB,
        exit: m.exit,
        units: count,
        ok: count === sheets,
        within: within(m),
        floorRatio: round(m.ms / floorMs, 2),
        withinBatch: m.rssMB < BATCH_BUDGET.rssMB && m.ms / floorMs <= BATCH_BUDGET.floorRatio,
      });
    }
    // appraisal writes one file per unit and has no --json: the files it wrote are its count.
    const out = join(dir, "tham-dinh");
    t0 = performance.now();
    const m = measureCli(["appraisal", file, "-o", out], 2048);
    const written = safeCount(out);
    rows.push({
      command: "appraisal",
      ms: m.ms,
      rssMB: m.rssMB,
      exit: m.exit,
      units: written,
      ok: written === sheets,
      within: within(m),
      floorRatio: round(m.ms / floorMs, 2),
      withinBatch: m.rssMB < BATCH_BUDGET.rssMB && m.ms / floorMs <= BATCH_BUDGET.floorRatio,
    });
    return { sheets, fileMB: round(bytes.length / 1e6, 2), writeSeconds, floorMs, commands: rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const within = (m: Measured) => m.ms <= BUDGET.ms && m.rssMB <= BUDGET.rssMB;

function safeCount(dir: string): number {
  try {
    return readdirSync(dir).filter((f) => f.endsWith(".xlsx")).length;
  } catch {
    return 0;
  }
}

type SideKind = "survey" | "expected" | "previous" | "map";

interface SideLimits {
  /** Largest text side file each reader accepts, in bytes. */
  bytes: Record<SideKind, number>;
  /** Most rows a side file may hold. */
  rows: number;
  /** Where the numbers were read from. */
  from: string;
}

/**
 * The side-file caps as the code enforces them: the bounded reader's (src/cli/side-file.ts, from the
 * "safety" work) when this tree has it, else the CSV reader's (core/csv.ts), the only cap before it.
 * Read at run time so the rows follow the code's numbers as they change.
 */
export async function sideLimits(): Promise<SideLimits> {
  const path = "../src/cli/side-file";
  try {
    const m = (await import(path)) as {
      SIDE_FILE_BYTES: Record<SideKind, { text: number }>;
      MAX_SIDE_ROWS: number;
    };
    const bytes = {} as Record<SideKind, number>;
    for (const k of ["survey", "expected", "previous", "map"] as const) bytes[k] = m.SIDE_FILE_BYTES[k].text;
    return { bytes, rows: m.MAX_SIDE_ROWS, from: "src/cli/side-file.ts SIDE_FILE_BYTES/MAX_SIDE_ROWS" };
  } catch {
    const b = CSV_LIMITS.bytes;
    return {
      bytes: { survey: b, expected: b, previous: b, map: b },
      rows: CSV_LIMITS.rows,
      from: "src/core/csv.ts CSV_LIMITS (no src/cli/side-file.ts in this tree; --previous JSON has no cap here)",
    };
  }
}

/**
 * Lines that fill `bytes` (UTF-8) in at most `rows` rows: the first rows name the real units, the rest
 * are long made-up names, so the reader parses a full file and the merge still meets real units.
 */
function fillLines(
  bytes: number,
  rows: number,
  header: string,
  real: readonly string[],
  line: (name: string, i: number) => string,
): string {
  const budget = bytes - Buffer.byteLength(`${header}\n`);
  const count = Math.max(real.length, rows - 1);
  // Each line's share of the budget; a made-up name is padded to it (ASCII, one byte a character).
  const share = Math.floor(budget / count);
  const out: string[] = [header];
  let used = 0;
  for (let i = 0; i < count; i++) {
    let text: string;
    if (i < real.length) text = line(real[i], i);
    else {
      const bare = line("", i);
      const pad = Math.max(1, share - Buffer.byteLength(bare) - 1);
      text = line(`Don vi ${i} ${"x".repeat(pad)}`.slice(0, pad), i);
    }
    const size = Buffer.byteLength(text) + 1;
    if (used + size > budget) break;
    out.push(text);
    used += size;
  }
  return `${out.join("\n")}\n`;
}

/**
 * #24 item 3: each side file at the largest size its reader allows, through the command that reads it,
 * beside the same command without it (the cost of the side file is the difference).
 */
export async function sideFiles(rubric: Rubric, fraction = 1, unitCount = 20) {
  const limits = await sideLimits();
  // `fraction` < 1 makes every file that share of its limit (to try the rows out on a shared machine).
  const size = {} as Record<SideKind, number>;
  for (const k of Object.keys(limits.bytes) as SideKind[]) size[k] = Math.floor(limits.bytes[k] * fraction);
  const rowCap = Math.max(2, Math.floor(limits.rows * fraction));
  const dir = mkdtempSync(join(tmpdir(), "par-index-side-"));
  try {
    const unitsDir = join(dir, "units");
    mkdirSync(unitsDir);
    const units = generateUnits(rubric, { count: unitCount, seed: 2424, appraisal: 1 });
    const names: string[] = [];
    for (const u of units) {
      writeFileSync(join(unitsDir, u.fileName), await writeWorkbook(u.sheets));
      names.push(u.truth.unitName ?? u.fileName.replace(/\.xlsx$/i, ""));
    }
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const files: Record<SideKind, string> = {
      survey: join(dir, "survey.csv"),
      expected: join(dir, "expected.csv"),
      previous: join(dir, "previous.json"),
      map: join(dir, "map.csv"),
    };
    writeFileSync(
      files.survey,
      fillLines(size.survey, rowCap, "Đơn vị,Điểm điều tra", names, (n, i) => `${q(n)},${(i % 25) + 0.5}`),
    );
    writeFileSync(
      files.expected,
      fillLines(size.expected, rowCap, "Đơn vị", names, (n) => q(n)),
    );
    writeFileSync(
      files.map,
      fillLines(size.map, rowCap, "Đơn vị cũ,Đơn vị mới", names, (n, i) =>
        i < names.length ? `${q(`${n} (cũ)`)},${q(n)}` : `${q(`${n} a`)},${q(`${n} b`)}`,
      ),
    );
    // The previous ranking as JSON: `{ year, units: [{ unit, rank, score }] }`, one entry a line.
    // One entry a line, each with its comma (the last one's dropped), inside the 30-byte frame.
    const entries = fillLines(
      size.previous - 32,
      rowCap,
      "",
      names,
      (n, i) => `${JSON.stringify({ unit: n, rank: i + 1, score: 90 - (i % 50) })},`,
    );
    writeFileSync(files.previous, `{"year":2023,"units":[${entries.replace(/,\n$/, "")}]}\n`);
    const small = join(dir, "previous-small.json");
    writeFileSync(
      small,
      JSON.stringify({
        year: 2023,
        units: names.map((n, i) => ({ unit: `${n} (cũ)`, rank: i + 1, score: 80 })),
      }),
    );
    const runs: { kind: SideKind | "baseline-rank" | "baseline-intake"; command: string[] }[] = [
      { kind: "baseline-rank", command: ["rank", unitsDir, "--json"] },
      { kind: "baseline-intake", command: ["intake", unitsDir, "--json"] },
      { kind: "survey", command: ["rank", unitsDir, "--survey", files.survey, "--json"] },
      { kind: "expected", command: ["intake", unitsDir, "--expected", files.expected, "--json"] },
      { kind: "previous", command: ["rank", unitsDir, "--previous", files.previous, "--json"] },
      {
        kind: "map",
        command: ["rank", unitsDir, "--previous", small, "--previous-map", files.map, "--json"],
      },
    ];
    const rows = runs.map(({ kind, command }) => {
      const m = measureCli(command, 1024);
      const file = kind in files ? files[kind as SideKind] : null;
      const bytes = file ? Buffer.byteLength(readText(file)) : 0;
      return {
        kind,
        command: command
          .slice(0, 1)
          .concat(command.slice(2).map((a) => a.replace(dir, "…")))
          .join(" "),
        bytes,
        limitBytes: kind in limits.bytes ? limits.bytes[kind as SideKind] : null,
        ms: m.ms,
        rssMB: m.rssMB,
        exit: m.exit,
        within: m.ms <= BUDGET.ms && m.rssMB <= BUDGET.rssMB,
        stderrHead: m.exit === 0 || m.exit === 1 ? "" : m.stderr.trim().split("\n").slice(0, 2).join(" | "),
      };
    });
    return { limitsFrom: limits.from, rowsLimit: limits.rows, fraction, units: unitCount, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readText(path: string): string {
  return readFileSync(path, "utf8");
}

/** A rubric of `items` leaves under 20 areas of 10 criteria: the diff's 20,000-item workbook. */
function flatRubric(items: number): Rubric {
  const areas = 20;
  const criteria = 10;
  // `items` counts every rubric item (areas and criteria too), and the rubric loader refuses more than
  // 20,000: 20,000 asked is 98 leaves per criterion, 19,820 items in all.
  const leaves = Math.max(1, Math.floor((items - areas - areas * criteria) / (areas * criteria)));
  return bigRubric(areas, criteria, leaves, "bench-diff");
}

/** A rubric with `areas × criteria × leaves` leaves, each worth 1 point (the bench's large rubrics). */
export function bigRubric(areas: number, criteria: number, leaves: number, id = "bench"): Rubric {
  const items: RubricItem[] = [];
  for (let a = 1; a <= areas; a++) {
    const children: RubricItem[] = [];
    for (let c = 1; c <= criteria; c++) {
      const kids: RubricItem[] = [];
      for (let l = 1; l <= leaves; l++)
        kids.push({ code: `${a}.${c}.${l}`, label: `Tiêu chí thành phần ${a}.${c}.${l}`, max: 1 });
      children.push({ code: `${a}.${c}`, label: `Tiêu chí ${a}.${c}`, max: leaves, children: kids });
    }
    items.push({ code: String(a), label: `Lĩnh vực ${a}`, max: criteria * leaves, children });
  }
  return requireRubric(
    { id, name: `Bench (${id})`, year: 2024, unitLevel: "commune", precision: 2, items },
    id,
  );
}

/** The same sheet with its table's data rows in reverse order: every item row moved, no value changed. */
function reverseRows(sheet: SheetSpec, firstRow: number, lastRow: number): SheetSpec {
  const cells = sheet.cells.map((c) =>
    c.row >= firstRow && c.row <= lastRow ? { ...c, row: firstRow + lastRow - c.row } : c,
  );
  return { ...sheet, cells };
}

/** #24 item 3: `par-index diff a b` of two workbooks of `items` items, every row moved. */
export async function bigDiff(items: number) {
  const dir = mkdtempSync(join(tmpdir(), "par-index-diff-"));
  try {
    const rubric = flatRubric(items);
    const unit = generateUnit(rubric, { seed: 24, index: 0, appraisal: 1 });
    const sheet = unit.sheets[0];
    const first = unit.truth.headerRow + unit.truth.headerRowCount;
    // A reduce, not Math.max(...rows): 200,000 cells spread as arguments overflow the stack.
    const last = sheet.cells.reduce((m, c) => Math.max(m, c.row), 0);
    const a = join(dir, "a.xlsx");
    const b = join(dir, "b.xlsx");
    writeFileSync(a, await writeWorkbook(unit.sheets));
    writeFileSync(b, await writeWorkbook([reverseRows(sheet, first, last), ...unit.sheets.slice(1)]));
    const rubricFile = join(dir, "rubric.json");
    writeFileSync(rubricFile, JSON.stringify(rubric));
    const m = measureCli(["diff", a, b, "--rubric", rubricFile, "--json"], 1024);
    const d = jsonOf(m.stdout) as {
      items?: unknown[];
      unchanged?: number;
      structure?: unknown[];
      problems?: unknown[];
    } | null;
    return {
      items: countLeaves(rubric.items),
      ms: m.ms,
      rssMB: m.rssMB,
      exit: m.exit,
      // Rows moved, nothing changed: the diff should say so in few lines (#24: "summarising moved blocks").
      structureLines: d?.structure?.length ?? null,
      changedItems: d?.items?.length ?? null,
      unchangedItems: d?.unchanged ?? null,
      problems: d?.problems?.length ?? null,
      within: m.ms <= BUDGET.ms && m.rssMB <= BUDGET.rssMB,
      stderrHead: d ? "" : m.stderr.trim().split("\n").slice(0, 2).join(" | "),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function countLeaves(items: readonly RubricItem[]): number {
  return items.reduce((n, i) => n + (i.children?.length ? countLeaves(i.children) : 1), 0);
}
