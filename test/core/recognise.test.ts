import { describe, expect, it } from "vitest";
import { recogniseWorkbook } from "../../src/core/recognise";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { requireRubric } from "../../src/core/rubric/load";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit, LAYOUT_VARIANTS, unitWorkbook } from "../../src/sample";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";

/** A sheet from plain rows, padded to a rectangle, so each test shows exactly the cells it is about. */
function sheet(name: string, rows: CellValue[][], merges: string[] = []): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return { name, origin: { row: 0, col: 0 }, values, merges };
}
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ source: "don-vi.xlsx", sheets });

const rubric = requireRubric(
  {
    id: "r",
    name: "R",
    year: 2024,
    unitLevel: "commune",
    precision: 2,
    items: [
      {
        code: "1",
        label: "Công tác chỉ đạo điều hành",
        max: 3,
        children: [
          { code: "1.1", label: "Kế hoạch", max: 1 },
          { code: "1.2", label: "Báo cáo", max: 2 },
        ],
      },
      {
        code: "2",
        label: "Cổng thông tin điện tử",
        max: 2,
        children: [
          { code: "2.1", label: "Công khai thủ tục", max: 1 },
          { code: "2.2", label: "Công khai ngân sách", max: 1 },
        ],
      },
    ],
  },
  "test",
);

const BODY: CellValue[][] = [
  ["1", "Công tác chỉ đạo điều hành", 3, 3],
  ["1.1", "Kế hoạch", 1, 1],
  ["1.2", "Báo cáo", 2, 2],
  ["2", "Cổng thông tin điện tử", 2, 2],
  ["2.1", "Công khai thủ tục", 1, 1],
  ["2.2", "Công khai ngân sách", 1, 1],
];

