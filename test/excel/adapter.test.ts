import { afterEach, describe, expect, it } from "vitest";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { analyseWorkbook } from "../../src/core/analyse";
import { appraisalSheetSpec } from "../../src/core/sheets/appraisal";
import { consolidationWorkbook, generateUnit, seedCommuneWorkbook, unitWorkbook } from "../../src/sample";
import {
  APPRAISAL_SHEET,
  DIFF_SHEET,
  INTAKE_SHEET,
  LOST_POINTS_SHEET,
  RANKING_SHEET,
  REPORT_SHEET,
  RESULT_SHEET,
} from "../../src/core/sheets/style";
import { ExcelServiceError } from "../../src/excel/errors";
import { HIGHLIGHT_FORMULA } from "../../src/excel/highlight";
import { readActiveUnit } from "../../src/excel/read";
import { createExcelService } from "../../src/excel/service";
import { FakeExcelHost } from "../fake-excel/host";
import { memoryUserStore } from "../fake-excel/user-store";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";
import { measureRankSyncs, measureSyncs, unitSheetWithRows } from "../fake-excel/measure";
import { specToSnapshot } from "../../src/core/sheet-spec";
import { basisReasonFor } from "../../src/core/basis-words";

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
      expect(() => (r as unknown as Record<string, unknown>).valuesAsJson).toThrow(/not modelled/);
    });
  });

  it("fails a sync on a missing sheet and rejects writes to a protected one", async () => {
    const host = hostOf([{ name: "A", cells: [{ row: 0, col: 0, value: 1 }] }]);
    host.sheets[0].protected = true;
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Không có").getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      context.workbook.worksheets.getItem("A").getRange("A1").values = [[5]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(host.sheet("A")?.cells.get("0,0")?.value).toBe(1);
  });
});

