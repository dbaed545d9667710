import { describe, expect, it } from "vitest";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { importRubricFromWorkbook } from "../../src/core/rubric/import";
import { loadRubric } from "../../src/core/rubric/load";
import type { Rubric, RubricItem } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { rubricRows } from "../../src/sample/layout";
import { LAYOUT_VARIANTS, templateSpec } from "../../src/sample";
import { specToSnapshot } from "../../src/core/sheet-spec";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";

function wb(rows: CellValue[][], numberFormats?: (string | null)[][]): WorkbookSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return { source: "mau.xlsx", sheets: [{ name: "Mẫu", origin: { row: 0, col: 0 }, values, numberFormats }] };
}

function withoutCodes(items: readonly RubricItem[]): unknown[] {
  return items.map(({ code: _code, key: _key, children, ...rest }) => ({
    ...rest,
    ...(children ? { children: withoutCodes(children) } : {}),
  }));
}

const rubrics = [builtinRubric("example-commune-2024"), builtinRubric("example-agency-2024")] as Rubric[];

describe("template → import round trip", () => {
  it.each(rubrics)("$id: the blank template gives back the same rubric", (rubric) => {
    const imported = importRubricFromWorkbook({
      source: "blank.xlsx",
      sheets: [specToSnapshot(templateSpec(rubric))],
    });
    const r = imported.rubric as Rubric;
    expect(r.items).toEqual(rubric.items);
    expect([r.name, r.year, r.unitLevel, r.precision]).toEqual([
      rubric.name,
      rubric.year,
      rubric.unitLevel,
      rubric.precision,
    ]);
    expect(loadRubric(r).ok).toBe(true);
    // Only what a blank template cannot hold is reported.
    expect(imported.problems.map((p) => p.message.en)).toEqual([
      "The template has no rating bands; add ratingBands to the JSON to rate units.",
    ]);
  });

  it.each(LAYOUT_VARIANTS)(
    "the %s layout gives back the same items, codes as the sheet writes them",
    (variant) => {
      for (const rubric of rubrics) {
        for (const appraisal of [0, 2] as const) {
          const sheet = specToSnapshot(templateSpec(rubric, { appraisal, variant }));
          const r = importRubricFromWorkbook({ source: "blank.xlsx", sheets: [sheet] }).rubric as Rubric;
          if (variant !== "roman-codes") {
            expect(r.items).toEqual(rubric.items);
            continue;
          }
          // The same tree, with the codes the sheet shows ("II", "1", "a)") instead of the rubric's dotted ones.
          const shown = rubricRows(rubric, { roman: true }).flatMap((row) =>
            row.displayCode ? [row.displayCode] : [],
          );
          expect(flattenRubric(r).map((i) => i.shown)).toEqual(shown);
          expect(withoutCodes(r.items)).toEqual(withoutCodes(rubric.items));
          expect(loadRubric(r).ok).toBe(true);
        }
      }
    },
  );
});

