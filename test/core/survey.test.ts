import { describe, expect, it } from "vitest";
import { emptyEntry, type UnitEntries } from "../../src/core/entries";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { scoreUnit } from "../../src/core/score";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import {
  mergeSurvey,
  readSurveyTable,
  surveyLookup,
  surveyMergeProblems,
  surveyTableFromJson,
  surveyTableFromRows,
} from "../../src/core/survey";

const commune = builtinRubric("example-commune-2024") as Rubric;

function sheet(name: string, values: unknown[][], origin = { row: 0, col: 0 }) {
  return { name, origin, values: values as WorkbookSnapshot["sheets"][number]["values"] };
}

describe("reading a survey table", () => {
  it("finds the header on any sheet by folded text, skips a maximum column, names the cell of a bad score", () => {
    const wb = {
      source: "dieu-tra.xlsx",
      sheets: [
        sheet("Ghi chú", [["Bảng này do Sở Nội vụ gửi"]]),
        sheet(
          "KQ",
          [
            ["KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC NĂM 2024"],
            ["STT", "TÊN ĐƠN VỊ", "Điểm tối đa", "Điểm điều tra XHH"],
            [1, "Xã An Bình", 25, 20.5],
            [2, "Phường 1", 25, "18,75"],
            [3, "Xã Lỗi", 25, "chưa có"],
            [null, null, null, null],
          ],
          { row: 2, col: 1 },
        ),
      ],
    };
    const t = readSurveyTable(wb);
    expect(t.rows).toEqual([
      { unit: "Xã An Bình", score: 20.5, where: "KQ!E5" },
      { unit: "Phường 1", score: 18.75, where: "KQ!E6" },
    ]);
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0].vi).toBe(
      'dieu-tra.xlsx › KQ!E7: điểm điều tra của "Xã Lỗi" không phải là số (chưa có).',
    );
    expect(t.problems[0].en).toContain("is not a number");
  });

  it("says so when a workbook or CSV has no survey table", () => {
    const none = readSurveyTable({ source: "x.xlsx", sheets: [sheet("A", [["Đơn vị", "Ghi chú"]])] });
    expect(none.rows).toEqual([]);
    expect(none.problems[0].en).toBe(
      'x.xlsx: no survey table found (a "Đơn vị"/unit column and a survey score column).',
    );
    expect(surveyTableFromRows([["a", "b"]], "s.csv").problems[0].vi).toContain(
      "không tìm thấy bảng điểm điều tra",
    );
  });

  it("reads CSV-like rows and JSON in both shapes, reporting entries that are not a name and a number", () => {
    const csv = surveyTableFromRows(
      [
        ["Đơn vị", "Điểm"],
        ["Xã A", "24,5"],
      ],
      "s.csv",
    );
    expect(csv.rows).toEqual([{ unit: "Xã A", score: 24.5, where: "s.csv!B2" }]);
    const list = surveyTableFromJson(
      [{ unit: "Xã A", score: 20 }, { unit: "Xã B" }, { unit: " ", score: 3 }],
      "s.json",
    );
    expect(list.rows).toEqual([{ unit: "Xã A", score: 20, where: null }]);
    expect(list.problems).toHaveLength(2);
    const map = surveyTableFromJson({ "Xã A": 20, "Xã B": "21,5" }, "s.json");
    expect(map.rows.map((r) => [r.unit, r.score])).toEqual([
      ["Xã A", 20],
      ["Xã B", 21.5],
    ]);
    expect(surveyTableFromJson(42, "s.json").problems).toHaveLength(1);
  });
});

describe("merging into the units", () => {
  const rows = [
    { unit: "UBND xã An Bình", score: 20, where: "KQ!C3" },
    { unit: "PHƯỜNG 1", score: 18, where: "KQ!C4" },
    { unit: "Xã Không Có", score: 15, where: "KQ!C5" },
    { unit: "Xã An  Bình", score: 99, where: "KQ!C6" },
  ];

  it("matches by unit name (case, diacritics, spacing, 'UBND' ignored) and reports every mismatch", () => {
    const m = mergeSurvey(["Xã An Bình", "Phường 1", "Xã Tân Lập"], rows);
    expect([...m.byUnit]).toEqual([
      ["Xã An Bình", 20],
      ["Phường 1", 18],
    ]);
    expect(m.unitsWithoutSurvey).toEqual(["Xã Tân Lập"]);
    expect(m.rowsWithoutUnit.map((r) => r.unit)).toEqual(["Xã Không Có"]);
    expect(m.duplicateRows.map((r) => r.where)).toEqual(["KQ!C6"]);
    expect(surveyMergeProblems(m).map((p) => p.en)).toEqual([
      'No social-survey score for unit "Xã Tân Lập".',
      'The survey score of "Xã Không Có" (KQ!C5) matches no unit.',
      '"Xã An  Bình" has more than one survey row (KQ!C6); the first one is used.',
    ]);
  });

  it("surveyLookup gives the same scores as mergeSurvey, and scoring with it completes the index", () => {
    const lookup = surveyLookup(rows);
    const m = mergeSurvey(["Xã An Bình", "Phường 1", "Xã Tân Lập"], rows);
    for (const u of ["Xã An Bình", "Phường 1", "Xã Tân Lập"]) expect(lookup(u)).toBe(m.byUnit.get(u) ?? null);

    const e: UnitEntries = new Map();
    for (const l of flattenRubric(commune).filter((i) => i.isLeaf && i.kind === "scored"))
      e.set(l.code, { ...emptyEntry(l.code), self: l.max });
    const before = scoreUnit(commune, e);
    expect(before.surveyMissing).toBe(true);
    expect(before.index.final).toBeNull();
    const after = scoreUnit(commune, e, { survey: lookup("Xã An Bình") });
    expect(after.surveyMissing).toBe(false);
    expect(after.survey).toMatchObject({ merged: true, entered: true });
    expect(after.index.final).toBe(95); // 75 evidence + 20 survey
    expect(after.summary.withoutSurvey).toBe(false);
  });
});
