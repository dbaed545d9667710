import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors";
import { readSurveyFile } from "../../src/app/survey-file";

/**
 * The pane's and the page's survey import refuse a file over the size limit naming the sizes as each
 * language writes them: "1,9 MB" in Vietnamese, "1.9 MB" in English (the Vietnamese had "1.9 MB").
 */
describe("a survey file over the limit", () => {
  it("names the sizes with each language's decimal mark", async () => {
    const picked = {
      name: "dieu-tra.csv",
      size: 3_000_000,
      arrayBuffer: async () => new ArrayBuffer(0),
    };
    const noReader = () => {
      throw new Error("the reader is never asked for a file refused on its size");
    };
    const error = await readSurveyFile(picked, 10, noReader).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const { text } = error as UserError;
    expect(text.vi).toContain("tệp 2,9 MB lớn quá giới hạn (1,9 MB cho CSV, 19 MB cho sổ Excel)");
    expect(text.en).toContain("the file is 2.9 MB, over the limit (1.9 MB for CSV, 19 MB for a workbook)");
  });
});
