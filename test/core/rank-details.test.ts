import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePreviousRanking, type PreviousRanking } from "../../src/core/previous";
import { type RankInput, type Ranking, rankUnits } from "../../src/core/rank";
import { unitKey } from "../../src/core/rank-key";
import { type AreaScores, rankInput, threeAreaRubric } from "./helpers";

const rubric = threeAreaRubric();

const unit = (name: string, s: AreaScores, errors = 0): RankInput => rankInput(rubric, name, s, errors);

const all = (r: Ranking) => r.groups.flatMap((g) => g.units);
const named = (r: Ranking, name: string) => {
  const u = all(r).find((x) => x.unit === name);
  if (!u) throw new Error(`${name} not ranked`);
  return u;
};

describe("basis and ties", () => {
  const units = [
    unit("Xã A", { self: [40, 30], appraised: [30, 20], survey: 20 }), // self 90, appraised 70
    unit("Xã B", { self: [35, 25], appraised: [35, 25], survey: 20 }), // 80 / 80
    unit("Xã C", { self: [30, 20], survey: 20 }), // 70, not appraised
  ];

  it("ranks on self, appraised or final scores as asked, and rates the score it ranks", () => {
    // Self: the evidence part only — the survey (20 each) is the province's score, never the unit's.
    const self = rankUnits(units, { rubric, by: "self", groupBy: "none" });
    expect(all(self).map((u) => [u.unit, u.score, u.rank, u.rating?.label])).toEqual([
      ["Xã A", 70, 1, undefined],
      ["Xã B", 60, 2, undefined],
      ["Xã C", 50, 3, undefined],
    ]);
    expect(self.withoutSurvey).toBe(true);
    expect(self.basisNote?.en).toContain("evidence part's self scores");
    const appraised = rankUnits(units, { rubric, by: "appraised", groupBy: "none" });
    expect(all(appraised).map((u) => [u.unit, u.score, u.rank])).toEqual([
      ["Xã B", 80, 1],
      ["Xã A", 70, 2],
    ]);
    expect(appraised.unranked).toEqual([
      {
        unit: "Xã C",
        source: "Xã C.xlsx",
        reason: { vi: "chưa có điểm thẩm định", en: "not appraised yet" },
        errors: 0,
      },
    ]);
    const final = rankUnits(units, { rubric, by: "final", groupBy: "none" });
    expect(all(final).map((u) => [u.unit, u.score, u.rank, u.tied])).toEqual([
      ["Xã B", 80, 1, false],
      ["Xã A", 70, 2, true],
      ["Xã C", 70, 2, true],
    ]);
  });

  it("dense ranking leaves no gap after a tie", () => {
    const more = [...units, unit("Xã D", { self: [20, 20], survey: 10 })];
    const competition = rankUnits(more, { rubric, groupBy: "none" });
    const dense = rankUnits(more, { rubric, groupBy: "none", dense: true });
    expect(named(competition, "Xã D").rank).toBe(4);
    expect(named(dense, "Xã D").rank).toBe(3);
    expect(dense.dense).toBe(true);
  });

  it("counts ratings per group, and the counts add up to the group", () => {
    const r = rankUnits(
      [
        ...units,
        unit("Phường 1", { self: [40, 30], survey: 30 }),
        unit("Phường 2", { self: [0, 0], survey: 0 }),
      ],
      { rubric },
    );
    const wards = r.groups.find((g) => g.id === "ward");
    expect(wards?.ratingCounts).toEqual([
      { label: "Tốt", labelEn: "Good", count: 1 },
      { label: "Khá", labelEn: "Fair", count: 1 },
    ]);
    for (const g of r.groups) expect(g.ratingCounts.reduce((n, c) => n + c.count, 0)).toBe(g.units.length);
  });
});

