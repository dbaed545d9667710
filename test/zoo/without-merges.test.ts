/**
 * Recognition without merge information (#28 item 0): the pane reads the open workbook without merged
 * areas below ExcelApi 1.13, and "centre across selection" headers have none at all. Every layout-zoo
 * variant and every generated unit is analysed twice — with its merges and with none — and must give
 * the same columns, findings and totals. Merges only confirm what the header rows already say.
 */
import { describe, expect, it } from "vitest";
import { analyseWorkbook, type WorkbookAnalysis } from "../../src/core/analyse";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { importRubricFromWorkbook } from "../../src/core/rubric/import";
import type { Rubric } from "../../src/core/rubric/schema";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { DEFECT_KINDS, generateUnit, LAYOUT_VARIANTS, unitWorkbook } from "../../src/sample";
import { randomVariants, zooSeed } from "./arbitrary";
import { AGENCY, BASELINE, COMMUNE, CONSOLIDATION, FEATURE_VARIANTS } from "./fixed";
import { generateVariant } from "./generate";

const YEAR = 2024;
const seed = zooSeed();
const variants = [BASELINE, ...FEATURE_VARIANTS, COMMUNE, AGENCY, CONSOLIDATION, ...randomVariants(seed, 40)];

const withoutMerges = (wb: WorkbookSnapshot): WorkbookSnapshot => ({
  ...wb,
  sheets: wb.sheets.map((s) => ({ ...s, merges: [] })),
});

/** What must not depend on merges: per unit its sheet, columns, findings and totals. */
function digest(a: WorkbookAnalysis) {
  return {
    workbook: a.findings.map((f) => `${f.severity} ${f.code} ${f.sheet} ${f.address} ${f.item}`),
    units: a.units.map((u) => ({
      sheet: u.sheet,
      unit: u.unit,
      columns: u.table.columns,
      headerRow: u.table.headerRow,
      items: u.table.rows.filter((r) => r.item).length,
      findings: u.findings.map((f) => `${f.severity} ${f.code} ${f.address} ${f.item}`),
      areas: u.score.areas.map((x) => [x.code, x.scores.self, x.scores.appraised, x.scores.final]),
      index: [u.score.summary.self, u.score.summary.final],
    })),
  };
}

describe(`layout zoo without merges (seed ${seed})`, () => {
  it.each(variants.map((v) => [v.name, v] as const))("%s: same template import and analysis", (_, v) => {
    const gen = generateVariant(v);
    const template: WorkbookSnapshot = { source: "Bieu-mau-trong.xlsx", sheets: [gen.template.toSnapshot()] };
    const meta = { id: "zoo", name: "Zoo", year: YEAR, unitLevel: "commune" as const };
    const merged = importRubricFromWorkbook(template, meta);
    const bare = importRubricFromWorkbook(withoutMerges(template), meta);
    expect(bare.rubric, "the template imports without merges").toEqual(merged.rubric);
    const rubric = merged.rubric as Rubric;
    expect(rubric).toBeTruthy();
    for (const unit of gen.units) {
      const wb: WorkbookSnapshot = { source: unit.source, sheets: [unit.grid.toSnapshot()] };
      const options = { rubric, source: unit.source, year: YEAR };
      expect(digest(analyseWorkbook(withoutMerges(wb), options)), unit.source).toEqual(
        digest(analyseWorkbook(wb, options)),
      );
    }
  });
});

describe("generated units (src/sample) without merges", () => {
  const rubrics = [builtinRubric("example-commune-2024"), builtinRubric("example-agency-2024")] as Rubric[];
  const layouts = [[], ...LAYOUT_VARIANTS.map((v) => [v]), [...LAYOUT_VARIANTS]] as const;
  it.each(layouts.map((l) => [l.join("+") || "plain", l] as const))("%s", (_, variant) => {
    for (const rubric of rubrics) {
      for (const appraisal of [0, 1, 2] as const) {
        const g = generateUnit(rubric, {
          seed: 40 + appraisal,
          index: appraisal,
          appraisal,
          variant,
          defects: DEFECT_KINDS.filter((k) => appraisal > 0 || k !== "appraisal-without-note").slice(0, 3),
        });
        const wb = unitWorkbook(g);
        const options = { rubric, source: wb.source, year: rubric.year };
        expect(
          digest(analyseWorkbook(withoutMerges(wb), options)),
          `${rubric.id} appraisal=${appraisal}`,
        ).toEqual(digest(analyseWorkbook(wb, options)));
      }
    }
  });
});
