import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { citation, isVerifiable } from "../../src/core/evidence";
import { recogniseWorkbook } from "../../src/core/recognise";
import { parseGuidance } from "../../src/core/rubric/guidance";
import { importRubricFromWorkbook } from "../../src/core/rubric/import";
import { requireRubric } from "../../src/core/rubric/load";
import { generateUnit, unitWorkbook } from "../../src/sample";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";

/** Hand-written sheets: each test shows exactly the cells it is about. */
function wb(
  rows: CellValue[][],
  extra: { formulas?: (string | null)[][]; merges?: string[] } = {},
): WorkbookSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return {
    source: "don-vi.xlsx",
    sheets: [
      { name: "Biểu", origin: { row: 0, col: 0 }, values, formulas: extra.formulas, merges: extra.merges },
    ],
  };
}

const small = requireRubric(
  {
    id: "small",
    name: "Small",
    year: 2024,
    unitLevel: "commune",
    precision: 2,
    items: [
      {
        code: "1",
        label: "Chỉ đạo điều hành",
        max: 3,
        children: [
          {
            code: "1.1",
            label: "Kế hoạch",
            max: 1,
            guidance: "Kịp thời: 1; chậm: 0,5; không: 0",
            rule: { type: "levels", levels: [1, 0.5, 0] },
          },
          { code: "1.2", label: "Báo cáo", max: 2 },
        ],
      },
    ],
  },
  "test",
);

const HEAD = ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ghi chú"];
const DOC = "Kế hoạch số 12/KH-UBND ngày 15/01/2024";

/** The unit's name line sits above the header, as in every real template. */
function analyse(rows: CellValue[][], rubric: Rubric | null = small, extra = {}) {
  return analyseWorkbook(wb([["Đơn vị: Xã An Bình"], ...rows], extra), { rubric, source: "don-vi.xlsx" });
}

describe("recognition", () => {
  it("finds the header below a title block and names the unit from it", () => {
    const a = analyse([
      ["UBND TỈNH X"],
      [],
      HEAD,
      ["1", "Chỉ đạo điều hành", 3, 1.5],
      ["1.1", "Kế hoạch", 1, 0.5, DOC],
      ["1.2", "Báo cáo", 2, 1, DOC],
    ]);
    expect(a.units[0].table.headerRow).toBe(3);
    expect(a.units[0].unitFrom).toBe("title");
    expect(a.units[0].unit).toBe("Xã An Bình");
    expect(a.units[0].findings).toEqual([]);
  });

  it("says which column is missing and how it was looked for, when there is no score column", () => {
    const a = analyse([
      ["STT", "Nội dung", "Điểm tối đa", "Tài liệu kiểm chứng"],
      ["1.1", "Kế hoạch", 1, DOC],
    ]);
    expect(a.units).toHaveLength(0);
    expect(a.findings[0]).toMatchObject({ code: "missing-column", severity: "error", expected: "self" });
    expect(a.findings[0].message.en).toContain("Tự chấm");
  });

  it("reports table-not-found on a workbook with no scoring table", () => {
    const a = analyse([["Danh sách cán bộ"], ["Nguyễn Văn A", "Chủ tịch"]]);
    expect(a.findings.map((f) => f.code)).toEqual(["table-not-found"]);
  });

  it("a missing evidence column is a warning, not a failure", () => {
    const a = analyse([
      ["STT", "Nội dung", "Điểm tối đa", "Tự chấm"],
      ["1", "Chỉ đạo điều hành", 3, 3],
      ["1.1", "Kế hoạch", 1, 1],
      ["1.2", "Báo cáo", 2, 2],
    ]);
    expect(a.units[0].findings.map((f) => [f.code, f.severity, f.expected])).toContainEqual([
      "missing-column",
      "warning",
      "evidence",
    ]);
  });

  it("a header merged over two rows is reported from its first row", () => {
    const rubric = builtinRubric("example-commune-2024") as Rubric;
    const g = generateUnit(rubric, { seed: 9, index: 1, variant: "two-row-header", appraisal: 1 });
    const r = recogniseWorkbook(unitWorkbook(g), rubric);
    expect([r.tables[0].headerRow, r.tables[0].headerRowCount]).toEqual([g.truth.headerRow, 2]);
  });

  it("a column the user corrects is used instead of the recognised one", () => {
    // Two score-like columns: the recogniser takes "Điểm tự đánh giá"; the unit's real scores are in F.
    const rows: CellValue[][] = [
      ["Đơn vị: Xã An Bình"],
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Điểm"],
      ["1", "Chỉ đạo điều hành", 3, 0, DOC, 3],
      ["1.1", "Kế hoạch", 1, 0, DOC, 1],
      ["1.2", "Báo cáo", 2, 0, DOC, 2],
    ];
    const plain = analyseWorkbook(wb(rows), { rubric: small, source: "x.xlsx" });
    expect(plain.units[0].score.evidence.scores.self).toBe(0);
    const corrected = analyseWorkbook(wb(rows), {
      rubric: small,
      source: "x.xlsx",
      columns: { roles: { self: 5 } },
    });
    expect(corrected.units[0].table.columns.self).toBe(5);
    expect(corrected.units[0].score.evidence.scores.self).toBe(3);
  });

  it("never takes the add-in's own sheets for a unit table", () => {
    const book = wb([HEAD, ["1.1", "Kế hoạch", 1, 1, DOC]]);
    book.sheets[0].name = "Kết quả";
    expect(recogniseWorkbook(book, small).tables).toHaveLength(0);
  });
});