describe("finding the header", () => {
  it("below a title block, with the standard names, recording which header named which column", () => {
    const r = recogniseWorkbook(
      book(
        sheet("Biểu", [
          ["UBND HUYỆN X"],
          ["BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2024"],
          ["Đơn vị: Xã An Bình"],
          [],
          ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ghi chú"],
          ...BODY,
        ]),
      ),
      rubric,
    );
    const t = r.tables[0];
    expect([t.sheet, t.headerRow, t.headerRowCount, t.firstDataRow, t.lastDataRow]).toEqual([
      "Biểu",
      4,
      1,
      5,
      10,
    ]);
    expect(t.columns).toEqual({ code: 0, label: 1, max: 2, self: 3, evidence: 4, note: 5 });
    expect(t.columnHeaders.self).toBe("Điểm tự đánh giá");
    expect(t.columnHeaders.evidence).toBe("Tài liệu kiểm chứng");
    expect([t.unitName, t.unitNameAddress]).toEqual(["Xã An Bình", "A3"]);
    expect(t.rows.map((x) => [x.item, x.matchedBy])).toEqual(
      ["1", "1.1", "1.2", "2", "2.1", "2.2"].map((c) => [c, "code"]),
    );
  });

  it.each([
    [["TT", "Tiêu chí", "Điểm chuẩn", "Tự chấm", "TLKC", "Ý kiến"]],
    [["STT", "Nội dung", "ĐIỂM TỐI ĐA", "ĐIỂM TỰ CHẤM (*)", "Minh chứng", "Nhận xét"]],
  ])("renamed columns %j", (head) => {
    const t = recogniseWorkbook(book(sheet("S", [head, ...BODY])), rubric).tables[0];
    expect(t.columns).toEqual({ code: 0, label: 1, max: 2, self: 3, evidence: 4, note: 5 });
  });

  it("'Lĩnh vực' names the label column and 'Giải trình' an explanation column, apart from the note", () => {
    const head = [
      "TT",
      "Lĩnh vực",
      "Điểm tối đa",
      "Điểm tự đánh giá",
      "Tài liệu kiểm chứng",
      "Giải trình",
      "Ghi chú",
    ];
    const t = recogniseWorkbook(book(sheet("S", [head, ...BODY])), rubric).tables[0];
    expect(t.columns).toEqual({ code: 0, label: 1, max: 2, self: 3, evidence: 4, explanation: 5, note: 6 });
    expect(t.columnHeaders.explanation).toBe("Giải trình");
  });

  it("moved and inserted columns: the table starts in column C with a stray column in between", () => {
    const rows = [
      [null, null, "Đơn vị: Phường 3"],
      [],
      [null, null, "STT", "Nội dung", "Đơn vị tính", "Điểm tối đa", "Hướng dẫn chấm", "Tự chấm", "TLKC"],
      ...BODY.map(([c, l, m, s]) => [null, null, c, l, "điểm", m, null, s, null]),
    ];
    const t = recogniseWorkbook(book(sheet("S", rows)), rubric).tables[0];
    expect(t.columns).toEqual({ code: 2, label: 3, max: 5, guidance: 6, self: 7, evidence: 8 });
    expect(t.unitName).toBe("Phường 3");
    expect(t.rows.filter((x) => x.item)).toHaveLength(6);
  });

  it("a header merged over two rows, with two appraisal rounds under one heading", () => {
    const rows = [
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", null, "Tài liệu kiểm chứng"],
      [null, null, null, null, "Lần 1", "Lần 2", null],
      ...BODY.map((r) => [...r, r[3], r[3]]),
    ];
    const merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2"];
    const t = recogniseWorkbook(book(sheet("S", rows, merges)), rubric).tables[0];
    expect([t.headerRow, t.headerRowCount, t.firstDataRow]).toEqual([0, 2, 2]);
    expect(t.columns).toMatchObject({ self: 3, appraised1: 4, appraised2: 5, evidence: 6 });
    expect(t.columnHeaders.appraised2).toBe("Điểm thẩm định Lần 2");
  });

  it('"Điểm chấm thực tế" beside "Điểm thẩm định" is the second appraisal round', () => {
    const head = ["STT", "Nội dung", "Điểm tối đa", "Tự chấm", "Điểm thẩm định", "Điểm chấm thực tế"];
    const t = recogniseWorkbook(book(sheet("S", [head, ...BODY])), rubric).tables[0];
    expect(t.columns).toMatchObject({ appraised1: 4, appraised2: 5 });
  });

  it("without a score column, says which column is missing and how it was looked for", () => {
    const r = recogniseWorkbook(
      book(sheet("S", [["STT", "Nội dung", "Điểm tối đa", "TLKC"], ...BODY.map((x) => x.slice(0, 3))])),
      rubric,
    );
    expect(r.tables).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      code: "missing-column",
      severity: "error",
      sheet: "S",
      address: "A1",
    });
    expect(r.findings[0].message.vi).toContain("Điểm tự đánh giá");
  });

  it("table-not-found when no sheet has a scoring header, and not when one does", () => {
    const other = sheet("Danh sách", [
      ["Họ tên", "Chức vụ"],
      ["Nguyễn Văn A", "Chủ tịch"],
    ]);
    expect(recogniseWorkbook(book(other), rubric).findings.map((f) => f.code)).toEqual(["table-not-found"]);
    const withTable = book(other, sheet("Biểu", [["STT", "Nội dung", "Tự chấm"], ...BODY]));
    const r = recogniseWorkbook(withTable, rubric);
    expect(r.findings).toEqual([]);
    expect(r.tables.map((t) => t.sheet)).toEqual(["Biểu"]);
  });
});

