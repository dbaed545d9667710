import { describe, expect, it } from "vitest";
import { hyperlinkAt } from "../../src/core/snapshot";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";

/**
 * Hyperlinks come into the snapshot: a link the file stores (its target in the sheet's relationships, or
 * a place in the workbook) and a HYPERLINK() formula, each on its own cell; a cell without one has none.
 */
describe("hyperlinks in the .xlsx reader", () => {
  it("reads web links, links into the workbook and HYPERLINK() formulas onto their cells", async () => {
    const bytes = await writeWorkbook([
      {
        name: "Biểu",
        cells: [
          { row: 0, col: 0, value: "Tài liệu kiểm chứng" },
          { row: 3, col: 4, value: "Xem tài liệu", hyperlink: "https://xa-anbinh.gov.vn/kh-12.pdf" },
          { row: 4, col: 4, value: "TL 05", hyperlink: "#'Danh mục TLKC'!A7" },
          { row: 5, col: 4, value: "Xem", formula: '=HYPERLINK("https://vb.gov.vn/qd-3.pdf","Xem")' },
          { row: 6, col: 4, value: "Không có đường dẫn" },
        ],
      },
      { name: "Danh mục TLKC", cells: [{ row: 0, col: 0, value: "DANH MỤC TÀI LIỆU KIỂM CHỨNG" }] },
    ]);
    const sheet = readWorkbook(bytes, "x.xlsx").sheets[0];
    expect([3, 4, 5, 6].map((r) => hyperlinkAt(sheet, r, 4))).toEqual([
      "https://xa-anbinh.gov.vn/kh-12.pdf",
      "#'Danh mục TLKC'!A7",
      "https://vb.gov.vn/qd-3.pdf",
      null,
    ]);
    expect(hyperlinkAt(sheet, 0, 0)).toBeNull();
  });

  it("a workbook with no links has no hyperlinks field", async () => {
    const bytes = await writeWorkbook([{ name: "A", cells: [{ row: 0, col: 0, value: "x" }] }]);
    expect(readWorkbook(bytes, "x.xlsx").sheets[0].hyperlinks).toBeUndefined();
  });
});