describe("scores", () => {
  it('"1,5" typed as text counts as 1.5 and is reported as a number stored as text', () => {
    const a = analyse([
      HEAD,
      ["1", "Chỉ đạo điều hành", 3, 2.5],
      ["1.1", "Kế hoạch", 1, 1, DOC],
      ["1.2", "Báo cáo", 2, "1,5", DOC],
    ]);
    const u = a.units[0];
    expect(u.entries.get("1.2")?.self).toBe(1.5);
    expect(u.findings.map((f) => [f.code, f.address])).toEqual([["number-as-text", "D5"]]);
  });

  it("not-applicable words are not numbers and mark the entry", () => {
    const a = analyse([
      HEAD,
      ["1", "Chỉ đạo điều hành", 3, 1],
      ["1.1", "Kế hoạch", 1, 1, DOC],
      ["1.2", "Báo cáo", 2, "Không áp dụng"],
    ]);
    expect(a.units[0].entries.get("1.2")?.notApplicable).toBe(true);
    expect(a.units[0].findings.map((f) => f.code)).not.toContain("not-a-number");
  });

  it("a total of 0.1 + 0.2 written as 0.3 is not a mismatch; 0.31 is", () => {
    const rubric = requireRubric(
      {
        ...small,
        items: [
          {
            ...small.items[0],
            children: [
              { code: "1.1", label: "Kế hoạch", max: 1 },
              { code: "1.2", label: "Báo cáo", max: 2 },
            ],
          },
        ],
      },
      "t",
    );
    const ok = analyse(
      [
        HEAD,
        ["1", "Chỉ đạo điều hành", 3, 0.30000000000000004],
        ["1.1", "Kế hoạch", 1, 0.1, DOC],
        ["1.2", "Báo cáo", 2, 0.2, DOC],
      ],
      rubric,
    );
    expect(ok.units[0].findings).toEqual([]);
    const bad = analyse(
      [
        HEAD,
        ["1", "Chỉ đạo điều hành", 3, 0.31],
        ["1.1", "Kế hoạch", 1, 0.1, DOC],
        ["1.2", "Báo cáo", 2, 0.2, DOC],
      ],
      rubric,
    );
    expect(bad.units[0].findings.map((f) => [f.code, f.address, f.found, f.expected])).toEqual([
      ["total-mismatch", "D3", 0.31, 0.3],
    ]);
  });

  it("a score the guidance does not allow, and one above the maximum", () => {
    const a = analyse([
      HEAD,
      ["1", "Chỉ đạo điều hành", 3, 3.7],
      ["1.1", "Kế hoạch", 1, 0.7, DOC],
      ["1.2", "Báo cáo", 2, 3, DOC],
    ]);
    const codes = a.units[0].findings.map((f) => [f.code, f.address]);
    expect(codes).toContainEqual(["score-not-allowed", "D4"]);
    expect(codes).toContainEqual(["score-out-of-range", "D5"]);
    // Counted as written, never capped.
    expect(a.units[0].score.nodes.find((n) => n.code === "1")?.scores.self).toBe(3.7);
  });
});

describe("no rubric: the workbook's own structure", () => {
  it("a consistent workbook is clean and scored", () => {
    const a = analyse(
      [HEAD, ["1", "Chỉ đạo điều hành", 3, 2], ["1.1", "Kế hoạch", 1, 1, DOC], ["1.2", "Báo cáo", 2, 1, DOC]],
      null,
    );
    expect(a.findings).toEqual([]);
    expect(a.units[0].findings).toEqual([]);
    expect(a.units[0].score.evidence.scores.self).toBe(2);
  });

  it("maxima that do not add up are reported on the parent's cell", () => {
    const a = analyse(
      [HEAD, ["1", "Chỉ đạo điều hành", 4, 2], ["1.1", "Kế hoạch", 1, 1, DOC], ["1.2", "Báo cáo", 2, 1, DOC]],
      null,
    );
    expect(a.findings.map((f) => [f.code, f.address])).toEqual([["max-mismatch", "C3"]]);
  });
});

