import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors";
import { ExcelServiceError, friendlyError, serviceError } from "../../src/excel/errors";

describe("friendly Office errors", () => {
  it("names the fix for a protected sheet, cell edit mode and the web's size cap, in both languages", () => {
    for (const [code, vi, en] of [
      ["AccessDenied", /Bỏ bảo vệ/, /Unprotect/],
      ["InvalidOperationInCellEditMode", /Enter hoặc Esc/, /Enter or Esc/],
      ["RequestPayloadSizeLimitExceeded", /quá lớn/, /too large/],
    ] as const) {
      const e = friendlyError(Object.assign(new Error("raw"), { code }));
      expect(e).toBeInstanceOf(ExcelServiceError);
      expect(e.code).toBe(code);
      expect(e.text.vi).toMatch(vi);
      expect(e.text.en).toMatch(en);
    }
  });

  it("keeps Office's own words for an unknown error and never loses an already friendly one", () => {
    const e = friendlyError(Object.assign(new Error("Something odd"), { code: "GeneralException" }));
    expect(e.text.en).toContain("Something odd");
    expect(e.text.vi).toContain("Something odd");
    const mine = serviceError("UnsupportedRequirementSet", { set: "1.7" });
    expect(friendlyError(mine)).toBe(mine);
    expect(mine.text.en).toContain("ExcelApi 1.7");
    // Any error already worded for the user keeps its words (a rubric problem is not "Excel reported…").
    const rubric = new UserError("rubric-invalid", { vi: "Bộ chỉ số sai.", en: "Bad rubric." });
    expect(friendlyError(rubric)).toBe(rubric);
  });
});
