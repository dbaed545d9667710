/**
 * The zoo's generator checked on its own, without the engine: it must stay independent of the code it
 * tests, replay the same variant from the same seed, and keep its books straight (what it records is
 * what it wrote into the cells), or the layout-zoo suite would judge the engine against a wrong answer.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PINNED_SEED, randomVariants, zooSeed } from "./arbitrary";
import { AGENCY, BASELINE, COMMUNE, CONSOLIDATION, FEATURE_VARIANTS } from "./fixed";
import { bareCode, flatten, generateVariant } from "./generate";
import { cellName } from "./grid";

const HERE = join(process.cwd(), "test", "zoo");
const variants = [
  BASELINE,
  ...FEATURE_VARIANTS,
  COMMUNE,
  AGENCY,
  CONSOLIDATION,
  ...randomVariants(PINNED_SEED, 40),
];

describe("layout zoo generator", () => {
  it("never imports the engine it tests (analyse, recognise, validate, score, rank, rubric import, src/sample)", () => {
    const generatorFiles = readdirSync(HERE).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "xlsx.ts",
    );
    expect(generatorFiles).toContain("generate.ts");
    const forbidden =
      /from\s+"[^"]*src\/(core\/(analyse|recognise|validate|score|rank|rubric\/import|recognition\/)|sample\/)/;
    for (const f of generatorFiles) {
      const imports = readFileSync(join(HERE, f), "utf8")
        .split("\n")
        .filter((l) => /^\s*import\b/.test(l) || /^\s*from\s/.test(l) || /^\s*}\s*from\s/.test(l));
      expect(
        imports.filter((l) => forbidden.test(l) && !/^\s*import type\b/.test(l)),
        f,
      ).toEqual([]);
    }
  });

  it("replays a run from its seed: PAR_ZOO_SEED wins, CI=true pins it, and the same seed gives the same variants", () => {
    expect(zooSeed({ PAR_ZOO_SEED: "42", CI: "true" })).toBe(42);
    expect(zooSeed({ CI: "true" })).toBe(PINNED_SEED);
    expect(randomVariants(5, 3)).toEqual(randomVariants(5, 3));
    expect(randomVariants(5, 3)).not.toEqual(randomVariants(6, 3));
    const a = generateVariant(COMMUNE);
    const b = generateVariant(COMMUNE);
    expect(a.units.map((u) => [...u.grid.cells.values()])).toEqual(
      b.units.map((u) => [...u.grid.cells.values()]),
    );
  });

  it.each(variants.map((v) => [v.name, v] as const))("keeps its books: %s", (_, v) => {
    const gen = generateVariant(v);
    const cols = Object.values(gen.columns);
    expect(new Set(cols).size, "one column per role").toBe(cols.length);
    const itemRows = gen.flat.map((i) => i.row);
    expect(new Set(itemRows).size, "one row per item").toBe(itemRows.length);
    for (const r of gen.nonItemRows) expect(itemRows, `row ${r + 1} is not an item`).not.toContain(r);
    // A parent's maximum is the sum of its children's, as the province's template has it.
    for (const it of gen.flat)
      if (it.children.length) expect(it.max).toBe(it.children.reduce((s, c) => s + c.max, 0));
    // The template carries every code and maximum where the generator says, and no self score on a leaf.
    const template = gen.template;
    for (const it of gen.flat) {
      const code = template.get(it.row, gen.columns.code as number);
      const shown = typeof code?.value === "number" ? String(code.value) : code?.value;
      expect(bareCode(String(shown)), `code cell of ${it.path.join(" › ")}`).toBe(
        code?.numberFormat?.startsWith("0.") ? String(Number(bareCode(it.shown))) : bareCode(it.shown),
      );
      expect(template.get(it.row, gen.columns.max as number)?.value).toBe(it.max / 100);
      if (!it.children.length) expect(template.get(it.row, gen.columns.self as number)).toBeUndefined();
    }
    for (const u of gen.units) {
      // Each area's total as counted is the sum of its leaves as the generator wrote them.
      expect(u.total).toBe(u.areas.reduce((s, a) => s + (a.self ?? 0), 0));
      for (const p of u.planted) {
        if (p.sheet) {
          // On the evidence list: an entry's number cell (column A), one of the last two the list holds.
          const list = u.extraSheets.find((g) => g.name === p.sheet);
          const row = Number(/^A(\d+)$/.exec(p.address ?? "")?.[1]) - 1;
          expect(typeof list?.get(row, 0)?.value, `${p.defect} at ${p.address} on ${p.sheet}`).toBe("number");
          expect(list?.get(row + 2, 0), "two entries nobody cites, the first one named").toBeUndefined();
          continue;
        }
        const column =
          p.code === "missing-evidence" ||
          p.code === "evidence-unverifiable" ||
          p.code === "evidence-not-listed"
            ? gen.columns.evidence
            : gen.columns.self;
        const row = p.item ? p.item.row : gen.totalRow;
        expect(p.address, `${p.defect} planted where it says`).toBe(
          cellName(row as number, column as number),
        );
        if (p.item) expect(flatten([p.item]).length, "defects go on leaves").toBe(1);
      }
      // Every planted defect kind that applies to this layout was planted once on the defective unit.
      if (!u.clean) {
        const kinds = new Set(u.planted.map((p) => p.defect));
        for (const d of v.defects)
          if (d !== "total-overwritten" || gen.totalRow !== null) expect(kinds.has(d), d).toBe(true);
      }
    }
    // One defective unit, unless the only defect drawn needs a total row the layout does not have.
    // The #23 features plant their own finding on that unit whatever the defects drawn.
    const plantable =
      v.defects.some((d) => d !== "total-overwritten" || gen.totalRow !== null) ||
      Boolean(v.linkedEvidence || v.evidenceList || (v.naWords && v.guidance && v.appraisalRounds === 0));
    expect(gen.units.filter((u) => !u.clean).length).toBe(plantable ? 1 : 0);
  });
});
