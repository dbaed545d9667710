/**
 * Columns by meaning, from the whole header group (#23 item 1): a header that names a score is a score
 * column whatever else it says; rounds from "lần / vòng / sau giải trình / sau phúc tra"; and a choice
 * the header leaves is said in an `ambiguous-column` finding with the fix, never made silently.
 */
import { describe, expect, it } from "vitest";
import { recogniseWorkbook } from "../../src/core/recognise";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";

function sheet(rows: CellValue[][], merges: string[] = []): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return { name: "Biểu", origin: { row: 0, col: 0 }, values, merges };
}
const book = (s: SheetSnapshot): WorkbookSnapshot => ({ source: "don-vi.xlsx", sheets: [s] });
const body: CellValue[][] = [
  ["1", "Kế hoạch", 2, 2, "", 1.5, 2, ""],
  ["2", "Báo cáo", 1, 1, "", 1, 1, ""],
];

function recognise(
  rows: CellValue[][],
  merges: string[] = [],
  columns?: Parameters<typeof recogniseWorkbook>[2],
) {
  const r = recogniseWorkbook(book(sheet(rows, merges)), null, columns);
  expect(r.tables).toHaveLength(1);
  return r.tables[0];
}

describe("columns by meaning", () => {
  it("'Điểm thẩm định lần 2 (sau giải trình)' is round 2, 'Giải trình của đơn vị' the explanation, silently neither", () => {
    for (const [expl, a1, a2] of [
      ["Giải trình của đơn vị", "Điểm thẩm định lần 1", "Điểm thẩm định lần 2 (sau giải trình)"],
      ["Giải trình (của đơn vị)", "Điểm thẩm định vòng 1", "Điểm thẩm định vòng 2"],
      ["Giải trình", "Điểm thẩm định", "Điểm sau phúc tra"],
    ]) {
      const t = recognise([
        ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", expl, a1, a2, "Ý kiến thẩm định"],
        ...body,
      ]);
      expect(t.columns, a2 as string).toEqual({
        code: 0,
        label: 1,
        max: 2,
        self: 3,
        explanation: 4,
        appraised1: 5,
        appraised2: 6,
        note: 7,
      });
      expect(t.columnFindings ?? []).toEqual([]);
    }
  });

  it("round 2 before the explanation column, and the rounds in reverse order, still go by their words", () => {
    const t = recognise([
      [
        "STT",
        "Nội dung",
        "Điểm tối đa",
        "Điểm tự chấm",
        "Điểm thẩm định lần 2 (sau giải trình)",
        "Điểm thẩm định lần 1",
        "Giải trình của đơn vị",
      ],
      ...body,
    ]);
    expect(t.columns).toMatchObject({ appraised2: 4, appraised1: 5, explanation: 6 });
  });

  it("'Điểm thẩm định' over 'Vòng 1 | Vòng 2' and 'Lần 1 | Sau giải trình': rounds from the whole group", () => {
    for (const [r1, r2] of [
      ["Vòng 1", "Vòng 2"],
      ["Lần 1", "Sau giải trình"],
      ["Lần 1", "Lần 2 (sau giải trình)"],
    ]) {
      const t = recognise(
        [
          [
            "STT",
            "Nội dung",
            "Điểm tối đa",
            "Điểm tự đánh giá",
            "Giải trình của đơn vị",
            "Điểm thẩm định",
            null,
            "Ghi chú",
          ],
          [null, null, null, null, null, r1, r2, null],
          ...body,
        ],
        ["F1:G1", "A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "H1:H2"],
      );
      expect(t.columns, r2 as string).toMatchObject({
        explanation: 4,
        appraised1: 5,
        appraised2: 6,
        note: 7,
      });
      expect(t.columnFindings ?? []).toEqual([]);
    }
  });

  it("two columns for one role: the first is taken, and a warning at the other says so with --columns", () => {
    const t = recognise([
      [
        "STT",
        "Nội dung",
        "Điểm tối đa",
        "Điểm tự đánh giá",
        "Ghi chú",
        "Điểm thẩm định",
        "Ghi chú khác",
        "Tài liệu kiểm chứng",
      ],
      ...body,
    ]);
    expect(t.columns.note).toBe(4);
    const f = t.columnFindings ?? [];
    expect(f.map((x) => `${x.severity} ${x.code} ${x.address}`)).toEqual(["warning ambiguous-column G1"]);
    expect(f[0].message.en).toContain("--columns note=G");
    expect(f[0].message.vi).toContain('"Ghi chú khác"');
  });

  it("one header naming a score and a note is a score column ('Điểm …'), and the finding says why", () => {
    const t = recognise([
      [
        "STT",
        "Nội dung",
        "Điểm tối đa",
        "Điểm tự đánh giá",
        "Điểm thẩm định (ghi chú)",
        "Tài liệu kiểm chứng",
      ],
      ...body,
    ]);
    expect(t.columns.appraised1).toBe(4);
    expect(t.columns.note).toBeUndefined();
    const f = t.columnFindings ?? [];
    expect(f.map((x) => `${x.code} ${x.address} ${x.expected}`)).toEqual(["ambiguous-column E1 appraised1"]);
    expect(f[0].message.en).toMatch(/names a score.*--columns note=E/);
  });

  it("the user's --columns for the role settles the choice: no finding", () => {
    const t = recognise(
      [
        ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Ghi chú", "Điểm thẩm định", "Ghi chú khác"],
        ...body,
      ],
      [],
      { columns: { roles: { note: 6 } } },
    );
    expect(t.columns.note).toBe(6);
    expect(t.columnFindings ?? []).toEqual([]);
  });
});

describe("group cells without merges (#28 item 0)", () => {
  const header: CellValue[][] = [
    ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", null, null, "Ghi chú"],
    [null, null, null, "Tài liệu kiểm chứng", "Điểm", "Giải trình", null],
  ];
  const rows: CellValue[][] = [
    ["1", "Kế hoạch", 2, "QĐ 12/QĐ-UBND ngày 5/1/2024", 2, "", ""],
    ["2", "Báo cáo", 1, "BC 3/BC-UBND ngày 9/2/2024", 1, "", ""],
  ];
  const want = { code: 0, label: 1, max: 2, evidence: 3, self: 4, explanation: 5, note: 6 };

  it("'Điểm tự đánh giá' over 'Tài liệu kiểm chứng | Điểm | Giải trình': the same columns merged or centred across", () => {
    expect(recognise([...header, ...rows], ["D1:F1", "A1:A2", "B1:B2", "C1:C2", "G1:G2"]).columns).toEqual(
      want,
    );
    expect(recognise([...header, ...rows]).columns).toEqual(want);
  });

  it("a merge that ends says where the group ends: the cell after it is not the group's", () => {
    const wide: CellValue[][] = [
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", null, null, null],
      [null, null, null, "Tài liệu kiểm chứng", "Tự chấm", "Giải trình", "Điểm"],
      ...rows.map((r) => [...r.slice(0, 6), 1]),
    ];
    // Without the merge "Điểm" under the group's span is the group's; the merge D1:F1 ends before it.
    expect(recognise(wide, ["D1:F1"]).columns).not.toHaveProperty("appraised1");
    expect(recognise(wide, ["D1:F1"]).columns.self).toBe(4);
  });
});