describe("templates written by hand", () => {
  it("header below a title, renamed columns, Roman areas and lettered items, kinds from labels", () => {
    const imported = importRubricFromWorkbook(
      wb([
        ["UBND TỈNH X"],
        ["BỘ TIÊU CHÍ ĐÁNH GIÁ CCHC CẤP XÃ NĂM 2023"],
        [],
        ["TT", "Tiêu chí", "Điểm chuẩn", "Hướng dẫn chấm"],
        ["I", "Chỉ đạo điều hành", 4],
        ["1", "Kế hoạch", 3],
        ["a)", "Ban hành kế hoạch", 1, "Kịp thời: 1; chậm: 0,5; không: 0"],
        ["b)", "Thực hiện kế hoạch", 2, "Trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0"],
        ["2", "Báo cáo", 1, "Không phát sinh thì được điểm tối đa"],
        ["II", "Khảo sát sự hài lòng", 5],
        ["III", "Điểm thưởng", 2],
        ["-", "Sáng kiến được công nhận", 2],
        ["IV", "Trừ điểm", 1],
        ["-", "Chậm báo cáo", 1],
        ["", "TỔNG CỘNG", 9],
      ]),
      { id: "tinh-x-2023", province: "Tỉnh X" },
    );
    const r = imported.rubric as Rubric;
    expect([r.id, r.province, r.year, r.unitLevel, r.name]).toEqual([
      "tinh-x-2023",
      "Tỉnh X",
      2023,
      "commune",
      "BỘ TIÊU CHÍ ĐÁNH GIÁ CCHC CẤP XÃ NĂM 2023",
    ]);
    expect(r.items.map((i) => [i.code, i.label, i.max, i.kind])).toEqual([
      ["I", "Chỉ đạo điều hành", 4, undefined],
      ["II", "Khảo sát sự hài lòng", 5, "survey"],
      ["III", "Điểm thưởng", 2, "bonus"],
      ["IV", "Trừ điểm", 1, "penalty"],
    ]);
    const [plan, report] = r.items[0].children ?? [];
    expect(plan.children?.map((c) => [c.code, c.max, c.rule?.type])).toEqual([
      ["a)", 1, "levels"],
      ["b)", 2, "bands"],
    ]);
    expect([report.code, report.notApplicableAllowed]).toEqual(["2", true]);
    // The bullet "-" is written under two areas: the code stays "-", a key tells them apart.
    expect(r.items[2].children?.map((c) => [c.code, c.key])).toEqual([["-", "III/-"]]);
    expect(r.items[3].children?.map((c) => [c.code, c.key])).toEqual([["-", "IV/-"]]);
    expect(imported.problems.filter((p) => p.address)).toEqual([]);
  });

  it("decimals from the number format of the maximum column", () => {
    const rows: CellValue[][] = [
      ["STT", "Nội dung", "Điểm tối đa", "Tự chấm"],
      ["1", "A", 1.5],
      ["1.1", "x", 1.5],
    ];
    const formats = rows.map(() => [null, null, "0.000", null]);
    expect(importRubricFromWorkbook(wb(rows, formats)).rubric?.precision).toBe(3);
  });

  it("reports, with the cell, what it could not understand instead of guessing", () => {
    const imported = importRubricFromWorkbook(
      wb([
        ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"],
        ["1", "Chỉ đạo", 5],
        ["1.1", "Kế hoạch", 1],
        ["1.2", "Báo cáo", 2],
        ["1.3", "Kiểm tra", "hai"],
      ]),
    );
    const where = imported.problems.map((p) => [p.sheet, p.address]);
    // 1.3's maximum is not a number: skipped and said so; then 1's 5 is not 1 + 2: said so, on 1's maximum.
    expect(where).toContainEqual(["Mẫu", "C5"]);
    expect(where).toContainEqual(["Mẫu", "C2"]);
    expect(imported.problems.find((p) => p.address === "C5")?.message.vi).toContain("Kiểm tra");
    expect(imported.problems.find((p) => p.address === "C2")?.message.en).toMatch(/max 5 differs .* 3/);
    // No year in the title: said so, not silently assumed.
    expect(imported.problems.some((p) => /year/.test(p.message.en))).toBe(true);
    expect(imported.rubric?.items[0].children?.map((c) => c.code)).toEqual(["1.1", "1.2"]);
  });

  it("a workbook without a rubric table gives no rubric and says why", () => {
    const imported = importRubricFromWorkbook(wb([["Danh sách"], ["Nguyễn Văn A"]]));
    expect(imported.rubric).toBeNull();
    expect(imported.table).toBeNull();
    expect(imported.problems).toHaveLength(1);
    expect(imported.problems[0].message.vi).toContain("Không tìm thấy bảng chấm điểm");
  });
});

describe("tables no rubric can be built from", () => {
  it("no maximum column, or no maximum in any row: no rubric, and a problem on the header", () => {
    const noMax = importRubricFromWorkbook(
      wb([
        ["Nội dung", "Điểm thẩm định"],
        ["Kế hoạch", 1],
      ]),
    );
    expect([noMax.rubric, noMax.problems.map((p) => p.address)]).toEqual([null, ["A1"]]);
    const empty = importRubricFromWorkbook(
      wb([
        ["STT", "Nội dung", "Điểm tối đa", "Tự chấm"],
        ["1", "Kế hoạch", null, 1],
      ]),
    );
    expect(empty.rubric).toBeNull();
    expect(empty.problems.map((p) => p.address)).toContain("C1");
  });
});
