/**
 * Issue #28 item 4: what a real Excel host gives the pane, modelled in the fake and checked through the
 * add-in's own reader and engine. Each behaviour is cited from Microsoft's documentation in
 * docs/office-hosts.md.
 */
import { afterEach, describe, expect, it } from "vitest";
import { a1 } from "../../src/core/address";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { createExcelService } from "../../src/excel/service";
import { generateUnit } from "../../src/sample/generate";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";

const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
let installed: InstalledOffice | null = null;
afterEach(() => {
  installed?.uninstall();
  installed = null;
});

function hostOf(sheets: Parameters<typeof FakeExcelHost.fromSpecs>[0], excelApi = "1.7"): FakeExcelHost {
  const host = FakeExcelHost.fromSpecs(sheets);
  installed = installFakeOffice(host, { excelApi });
  return host;
}

describe("merged cells", () => {
  const sheet = {
    name: "Tự chấm",
    cells: [
      { row: 0, col: 0, value: "Mã" },
      { row: 0, col: 1, value: "Điểm tự đánh giá" },
      { row: 0, col: 2, value: "bị xoá khi gộp" },
      { row: 1, col: 1, value: "Điểm" },
      { row: 1, col: 2, value: "Giải trình" },
    ],
    merges: ["A1:A2", "B1:C1"],
  };

  it("the pane reads merged areas where Excel gives them (ExcelApi 1.13), in the same read", async () => {
    const host = hostOf([sheet], "1.13");
    const { workbook, syncs } = await createExcelService(host.run).readWorkbook();
    expect(workbook.sheets[0].merges).toEqual(["A1:A2", "B1:C1"]);
    expect(syncs).toBe(2);
    expect(host.refusedApis).toEqual([]);
  });

  it("on ExcelApi 1.7 it asks for none (the host would refuse the whole read) and reads the rest", async () => {
    const host = hostOf([sheet], "1.7");
    const { workbook } = await createExcelService(host.run).readWorkbook();
    expect(workbook.sheets[0].merges).toBeUndefined();
    expect(workbook.sheets[0].values[0]).toEqual(["Mã", "Điểm tự đánh giá", "bị xoá khi gộp"]);
    expect(host.refusedApis).toEqual([]);
  });

  it("a merge made through the API keeps the value of the top-left cell only, as Excel does", async () => {
    const host = hostOf([{ name: "S", cells: sheet.cells }], "1.13");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("B1:C1").merge(false);
      await context.sync();
    });
    const { workbook } = await createExcelService(host.run).readWorkbook();
    expect(workbook.sheets[0].values[0]).toEqual(["Mã", "Điểm tự đánh giá", null]);
    expect(workbook.sheets[0].merges).toEqual(["B1:C1"]);
  });
});

describe("values as Excel gives them", () => {
  const unit = generateUnit(rubric, { seed: 5, index: 0 });
  const truth = unit.truth;
  const selfCol = truth.columns.self as number;

  /** The first leaf row with a plain number in the self-score column. */
  function scoredCell(host: FakeExcelHost): { row: number; address: string } {
    const s = host.sheet(truth.sheet);
    for (let r = truth.firstDataRow; r <= truth.lastDataRow; r++) {
      const cell = s?.cells.get(`${r},${selfCol}`);
      if (typeof cell?.value === "number" && cell.value > 0 && cell.formula === null)
        return { row: r, address: a1(r, selfCol) };
    }
    throw new Error("no scored cell");
  }

  it('"1,5" typed into a Text-formatted cell stays a string: counted as 1.5 and flagged as number-as-text', async () => {
    const host = hostOf(unit.sheets);
    const { address, row } = scoredCell(host);
    const cell = host.sheet(truth.sheet)?.cells.get(`${row},${selfCol}`);
    if (cell) cell.numberFormat = "@";
    await host.type(truth.sheet, address, "1,5");
    const { workbook } = await createExcelService(host.run).readWorkbook();
    const snap = workbook.sheets.find((s) => s.name === truth.sheet);
    const r = row - (snap?.origin.row ?? 0);
    const c = selfCol - (snap?.origin.col ?? 0);
    expect(snap?.values[r][c]).toBe("1,5");
    expect(snap?.numberFormats?.[r][c]).toBe("@");
    const v = await createExcelService(host.run).validate({ rubric, writeReport: false });
    const flagged = v.analysis.units[0].findings.filter((f) => f.code === "number-as-text");
    expect(flagged.map((f) => f.address)).toContain(address);
  });

  it("the same typed into a General cell becomes a number only when Excel's parser reads it as one", async () => {
    const host = hostOf(unit.sheets);
    const { address, row } = scoredCell(host);
    await host.type(truth.sheet, address, "1.5");
    expect(host.sheet(truth.sheet)?.cells.get(`${row},${selfCol}`)?.value).toBe(1.5);
    await host.type(truth.sheet, address, "1,5");
    expect(host.sheet(truth.sheet)?.cells.get(`${row},${selfCol}`)?.value).toBe("1,5");
  });

  it('an error value is read as its text ("#REF!") and marked an error cell; a date as its serial number', async () => {
    const host = hostOf([
      {
        name: "S",
        cells: [
          { row: 0, col: 0, value: "#REF!" },
          { row: 0, col: 1, value: 1 },
        ],
      },
    ]);
    await host.type("S", "B1", "15/03/2026");
    const { workbook } = await createExcelService(host.run).readWorkbook();
    const s = workbook.sheets[0];
    expect(s.values[0][0]).toBe("#REF!");
    expect(s.errorCells?.has("0,0")).toBe(true);
    // 15 March 2026 is day 46096 counted from Excel's 1900 epoch.
    expect(s.values[0][1]).toBe(46096);
  });
});

describe("protection: a write Excel would refuse is refused whole, and the pane is told why", () => {
  const unit = generateUnit(rubric, { seed: 6, index: 0, defects: ["not-a-number", "score-out-of-range"] });

  it("a protected workbook structure: no report, no sheet added, the message says what to do", async () => {
    const host = hostOf(unit.sheets);
    host.structureProtected = true;
    const before = host.sheets.map((s) => s.name);
    const error = await createExcelService(host.run)
      .validate({ rubric })
      .catch((e) => e);
    expect(error.code).toBe("WorkbookProtected");
    expect(error.text.vi).toMatch(/bảo vệ/);
    expect(error.text.en).toMatch(/Protect Workbook/);
    expect(host.sheets.map((s) => s.name)).toEqual(before);
    expect(host.added).toEqual([]);
    expect(host.writeSyncs).toBe(0);
  });

  it("highlights on a protected user sheet: refused with the sheet's name, no cell marked", async () => {
    const host = hostOf(unit.sheets);
    const service = createExcelService(host.run);
    const v = await service.validate({ rubric, writeReport: false });
    const findings = v.analysis.units[0].findings.filter((f) => f.address);
    expect(findings.length).toBeGreaterThan(0);
    const sheet = host.sheet(unit.truth.sheet);
    if (sheet) sheet.protected = true;
    const error = await service.highlight(findings).catch((e) => e);
    expect(error.code).toBe("SheetProtected");
    expect(error.text.en).toContain(unit.truth.sheet);
    expect(sheet?.conditionalFormats).toEqual([]);
    if (sheet) sheet.protected = false;
    expect(await service.highlight(findings)).toBeGreaterThan(0);
  });
});
