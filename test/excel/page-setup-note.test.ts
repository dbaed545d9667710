import { afterEach, describe, expect, it } from "vitest";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { DIFF_SHEET, REPORT_SHEET } from "../../src/core/sheets/style";
import { createExcelService } from "../../src/excel/service";
import { seedCommuneWorkbook } from "../../src/sample";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";

/**
 * Issue #26 item 5: the service tells its caller whether the host could set the page of the sheets it
 * wrote (ExcelApi 1.9 `pageLayout`), so the pane can say "set A4, landscape by hand" where it could not.
 * And item 3: the report sheet the pane writes is in the pane's language.
 */
const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
let installed: InstalledOffice | null = null;
afterEach(() => {
  installed?.uninstall();
  installed = null;
});

function hostAt(excelApi: string | undefined): FakeExcelHost {
  const host = FakeExcelHost.fromSpecs(seedCommuneWorkbook().sheets);
  installed = installFakeOffice(host, excelApi ? { excelApi } : {});
  return host;
}

describe("the service reports whether the page was set", () => {
  it.each([
    [undefined, false],
    ["1.9", true],
  ] as const)("ExcelApi %s: page set %s (canSetPage, validate and buildRanking)", async (api, expected) => {
    const host = hostAt(api);
    const service = createExcelService(host.run);
    const spec: SheetSpec = {
      name: DIFF_SHEET,
      cells: [{ row: 0, col: 0, value: "So sánh" }],
      print: { paper: "A4", landscape: true, fitToWidth: true },
    };
    // Asked before the write (the pane asks after it): the answer is the host's, the same either way.
    expect(service.canSetPage?.()).toBe(expected);
    expect(await service.writeSheets([spec])).toEqual([spec.name]);
    expect((await service.validate({ rubric })).pageLayout).toBe(expected);
    expect((await service.buildRanking({ rubric })).pageLayout).toBe(expected);
  });
});

describe("the report sheet is in the pane's language", () => {
  it.each([
    ["en", "Severity", "Mức độ"],
    ["vi", "Mức độ", "Severity"],
  ] as const)("%s", async (lang, word, other) => {
    const host = hostAt(undefined);
    await createExcelService(host.run).validate({ rubric, lang });
    const text = host
      .values(REPORT_SHEET)
      .map((r) => r.join("\t"))
      .join("\n");
    expect(text).toContain(word);
    expect(text).not.toContain(other);
  });
});