describe("evidence citations", () => {
  it.each([
    ["Kế hoạch số 12/KH-UBND ngày 15/01/2024", true, [2024]],
    ["Quyết định 45/QĐ-UBND", true, []],
    ["Báo cáo ngày 3 tháng 12 năm 2023", true, [2023]],
    ["https://dichvucong.gov.vn/p/123", true, []],
    ["Có thực hiện đầy đủ", false, []],
    ["Hồ sơ lưu tại Văn phòng", false, []],
  ])("%s", (text, verifiable, years) => {
    const c = citation(text);
    expect(isVerifiable(c)).toBe(verifiable);
    expect(c.dates.map((d) => d.year)).toEqual(years);
  });

  it("flags evidence dated outside the assessment year, and evidence that cites nothing", () => {
    const a = analyse([
      HEAD,
      ["1", "Chỉ đạo điều hành", 3, 3],
      ["1.1", "Kế hoạch", 1, 1, "Kế hoạch số 3/KH-UBND ngày 20/12/2022"],
      ["1.2", "Báo cáo", 2, 2, "Đã thực hiện"],
    ]);
    expect(a.units[0].findings.map((f) => [f.code, f.address])).toEqual([
      ["evidence-out-of-period", "E4"],
      ["evidence-unverifiable", "E5"],
    ]);
  });
});

describe("scoring guidance", () => {
  it("reads discrete levels and percentage bands, and leaves prose alone", () => {
    expect(parseGuidance("Ban hành kịp thời: 1; ban hành chậm: 0,5; không ban hành: 0")).toEqual({
      type: "levels",
      levels: [1, 0.5, 0],
    });
    expect(parseGuidance("Trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0")).toEqual({
      type: "bands",
      bands: [
        { min: 90, minInclusive: false, max: null, maxInclusive: false, points: 2 },
        { min: 70, minInclusive: true, max: 90, maxInclusive: true, points: 1 },
        { min: null, minInclusive: false, max: 70, maxInclusive: false, points: 0 },
      ],
    });
    expect(parseGuidance("Căn cứ kết quả kiểm tra của Sở Nội vụ")).toBeNull();
  });
});

describe("rubric import from a blank template", () => {
  it("Roman areas, numbered criteria and lettered sub-criteria become a tree; SUM rows are parents", () => {
    const imported = importRubricFromWorkbook(
      wb([
        ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025"],
        ["TT", "Nội dung", "Điểm chuẩn", "Hướng dẫn chấm điểm", "Tự chấm"],
        ["I", "Chỉ đạo điều hành", 3],
        ["1", "Kế hoạch", 3],
        ["a)", "Ban hành kế hoạch", 1, "Kịp thời: 1; chậm: 0,5; không: 0"],
        ["b)", "Thực hiện kế hoạch", 2],
        ["II", "Điều tra xã hội học", 5],
        ["1", "Sự hài lòng", 5],
        ["", "TỔNG CỘNG", 8],
      ]),
    );
    const r = imported.rubric as Rubric;
    expect(r.year).toBe(2025);
    // Codes as the template writes them; "1" under both areas gets an internal key (its path).
    expect(r.items.map((i) => [i.code, i.max, i.kind])).toEqual([
      ["I", 3, undefined],
      ["II", 5, "survey"],
    ]);
    const criterion = r.items[0].children?.[0];
    expect([criterion?.code, criterion?.key]).toEqual(["1", "I/1"]);
    expect(criterion?.children?.map((c) => [c.code, c.max])).toEqual([
      ["a)", 1],
      ["b)", 2],
    ]);
    expect(r.items[1].children?.map((c) => [c.code, c.key])).toEqual([["1", "II/1"]]);
    expect(criterion?.children?.[0].rule).toEqual({ type: "levels", levels: [1, 0.5, 0] });
    expect(imported.problems.filter((p) => p.address)).toEqual([]);
  });

  it("reports a parent whose maximum is not the sum of its children, naming the cell", () => {
    const imported = importRubricFromWorkbook(
      wb([
        ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"],
        ["1", "A", 5],
        ["1.1", "x", 1],
        ["1.2", "y", 2],
      ]),
    );
    expect(imported.rubric).not.toBeNull();
    expect(imported.problems.find((p) => p.address === "C2")?.message.en).toMatch(/1/);
  });
});
