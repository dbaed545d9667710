/**
 * Wrong rubric by relative fit (#23 item 5): the two built-ins fit each other's units at about 0.66,
 * above the old fixed cut-off of 0.6, so a unit checked against the wrong one drowned in max-mismatch
 * errors with no word of the rubric. Now a rubric that fits clearly better (by margin) is named once.
 */
import { describe, expect, it } from "vitest";
import { analyseWorkbook, type UnitAnalysis } from "../../src/core/analyse";
import type { Finding } from "../../src/core/finding";
import { builtinRubrics } from "../../src/core/rubric/builtin";
import { importRubricFromWorkbook } from "../../src/core/rubric/import";
import type { Rubric } from "../../src/core/rubric/schema";
import { specToSnapshot } from "../../src/core/sheet-spec";
import { generateUnits, templateSpec, unitWorkbook } from "../../src/sample";

const [commune, agency] = builtinRubrics();
const SYMPTOMS = ["max-mismatch", "missing-item", "unknown-item", "duplicate-item", "total-mismatch"];

function unitsOf(source: Rubric, checkedAgainst: Rubric, candidates?: readonly Rubric[]): UnitAnalysis[] {
  return generateUnits(source, { seed: 11, count: 5, appraisal: 1, defectRate: 0.6 }).flatMap((g) => {
    const wb = unitWorkbook(g);
    return analyseWorkbook(wb, { rubric: checkedAgainst, source: wb.source, candidates }).units;
  });
}

const errors = (fs: readonly Finding[]) => fs.filter((f) => f.severity === "error");

describe("wrong rubric by relative fit", () => {
  for (const [name, source, wrong] of [
    ["commune units checked against the agency rubric", () => commune, () => agency],
    ["agency units checked against the commune rubric", () => agency, () => commune],
  ] as const) {
    it(`${name}: one wrong-rubric error naming the other built-in, the symptoms folded as notes`, () => {
      for (const u of unitsOf(source(), wrong())) {
        const wrongRubric = u.findings.filter((f) => f.code === "wrong-rubric");
        expect(wrongRubric.map((f) => `${f.severity} ${f.expected}`)).toEqual([`error ${source().id}`]);
        expect(wrongRubric[0].message.vi).toContain(source().name);
        expect(u.betterRubric?.id).toBe(source().id);
        expect(u.betterRubric?.fit).toBeGreaterThanOrEqual(0.9);
        // The flood is still there, under the one finding, as notes: no symptom is an error.
        expect(errors(u.findings).filter((f) => SYMPTOMS.includes(f.code))).toEqual([]);
        expect(u.findings.filter((f) => f.code === "max-mismatch").length).toBeGreaterThan(0);
      }
    });
  }

  it("units checked against their own rubric, planted defects and all, get no wrong-rubric finding", () => {
    for (const r of [commune, agency]) {
      for (const u of unitsOf(r, r)) {
        expect(u.findings.filter((f) => f.code === "wrong-rubric")).toEqual([]);
        expect(u.betterRubric).toBeUndefined();
      }
    }
  });

  it("a rubric imported from the commune's blank template, against the agency's units, names the agency built-in", () => {
    const template = {
      source: "bieu-mau.xlsx",
      sheets: [specToSnapshot(templateSpec(commune, { appraisal: 1 }))],
    };
    const imported = importRubricFromWorkbook(template, {
      id: "tinh-xa-2024",
      name: "Bộ chỉ số xã của tỉnh",
      year: 2024,
      unitLevel: "commune",
    }).rubric as Rubric;
    expect(imported).toBeTruthy();
    for (const u of unitsOf(agency, imported)) {
      expect(u.findings.filter((f) => f.code === "wrong-rubric").map((f) => f.expected)).toEqual([agency.id]);
      expect(u.findings.find((f) => f.code === "wrong-rubric")?.message.en).toContain(
        "Bộ chỉ số xã của tỉnh",
      );
    }
    // And the imported rubric against the commune's own units (its source): no finding.
    for (const u of unitsOf(commune, imported)) expect(u.betterRubric).toBeUndefined();
  });

  it("the imported template as a candidate: a built-in checked wrongly names it", () => {
    const template = {
      source: "bieu-mau.xlsx",
      sheets: [specToSnapshot(templateSpec(agency, { appraisal: 1 }))],
    };
    const imported = importRubricFromWorkbook(template, {
      id: "tinh-co-quan-2024",
      name: "Bộ chỉ số cơ quan của tỉnh",
      year: 2024,
      unitLevel: "agency",
    }).rubric as Rubric;
    for (const u of unitsOf(agency, commune, [commune, imported]))
      expect(u.betterRubric?.id).toBe("tinh-co-quan-2024");
  });
});
