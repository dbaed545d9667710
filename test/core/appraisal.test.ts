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
import { parseA1 } from "../../src/core/address";
import type { UnitScore } from "../../src/core/score";
import { type SpecChart, type SpecTable, specToSnapshot } from "../../src/core/sheet-spec";
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
    // Ten blocks, so the bar fits its column on a printed page.
    expect(textBar(10, 20)).toBe(`${"█".repeat(5)}${"░".repeat(5)}`);
    expect(textBar(25, 20)).toBe("█".repeat(10));
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

describe("the native chart of where the points were lost", () => {
  // From the rubric as planted: its level-1 areas that are scored or surveyed, in order (not bonus/penalty).
  const areaLabels = rubric.items
    .filter((i) => i.kind !== "bonus" && i.kind !== "penalty")
    .map((i) => i.label);
  const peer = analysed(generateUnit(rubric, { seed: 9, index: 1, appraisal: 1 }));
  const box = (range: string) => {
    const [from, to] = range.split(":").map((c) => parseA1(c) as { row: number; col: number });
    return { r0: from.row, c0: from.col, r1: (to ?? from).row, c1: (to ?? from).col };
  };
  const tableBox = (t: SpecTable) => ({
    r0: t.row,
    c0: t.col,
    r1: t.row + t.rows.length,
    c1: t.col + t.headers.length - 1,
  });
  type Box = ReturnType<typeof box>;
  const overlaps = (a: Box, b: Box) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

  for (const [name, make] of [
    ["Kết quả thẩm định", (peers: UnitScore[]) => appraisalSheetSpec(unit, { peers })],
    ["Mất điểm ở đâu", (peers: UnitScore[]) => lostPointsSheetSpec(unit.unit, unit.score, peers)],
  ] as const) {
    it(`${name}: the source is the area labels and the four series, header included, no total row`, () => {
      const spec = make([unit.score, peer.score]);
      expect(spec.charts).toHaveLength(1);
      const chart = spec.charts?.[0] as SpecChart;
      expect(chart.type).toBe("barClustered");
      expect(chart.title).toMatch(/^Mất điểm ở đâu/);
      const src = box(chart.source);
      const values = specToSnapshot(spec).values;
      const grid = values.slice(src.r0, src.r1 + 1).map((r) => r.slice(src.c0, src.c1 + 1));
      expect(grid[0]).toEqual(["Lĩnh vực", "Điểm tối đa", "Tự đánh giá", "Thẩm định", "Bình quân nhóm"]);
      expect(grid.slice(1).map((r) => r[0])).toEqual(areaLabels);
      // Every series cell is a number or empty: no text, no bar made of characters.
      for (const r of grid.slice(1))
        for (const v of r.slice(1)) expect(v === null || typeof v === "number").toBe(true);
      // The row under the source is not another area (nor a total): the table ends there.
      expect(values[src.r1 + 1]?.[src.c0] ?? null).toBeNull();
      // The group's average column holds the two units' mean, as planted.
      const first = unit.score.areas[0].scores.final as number;
      const second = peer.score.areas[0].scores.final as number;
      expect(grid[1][4]).toBeCloseTo((first + second) / 2, rubric.precision);
    });

    it(`${name}: anchored below the tables, over empty cells only`, () => {
      const spec = make([unit.score, peer.score]);
      const chart = spec.charts?.[0] as SpecChart;
      const at = box(`${chart.anchor.from}:${chart.anchor.to}`);
      expect(at.r1 - at.r0).toBeGreaterThanOrEqual(areaLabels.length * 2);
      expect(at.c1 - at.c0).toBeGreaterThanOrEqual(4);
      for (const t of spec.tables ?? []) {
        expect(overlaps(at, tableBox(t)), t.name).toBe(false);
        expect(at.r0, t.name).toBeGreaterThan(tableBox(t).r1);
      }
      const values = specToSnapshot(spec).values;
      for (let r = at.r0; r <= Math.min(at.r1, values.length - 1); r++)
        for (let c = at.c0; c <= at.c1; c++) expect(values[r]?.[c] ?? null, `${r},${c}`).toBeNull();
    });

    it(`${name}: without a group the chart leaves out the empty average and the heading says why`, () => {
      const spec = make([]);
      const chart = spec.charts?.[0] as SpecChart;
      const src = box(chart.source);
      const values = specToSnapshot(spec).values;
      expect(values[src.r0].slice(src.c0, src.c1 + 1)).toEqual([
        "Lĩnh vực",
        "Điểm tối đa",
        "Tự đánh giá",
        "Thẩm định",
      ]);
      expect(values.flat()).toContain("Mất điểm ở đâu (chưa có bình quân nhóm: không có đơn vị khác để so)");
    });
  }

  it("the appraisal sheet's overall line (CHỈ SỐ CCHC) is outside every chart", () => {
    const spec = appraisalSheetSpec(unit, { peers: [unit.score, peer.score] });
    const values = specToSnapshot(spec).values;
    for (const chart of spec.charts ?? []) {
      const src = box(chart.source);
      const cells = values.slice(src.r0, src.r1 + 1).flatMap((r) => r.slice(src.c0, src.c1 + 1));
      expect(cells.some((v) => typeof v === "string" && /CHỈ SỐ/.test(v))).toBe(false);
    }
  });
});
