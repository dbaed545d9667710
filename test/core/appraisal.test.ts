import { describe, expect, it } from "vitest";
import { analyseWorkbook, type UnitAnalysis } from "../../src/core/analyse";
import { lostPoints } from "../../src/core/lost-points";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import {
  appraisalItemRows,
  appraisalSheetSpec,
  lostPointsSheetSpec,
  textBar,
} from "../../src/core/sheets/appraisal";
import { specToSnapshot } from "../../src/core/sheet-spec";
import { generateUnit, type GeneratedUnit, unitWorkbook } from "../../src/sample";

const rubric = builtinRubric("example-commune-2024") as Rubric;

function analysed(unit: GeneratedUnit): UnitAnalysis {
  return analyseWorkbook(unitWorkbook(unit), { rubric, source: unit.fileName }).units[0];
}

const planted = generateUnit(rubric, {
  seed: 5,
  index: 2,
  appraisal: 1,
  defects: [{ kind: "appraisal-without-note", item: "3.1" }],
});
const unit = analysed(planted);

describe("the appraisal sheet back to the unit", () => {
  it("per-area totals are the unit's sums as generated, and the overall line is the index", () => {
    const spec = appraisalSheetSpec(unit);
    const areas = spec.tables?.find((t) => t.name === "ThamDinh_LinhVuc");
    const scored = unit.score.areas.filter((a) => a.kind === "scored");
    for (const area of scored) {
      const row = areas?.rows.find((r) => r[0] === area.code);
      expect({ area: area.code, self: row?.[3] }).toEqual({
        area: area.code,
        self: planted.truth.totals[area.code].self,
      });
      expect({ area: area.code, appraised: row?.[4] }).toEqual({
        area: area.code,
        appraised: planted.truth.totals[area.code].appraised1,
      });
    }
    const overall = areas?.rows[areas.rows.length - 1];
    expect(overall?.slice(3, 7)).toEqual([
      unit.score.summary.self,
      unit.score.summary.appraised,
      unit.score.summary.change,
      unit.score.summary.final,
    ]);
    // The areas' self scores add up to the evidence part the unit claimed.
    const selfSum = scored.reduce((s, a) => s + planted.truth.totals[a.code].self, 0);
    expect(unit.score.evidence.scores.self).toBeCloseTo(selfSum, 6);
  });

  it("items appraised differently with no note come first, with the finding that concerns them", () => {
    const rows = appraisalItemRows(unit);
    expect(rows[0].code).toBe("3.1");
    expect(rows[0].needsNote).toBe(true);
    expect(rows[0].difference).toBeLessThan(0);
    expect(rows[0].difference).toBeCloseTo((rows[0].appraised as number) - (rows[0].self as number), 9);
    expect(rows[0].findings.join(" ")).toContain("[appraisal-without-note]");
    expect(rows.filter((r) => r.needsNote)).toHaveLength(
      unit.score.appraisalChanges.filter((c) => !c.noted).length,
    );
    // Every other item that was cut carries the appraiser's note, read from the unit's cells.
    for (const r of rows.filter((x) => !x.needsNote && x.difference)) expect(r.note).not.toBe("");
    const spec = appraisalSheetSpec(unit);
    const items = spec.tables?.find((t) => t.name === "ThamDinh_TieuChi");
    expect(items?.rows[0][8]).toBe("CẦN GHI Ý KIẾN");
    expect(items?.rows.length).toBe(unit.score.nodes.filter((n) => n.isLeaf).length);
  });

  it("a unit with every appraisal noted has no warning line", () => {
    const clean = analysed(generateUnit(rubric, { seed: 5, index: 4, appraisal: 1 }));
    expect(appraisalItemRows(clean).some((r) => r.needsNote)).toBe(false);
    const snap = specToSnapshot(appraisalSheetSpec(clean));
    expect(snap.values[3]?.[0] ?? null).toBeNull();
  });
});

describe("where did we lose points", () => {
  it("per area: lost = maximum − final; the group average is the peers' mean final", () => {
    const a = analysed(generateUnit(rubric, { seed: 9, index: 0, appraisal: 1 }));
    const b = analysed(generateUnit(rubric, { seed: 9, index: 1, appraisal: 1 }));
    const lost = lostPoints(unit.score, [unit.score, a.score, b.score]);
    expect(lost.peers).toBe(3);
    for (const area of lost.areas) {
      const node = unit.score.areas.find((x) => x.code === area.code);
      expect(area.lost).toBeCloseTo((node?.effectiveMax ?? 0) - (node?.scores.final ?? 0), 9);
      const finals = [unit, a, b].map(
        (u) => u.score.areas.find((x) => x.code === area.code)?.scores.final as number,
      );
      expect(area.groupAverage).toBeCloseTo(finals.reduce((s, v) => s + v, 0) / 3, rubric.precision);
    }
  });

  it("the ten largest losses, largest first, none at zero", () => {
    const lost = lostPoints(unit.score);
    expect(lost.items.length).toBeLessThanOrEqual(10);
    expect(lost.items.length).toBeGreaterThan(0);
    for (let i = 1; i < lost.items.length; i++)
      expect(lost.items[i - 1].lost).toBeGreaterThanOrEqual(lost.items[i].lost);
    expect(lost.items.every((i) => i.lost > 0)).toBe(true);
    const cut = lost.items.find((i) => i.code === "3.1");
    if (cut) expect(cut.takenOff).toBeGreaterThan(0);
    // Nothing larger was left out.
    const leaves = unit.score.nodes.filter(
      (n) => n.isLeaf && (n.kind === "scored" || n.kind === "survey") && !n.notApplicable,
    );
    const smallestShown = lost.items[lost.items.length - 1].lost;
    const larger = leaves.filter((n) => n.effectiveMax - (n.scores.final ?? 0) > smallestShown + 1e-9);
    expect(larger.length).toBeLessThan(lost.items.length);
    expect(lostPoints(unit.score).areas.every((x) => x.groupAverage === null)).toBe(true);
  });

  it("the bar made of cells is proportional and bounded", () => {
    expect(textBar(10, 20)).toBe(`${"█".repeat(10)}${"░".repeat(10)}`);
    expect(textBar(25, 20)).toBe("█".repeat(20));
    expect(textBar(null, 20)).toBe("");
  });
});

describe("the lost-points sheet on its own", () => {
  it("has the per-area table and the largest losses, with table names that do not clash with the appraisal sheet", () => {
    const spec = lostPointsSheetSpec(unit.unit, unit.score, [unit.score]);
    expect(spec.tables?.map((t) => t.name)).toEqual(["MatDiem_MatDiem", "MatDiem_MatNhieuNhat"]);
    const areas = spec.tables?.[0].rows ?? [];
    expect(areas.map((r) => r[0])).toEqual(unit.score.areas.map((a) => a.code));
    // The unit is its own group here: the average is its own final score.
    for (const r of areas) expect(r[5]).toBe(unit.score.areas.find((a) => a.code === r[0])?.scores.final);
    const both = [...(appraisalSheetSpec(unit).tables ?? []), ...(spec.tables ?? [])].map((t) => t.name);
    expect(new Set(both).size).toBe(both.length);
  });
});