describe("the fake host's charts are strict", () => {
  it("records a chart only on sync, refuses a source on another sheet, throws on what it does not model", async () => {
    const host = hostOf([
      { name: "A", cells: [{ row: 0, col: 0, value: "x" }] },
      { name: "B", cells: [{ row: 0, col: 0, value: 1 }] },
    ]);
    await host.run(async (context) => {
      const a = context.workbook.worksheets.getItem("A");
      const chart = a.charts.add("BarClustered", a.getRange("A1:B3"), "Columns");
      chart.title.text = "T";
      chart.setPosition("D2", "H12");
      expect(host.sheet("A")?.charts).toEqual([]);
      expect(() => (chart as unknown as Record<string, unknown>).series).toThrow(/not modelled/);
      expect(() => chart.title.text).toThrow(/not modelled/);
      await context.sync();
      expect(host.sheet("A")?.charts[0]).toMatchObject({
        type: "BarClustered",
        source: "A1:B3",
        title: "T",
        position: { from: "D2", to: "H12" },
      });
      const b = context.workbook.worksheets.getItem("B");
      a.charts.add("BarClustered", b.getRange("A1:A2"), "Columns");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });
});

describe("sync counts", () => {
  for (const rows of [200, 2_000, 20_000]) {
    it(`validate on ${rows} rows: 2 reads (cells, then the text cells' links) + 1 write`, async () => {
      expect(await measureSyncs(rows)).toEqual({ read: 2, write: 1 });
    });
  }
  it("the padded sheet really has that many rows", () => {
    expect(specToSnapshot(unitSheetWithRows(20_000)).values.length).toBe(20_000);
  });
  for (const units of [10, 100]) {
    it(`ranking ${units} unit sheets: 3 syncs (list, read all, write)`, async () => {
      expect(await measureRankSyncs(units)).toBe(3);
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

function userCells(host: FakeExcelHost, names: string[]) {
  return names.map((n) => host.dump(n));
}

describe("validate and rank on the fake host", () => {
  it("scores the seed commune, writes report and result, and rewrites them identically", async () => {
    const host = hostOf(seedCommuneWorkbook().sheets);
    const service = createExcelService(host.run);
    const first = await service.validate({ rubric });
    expect(first.analysis.units).toHaveLength(1);
    expect(
      first.analysis.units[0].score.index.final ?? first.analysis.units[0].score.indexWithoutSurvey.final,
    ).toBeCloseTo(84.85, 2);
    expect(first.written).toEqual([REPORT_SHEET, RESULT_SHEET]);
    const report1 = host.dump(REPORT_SHEET);
    const result1 = host.dump(RESULT_SHEET);
    await service.validate({ rubric });
    expect(host.dump(REPORT_SHEET)).toEqual(report1);
    expect(host.dump(RESULT_SHEET)).toEqual(result1);
    expect(host.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);
    // Writing the report does not move the user: the sheet they were on stays active.
    expect(host.activations).toEqual([]);
    expect(host.sheets[host.activeSheet].name).toBe(seedCommuneWorkbook().sheets[0].name);
  });

  it("a check that does not write the report adds no sheet, activates none and needs two read syncs", async () => {
    const host = hostOf(seedCommuneWorkbook().sheets);
    const before = host.sheets.map((s) => s.name);
    const v = await createExcelService(host.run).validate({ rubric, writeReport: false });
    expect(v.analysis.units).toHaveLength(1);
    expect(v.written).toEqual([]);
    // The cells, then the links of the text cells (Range.hyperlink is per cell).
    expect(v.syncs).toBe(2);
    expect(host.added).toEqual([]);
    expect(host.activations).toEqual([]);
    expect(host.sheets.map((s) => s.name)).toEqual(before);
  });

  it("'Kết quả' names a saved custom rubric by its own name and hash, never as the built-in it copies", async () => {
    const host = hostOf(seedCommuneWorkbook().sheets);
    // A unit's file carrying the built-in's id and name but lower rating bands, saved by its clerk.
    const forged = structuredClone(rubric);
    forged.ratingBands = forged.ratingBands.map((b) => ({ ...b, min: Math.max(0, b.min - 30) }));
    await createExcelService(host.run, { user: memoryUserStore() }).saveSettings({
      rubricId: rubric.id,
      customRubric: forged,
    });
    // The appraiser chose to use them (the settings rule: test/excel/settings-rule-host.test.ts).
    const service = createExcelService(host.run, { user: memoryUserStore() });
    const { workbook } = service.resolveSettings();
    expect(workbook.identity.kind).toBe("custom");
    expect(workbook.identity.modified).toBe(true);
    service.acceptSettings(workbook);
    await service.validate({ lang: "en" });
    const texts = Object.values(host.dump(RESULT_SHEET).cells).map((c) => String(c.value ?? ""));
    // In the sheet's one language.
    expect(texts.find((t) => t.startsWith("Rubric:"))).toBe(
      `Rubric: ${rubric.nameEn ?? rubric.name} (modified) #${workbook.identity.hash}`,
    );
    expect(texts.some((t) => t.startsWith("Bộ chỉ số:"))).toBe(false);
  });

  it("leaves every user cell (value, formula, format) unchanged through validate, rank, highlight and clear", async () => {
    const units = [0, 1].map((index) =>
      generateUnit(rubric, { seed: 9, index, defects: ["missing-evidence", "score-out-of-range"] }),
    );
    const host = hostOf(units.map((u, k) => ({ ...u.sheets[0], name: `Đơn vị ${k + 1}` })));
    // The user's own conditional format must survive clearing ours.
    host.sheets[0].conditionalFormats.push(
      { id: 999, address: "A1:B2", type: "Custom", formula: "=TRUE", fill: "#00FF00" },
      { id: 998, address: "C1:C9", type: "DataBar", formula: null, fill: null },
    );
    const names = host.sheets.map((s) => s.name);
    const before = userCells(host, names);
    const service = createExcelService(host.run);
    const v = await service.validate({ rubric, allSheets: true });
    await service.buildRanking({ rubric });
    expect(userCells(host, names)).toEqual(before);
    const findings = v.analysis.units.flatMap((u) => u.findings);
    const marked = await service.highlight(findings);
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBe(
      new Set(findings.filter((f) => f.sheet && f.address).map((f) => `${f.sheet}!${f.address}`)).size,
    );
    const ours = host.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => cf.id < 998));
    expect(ours).toHaveLength(marked);
    for (const cf of ours) expect(cf.formula).toBe(HIGHLIGHT_FORMULA);
    expect(await service.clearHighlights()).toBe(marked);
    expect(userCells(host, names)).toEqual(before);
    expect(await service.clearHighlights()).toBe(0);
  });

  it("writes unit names that look like formulas as text in the ranking", async () => {
    const evil = ['=HYPERLINK("http://evil.example","bấm")', "+SUM(1,2)", "@cmd", "=1+1"];
    const units = evil.map((name, index) => generateUnit(rubric, { seed: 4, index, name }));
    const host = hostOf(units.map((u, k) => ({ ...u.sheets[0], name: `Đơn vị ${k + 1}` })));
    const r = await createExcelService(host.run).buildRanking({ rubric });
    expect(r.analysis.units.map((u) => u.unit).sort()).toEqual([...evil].sort());
    const cells = [...(host.sheet(RANKING_SHEET)?.cells.values() ?? [])];
    for (const name of evil)
      expect(
        cells.some((c) => c.value === name && c.formula === null),
        name,
      ).toBe(true);
    for (const c of cells) if (c.formula) expect(c.formula).not.toMatch(/HYPERLINK|SUM|cmd|^=1\+1$/);
  });

  it("the ranking sheet the pane writes gives the pane's way to change the basis, never the CLI's options", async () => {
    const units = [0, 1].map((index) => generateUnit(rubric, { seed: 5, index }));
    const host = hostOf(units.map((u, k) => ({ ...u.sheets[0], name: `Đơn vị ${k + 1}` })));
    const r = await createExcelService(host.run).buildRanking({ rubric });
    const text = [...(host.sheet(RANKING_SHEET)?.cells.values() ?? [])]
      .map((c) => (typeof c.value === "string" ? c.value : ""))
      .join("\n");
    // The words come from the facts of this ranking, for the pane.
    expect(text).toContain(basisReasonFor(r.ranking.basisFacts, "pane").vi);
    expect(text).not.toContain(basisReasonFor(r.ranking.basisFacts, "cli").vi);
    expect(text).not.toContain("--basis");
  });

  it("ranks units in one workbook, links their sheets and rewrites the ranking sheet in place", async () => {
    const units = [0, 1, 2].map((index) => generateUnit(rubric, { seed: 5, index }));
    const host = hostOf(units.map((u, k) => ({ ...u.sheets[0], name: `Đơn vị ${k + 1}` })));
    const service = createExcelService(host.run);
    const r = await service.buildRanking({ rubric });
    expect(r.rankedUnits).toBe(3);
    expect(r.written).toEqual([RANKING_SHEET]);
    const once = host.dump(RANKING_SHEET);
    const links = Object.values(once.cells).flatMap((c) => (c.hyperlink ? [c.hyperlink] : []));
    expect(links.length).toBeGreaterThanOrEqual(3);
    await service.buildRanking({ rubric });
    expect(host.dump(RANKING_SHEET)).toEqual(once);
  });

  it("touches no sheet besides the ones it owns", async () => {
    const host = hostOf([
      ...generateUnit(rubric, { seed: 2, index: 0 }).sheets,
      { name: "Ghi chú", cells: [{ row: 0, col: 0, value: "của tôi" }] },
    ]);
    const keep = host.dump("Ghi chú");
    await createExcelService(host.run).validate({ rubric });
    expect(host.dump("Ghi chú")).toEqual(keep);
  });

  it("gives a friendly bilingual error when the owned sheet is protected", async () => {
    const host = hostOf(generateUnit(rubric, { seed: 2, index: 0 }).sheets);
    const service = createExcelService(host.run);
    await service.validate({ rubric });
    const report = host.sheet(REPORT_SHEET);
    if (report) report.protected = true;
    const before = host.dump(REPORT_SHEET);
    const error = await service.validate({ rubric }).catch((e) => e);
    expect(error).toBeInstanceOf(ExcelServiceError);
    // Refused before anything is queued: the sheet named, the user's protection and our sheet kept.
    expect(error.code).toBe("SheetProtected");
    expect(error.text.vi).toMatch(/bảo vệ/);
    expect(error.text.en).toMatch(/protected/);
    expect(error.text.en).toContain(REPORT_SHEET);
    expect(host.dump(REPORT_SHEET)).toEqual(before);
  });

  it("refuses old Excel with a friendly message", async () => {
    const host = FakeExcelHost.fromSpecs(generateUnit(rubric, { seed: 2, index: 0 }).sheets);
    installed = installFakeOffice(host, { excelApi: "1.4" });
    const error = await createExcelService(host.run)
      .validate({ rubric })
      .catch((e) => e);
    expect(error.code).toBe("UnsupportedRequirementSet");
    expect(error.text.vi).toMatch(/quá cũ/);
    expect(host.syncs).toBe(0);
  });

  it("saves the rubric choice with the workbook and uses it", async () => {
    const host = hostOf(seedCommuneWorkbook().sheets);
    // The same user (their own storage): what they saved is theirs; another user is the rule's case.
    const user = memoryUserStore();
    const service = createExcelService(host.run, { user });
    const s = service.loadSettings();
    expect(s.rubricId).toBe(DEFAULT_RUBRIC_ID);
    await service.saveSettings({ ...s, rubricId: null });
    expect(createExcelService(host.run, { user }).loadSettings().rubricId).toBeNull();
    expect(service.settingsRubric()).toBeNull();
    const v = await service.validate();
    expect(v.analysis.units[0].rubric.id).not.toBe(rubric.id);
  });

  it("lists the user's sheets without the owned ones", async () => {
    const host = hostOf(generateUnit(rubric, { seed: 2, index: 0 }).sheets);
    const service = createExcelService(host.run);
    await service.validate({ rubric });
    const sheets = await service.listSheets();
    expect(sheets.map((s) => s.name)).toEqual([host.sheets[0].name]);
  });

  it("reports user edits for a re-check, ignores its own sheets, and stops when asked", async () => {
    // worksheets.onChanged is ExcelApi 1.9: the host has to claim it.
    const host = FakeExcelHost.fromSpecs(generateUnit(rubric, { seed: 2, index: 0 }).sheets);
    installed = installFakeOffice(host, { excelApi: "1.9" });
    const service = createExcelService(host.run);
    await service.validate({ rubric });
    const seen: string[] = [];
    const watch = await service.watchChanges((sheet) => seen.push(sheet));
    expect(watch.supported).toBe(true);
    const user = host.sheets[0].name;
    await host.userEdit(user, 40, 3, 1);
    await host.userEdit(REPORT_SHEET, 0, 0, "x");
    host.addSheet("Mới");
    await host.userEdit("Mới", 0, 0, 2);
    expect(seen).toEqual([user, "Mới"]);
    await watch.stop();
    await host.userEdit(user, 41, 3, 1);
    expect(seen).toHaveLength(2);
  });

  it("does not watch on hosts without ExcelApi 1.9", async () => {
    const host = FakeExcelHost.fromSpecs(generateUnit(rubric, { seed: 2, index: 0 }).sheets);
    installed = installFakeOffice(host, { excelApi: "1.8" });
    const watch = await createExcelService(host.run).watchChanges(() => {});
    expect(watch.supported).toBe(false);
    expect(host.changeHandlers.size).toBe(0);
  });

  it("looks through the workbook when the active sheet holds no unit table", async () => {
    const unit = generateUnit(rubric, { seed: 8, index: 0 });
    const host = hostOf([
      { name: "Hướng dẫn", cells: [{ row: 0, col: 0, value: "Đọc kỹ trước khi điền" }] },
      ...unit.sheets,
    ]);
    const v = await createExcelService(host.run).validate({ rubric });
    expect(v.analysis.units.map((u) => u.sheet)).toEqual([unit.sheets[0].name]);
    expect(v.syncs).toBe(5);
  });

  it("never deletes a user's sheet that happens to carry an owned name", async () => {
    const unit = generateUnit(rubric, { seed: 8, index: 1 });
    const host = hostOf([
      ...unit.sheets,
      { name: RESULT_SHEET, cells: [{ row: 0, col: 0, value: "bảng của tôi" }] },
    ]);
    const mine = host.dump(RESULT_SHEET);
    const sheetsBefore = host.sheets.map((s) => s.name);
    const error = await createExcelService(host.run)
      .validate({ rubric })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ExcelServiceError);
    expect(error.code).toBe("OwnedSheetTaken");
    expect(error.text.vi).toContain(RESULT_SHEET);
    expect(host.dump(RESULT_SHEET)).toEqual(mine);
    expect(host.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  it("writeSheets writes the round's sheets as owned ones, refuses a user's sheet of that name, never moves the user", async () => {
    const host = hostOf([
      ...seedCommuneWorkbook().sheets,
      { name: DIFF_SHEET, cells: [{ row: 0, col: 0, value: "ghi chép của tôi" }] },
    ]);
    const service = createExcelService(host.run);
    const spec = (name: string) => ({ name, cells: [{ row: 0, col: 0, value: `${name} 1` }] });
    expect(await service.writeSheets([spec(APPRAISAL_SHEET), spec(INTAKE_SHEET)])).toEqual([
      APPRAISAL_SHEET,
      INTAKE_SHEET,
    ]);
    expect(host.values(APPRAISAL_SHEET)[0][0]).toBe(`${APPRAISAL_SHEET} 1`);
    expect(host.activations).toEqual([]);
    // A rewrite replaces our sheet in place (its mark says it is ours).
    await service.writeSheets([{ ...spec(APPRAISAL_SHEET), cells: [{ row: 0, col: 0, value: "lần 2" }] }]);
    expect(host.values(APPRAISAL_SHEET)[0][0]).toBe("lần 2");
    expect(host.sheets.filter((s) => s.name === APPRAISAL_SHEET)).toHaveLength(1);
    // "So sánh" here is the user's own sheet: nothing of the batch is written.
    const before = host.sheets.map((s) => s.name);
    const error = await service.writeSheets([spec(LOST_POINTS_SHEET), spec(DIFF_SHEET)]).catch((e) => e);
    expect(error.code).toBe("OwnedSheetTaken");
    expect(host.sheets.map((s) => s.name)).toEqual(before);
    expect(host.values(DIFF_SHEET)[0][0]).toBe("ghi chép của tôi");
  });

  it("readWorkbook reads every unit sheet in two syncs, skips the add-in's own sheets, writes and moves nothing", async () => {
    const units = [0, 1, 2].map((index) => generateUnit(rubric, { seed: 21, index, appraisal: 1 }));
    const specs = consolidationWorkbook(units);
    const host = FakeExcelHost.fromSpecs(specs, "Tong-hop.xlsx");
    installed = installFakeOffice(host);
    const service = createExcelService(host.run);
    await service.writeSheets([{ name: INTAKE_SHEET, cells: [{ row: 0, col: 0, value: "cũ" }] }]);
    expect(host.sheet(INTAKE_SHEET)).toBeTruthy();
    const writes = host.writeSyncs;
    const read = await service.readWorkbook();
    expect(read.syncs).toBe(2);
    expect(read.name).toBe("Tong-hop.xlsx");
    expect(read.workbook.source).toBe("Tong-hop.xlsx");
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(specs.map((s) => s.name));
    // The values are the planted ones: the first unit's self score for its first scored row.
    const sheet = read.workbook.sheets[0];
    const cell = specs[0].cells.find(
      (c) => typeof c.value === "number" && c.row > units[0].truth.firstDataRow,
    );
    expect(cell).toBeTruthy();
    const at = (s: typeof sheet, r: number, c: number) => s.values[r - s.origin.row]?.[c - s.origin.col];
    expect(at(sheet, cell?.row ?? 0, cell?.col ?? 0)).toBe(cell?.value);
    expect(host.writeSyncs).toBe(writes);
    expect(host.activations).toEqual([]);
  });

  it("writing the appraisal sheet draws its native chart in the same write: 1 read + 1 write, no activation", async () => {
    const planted = generateUnit(rubric, { seed: 8, index: 3, appraisal: 1 });
    // A host with page layout (ExcelApi 1.9); the fake's default claim, the manifest's 1.7, has none.
    const host = FakeExcelHost.fromSpecs(planted.sheets);
    installed = installFakeOffice(host, { excelApi: "1.9" });
    const unit = analyseWorkbook(unitWorkbook(planted), { rubric, source: planted.fileName }).units[0];
    const service = createExcelService(host.run);
    const before = { read: host.readSyncs, write: host.writeSyncs };
    await service.writeSheets([appraisalSheetSpec(unit)]);
    expect({ read: host.readSyncs - before.read, write: host.writeSyncs - before.write }).toEqual({
      read: 1,
      write: 1,
    });
    expect(host.activations).toEqual([]);
    const charts = host.sheet(APPRAISAL_SHEET)?.charts ?? [];
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart).toMatchObject({
      type: "BarClustered",
      seriesBy: "Columns",
      title: "Mất điểm ở đâu, theo lĩnh vực",
      legend: "Bottom",
      reversedCategories: true,
    });
    // Printed as the .xlsx file prints (ExcelApi 1.9 here): A4, fitted across, numbered pages, rows
    // tall enough for their wrapped text.
    const sheet = host.sheet(APPRAISAL_SHEET);
    expect(sheet?.page).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      "footer.centerFooter": "Trang &P/&N",
    });
    const spec = appraisalSheetSpec(unit);
    expect(Object.keys(spec.rowHeights ?? {}).length).toBeGreaterThan(0);
    for (const [row, height] of Object.entries(spec.rowHeights ?? {}))
      expect(sheet?.rowHeights.get(Number(row))).toBe(height);
    // What the recorded source covers on the written sheet: the header, then the rubric's areas.
    const src = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(chart.source);
    expect(src).not.toBeNull();
    const [, c0, r0, c1, r1] = src as RegExpExecArray;
    const values = host.values(APPRAISAL_SHEET);
    const col = (letters: string) => letters.charCodeAt(0) - 65;
    const grid = values.slice(Number(r0) - 1, Number(r1)).map((r) => r.slice(col(c0), col(c1) + 1));
    // No peers were given: the group's average is not charted.
    expect(grid[0]).toEqual(["Lĩnh vực", "Điểm tối đa", "Tự đánh giá", "Thẩm định"]);
    expect(grid.slice(1).map((r) => r[0])).toEqual(
      rubric.items.filter((i) => i.kind !== "bonus" && i.kind !== "penalty").map((i) => i.label),
    );
    // Placed below everything written, on cells left empty.
    expect(chart.position).not.toBeNull();
    const top = Number(/\d+$/.exec(chart.position?.from ?? "")?.[0]);
    expect(top).toBeGreaterThan(values.length);
  });

  it("a user's own 'Kết quả thẩm định' refuses the appraisal write: no sheet, no chart, their cells kept", async () => {
    const planted = generateUnit(rubric, { seed: 8, index: 3, appraisal: 1 });
    const host = hostOf([
      ...planted.sheets,
      { name: APPRAISAL_SHEET, cells: [{ row: 0, col: 0, value: "ghi chép của tôi" }] },
    ]);
    const unit = analyseWorkbook(unitWorkbook(planted), { rubric, source: planted.fileName }).units[0];
    const service = createExcelService(host.run);
    const mine = host.dump(APPRAISAL_SHEET);
    const error = await service.writeSheets([appraisalSheetSpec(unit)]).catch((e) => e);
    expect(error).toBeInstanceOf(ExcelServiceError);
    expect(error.code).toBe("OwnedSheetTaken");
    expect(error.text.vi).toContain(`"${APPRAISAL_SHEET}"`);
    expect(host.dump(APPRAISAL_SHEET)).toEqual(mine);
    expect(host.sheets.flatMap((s) => s.charts)).toEqual([]);
    expect(host.added).toEqual([]);
    expect(host.writeSyncs).toBe(0);
  });

  it("marks each of its sheets with one workbook name, kept pointing at it through rewrites", async () => {
    const host = hostOf(generateUnit(rubric, { seed: 8, index: 2 }).sheets);
    const service = createExcelService(host.run);
    await service.validate({ rubric });
    await service.validate({ rubric });
    expect(host.names.map((n) => [n.name, n.sheet?.name]).sort()).toEqual([
      ["ParIndex_Owned_Report", REPORT_SHEET],
      ["ParIndex_Owned_Result", RESULT_SHEET],
    ]);
  });
});
