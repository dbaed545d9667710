import { describe, expect, it } from "vitest";
import { parsePreviousRanking } from "../../src/core/previous";
import { type RankInput, rankUnits } from "../../src/core/rank";
import { specToSnapshot } from "../../src/core/sheet-spec";
import { rankingSheetSpec } from "../../src/core/sheets/ranking";
import { rankInput, threeAreaRubric } from "./helpers";

const rubric = threeAreaRubric({ year: 2023, englishBands: false });

const unit = (name: string, a: number, b: number, survey: number | null): RankInput =>
  rankInput(rubric, name, { self: [a, b], survey });

describe("previous ranking from our own 'Xếp hạng' sheet", () => {
  it("reads every group's table and nothing else (no header rows, unranked or vanished lists as units)", () => {
    const prior = parsePreviousRanking({ units: [{ unit: "Xã Cũ", rank: 1, score: 90 }] });
    if (!prior.ok) throw new Error(prior.problem.en);
    const ranking = rankUnits(
      [
        unit("Xã An Bình", 30, 25, 20.5),
        unit("Xã Tân Lập", 35, 25, 25),
        unit("Phường 1", 20, 20, 20),
        { unit: "Xã Hỏng", source: "hong.xlsx", sheet: null, score: null, errors: 1 },
        { unit: "Xã Lỗi", source: "loi.xlsx", sheet: null, score: null, errors: 1 },
      ],
      { rubric, previous: prior.ranking },
    );
    expect(ranking.unranked).toHaveLength(2);
    expect(ranking.vanished).toHaveLength(1);
    const parsed = parsePreviousRanking({
      source: "xep-hang-2023.xlsx",
      sheets: [specToSnapshot(rankingSheetSpec(ranking, rubric))],
    });
    if (!parsed.ok) throw new Error(parsed.problem.en);
    expect(parsed.ranking.year).toBe(2023);
    expect(parsed.ranking.units.map((u) => [u.unit, u.rank, u.score])).toEqual([
      ["Phường 1", 1, 60],
      ["Xã Tân Lập", 1, 85],
      ["Xã An Bình", 2, 75.5],
    ]);
    expect(parsed.ranking.units[1].areas).toEqual([
      { code: "1", score: 35, rank: 1, max: 40 },
      { code: "2", score: 25, rank: 1, max: 30 },
      { code: "3", score: 25, rank: 1, max: 30 },
    ]);
  });

  it("a sheet read back gives this year's places and 'giữ nguyên' when nothing changed", () => {
    const units = [unit("Xã A", 30, 25, 20), unit("Xã B", 35, 25, 25), unit("Xã C", 30, 25, 20)];
    const first = rankUnits(units, { rubric, groupBy: "none" });
    const parsed = parsePreviousRanking({
      source: "r.xlsx",
      sheets: [specToSnapshot(rankingSheetSpec(first, rubric))],
    });
    if (!parsed.ok) throw new Error(parsed.problem.en);
    const again = rankUnits(units, { rubric, groupBy: "none", previous: parsed.ranking });
    for (const u of again.groups[0].units) {
      expect(u.previous).toMatchObject({ delta: 0, places: 0, change: { vi: "giữ nguyên" } });
      for (const a of u.areas) expect(a.previous?.places).toBe(0);
    }
    expect(again.vanished).toEqual([]);
  });
});

describe("previous ranking from a secretariat's typed workbook", () => {
  it("finds unit/score/rank columns by folded header text, reads Vietnamese numbers, ignores last-year columns", () => {
    const parsed = parsePreviousRanking({
      source: "QD-xep-hang.xlsx",
      sheets: [
        {
          name: "Phụ lục",
          origin: { row: 0, col: 0 },
          values: [
            ["UBND HUYỆN X", null, null, null, null],
            ["KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022", null, null, null, null],
            ["STT", "Tên đơn vị", "Điểm năm trước", "Tổng điểm", "Thứ hạng"],
            [1, "UBND xã Hòa Bình", "80,1", "84,85", "06"],
            [2, "Xã Tân Lập", 79, 83.08, 4],
            [null, "Cộng", null, null, null],
          ],
        },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.problem.en);
    expect(parsed.ranking).toEqual({
      year: 2022,
      units: [
        { unit: "UBND xã Hòa Bình", score: 84.85, rank: 6 },
        { unit: "Xã Tân Lập", score: 83.08, rank: 4 },
      ],
    });
  });

  it("explains, in both languages, a workbook or JSON that holds no ranking", () => {
    const wb = parsePreviousRanking({
      source: "khac.xlsx",
      sheets: [
        {
          name: "A",
          origin: { row: 0, col: 0 },
          values: [
            ["Đơn vị", "Ghi chú"],
            ["Xã A", "x"],
          ],
        },
      ],
    });
    expect(wb.ok).toBe(false);
    if (!wb.ok) {
      expect(wb.problem.vi).toContain("khac.xlsx: không tìm thấy bảng xếp hạng");
      expect(wb.problem.en).toContain("no ranking table found");
    }
    const empty = parsePreviousRanking({ units: [] });
    expect(empty.ok).toBe(false);
    expect(parsePreviousRanking("nonsense").ok).toBe(false);
  });

  it("takes a bare list with 'name' for 'unit' and numbers typed as text", () => {
    const parsed = parsePreviousRanking([
      { name: "Xã A", rank: "2", score: "71,60" },
      { unit: "Xã B", rank: 1, score: 80 },
      { rank: 3 },
    ]);
    expect(parsed).toEqual({
      ok: true,
      ranking: {
        year: null,
        units: [
          { unit: "Xã A", rank: 2, score: 71.6 },
          { unit: "Xã B", rank: 1, score: 80 },
        ],
      },
      findings: [],
    });
  });
});
