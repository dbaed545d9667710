/**
 * The layout zoo (issue #12 point 8): templates and unit workbooks laid out the way provinces lay them
 * out, drawn at random from every feature of points 2, 4 and 5 plus the fixed cases the issue names.
 * The generator plants and records; this suite runs the engine (rubric import → analyse → rank) and
 * holds it to what was planted. Replay a run with PAR_ZOO_SEED=<seed> (printed below); CI pins it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AnalyseOptions,
  analyseWorkbook,
  type UnitAnalysis,
  type WorkbookAnalysis,
} from "../../src/core/analyse";
import type { Finding } from "../../src/core/finding";
import { rankUnits } from "../../src/core/rank";
import { importRubricFromWorkbook, type RubricImport } from "../../src/core/rubric/import";
import type { Rubric, RubricItem } from "../../src/core/rubric/schema";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { randomVariants, zooSeed } from "./arbitrary";
import { AGENCY, BASELINE, COMMUNE, CONSOLIDATION, FEATURE_VARIANTS } from "./fixed";
import {
  bareCode,
  type ExpectedItem,
  type GeneratedUnit,
  type GeneratedVariant,
  generateVariant,
  instructionsSheet,
  summarySheet,
} from "./generate";
import type { Grid } from "./grid";
import { featureTags, type Variant } from "./variant";
import { throughXlsx } from "./xlsx";

const RANDOM_VARIANTS = 50;
const seed = zooSeed();
const variants: Variant[] = [
  BASELINE,
  ...FEATURE_VARIANTS,
  COMMUNE,
  AGENCY,
  ...randomVariants(seed, RANDOM_VARIANTS),
];
// The consolidation workbook is one more variant of its own.
console.log(`layout zoo: ${variants.length + 1} variants, seed ${seed}`);

interface Prepared {
  gen: GeneratedVariant;
  imported: RubricImport | null;
  analyses: (WorkbookAnalysis | null)[];
  /** Engine exceptions, kept so that one variant's crash fails its own tests, not the suite. */
  importCrash: unknown;
  analyseCrash: unknown;
}

const YEAR = 2024;
const prepared = new Map<string, Prepared>();

async function snapshotOf(grids: Grid[], source: string, file: Variant["file"]): Promise<WorkbookSnapshot> {
  if (file !== "none") return throughXlsx(grids, source, file === "libreoffice");
  return { source, sheets: grids.map((g) => g.toSnapshot()) };
}

async function prepare(v: Variant): Promise<Prepared> {
  const gen = generateVariant(v);
  const out: Prepared = { gen, imported: null, analyses: [], importCrash: null, analyseCrash: null };
  try {
    const template = await snapshotOf([gen.template], "Bieu-mau-trong.xlsx", v.file);
    out.imported = importRubricFromWorkbook(template, {
      id: "zoo",
      name: "Zoo",
      year: YEAR,
      unitLevel: "commune",
    });
  } catch (e) {
    out.importCrash = e;
    return out;
  }
  const rubric = out.imported.rubric;
  try {
    for (const unit of gen.units) {
      const wb = await snapshotOf([unit.grid, ...unit.extraSheets], unit.source, v.file);
      const options = { rubric: rubric && rated(rubric, unit.finalTotal), source: unit.source, year: YEAR };
      out.analyses.push(options.rubric ? analyseWorkbook(wb, options as AnalyseOptions) : null);
    }
  } catch (e) {
    out.analyseCrash = e;
  }
  return out;
}

/**
 * The rubric with rating bands either side of the unit's planted final index: the rating must come
 * from the final score as counted (round 2 where there is one), so the unit lands in the middle band.
 */
function rated(rubric: Rubric, finalTotal: number): Rubric {
  const final = finalTotal / 100;
  return {
    ...rubric,
    ratingBands: [
      { label: "Trên", min: final + 0.01, minInclusive: true },
      { label: "Đúng", min: final, minInclusive: true },
      { label: "Dưới", min: 0, minInclusive: true },
    ],
  };
}

beforeAll(async () => {
  for (const v of variants) prepared.set(v.name, await prepare(v));
}, 120_000);

const cases = variants.map((v) => [`${v.name} [${featureTags(v).join(" ")}]`, v.name] as const);

