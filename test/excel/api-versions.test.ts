/**
 * Issue #28 item 2: the fake host refuses, as an older Excel does, every member above the requirement
 * set it claims (table from @types/office-js, never by hand), and the add-in works on the hosts units
 * have: ExcelApi 1.7 (the manifest's minimum: Excel 2019), 1.9, the newest set, and says "too old" on 1.1
 * (Excel 2016).
 */
import { afterEach, describe, expect, it } from "vitest";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { REPORT_SHEET } from "../../src/core/sheets/style";
import { createExcelService } from "../../src/excel/service";
import { generateUnit } from "../../src/sample/generate";
import { FakeExcelHost, OfficeError } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";
import { apiSetTable } from "../support/api-set-table";
import { compareVersions } from "../support/office-api-sets";

const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
let installed: InstalledOffice | null = null;
afterEach(() => {
  installed?.uninstall();
  installed = null;
});

/** The highest ExcelApi version Microsoft's type definitions know. */
function newest(): string {
  return Object.values(apiSetTable())
    .filter((v) => /^\d/.test(v))
    .reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
}

function unitHost(excelApi?: string): FakeExcelHost {
  const host = FakeExcelHost.fromSpecs(generateUnit(rubric, { seed: 3, index: 0 }).sheets);
  installed = installFakeOffice(host, excelApi ? { excelApi } : {});
  return host;
}

describe("the fake host refuses what its claimed set lacks", () => {
  it("claims the manifest's minimum, ExcelApi 1.7, unless told otherwise", () => {
    const host = unitHost();
    expect(host.excelApi).toBe("1.7");
    const office = (globalThis as unknown as { Office: typeof Office }).Office;
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
  });

  it("takes each member's set from @types/office-js", () => {
    const table = apiSetTable();
    expect(Object.keys(table).length).toBeGreaterThan(2000);
    expect(table["Range.values"]).toBe("1.1");
    expect(table["Worksheet.pageLayout"]).toBe("1.9");
    expect(table["WorksheetCollection.onChanged"]).toBe("1.9");
    expect(table["Range.getMergedAreasOrNullObject"]).toBe("1.13");
    expect(compareVersions(newest(), "1.13")).toBeGreaterThanOrEqual(0);
  });

  it("fails the sync with ApiNotFound on a 1.9 member at 1.7, and runs it at 1.9", async () => {
    for (const [claim, refused] of [
      ["1.7", true],
      ["1.9", false],
    ] as const) {
      const host = unitHost(claim);
      const outcome = await host
        .run(async (context) => {
          const ws = context.workbook.worksheets.getActiveWorksheet();
          ws.pageLayout.orientation = "Landscape";
          await context.sync();
          return "ran";
        })
        .catch((e: unknown) => e);
      if (refused) {
        expect(outcome).toBeInstanceOf(OfficeError);
        expect((outcome as OfficeError).code).toBe("ApiNotFound");
        expect(host.refusedApis).toContain("Worksheet.pageLayout");
      } else {
        expect(outcome).toBe("ran");
        expect(host.sheets[0].page.orientation).toBe("Landscape");
      }
      installed?.uninstall();
    }
  });

  it("refuses a property loaded from a later set (the load fails at sync, like Excel)", async () => {
    const host = unitHost("1.1");
    const outcome = await host
      .run(async (context) => {
        context.workbook.load("name"); // Workbook.name is ExcelApi 1.7
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect((outcome as OfficeError).code).toBe("ApiNotFound");
  });
});

describe("the add-in on each host units have", () => {
  it("1.1 (Excel 2016): every action says Excel is too old, in both languages, and touches nothing", async () => {
    const host = unitHost("1.1");
    const service = createExcelService(host.run);
    for (const action of [() => service.validate({ rubric }), () => service.buildRanking({ rubric })]) {
      const error = await action().catch((e) => e);
      expect(error.code).toBe("UnsupportedRequirementSet");
      expect(error.text.vi).toMatch(/quá cũ.*ExcelApi 1\.7/);
      expect(error.text.en).toMatch(/too old.*ExcelApi 1\.7/);
    }
    expect(host.syncs).toBe(0);
  });

  for (const claim of ["1.7", "1.9", "newest"]) {
    it(`${claim}: check, report, highlight, ranking and watch work without a refused member`, async () => {
      const version = claim === "newest" ? newest() : claim;
      const host = unitHost(version);
      const service = createExcelService(host.run);
      const checked = await service.validate({ rubric, writeReport: false });
      expect(checked.analysis.units).toHaveLength(1);
      const v = await service.validate({ rubric });
      expect(v.written).toContain(REPORT_SHEET);
      const findings = v.analysis.units[0].findings;
      expect(await service.highlight(findings)).toBeGreaterThanOrEqual(0);
      await service.clearHighlights();
      const r = await service.buildRanking({ rubric });
      expect(r.rankedUnits).toBe(1);
      const watch = await service.watchChanges(() => {});
      // Live re-check needs worksheets.onChanged (1.9): below it the pane falls back to the Check button.
      expect(watch.supported).toBe(compareVersions(version, "1.9") >= 0);
      await watch.stop();
      expect(host.refusedApis).toEqual([]);
    });
  }
});
