import { describe, expect, it } from "vitest";
import { rubricLabel, rubricLine } from "../../src/core/rubric/identity";
import { parsePreviousRanking } from "../../src/core/previous";
import { placeRanks, type RankInput, rankUnits } from "../../src/core/rank";
import { rankingSheetSpec } from "../../src/core/sheets/ranking";
import { specToSnapshot } from "../../src/core/sheet-spec";
import { mergeSurvey, readSurveyTable } from "../../src/core/survey";
import { rankInput, threeAreaRubric } from "./helpers";

const rubric = threeAreaRubric();

const unit = (name: string, a: number, b: number, survey: number | null, errors = 0): RankInput =>
  rankInput(rubric, name, { self: [a, b], survey }, errors);

describe("placeRanks", () => {
  it("standard competition ranking skips after ties; dense does not", () => {
    expect(placeRanks([90, 85, 85, 80], false)).toEqual([1, 2, 2, 4]);
    expect(placeRanks([90, 85, 85, 80], true)).toEqual([1, 2, 2, 3]);
    expect(placeRanks([null, 5], false)).toEqual([null, 1]);
  });
});

describe("rankUnits", () => {
  it("ranks within groups, ties after rounding to the precision share a place", () => {
    const r = rankUnits(
      [
        unit("Xã An Bình", 30, 20, 20.004), // 70.004 → 70.00
        unit("Xã Tân Lập", 30, 20, 19.996), // 69.996 → 70.00: tied
        unit("Xã Hòa Bình", 35, 25, 25), // 85
        unit("Phường 1", 30, 30, 25), // 85, alone in its group
      ],
      { rubric, by: "final" },
    );
    expect(r.groups.map((g) => g.id)).toEqual(["ward", "commune"]);
    const communes = r.groups[1].units;
    expect(communes.map((u) => [u.unit, u.rank, u.tied])).toEqual([
      ["Xã Hòa Bình", 1, false],
      ["Xã An Bình", 2, true],
      ["Xã Tân Lập", 2, true],
    ]);
    expect(communes[1].score).toBe(70);
    expect(r.groups[0].units[0].rank).toBe(1);
    expect(r.groups[1].ratingCounts).toEqual([
      { label: "Tốt", labelEn: "Good", count: 1 },
      { label: "Khá", labelEn: "Fair", count: 2 },
    ]);
  });

  it("gives per-area scores and ranks beside the overall", () => {
    const r = rankUnits([unit("Xã A", 40, 10, 10), unit("Xã B", 20, 30, 10), unit("Xã C", 30, 30, 10)], {
      rubric,
      groupBy: "none",
    });
    const byName = Object.fromEntries(r.groups[0].units.map((u) => [u.unit, u]));
    expect(byName["Xã A"].areas.find((a) => a.code === "1")).toEqual({
      code: "1",
      score: 40,
      rank: 1,
      previous: null,
    });
    expect(byName["Xã A"].areas.find((a) => a.code === "2")?.rank).toBe(3);
    expect(byName["Xã B"].areas.find((a) => a.code === "2")?.rank).toBe(1);
    expect(byName["Xã C"].areas.find((a) => a.code === "2")?.rank).toBe(1);
  });

  it("compares with last year by folded name: points, places, new and vanished units", () => {
    const prev = parsePreviousRanking({
      year: 2023,
      units: [
        { unit: "XÃ AN BÌNH", rank: 3, score: 68.5 },
        { unit: "Xã Hòa Bình", rank: 1, score: 87.74 },
        { unit: "Xã Cũ Đã Sáp Nhập", rank: 2, score: 80 },
      ],
    });
    if (!prev.ok) throw new Error(prev.problem.en);
    const r = rankUnits(
      [unit("Xã An Bình", 40, 30, 20), unit("Xã Hòa Bình", 35, 25, 25), unit("Xã Mới", 10, 10, 10)],
      {
        rubric,
        groupBy: "none",
        previous: prev.ranking,
      },
    );
    const byName = Object.fromEntries(r.groups[0].units.map((u) => [u.unit, u]));
    expect(byName["Xã An Bình"].previous).toMatchObject({
      delta: 21.5,
      places: 2,
      change: { vi: "tăng 2 bậc" },
    });
    expect(byName["Xã Hòa Bình"].previous).toMatchObject({
      delta: -2.74,
      places: -1,
      change: { vi: "giảm 1 bậc" },
    });
    expect(byName["Xã Mới"].previous?.change).toEqual({
      vi: "mới (không có trong bảng năm trước)",
      en: "new (not in last year's ranking)",
    });
    expect(byName["Xã Mới"].previous?.delta).toBeNull();
    expect(r.vanished).toEqual([
      {
        unit: "Xã Cũ Đã Sáp Nhập",
        rank: 2,
        score: 80,
        change: { vi: "không còn trong bảng năm nay", en: "not in this year's ranking" },
      },
    ]);
    expect(r.previousYear).toBe(2023);
  });

  it("lists units that cannot be ranked with the reason, and marks units with errors; a missing survey moves nobody else", () => {
    const r = rankUnits(
      [
        unit("Xã A", 30, 20, 20, 3),
        unit("Xã B", 30, 20, null),
        {
          unit: "hong.xlsx",
          source: "hong.xlsx",
          sheet: null,
          score: null,
          errors: 1,
          reason: { vi: "không đọc được", en: "unreadable" },
        },
      ],
      { rubric, groupBy: "none" },
    );
    // Xã B has no survey score while Xã A has one: Xã A stays on the index, Xã B is listed apart (#27).
    expect(r.groups[0].units.map((u) => [u.unit, u.score, u.errors])).toEqual([["Xã A", 70, 3]]);
    expect(r.withoutSurvey).toBe(false);
    expect(r.basis).toBe("index");
    expect(r.basisNote?.vi).toContain("1/2 đơn vị chưa có điểm điều tra xã hội học (Xã B)");
    expect(r.unranked.map((u) => [u.unit, u.reason.en, u.evidenceScore ?? null])).toEqual([
      ["Xã B", "no social-survey score yet", 50],
      ["hong.xlsx", "unreadable", null],
    ]);
  });

  it("with no survey score anywhere, ranks on the evidence part and says so", () => {
    const r = rankUnits([unit("Xã A", 30, 20, null), unit("Xã B", 35, 20, null)], {
      rubric,
      groupBy: "none",
    });
    expect(r.withoutSurvey).toBe(true);
    expect(r.groups[0].units.map((u) => [u.unit, u.score, u.rank])).toEqual([
      ["Xã B", 55, 1],
      ["Xã A", 50, 2],
    ]);
  });

  it("groups by a regular expression on folded names", () => {
    const r = rankUnits(
      [unit("Xã A", 30, 20, 20), unit("Thị trấn B", 30, 25, 20), unit("Phòng C", 1, 1, 1)],
      { rubric, groupBy: "^(xa|thi tran) " },
    );
    expect(r.groups.map((g) => [g.id, g.units.length])).toEqual([
      ["thi tran", 1],
      ["xa", 1],
      ["other", 1],
    ]);
  });
});