describe("rows", () => {
  it("labels that start like 'Công'/'Cổng' are items; only the real total row is the total", () => {
    const rows = [
      ["Nội dung", "Điểm tối đa", "Tự chấm"],
      ...BODY.map((r) => r.slice(1)),
      ["TỔNG CỘNG", 5, 5],
    ];
    const t = recogniseWorkbook(book(sheet("S", rows)), rubric).tables[0];
    expect(t.rows.filter((x) => x.isTotal).map((x) => x.label)).toEqual(["TỔNG CỘNG"]);
    expect(t.rows.filter((x) => !x.isTotal).map((x) => [x.item, x.matchedBy])).toEqual(
      ["1", "1.1", "1.2", "2", "2.1", "2.2"].map((c) => [c, "label"]),
    );
  });

  it("a code written into the label ('1.1. Kế hoạch', 'a) …') is read as the code", () => {
    const rows = [
      ["Nội dung", "Tự chấm"],
      ["1. Công tác chỉ đạo điều hành", 3],
      ["1.1. Kế hoạch (sửa tên)", 1],
      ["1.2 Báo cáo", 2],
    ];
    const t = recogniseWorkbook(book(sheet("S", rows)), rubric).tables[0];
    expect(t.rows.map((x) => [x.code, x.label, x.item])).toEqual([
      ["1.", "Công tác chỉ đạo điều hành", "1"],
      ["1.1.", "Kế hoạch (sửa tên)", "1.1"],
      ["1.2", "Báo cáo", "1.2"],
    ]);
  });

  it("Roman areas with criteria numbered from 1 under each go by their labels", () => {
    const rows = [
      ["TT", "Nội dung", "Điểm tối đa", "Tự chấm"],
      ["I", "Công tác chỉ đạo điều hành", 3, 3],
      ["1", "Kế hoạch", 1, 1],
      ["2", "Báo cáo", 2, 2],
      ["II", "Cổng thông tin điện tử", 2, 2],
      ["1", "Công khai thủ tục", 1, 1],
      ["2", "Công khai ngân sách", 1, 1],
    ];
    const t = recogniseWorkbook(book(sheet("S", rows)), rubric).tables[0];
    expect(t.rows.map((x) => x.item)).toEqual(["1", "1.1", "1.2", "2", "2.1", "2.2"]);
  });

  it("Roman/letter codes are matched by position when the unit has reworded the labels", () => {
    const rows = [
      ["TT", "Nội dung", "Tự chấm"],
      ["I", "CHỈ ĐẠO, ĐIỀU HÀNH (đã sửa)", 3],
      ["a)", "Kế hoạch năm", 1],
      ["b)", "Báo cáo quý", 2],
      ["II", "Cổng thông tin", 2],
      ["a)", "Công khai TTHC", 1],
      ["b)", "Công khai NS", 1],
    ];
    const t = recogniseWorkbook(book(sheet("S", rows)), rubric).tables[0];
    expect(t.rows.map((x) => [x.item, x.matchedBy])).toEqual(
      ["1", "1.1", "1.2", "2", "2.1", "2.2"].map((c) => [c, "code"]),
    );
  });

  it("plain dotted codes are matched as written, even with reworded labels", () => {
    const rows = [
      ["STT", "Nội dung", "Tự chấm"],
      ["2.2", "Ngân sách công khai", 1],
      ["1.1", "KH", 1],
    ];
    const t = recogniseWorkbook(book(sheet("S", rows)), rubric).tables[0];
    expect(t.rows.map((x) => [x.item, x.matchedBy])).toEqual([
      ["2.2", "code"],
      ["1.1", "code"],
    ]);
  });

  it("rows with no code, label or maximum end the table after a gap (signature block)", () => {
    const rows = [
      ["STT", "Nội dung", "Tự chấm"],
      ...BODY.map((r) => [r[0], r[1], r[3]]),
      [],
      [],
      [],
      [],
      [],
      ["", "Người lập biểu"],
    ];
    const t = recogniseWorkbook(book(sheet("S", rows)), rubric).tables[0];
    expect(t.lastDataRow).toBe(6);
    expect(t.rows.map((x) => x.label)).not.toContain("Người lập biểu");
  });
});

