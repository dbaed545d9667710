import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core/analyse";
import { importRubricFromWorkbook } from "../../../src/core/rubric/import";
import type { CellValue } from "../../../src/core/snapshot";
import { cleanRows, HEADER, rubric } from "./table";

/**
 * The not-applicable policy from the template's note: item 1.2 (max 2, may be not applicable) marked
 * "KPS"; the same unit scored with no note (the rubric's full points), a note removing such items from the
 * maximum, and a note giving full points. Planted truth: the policy, its source and cell, the evidence max.
 */
function unitSheet(note: CellValue, where: "below" | "in-table") {
  const rows = cleanRows();
  rows[0][3] = 1; // area 1 self = 1.1 only
  rows[2][3] = "KPS";
  rows[2][4] = null;
  rows[2][5] = "KPS";
  rows[0][5] = 1;
  rows[5][3] = 1;
  rows[5][5] = 5;
  if (where === "in-table") rows[2][6] = note;
  const values: CellValue[][] = [
    ["Đơn vị: Xã An Bình"],
    HEADER,
    ...rows,
    [],
    where === "below" ? [note] : [],
  ];
  const sheet = {
    name: "Biểu",
    origin: { row: 0, col: 0 },
    values: values.map((r) => Array.from({ length: 7 }, (_, j) => r[j] ?? null)),
  };
  return sheet;
}

function unit(note: CellValue, where: "below" | "in-table" = "below") {
  const sheet = unitSheet(note, where);
  const a = analyseWorkbook(
    { source: "x.xlsx", sheets: [sheet] },
    { rubric, source: "x.xlsx", candidates: [] },
  );
  return a.units[0];
}

describe("not-applicable policy: rubric or template note", () => {
  it("no note: the rubric's policy (full points), said to come from the rubric", () => {
    const u = unit(null);
    expect(u.notApplicablePolicy).toEqual({ policy: "full-points", from: "rubric" });
    expect([u.score.evidence.max, u.score.evidence.scores.self]).toEqual([3, 3]);
  });

  it("a note removing such items from the maximum: the policy, its cell and words; the maximum shrinks", () => {
    const text = "Ghi chú: Tiêu chí không phát sinh thì trừ khỏi tổng điểm chuẩn, quy đổi về thang điểm 100.";
    const u = unit(text);
    expect(u.notApplicablePolicy).toEqual({
      policy: "remove-from-max",
      from: "template-note",
      sheet: "Biểu",
      address: "A10",
      text,
    });
    expect([u.score.evidence.max, u.score.evidence.scores.self]).toEqual([1, 1]);
    expect(u.rubric.notApplicable.policy).toBe("remove-from-max");
  });

  it("a note giving full points", () => {
    const u = unit("* Nội dung không áp dụng đối với đơn vị được tính điểm tối đa.");
    expect([
      u.notApplicablePolicy?.policy,
      u.notApplicablePolicy?.from,
      u.notApplicablePolicy?.address,
    ]).toEqual(["full-points", "template-note", "A10"]);
    expect(u.score.evidence.scores.self).toBe(3);
  });

  it("the same words inside the table (an item's own note) are not the template's policy", () => {
    const u = unit("Không phát sinh thì trừ khỏi tổng điểm chuẩn", "in-table");
    expect(u.notApplicablePolicy?.from).toBe("rubric");
  });

  it("rubric import takes the policy from the template's note", () => {
    const note = "Ghi chú: Tiêu chí không phát sinh thì trừ khỏi tổng điểm chuẩn.";
    const withNote = importRubricFromWorkbook({ source: "mau.xlsx", sheets: [unitSheet(note, "below")] });
    expect(withNote.rubric?.notApplicable.policy).toBe("remove-from-max");
    const without = importRubricFromWorkbook({ source: "mau.xlsx", sheets: [unitSheet(null, "below")] });
    expect(without.rubric?.notApplicable.policy).toBe("full-points");
  });
});