/** The variant's engine results; `analysed` false for the template-import test, which needs no unit. */
function get(name: string, analysed = true): Prepared & { rubric: Rubric } {
  const p = prepared.get(name) as Prepared;
  if (p.importCrash) throw p.importCrash;
  expect(
    p.imported?.rubric,
    `the template did not import: ${JSON.stringify(p.imported?.problems)}`,
  ).toBeTruthy();
  if (analysed && p.analyseCrash) throw p.analyseCrash;
  return { ...p, rubric: p.imported?.rubric as Rubric };
}

function unitOf(p: Prepared, k: number) {
  const a = p.analyses[k] as WorkbookAnalysis;
  expect(
    a.units.map((u) => u.sheet),
    `units found in ${p.gen.units[k].source}`,
  ).toEqual([p.gen.units[k].grid.name]);
  return a.units[0];
}

/** The template's written code: either as shown (trimmed) or without its trailing dot. */
function sameCode(engine: string | null | undefined, shown: string): boolean {
  if (engine === null || engine === undefined) return false;
  return engine === shown.trim() || engine === bareCode(shown);
}

function flatRubric(items: readonly RubricItem[], level = 1): { code: string; max: number; level: number }[] {
  return items.flatMap((i) => [
    { code: i.code, max: i.max, level },
    ...flatRubric(i.children ?? [], level + 1),
  ]);
}

const brief = (f: Finding) => `${f.severity} ${f.code} ${f.address ?? "-"} item=${f.item ?? "-"}`;
const isLoud = (f: Finding) => f.severity === "error" || f.severity === "warning";
const hundredths = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(x * 100);

describe(`layout zoo (seed ${seed})`, () => {
  it.each(cases)("template import keeps the template's codes, maxima and tree: %s", (_, name) => {
    const p = get(name, false);
    // Problems in the template's cells are the layout misread; a missing rating-band table (no address) is not.
    const rating = p.gen.rating;
    const inCells =
      p.imported?.problems.filter((x) => x.address !== null && x.address !== rating?.address) ?? [];
    expect(inCells.map((x) => `${x.address}: ${x.message.en}`)).toEqual([]);
    const got = flatRubric(p.rubric.items);
    const want = p.gen.flat;
    expect(got.map((g) => `${bareCode(g.code)} max=${g.max} level=${g.level}`)).toEqual(
      want.map((w) => `${bareCode(w.shown)} max=${w.max / 100} level=${w.level}`),
    );
    for (let k = 0; k < want.length; k++)
      expect(sameCode(got[k].code, want[k].shown), `code "${got[k].code}" for "${want[k].shown}"`).toBe(true);
  });

  it.each(cases)(
    "a rating note in the template becomes the rubric's bands, and the import says so: %s",
    (_, name) => {
      const p = get(name, false);
      const rating = p.gen.rating;
      if (!rating) return;
      expect(
        p.rubric.ratingBands.map((b) => `${b.label} ${b.minInclusive ? "≥" : ">"} ${b.min}`),
        rating.text,
      ).toEqual(rating.bands.map((b) => `${b.label} ${b.minInclusive ? "≥" : ">"} ${b.min}`));
      expect(
        p.imported?.problems.filter((x) => x.address === rating.address).map((x) => x.message.en),
        "one report at the note's cell",
      ).toHaveLength(1);
    },
  );

  it.each(cases)("recognised columns, header and item rows equal the generator's: %s", (_, name) => {
    const p = get(name);
    p.gen.units.forEach((_u, k) => {
      const unit = unitOf(p, k);
      expect(unit.table.columns, `headers: ${JSON.stringify(p.gen.headers)}`).toEqual(p.gen.columns);
      expect(unit.table.headerRow).toBe(p.gen.headerRow);
      const items = unit.table.rows.filter((r) => !r.isTotal);
      expect(
        items.map((r) => r.row + 1),
        "sheet rows read as items",
      ).toEqual(p.gen.flat.map((i) => i.row + 1));
      const totals = unit.table.rows.filter((r) => r.isTotal).map((r) => r.row + 1);
      expect(totals, "grand total row").toEqual(p.gen.totalRow === null ? [] : [p.gen.totalRow + 1]);
      for (let i = 0; i < Math.min(items.length, p.gen.flat.length); i++)
        expect(
          sameCode(items[i].code, p.gen.flat[i].shown),
          `row ${items[i].row + 1}: code "${items[i].code}" for "${p.gen.flat[i].shown}"`,
        ).toBe(true);
    });
  });

  it.each(cases)("clean units: no error, no warning: %s", (_, name) => {
    const p = get(name);
    p.gen.units.forEach((u, k) => {
      if (!u.clean) return;
      const analysis = p.analyses[k] as WorkbookAnalysis;
      const loud = [...analysis.findings, ...analysis.units.flatMap((x) => x.findings)].filter(isLoud);
      const expected = u.layoutFindings.map((x) => `${x.severity} ${x.code} ${x.address ?? "-"} item=-`);
      expect(loud.map(brief), `${u.source}`).toEqual(expected);
    });
  });

  it.each(cases)(
    "every planted finding by code, cell and the template's item code, and nothing else: %s",
    (_, name) => {
      const p = get(name);
      p.gen.units.forEach((u, k) => {
        if (u.clean) return;
        const unit = unitOf(p, k);
        expectPlanted(p.gen, u, unit.findings);
        const planted = new Set(
          [...u.planted, ...u.layoutFindings].map((x) => `${x.severity} ${x.code} ${x.address}`),
        );
        const extra = unit.findings
          .filter(isLoud)
          .filter((f) => !planted.has(`${f.severity} ${f.code} ${f.address}`));
        expect(extra.map(brief), "findings nobody planted").toEqual([]);
      });
    },
  );

  it.each(cases)("area totals and the index as counted: %s", (_, name) => {
    const p = get(name);
    p.gen.units.forEach((u, k) => {
      const unit = unitOf(p, k);
      const areas = unit.score.areas.map(
        (a) =>
          `${bareCode(a.code)} self=${hundredths(a.scores.self)} appraised=${hundredths(a.scores.appraised)} final=${hundredths(a.scores.final)}`,
      );
      expect(areas, `${u.source}, in hundredths of a point`).toEqual(
        u.areas.map((a) => `${bareCode(a.code)} self=${a.self} appraised=${a.appraised} final=${a.final}`),
      );
      for (const [i, a] of unit.score.areas.entries())
        expect(sameCode(a.code, u.areas[i]?.code ?? ""), `area code "${a.code}"`).toBe(true);
      expect(hundredths(unit.score.summary.self), `${u.source}: index (self)`).toBe(u.total);
      expect(hundredths(unit.score.summary.final), `${u.source}: index (final)`).toBe(u.finalTotal);
      expect(unit.score.rating?.label, `${u.source}: rating of the final index`).toBe("Đúng");
      expect(unit.score.summary.withoutSurvey).toBe(false);
    });
  });

  it.each(cases)("ranks by self and by final score, every unit ranked under its own name: %s", (_, name) => {
    const p = get(name);
    const units = p.gen.units.map((_u, k) => unitOf(p, k));
    expectRanking(p.rubric, p.gen.units, units, "self");
    expectRanking(p.rubric, p.gen.units, units, "final");
  });
});

