import { afterEach, describe, expect, it } from "vitest";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit, seedCommuneWorkbook } from "../../src/core/sample";
import { RANKING_SHEET, REPORT_SHEET } from "../../src/core/sheets/style";
import { ExcelServiceError } from "../../src/excel/errors";
import { readActiveUnit } from "../../src/excel/read";
import { createExcelService } from "../../src/excel/service";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";
import { measureRankSyncs, measureSyncs } from "../fake-excel/measure";

const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
let installed: InstalledOffice | null = null;
afterEach(() => {
  installed?.uninstall();
  installed = null;
});

function hostOf(specs: Parameters<typeof FakeExcelHost.fromSpecs>[0]) {
  const host = FakeExcelHost.fromSpecs(specs);
  installed = installFakeOffice(host);
  return host;
}

describe("fake host is strict", () => {
  it("throws on a property read before load and sync, and applies writes only on sync", async () => {
    const host = hostOf([{ name: "A", cells: [{ row: 0, col: 0, value: 1 }] }]);
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("A").getRange("A1");
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      r.values = [[2]];
      expect(host.sheet("A")?.cells.get("0,0")?.value).toBe(1);
      await context.sync();
      expect(r.values).toEqual([[1]]);
      expect(host.sheet("A")?.cells.get("0,0")?.value).toBe(2);
    });
  });
});

describe("sync counts", () => {
  for (const rows of [200, 2_000, 20_000]) {
    it(`validate on ${rows} rows: 1 read + at most 1 write`, async () => {
      expect(await measureSyncs(rows)).toBeLessThanOrEqual(2);
    });
  }
  for (const units of [10, 100]) {
    it(`ranking ${units} unit sheets: at most 3 syncs`, async () => {
      expect(await measureRankSyncs(units)).toBeLessThanOrEqual(3);
    });
  }
  it("reading the active unit is exactly one sync", async () => {
    const host = hostOf(generateUnit(rubric, { seed: 1, index: 0 }).sheets);
    await host.run(async (context) => {
      const wb = await readActiveUnit(context);
      expect(wb.sheets[0].values.length).toBeGreaterThan(10);
    });
    expect(host.syncs).toBe(1);
  });
});

describe("validate and rank on the fake host", () => {
  it("scores the seed commune, writes the report, leaves user cells unchanged, and is idempotent", async () => {
    const host = hostOf(seedCommuneWorkbook().sheets);
    const userSheets = host.sheets.map((s) => s.name);
    const before = userSheets.map((n) => host.dump(n));
    const service = createExcelService(host.run);
    const first = await service.validate({ rubric });
    expect(first.analysis.units).toHaveLength(1);
    expect(first.written).toContain(REPORT_SHEET);
    const report1 = host.dump(REPORT_SHEET);
    await service.validate({ rubric });
    expect(host.dump(REPORT_SHEET)).toEqual(report1);
    expect(host.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);
    const n = await service.highlight(first.analysis.units[0].findings);
    await service.clearHighlights();
    expect(userSheets.map((s) => host.dump(s))).toEqual(before);
    expect(n).toBeGreaterThanOrEqual(0);
  });

  it("writes unit names that look like formulas as text", async () => {
    const unit = generateUnit(rubric, { seed: 3, index: 0 });
    const host = hostOf(unit.sheets);
    const sheet = host.sheets[0];
    for (const cell of sheet.cells.values()) {
      if (typeof cell.value === "string" && cell.value.includes(unit.name))
        cell.value = cell.value.replace(unit.name, '=HYPERLINK("http://x","y")');
    }
    await createExcelService(host.run).validate({ rubric });
    for (const name of host.sheets.map((s) => s.name).filter((n) => n !== sheet.name)) {
      for (const cell of host.sheet(name)?.cells.values() ?? []) {
        if (cell.formula) expect(cell.formula).not.toContain("HYPERLINK");
      }
    }
  });

  it("ranks units in one workbook and rewrites the ranking sheet in place", async () => {
    const units = [0, 1, 2].map((index) => generateUnit(rubric, { seed: 5, index }));
    const host = hostOf(
      units.flatMap((u) =>
        u.sheets.slice(0, 1).map((s, k) => ({ ...s, name: `Đơn vị ${units.indexOf(u) + 1}${k ? k : ""}` })),
      ),
    );
    const service = createExcelService(host.run);
    const r = await service.buildRanking({ rubric });
    expect(r.rankedUnits).toBe(3);
    const once = host.dump(RANKING_SHEET);
    await service.buildRanking({ rubric });
    expect(host.dump(RANKING_SHEET)).toEqual(once);
  });

  it("gives a friendly bilingual error when the owned sheet is protected", async () => {
    const host = hostOf(generateUnit(rubric, { seed: 2, index: 0 }).sheets);
    const service = createExcelService(host.run);
    await service.validate({ rubric });
    const report = host.sheet(REPORT_SHEET);
    if (report) report.protected = true;
    const error = await service.validate({ rubric }).catch((e) => e);
    expect(error).toBeInstanceOf(ExcelServiceError);
    expect(error.text.vi).toMatch(/bảo vệ/);
    expect(error.text.en).toMatch(/protected/);
  });

  it("refuses old Excel with a friendly message", async () => {
    const host = FakeExcelHost.fromSpecs(generateUnit(rubric, { seed: 2, index: 0 }).sheets);
    installed = installFakeOffice(host, { excelApi: "1.4" });
    const error = await createExcelService(host.run)
      .validate({ rubric })
      .catch((e) => e);
    expect(error.code).toBe("UnsupportedRequirementSet");
    expect(error.text.vi).toMatch(/quá cũ/);
  });
});
