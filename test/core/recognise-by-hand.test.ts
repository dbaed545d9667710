import { describe, expect, it } from "vitest";
import { recogniseWorkbook } from "../../src/core/recognise";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";

/**
 * A column the user placed by hand ("Sửa cột", --columns) where the header has no words for it: the
 * findings name it "chọn tay" in Vietnamese and "set by hand" in English, each text in its own language.
 */
function book(rows: CellValue[][]): WorkbookSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return {
    source: "don-vi.xlsx",
    sheets: [{ name: "Tự chấm", origin: { row: 0, col: 0 }, values, merges: [] }],
  };
}

const rows: CellValue[][] = [
  ["STT", "Nội dung", "Điểm tối đa", null, "Cột lạ"],
  ["1", "Kế hoạch", 2, "QĐ 12/QĐ-UBND", "x"],
  ["2", "Báo cáo", 1, "BC 3/BC-UBND", "y"],
];

describe("a column placed by hand without header words", () => {
  it("is told 'chọn tay' in Vietnamese and 'set by hand' in English, never both in one text", () => {
    const r = recogniseWorkbook(book(rows), null, { columns: { roles: { evidence: 3 } } });
    const missing = r.findings.find((f) => f.code === "missing-column" && f.expected === "self");
    expect(missing).toBeDefined();
    const { vi, en } = missing?.message ?? { vi: "", en: "" };
    expect(vi).toMatch(/= D \(chọn tay\)/);
    expect(vi).not.toMatch(/set by hand/);
    expect(en).toMatch(/= D \(set by hand\)/);
    expect(en).not.toMatch(/chọn tay/);
  });
});

describe("a role moved by hand to another column", () => {
  it("is not shown with the header words of the column it left", () => {
    const moved: CellValue[][] = [
      ["STT", "Nội dung", "Điểm tối đa", "Tài liệu kiểm chứng", null],
      ["1", "Kế hoạch", 2, "QĐ 12/QĐ-UBND", "x"],
      ["2", "Báo cáo", 1, "BC 3/BC-UBND", "y"],
    ];
    const plain = recogniseWorkbook(book(moved), null).findings.find((f) => f.expected === "self");
    expect(plain?.message.vi).toContain('tài liệu kiểm chứng = D ("Tài liệu kiểm chứng")');
    const r = recogniseWorkbook(book(moved), null, { columns: { roles: { evidence: 4 } } });
    const missing = r.findings.find((f) => f.code === "missing-column" && f.expected === "self");
    expect(missing?.message.vi).toContain("tài liệu kiểm chứng = E (chọn tay)");
    expect(missing?.message.en).toContain("= E (set by hand)");
    expect(missing?.message.vi).not.toContain('"Tài liệu kiểm chứng"');
  });
});