describe("layout zoo: consolidation workbook", () => {
  let gen: GeneratedVariant;
  let analysis: WorkbookAnalysis;
  let rubric: Rubric;
  const sheetNames = ["An Bình", "Tân Phú", "Hòa Thuận"];

  beforeAll(async () => {
    gen = generateVariant(CONSOLIDATION);
    const template = await snapshotOf([gen.template], "Bieu-mau-trong.xlsx", CONSOLIDATION.file);
    const imported = importRubricFromWorkbook(template, {
      id: "zoo",
      name: "Zoo",
      year: YEAR,
      unitLevel: "commune",
    });
    rubric = imported.rubric as Rubric;
    const grids = [
      instructionsSheet(),
      gen.template.renamed("Mẫu biểu"),
      ...gen.units.map((u, k) => u.grid.renamed(sheetNames[k])),
      summarySheet(gen.units),
    ];
    const wb = await snapshotOf(grids, "Tong-hop-CCHC.xlsx", CONSOLIDATION.file);
    analysis = analyseWorkbook(wb, { rubric, source: "Tong-hop-CCHC.xlsx", year: YEAR, allSheets: true });
  }, 60_000);

  it("lists exactly the unit sheets: neither the instructions, the blank template nor the summary is a unit", () => {
    expect(rubric).toBeTruthy();
    expect(analysis.units.map((u) => u.sheet)).toEqual(sheetNames);
    expect(analysis.findings.filter(isLoud).map(brief)).toEqual([]);
  });

  it("finds each unit's planted findings on its own sheet, and ranks the three units", () => {
    // The unit sheets only: whether other sheets were taken for units is the test above's business.
    const units = sheetNames.map((name) => analysis.units.find((x) => x.sheet === name));
    expect(
      units.map((u) => u?.sheet),
      "unit sheets analysed",
    ).toEqual(sheetNames);
    gen.units.forEach((u, k) => {
      const unit = units[k];
      if (!unit) return;
      if (u.clean) expect(unit.findings.filter(isLoud).map(brief)).toEqual([]);
      else expectPlanted(gen, u, unit.findings);
    });
    expectRanking(rubric, gen.units, units as UnitAnalysis[], "self");
    expectRanking(rubric, gen.units, units as UnitAnalysis[], "final");
  });
});

