import { describe, expect, it } from "vitest";
import { summaryLine } from "../../src/cli/render";

describe("the batch's summary line", () => {
  it("counts English nouns (1 file, 2 files) and leaves Vietnamese, which does not, as it was", () => {
    const one = { files: 1, units: 1, skippedSheets: 1, unreadable: 1, error: 1, warning: 1, info: 1 };
    const two = { files: 2, units: 0, skippedSheets: 2, unreadable: 0, error: 2, warning: 0, info: 2 };
    expect(summaryLine(one, "en")).toBe(
      "Summary: 1 file, 1 unit, 1 sheet not a unit, 1 unreadable; 1 error, 1 warning, 1 note.",
    );
    expect(summaryLine(two, "en")).toBe(
      "Summary: 2 files, 0 units, 2 sheets not units, 0 unreadable; 2 errors, 0 warnings, 2 notes.",
    );
    expect(summaryLine(one, "vi")).toBe(
      "Tổng hợp: 1 tệp, 1 đơn vị, 1 trang không phải đơn vị, 1 tệp không đọc được; 1 lỗi, 1 cảnh báo, 1 lưu ý.",
    );
  });
});