describe("unit name", () => {
  const table = [["STT", "Nội dung", "Tự chấm"], ...BODY.map((r) => [r[0], r[1], r[3]])];
  it.each([
    [[["Đơn vị: Xã Tân Lập"]], "Xã Tân Lập", "A1"],
    [[["Tên đơn vị : Phòng Nội vụ"]], "Phòng Nội vụ", "A1"],
    [[["UBND HUYỆN BA VÌ"], ["UBND XÃ TẢN LĨNH"]], "Xã Tản Lĩnh", "A2"],
    [[["UBND XÃ TẢN LĨNH"], ["Đơn vị: ……"]], "Xã Tản Lĩnh", "A1"],
    // Since 1 July 2025 the commune level also has special zones ("đặc khu").
    [[["UBND TỈNH KHÁNH HÒA"], ["UBND ĐẶC KHU TRƯỜNG SA"]], "Đặc khu Trường Sa", "A2"],
    [[["Đơn vị: ……"]], null, "A1"],
    [[["UBND TỈNH HÀ NAM"]], null, null],
    [[["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]], null, null],
  ])("%j → %s", (title, name, address) => {
    const t = recogniseWorkbook(book(sheet("S", [...title, [], ...table])), rubric).tables[0];
    expect([t.unitName, t.unitNameAddress]).toEqual([name, address]);
  });

  // Provinces' templates often write "Đơn vị:" in one cell and the name in the next (after merged cells).
  const empty = (n: number): CellValue[] => new Array<CellValue>(n).fill(null);
  it.each([
    [[["Đơn vị:", "Xã Tân Lập"]], "Xã Tân Lập", "B1"],
    [[["Tên đơn vị :", "  Phòng Nội vụ "]], "Phòng Nội vụ", "B1"],
    [[[null, "Đơn vị:", null, "", "  ", "Phường 3"]], "Phường 3", "F1"],
    [[["Đơn vị:", ...empty(7), "Xã Xa Nhất"]], "Xã Xa Nhất", "I1"],
    [[["UBND XÃ TẢN LĨNH"], ["Đơn vị:", "Xã Tản Lĩnh"]], "Xã Tản Lĩnh", "B2"],
  ])("the name in the cell beside: %j → %s", (title, name, address) => {
    const t = recogniseWorkbook(book(sheet("S", [...title, [], ...table])), rubric).tables[0];
    expect([t.unitName, t.unitNameAddress]).toEqual([name, address]);
  });

  it.each([
    ["nothing beside", [["Đơn vị:"]], null, "A1"],
    ["nothing within eight columns", [["Đơn vị:", ...empty(8), "Xã Quá Xa"]], null, "A1"],
    ["a placeholder ……", [["Đơn vị:", "……………………"]], null, "A1"],
    ["a placeholder ...", [["Đơn vị:", "..........."]], null, "A1"],
    ["a placeholder ___", [["Đơn vị:", "___________"]], null, "A1"],
    ["another label: Năm:", [["Đơn vị:", "Năm: 2024"]], null, "A1"],
    ["another label: Kỳ đánh giá:", [["Đơn vị:", null, "Kỳ đánh giá:", "2024"]], null, "A1"],
    ["a date line", [["Đơn vị:", "Ngày …… tháng …… năm 2024"]], null, "A1"],
    ["a year", [["Đơn vị:", "Năm 2024"]], null, "A1"],
    ["a number", [["Đơn vị:", 2024]], null, "A1"],
    ["the form's number", [["Đơn vị:", null, null, null, "Mẫu số 01"]], null, "A1"],
    ["an appendix", [["Đơn vị:", "Phụ lục II"]], null, "A1"],
    // The placeholder says the name belongs in the label's own cell; the form's number beside it is not read.
    ["a placeholder in the label's cell", [["Đơn vị: ……………", null, null, "Biểu số 02/CCHC"]], null, "A1"],
    ["a placeholder in the label's cell, text beside", [["Đơn vị: ……………", "Xã Không Đọc"]], null, "A1"],
    [
      "a placeholder under a commune letterhead",
      [["UBND XÃ TẢN LĨNH"], ["Đơn vị:", "……"]],
      "Xã Tản Lĩnh",
      "A1",
    ],
  ])("not a name beside it: %s", (_why, title, name, address) => {
    const t = recogniseWorkbook(book(sheet("S", [...title, [], ...table])), rubric).tables[0];
    expect([t.unitName, t.unitNameAddress]).toEqual([name, address]);
  });
});

describe("sheets", () => {
  const table = (name: string) =>
    sheet(name, [
      [`Đơn vị: ${name}`],
      ["STT", "Nội dung", "Tự chấm"],
      ...BODY.map((r) => [r[0], r[1], r[3]]),
    ]);

  it("never reads the add-in's own sheets, whatever their suffix", () => {
    for (const name of ["Kết quả", "Xếp hạng 2024", "Báo cáo kiểm tra (2)", "KET QUA"]) {
      expect(recogniseWorkbook(book(table(name)), rubric).tables).toEqual([]);
    }
    expect(
      recogniseWorkbook(book(table("Kết quả"), table("Xã A")), rubric).tables.map((t) => t.sheet),
    ).toEqual(["Xã A"]);
  });

  it("one best table by default; every unit table with allSheets (consolidation workbooks)", () => {
    const wb = book(table("Xã A"), table("Xã B"), table("Xếp hạng"), table("Xã C"));
    expect(recogniseWorkbook(wb, rubric).tables).toHaveLength(1);
    const all = recogniseWorkbook(wb, rubric, { allSheets: true }).tables;
    expect(all.map((t) => [t.sheet, t.unitName])).toEqual([
      ["Xã A", "Xã A"],
      ["Xã B", "Xã B"],
      ["Xã C", "Xã C"],
    ]);
  });
});

describe("generated units in every layout", () => {
  const rubrics = [builtinRubric("example-commune-2024"), builtinRubric("example-agency-2024")] as Rubric[];
  it.each(LAYOUT_VARIANTS)("%s: header, columns and every item as the generator laid them out", (variant) => {
    for (const r of rubrics) {
      for (const appraisal of [0, 1, 2] as const) {
        const g = generateUnit(r, { seed: 21, index: appraisal, appraisal, variant: [variant] });
        const t = recogniseWorkbook(unitWorkbook(g), r).tables[0];
        expect([t.sheet, t.headerRow, t.headerRowCount, t.firstDataRow]).toEqual([
          g.truth.sheet,
          g.truth.headerRow,
          g.truth.headerRowCount,
          g.truth.firstDataRow,
        ]);
        const { extra: _extra, ...roles } = g.truth.columns as Record<string, number>;
        expect(t.columns).toEqual(roles);
        expect(t.unitName).toBe(g.truth.unitName);
        const items = t.rows.filter((x) => x.item).map((x) => x.item);
        const flatCodes: string[] = [];
        const walk = (list: Rubric["items"]) => {
          for (const i of list) {
            flatCodes.push(i.code);
            if (i.children) walk(i.children);
          }
        };
        walk(r.items);
        expect(items).toEqual(flatCodes);
      }
    }
  });
});

describe("header search shortcuts", () => {
  const FULL = [
    "STT",
    "Nội dung",
    "Điểm tối đa",
    "Hướng dẫn chấm",
    "Điểm tự đánh giá",
    "Tài liệu kiểm chứng",
    "Giải trình",
    "Điểm thẩm định",
    "Ý kiến thẩm định",
  ];

  it("a row below a full header is not taken for it, even when it names the same roles", () => {
    const s = sheet("Biểu", [
      ["UBND XÃ AN BÌNH"],
      FULL,
      FULL,
      ["1", "Công tác chỉ đạo điều hành", 3, null, 3],
      ["1.1", "Kế hoạch", 1, null, 1],
    ]);
    const t = recogniseWorkbook(book(s), rubric).tables[0];
    expect([t.headerRow, t.headerRowCount]).toEqual([1, 1]);
  });

  it("a partial header above does not stop a better one below from being found", () => {
    const s = sheet("Biểu", [
      ["Nội dung", "Điểm tự chấm"],
      [],
      FULL,
      ["1", "Công tác chỉ đạo điều hành", 3, null, 3],
      ["1.1", "Kế hoạch", 1, null, 1],
    ]);
    const t = recogniseWorkbook(book(s), rubric).tables[0];
    expect(t.headerRow).toBe(2);
    expect(t.columns).toMatchObject({ code: 0, label: 1, max: 2, self: 4, evidence: 5, appraised1: 7 });
  });

  it("the same title merged across the row pair is read once per column and still never a header", () => {
    const s = sheet(
      "Biểu",
      [
        ["BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM"],
        ["Bộ chỉ số cải cách hành chính"],
        ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"],
        ["1", "Công tác chỉ đạo điều hành", 3, 3],
      ],
      ["A1:D1", "A2:D2"],
    );
    const t = recogniseWorkbook(book(s), rubric).tables[0];
    expect([t.headerRow, t.headerRowCount]).toEqual([2, 1]);
  });
});

describe("matching rows by code, with the label as the tie-breaker", () => {
  const rows = (code: string, label: string): CellValue[][] => [
    ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"],
    [code, label, 1, 1],
  ];
  const match = (code: string, label: string) => {
    const t = recogniseWorkbook(book(sheet("Biểu", rows(code, label))), rubric).tables[0];
    return [t.rows[0].item, t.rows[0].matchedBy];
  };

  it("the rubric's own label under its code matches by code", () => {
    expect(match("1.1", "Kế hoạch")).toEqual(["1.1", "code"]);
  });

  it("the same label typed in another Unicode form or case still matches by code", () => {
    expect(match("1.1", "Kế hoạch".normalize("NFD"))).toEqual(["1.1", "code"]);
    expect(match("1.1", "KẾ HOẠCH")).toEqual(["1.1", "code"]);
  });

  it("a code naming one item beside another item's label goes by the label", () => {
    expect(match("1.1", "Báo cáo")).toEqual(["1.2", "label"]);
  });
});