function expectPlanted(gen: GeneratedVariant, u: GeneratedUnit, findings: readonly Finding[]): void {
  for (const plant of u.planted) {
    const what = `${plant.defect}: ${plant.code} at ${plant.address}${plant.item ? ` (item "${plant.item.shown}", path ${plant.item.path.join(" › ")})` : ""}`;
    const found = findings.find(
      (f) =>
        f.code === plant.code && f.address === plant.address && (!plant.sheet || f.sheet === plant.sheet),
    );
    expect(found, `${u.source}: ${what}; found ${findings.map(brief).join("; ")}`).toBeTruthy();
    if (!found) continue;
    expect(found.severity, what).toBe(plant.severity);
    if (plant.item === null) {
      expect(found.item, what).toBeNull();
      continue;
    }
    expect(sameCode(found.item, plant.item.shown), `${what}: finding names item "${found.item}"`).toBe(true);
    expectItemPath(gen, plant.item, found.itemPath, what);
  }
}

/**
 * Where the template repeats a code, `itemPath` must tell the item apart using the template's own codes:
 * it ends with the item's code, follows its path from the area down, and fits no other item.
 */
function expectItemPath(
  gen: GeneratedVariant,
  item: ExpectedItem,
  path: string[] | undefined,
  what: string,
): void {
  if (item.codeUnique && path === undefined) return;
  expect(path, `${what}: the code repeats in the template, so the finding needs itemPath`).toBeDefined();
  if (!path) return;
  const bare = path.map(bareCode);
  expect(bare[bare.length - 1], `${what}: itemPath ${JSON.stringify(path)} ends with the item's code`).toBe(
    bareCode(item.shown),
  );
  const fits = (it: ExpectedItem) =>
    isSubsequence(bare, it.path.map(bareCode)) && bareCode(it.shown) === bare[bare.length - 1];
  expect(fits(item), `${what}: itemPath ${JSON.stringify(path)} follows the item's path`).toBe(true);
  if (item.pathUnique)
    expect(
      gen.flat.filter(fits).map((i) => i.path.join(" › ")),
      `${what}: itemPath ${JSON.stringify(path)} fits one item`,
    ).toEqual([item.path.join(" › ")]);
}

function isSubsequence(part: string[], whole: string[]): boolean {
  let i = 0;
  for (const w of whole) if (i < part.length && part[i] === w) i++;
  return i === part.length;
}

function expectRanking(
  rubric: Rubric,
  expected: GeneratedUnit[],
  units: readonly {
    unit: string;
    sheet: string;
    findings: Finding[];
    score: WorkbookAnalysis["units"][number]["score"];
  }[],
  by: "self" | "final",
): void {
  const ranking = rankUnits(
    units.map((u, k) => ({
      unit: u.unit,
      source: expected[k].source,
      sheet: u.sheet,
      score: u.score,
      errors: u.findings.filter((f) => f.severity === "error").length,
    })),
    { rubric, by, groupBy: "none" },
  );
  expect(
    ranking.unranked.map((x) => `${x.unit}: ${x.reason.en}`),
    `by ${by}`,
  ).toEqual([]);
  const factor = 10 ** rubric.precision;
  const rounded = expected.map((u) => Math.round(((by === "self" ? u.total : u.finalTotal) / 100) * factor));
  const want = expected
    .map(
      (u, k) =>
        `${u.name} rank=${1 + rounded.filter((x) => x > rounded[k]).length} score=${rounded[k] / factor}`,
    )
    .sort();
  const got = ranking.groups
    .flatMap((g) => g.units)
    .map((u) => `${u.unit} rank=${u.rank} score=${u.score}`)
    .sort();
  expect(got, `by ${by}`).toEqual(want);
}
