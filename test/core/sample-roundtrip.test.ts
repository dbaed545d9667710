import { describe, expect, it } from "vitest";
import { a1 } from "../../src/core/address";
import { emptyEntry, type UnitEntries } from "../../src/core/entries";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { importRubricFromWorkbook } from "../../src/core/rubric/import";
import { flattenRubric } from "../../src/core/rubric/tree";
import type { Rubric } from "../../src/core/rubric/schema";
import {
  consolidationWorkbook,
  DEFECT_KINDS,
  type GeneratedUnit,
  generateUnit,
  LAYOUT_VARIANTS,
  SEED_COMMUNE,
  seedCommuneWorkbook,
  templateSpec,
} from "../../src/sample";
import { scoreUnit } from "../../src/core/score";
import { type SheetSpec, specToSnapshot } from "../../src/core/sheet-spec";
import { cellAt, formulaAt, type SheetSnapshot } from "../../src/core/snapshot";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";

/**
 * The generated workbooks survive the real writer and reader: every value, cached formula result and
 * formula a test or benchmark relies on reads back as generated. And a unit's truth, handed to scoring
 * as entries, gives the published facts (the seed commune's 84.85, rated Tốt).
 */
const commune = builtinRubric("example-commune-2024") as Rubric;

function expectSameCells(read: SheetSnapshot, spec: SheetSpec) {
  const expected = specToSnapshot(spec);
  for (const cell of spec.cells) {
    const where = `${spec.name}!${a1(cell.row, cell.col)}`;
    expect({ where, value: cellAt(read, cell.row, cell.col) }).toEqual({
      where,
      value: cellAt(expected, cell.row, cell.col),
    });
    expect({ where, formula: formulaAt(read, cell.row, cell.col) }).toEqual({
      where,
      formula: formulaAt(expected, cell.row, cell.col),
    });
  }
  expect(new Set(read.merges ?? [])).toEqual(new Set(spec.merges ?? []));
}

async function roundTrip(sheets: SheetSpec[], source: string) {
  return readWorkbook(await writeWorkbook(sheets), source);
}

describe("generated workbooks through the .xlsx writer and reader", () => {
  it("keeps values, cached results, formulas and merges of the template", async () => {
    const spec = templateSpec(commune, { appraisal: 2 });
    const wb = await roundTrip([spec], "blank.xlsx");
    expectSameCells(wb.sheets[0], spec);
  });

  it("keeps a unit with every defect, in every layout variant", async () => {
    const kinds = DEFECT_KINDS.filter((k) => k !== "missing-unit-name");
    for (const variant of [[], ...LAYOUT_VARIANTS.map((v) => [v])]) {
      const u = generateUnit(commune, { seed: 31, index: 3, appraisal: 2, defects: kinds, variant });
      const wb = await roundTrip(u.sheets, u.fileName);
      expect(wb.sheets.map((s) => s.name)).toEqual([u.truth.sheet]);
      expectSameCells(wb.sheets[0], u.sheets[0]);
    }
  });

  it("keeps a consolidation workbook's sheets apart", async () => {
    const units: GeneratedUnit[] = [0, 1, 2].map((index) =>
      generateUnit(commune, { seed: 8, index, appraisal: 1 }),
    );
    const sheets = consolidationWorkbook(units);
    const wb = await roundTrip(sheets, "tong-hop.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    wb.sheets.forEach((s, i) => {
      expectSameCells(s, sheets[i]);
    });
  });
});

/** What an import must give back: the tree with codes, labels, maxima, kinds, guidance, rules, N/A flags. */
function treeOf(rubric: Rubric, codes = true) {
  return flattenRubric(rubric).map((i) => ({
    code: codes ? i.code : null,
    level: i.level,
    label: i.label,
    max: i.max,
    kind: i.kind,
    guidance: i.item.guidance ?? null,
    rule: i.item.rule ?? null,
    notApplicableAllowed: i.item.notApplicableAllowed ?? false,
  }));
}

describe("template → import round trip", () => {
  const agency = builtinRubric("example-agency-2024") as Rubric;

  it.each([commune, agency])(
    "gives back $id from its blank template, through the file writer and reader",
    async (rubric) => {
      const wb = await roundTrip([templateSpec(rubric, { appraisal: 1 })], "blank.xlsx");
      const imported = importRubricFromWorkbook(wb);
      expect(imported.rubric).not.toBeNull();
      expect(treeOf(imported.rubric!)).toEqual(treeOf(rubric));
      expect(imported.rubric!.year).toBe(rubric.year);
      expect(imported.rubric!.precision).toBe(rubric.precision);
      expect(imported.rubric!.unitLevel).toBe(rubric.unitLevel);
    },
  );

  it.each(LAYOUT_VARIANTS)("gives back the same tree from a template in the %s layout", (variant) => {
    for (const rubric of [commune, agency]) {
      const imported = importRubricFromWorkbook({
        source: "blank.xlsx",
        sheets: [specToSnapshot(templateSpec(rubric, { appraisal: 2, variant }))],
      });
      // Roman/letter codes are kept as written; the tree under them is the same.
      const codes = variant !== "roman-codes";
      expect(treeOf(imported.rubric!, codes)).toEqual(treeOf(rubric, codes));
    }
  });
});

/** Entries as recognition should read them, straight from truth. */
function entriesFromTruth(u: GeneratedUnit): UnitEntries {
  const entries: UnitEntries = new Map();
  for (const [code, t] of Object.entries(u.truth.scores)) {
    if (!t.present) continue;
    entries.set(code, {
      ...emptyEntry(code),
      self: t.self,
      appraised1: t.appraised1,
      appraised2: t.appraised2,
      notApplicable: t.notApplicable,
      evidence: t.evidence,
    });
  }
  return entries;
}

describe("truth agrees with scoring", () => {
  it("scores the seed commune at 84.85, rated Tốt, with its area totals", () => {
    const u = seedCommuneWorkbook();
    const score = scoreUnit(commune, entriesFromTruth(u));
    expect(score.index.final).toBeCloseTo(SEED_COMMUNE.index, 9);
    expect(score.rating?.label).toBe("Tốt");
    const scored = score.areas.filter((a) => a.kind === "scored");
    expect(scored.map((a) => [a.scores.final, a.max])).toEqual([
      [16, 19],
      [6, 6],
      [15, 15],
      [6, 6],
      [10, 10],
      [6, 6],
      [13, 13],
    ]);
  });

  it("gives scoring the same area totals truth states, for clean units", () => {
    for (let index = 0; index < 8; index++) {
      const u = generateUnit(commune, { seed: 44, index, appraisal: 1 });
      const score = scoreUnit(commune, entriesFromTruth(u));
      for (const area of score.areas) {
        expect(area.scores.self ?? 0).toBeCloseTo(u.truth.totals[area.code].self, 9);
        expect(area.scores.appraised1 ?? 0).toBeCloseTo(u.truth.totals[area.code].appraised1!, 9);
      }
    }
  });
});