describe("ranking sheet", () => {
  it("is one real table per group, deterministic, with the units as plain text and numbers at the precision", () => {
    const inputs = [
      unit('=HYPERLINK("x")', 30, 20, 20),
      unit("Xã B", 35, 20, 20),
      unit("Phường 2", 35, 25, 20),
    ];
    const spec = rankingSheetSpec(rankUnits(inputs, { rubric }), rubric, { linkSheets: true });
    const again = rankingSheetSpec(rankUnits(inputs, { rubric }), rubric, { linkSheets: true });
    expect(again).toEqual(spec);
    // Three groups, then the record of basis and rubric read back by next year's --previous.
    expect(spec.tables?.map((t) => t.rows.length)).toEqual([1, 1, 1, 6]);
    expect(new Set(spec.tables?.map((t) => t.name)).size).toBe(spec.tables?.length);
    expect(spec.tables?.[0].numberFormats?.[2]).toBe("0.00");
    // A4, the rank and unit name repeated beside the per-area pages (issue #26).
    expect(spec.print).toMatchObject({ paper: "A4", repeatColumns: [0, 1] });
    expect(spec.cells[0].value).toBe(rubricLine(rubricLabel(rubric)));
    expect(spec.cells[1].value).toBe("KẾT QUẢ XẾP HẠNG CHỈ SỐ CCHC NĂM 2024");
    const snapshot = specToSnapshot(spec);
    const flat = snapshot.values.flat();
    expect(flat).toContain('=HYPERLINK("x")');
    expect(snapshot.formulas?.flat().every((f) => f === null)).toBe(true);
    expect(spec.tables?.[0].links?.[1][0]).toBe("#'Phường 2'!A1");
  });
});

describe("survey merge", () => {
  it("matches by folded name and reports both kinds of mismatch", () => {
    const wb = {
      source: "dieu-tra.xlsx",
      sheets: [
        {
          name: "Sheet1",
          origin: { row: 0, col: 0 },
          values: [
            ["KẾT QUẢ ĐIỀU TRA", null],
            ["Đơn vị", "Điểm điều tra xã hội học"],
            ["XÃ AN BÌNH", "25,5"],
            ["Xã Không Có", 20],
            ["Xã Lỗi", "n/a"],
          ],
        },
      ],
    };
    const table = readSurveyTable(wb);
    expect(table.rows.map((r) => [r.unit, r.score])).toEqual([
      ["XÃ AN BÌNH", 25.5],
      ["Xã Không Có", 20],
    ]);
    expect(table.problems[0].en).toContain("Sheet1!B5");
    const m = mergeSurvey(["Xã An Bình", "Xã Tân Lập"], table.rows);
    expect(m.byUnit.get("Xã An Bình")).toBe(25.5);
    expect(m.unitsWithoutSurvey).toEqual(["Xã Tân Lập"]);
    expect(m.rowsWithoutUnit.map((r) => r.unit)).toEqual(["Xã Không Có"]);
  });
});