describe("last year", () => {
  /** Last year's ranking as `par-index rank --json` serialises it (JSON round trip included). */
  function lastYear(units: RankInput[]): PreviousRanking {
    const r = rankUnits(units, { rubric, groupBy: "none" });
    const parsed = parsePreviousRanking(JSON.parse(JSON.stringify(r)));
    if (!parsed.ok) throw new Error(parsed.problem.en);
    return parsed.ranking;
  }

  const before = [
    unit("Xã An Bình", { self: [30, 25], survey: 25 }), // 80: 1st
    unit("UBND xã Tân Lập", { self: [30, 20], survey: 25 }), // 75: 2nd
    unit("Thị trấn Đông", { self: [25, 20], survey: 25 }), // 70: 3rd
    unit("Xã Giải Thể", { self: [10, 10], survey: 10 }), // 30: 4th
  ];
  const now = [
    unit("Xã An Bình", { self: [30, 25], survey: 20 }), // 75
    unit("Xã Tân Lập", { self: [38, 25], survey: 25 }), // 88 (was "UBND xã Tân Lập")
    unit("Phường Đông", { self: [25, 20], survey: 28.5 }), // 73.5 (renamed from "Thị trấn Đông")
    unit("Xã Mới Lập", { self: [20, 20], survey: 20 }), // 60
  ];

  it("points and places by unit name, 'UBND' and case ignored; renamed units keep their history", () => {
    const r = rankUnits(now, {
      rubric,
      groupBy: "none",
      previous: lastYear(before),
      renames: { "Thị trấn Đông": "Phường Đông" },
    });
    expect(r.previousYear).toBe(2024);
    expect(named(r, "Xã Tân Lập").previous).toMatchObject({
      score: 75,
      rank: 2,
      delta: 13,
      places: 1,
      change: { vi: "tăng 1 bậc", en: "up 1 place" },
    });
    // Same unit, spelt differently: not a rename.
    expect(named(r, "Xã Tân Lập").previousName).toBeNull();
    expect(named(r, "Xã An Bình").previous).toMatchObject({
      delta: -5,
      places: -1,
      change: { vi: "giảm 1 bậc", en: "down 1 place" },
    });
    expect(named(r, "Phường Đông").previous).toMatchObject({
      delta: 3.5,
      places: 0,
      change: { vi: "giữ nguyên", en: "unchanged" },
    });
    expect(named(r, "Phường Đông").previousName).toBe("Thị trấn Đông");
    expect(named(r, "Xã Mới Lập").previous?.change.en).toBe("new (not in last year's ranking)");
    expect(r.vanished.map((v) => [v.unit, v.rank, v.score, v.change.vi])).toEqual([
      ["Xã Giải Thể", 4, 30, "không còn trong bảng năm nay"],
    ]);
  });

  it("without the rename, the renamed unit is said plainly to be new, and the old name vanished", () => {
    const r = rankUnits(now, { rubric, groupBy: "none", previous: lastYear(before) });
    expect(named(r, "Phường Đông").previous?.change.vi).toBe("mới (không có trong bảng năm trước)");
    expect(r.vanished.map((v) => v.unit)).toEqual(["Thị trấn Đông", "Xã Giải Thể"]);
  });

  it("per-area places and points against last year (commune C: area 1 from 3rd to 1st, 'tăng 2 bậc')", () => {
    const prev = parsePreviousRanking({
      year: 2022,
      units: [
        { unit: "Xã C", rank: 4, score: 85.82, areas: [{ code: "1", score: 10.1, rank: 3 }] },
        { unit: "Xã D", rank: 1, score: 90, areas: [{ code: "1", score: 13, rank: 1 }] },
      ],
    });
    if (!prev.ok) throw new Error(prev.problem.en);
    const r = rankUnits(
      [unit("Xã C", { self: [36, 20], survey: 20 }), unit("Xã D", { self: [30, 20], survey: 20 })],
      { rubric, groupBy: "none", previous: prev.ranking },
    );
    const area1 = named(r, "Xã C").areas.find((a) => a.code === "1");
    expect(area1).toEqual({
      code: "1",
      score: 36,
      rank: 1,
      previous: {
        score: 10.1,
        rank: 3,
        delta: 25.9,
        places: 2,
        change: { vi: "tăng 2 bậc", en: "up 2 places" },
      },
    });
    expect(named(r, "Xã C").areas.find((a) => a.code === "2")?.previous).toBeNull();
    expect(named(r, "Xã D").areas.find((a) => a.code === "1")?.previous?.change.vi).toBe("giảm 1 bậc");
  });
});

describe("units with errors or without a score", () => {
  it("a unit with validation errors is ranked and carries its count; one without a score is listed, never dropped", () => {
    const r = rankUnits(
      [
        unit("Xã A", { self: [30, 20], survey: 20 }, 4),
        { unit: "Xã Hỏng", source: "hong.xlsx", sheet: null, score: null, errors: 2 },
      ],
      { rubric, groupBy: "none" },
    );
    expect(named(r, "Xã A").errors).toBe(4);
    expect(r.unranked).toEqual([
      {
        unit: "Xã Hỏng",
        source: "hong.xlsx",
        reason: { vi: "không tính được điểm", en: "no score could be computed" },
        errors: 2,
      },
    ]);
  });

  it("every input comes back exactly once, and ranks are 1 + the number of better scores in the group", () => {
    const arb = fc.array(
      fc.record({
        name: fc.constantFrom("Xã", "Phường", "Phòng").chain((p) => fc.nat(50).map((n) => `${p} ${n}`)),
        a: fc.integer({ min: 0, max: 4000 }),
        b: fc.integer({ min: 0, max: 3000 }),
        survey: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
        scored: fc.boolean(),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, fc.boolean(), (rows, dense) => {
        const inputs = rows.map((x) =>
          x.scored
            ? unit(x.name, {
                self: [x.a / 100, x.b / 100],
                survey: x.survey === null ? null : x.survey / 100,
              })
            : { unit: x.name, source: "x.xlsx", sheet: null, score: null, errors: 1 },
        );
        const r = rankUnits(inputs, { rubric, dense });
        expect(all(r).length + r.unranked.length).toBe(inputs.length);
        for (const g of r.groups) {
          const distinct = [...new Set(g.units.map((u) => u.score))];
          for (const u of g.units) {
            const better = dense
              ? distinct.filter((s) => s > u.score).length
              : g.units.filter((v) => v.score > u.score).length;
            expect(u.rank).toBe(better + 1);
            expect(u.tied).toBe(g.units.filter((v) => v.score === u.score).length > 1);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe("unitKey", () => {
  it("meets across case, diacritics, tone placement, punctuation, spacing and a leading UBND", () => {
    expect(unitKey("UBND  xã Hoà Bình")).toBe(unitKey("Xã Hòa Bình"));
    expect(unitKey("Ủy ban nhân dân Phường 1")).toBe(unitKey("PHƯỜNG 1"));
    expect(unitKey("Xã Tân-Lập")).toBe(unitKey("xã tân lập"));
    expect(unitKey("Xã An Bình")).not.toBe(unitKey("Xã An Bình Tây"));
  });
});
