import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { diffWorkbooks } from "../../src/core/diff";
import { buildIntake } from "../../src/core/intake";
import { rankUnits } from "../../src/core/rank";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import { rubricIdentity, rubricLabel, rubricLine } from "../../src/core/rubric/identity";
import type { Rubric } from "../../src/core/rubric/schema";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { appraisalSheetSpec, lostPointsSheetSpec } from "../../src/core/sheets/appraisal";
import { diffSheetSpec } from "../../src/core/sheets/diff";
import { findingsReportSpec } from "../../src/core/sheets/findings-report";
import { intakeSheetSpec } from "../../src/core/sheets/intake";
import { rankingSheetSpec } from "../../src/core/sheets/ranking";
import { unitResultSheetSpec } from "../../src/core/sheets/unit-result";
import { generateUnit, unitWorkbook } from "../../src/sample";

/**
 * Issue #24 item 7: every sheet the pane and the CLI write names, on its first line, the rubric the
 * figures were computed with — a changed built-in as "<name> (đã sửa) #hash" — in the sheet's language;
 * an annex block stays above it (the decree's layout puts the annex number first).
 */
const commune = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
const changed = structuredClone(commune);
changed.ratingBands = changed.ratingBands.map((b) => ({ ...b, min: Math.max(0, b.min - 10) }));
const unit = generateUnit(commune, { seed: 3, index: 0, appraisal: 1 });
const wb = unitWorkbook(unit);
const [analysed] = analyseWorkbook(wb, { rubric: changed, source: unit.fileName }).units;
const label = rubricLabel(changed);
const annex = { heading: ["Phụ lục 01", "Kèm theo Quyết định số 12"], signature: null };

/** Each written sheet, built with and without the rubric named, by the options the faces pass. */
const SHEETS: Record<string, (with_: boolean, lang: "vi" | "en") => SheetSpec> = {
  report: (w, lang) =>
    findingsReportSpec([{ file: "a.xlsx", unit: analysed.unit, findings: analysed.findings }], {
      lang,
      ...(w ? { rubric: label } : {}),
    }),
  result: (w, lang) =>
    unitResultSheetSpec(analysed.unit, analysed.score, w ? { rubric: rubricLine(label, lang) } : {}),
  appraisal: (w, lang) => appraisalSheetSpec(analysed, { lang, ...(w ? { rubric: label } : {}) }),
  lostPoints: (w, lang) =>
    lostPointsSheetSpec(analysed.unit, analysed.score, [], lang, w ? label : undefined),
  intake: (w, lang) => intakeSheetSpec(buildIntake(null, []), { lang, ...(w ? { rubric: label } : {}) }),
  diff: (w, lang) =>
    diffSheetSpec(diffWorkbooks(wb, wb, { rubric: changed }), { lang, ...(w ? { rubric: label } : {}) }),
};

describe("the rubric line", () => {
  it("names a changed built-in as '(đã sửa) #hash', a built-in by its name, no rubric in words", () => {
    const hash = rubricIdentity(changed).hash;
    expect(rubricLine(label)).toBe(`Bộ chỉ số: ${commune.name} (đã sửa) #${hash}`);
    expect(rubricLine(label, "en")).toBe(`Rubric: ${commune.nameEn} (modified) #${hash}`);
    expect(rubricLine(rubricLabel(commune))).toBe(`Bộ chỉ số: ${commune.name}`);
    expect(rubricLine(rubricLabel(null))).toBe("Bộ chỉ số: cấu trúc của chính biểu (không dùng bộ chỉ số)");
  });

  for (const [name, build] of Object.entries(SHEETS)) {
    it(`${name}: the first line, in the sheet's language, and everything else one row lower`, () => {
      for (const lang of ["vi", "en"] as const) {
        const plain = build(false, lang);
        const lined = build(true, lang);
        const first = lined.cells.filter((c) => c.row === 0);
        expect(first.map((c) => c.value)).toEqual([rubricLine(label, lang)]);
        // The same cells one row lower; only the result's subtitle words change (it points at line one).
        const shown = (v: unknown) =>
          /^(Tính từ trang|PAR Index result computed)/.test(String(v)) ? "(subtitle)" : v;
        expect(lined.cells.filter((c) => c.row > 0).map((c) => [c.row - 1, c.col, shown(c.value)])).toEqual(
          plain.cells.map((c) => [c.row, c.col, shown(c.value)]),
        );
        expect(lined.tables?.map((t) => t.row - 1)).toEqual(plain.tables?.map((t) => t.row));
        if (plain.freeze) expect(lined.freeze?.rows).toBe(plain.freeze.rows + 1);
        const repeat = plain.print?.repeatRows;
        if (repeat) expect(lined.print?.repeatRows).toEqual([repeat[0] + 1, repeat[1] + 1]);
      }
    });
  }

  it("the ranking (Vietnamese) names its rubric by identity unless told, under the annex block", () => {
    const ranking = rankUnits([], { rubric: changed });
    const spec = rankingSheetSpec(ranking, changed);
    expect(spec.cells.find((c) => c.row === 0)?.value).toBe(rubricLine(label));
    const own = rankingSheetSpec(ranking, changed, { rubric: rubricLabel(null) });
    expect(own.cells.find((c) => c.row === 0)?.value).toMatch(/cấu trúc của chính biểu/);
    const withAnnex = rankingSheetSpec(ranking, changed, { annex });
    const rows = (r: number) => withAnnex.cells.filter((c) => c.row === r).map((c) => c.value);
    // Annex number, decision line, a blank row, then the sheet's own content from the rubric line.
    expect(rows(0)).toEqual(["Phụ lục 01"]);
    expect(rows(1)).toEqual(["Kèm theo Quyết định số 12"]);
    expect(rows(2)).toEqual([]);
    expect(rows(3)).toEqual([rubricLine(label)]);
  });

  it("'Kết quả' points its subtitle at the first line instead of repeating a bare rubric id", () => {
    const spec = SHEETS.result(true, "vi");
    const texts = spec.cells.map((c) => String(c.value ?? ""));
    expect(texts.some((t) => t.includes(`bộ chỉ số ${commune.id}`))).toBe(false);
    expect(texts.some((t) => t.includes("theo bộ chỉ số ở dòng đầu"))).toBe(true);
  });
});
