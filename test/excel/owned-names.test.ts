import { afterEach, describe, expect, it } from "vitest";
import { analyseUnits } from "../../src/app/units";
import { fold } from "../../src/core/fold";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { specToSnapshot } from "../../src/core/sheet-spec";
import { isOwnedSheetName } from "../../src/core/sheets/owned";
import { OWNED_SHEETS, RESULT_SHEET } from "../../src/core/sheets/style";
import { ExcelServiceError } from "../../src/excel/errors";
import { createExcelService } from "../../src/excel/service";
import { generateUnit } from "../../src/sample";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";

/**
 * The pane and the command line agree on which sheets are par-index's own: "Kết quả 2" (the page's second
 * result sheet), "KET QUA" or Excel's copy "Xếp hạng (2)" are skipped by recognition (core/sheets/owned.ts),
 * so the pane neither reads, lists nor watches them either. It matched the exact names only.
 */
const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
let installed: InstalledOffice | null = null;
afterEach(() => {
  installed?.uninstall();
  installed = null;
});

const unit = generateUnit(rubric, { seed: 8, index: 0 });
const ours = (name: string): SheetSpec => ({ name, cells: [{ row: 0, col: 0, value: `${name}: bảng cũ` }] });
const OURS_TOO = ["Kết quả 2", "KET QUA", "Xếp hạng (2)"];

function hostOf(specs: SheetSpec[], excelApi = "1.9") {
  const host = FakeExcelHost.fromSpecs(specs);
  installed = installFakeOffice(host, { excelApi });
  return host;
}

describe("'Kết quả 2' and the like: par-index's own on the pane as on the command line", () => {
  const specs = [...unit.sheets, ...OURS_TOO.map(ours)];
  const unitSheet = unit.sheets[0].name;

  it("the command line's reading (src/app) skips them as sheets par-index writes", () => {
    const analysis = analyseUnits(
      { source: "Tong-hop.xlsx", sheets: specs.map(specToSnapshot) },
      { rubric, source: "Tong-hop.xlsx" },
    );
    expect(analysis.units.map((u) => u.sheet)).toEqual([unitSheet]);
    expect(analysis.skipped.map((s) => [s.sheet, s.reason])).toEqual(OURS_TOO.map((n) => [n, "own-sheet"]));
  });

  it("the pane's readWorkbook does not read them", async () => {
    const host = hostOf(specs);
    const read = await createExcelService(host.run).readWorkbook();
    expect(read.workbook.sheets.map((s) => s.name)).toEqual([unitSheet]);
  });

  it("the pane's check reads the unit sheet alone, as in a workbook without them (two read syncs)", async () => {
    const host = hostOf(specs);
    const v = await createExcelService(host.run).validate({ rubric, writeReport: false });
    expect(v.analysis.units.map((u) => u.sheet)).toEqual([unitSheet]);
    expect(v.syncs).toBe(2);
  });

  it("the pane's sheet list leaves them out", async () => {
    const host = hostOf(specs);
    const sheets = await createExcelService(host.run).listSheets();
    expect(sheets.map((s) => s.name)).toEqual([unitSheet]);
  });

  it("an edit to one of them asks for no re-check", async () => {
    const host = hostOf(specs);
    const seen: string[] = [];
    const watch = await createExcelService(host.run).watchChanges((sheet) => seen.push(sheet));
    for (const name of OURS_TOO) await host.userEdit(name, 1, 1, "x");
    await host.userEdit(unitSheet, 40, 3, 1);
    expect(seen).toEqual([unitSheet]);
    await watch.stop();
  });
});

describe("the owned-sheet rule and the pane's reader agree, name by name", () => {
  // Every owned name as written, as Excel names a copy, numbered as the page numbers its result sheets,
  // and in capitals without marks; then names of the user's, one of them the start of an owned name.
  const variants = OWNED_SHEETS.flatMap((name) => [
    name,
    `${name} (2)`,
    `${name} 2`,
    fold(name).toUpperCase(),
  ]);
  const users = ["Xã An Bình", "Kết", "Bảng kết quả", "Tổng hợp xếp hạng", "Sheet1"];
  const names = [...variants, ...users];

  it("every name the rule calls par-index's own is left unread, every other one is read", async () => {
    // The rule itself, so the table cannot pass by agreeing on nothing.
    expect(variants.filter((n) => !isOwnedSheetName(n))).toEqual([]);
    expect(users.filter(isOwnedSheetName)).toEqual([]);
    const host = hostOf(names.map(ours));
    const read = await createExcelService(host.run).readWorkbook();
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(names.filter((n) => !isOwnedSheetName(n)));
    const listed = await createExcelService(host.run).listSheets();
    expect(listed.map((s) => s.name)).toEqual(users);
  });
});

describe("a user's sheet whose name is an owned one in other capitals (Excel's sheet names ignore case)", () => {
  for (const mine of ["KẾT QUẢ", "báo cáo kiểm tra"]) {
    it(`"${mine}": refused as the user's, in their spelling, and nothing written (was Excel's own error after half a write)`, async () => {
      const host = hostOf([...unit.sheets, { name: mine, cells: [{ row: 0, col: 0, value: "của tôi" }] }]);
      const theirs = host.dump(mine);
      const before = host.sheets.map((s) => s.name);
      const error = await createExcelService(host.run)
        .validate({ rubric })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExcelServiceError);
      expect((error as ExcelServiceError).code).toBe("OwnedSheetTaken");
      expect((error as ExcelServiceError).text.vi).toContain(`"${mine}"`);
      expect(host.sheets.map((s) => s.name)).toEqual(before);
      expect(host.added).toEqual([]);
      expect(host.dump(mine)).toEqual(theirs);
    });
  }

  it("our own sheet whose capitals the user changed is still ours: rewritten in place, once", async () => {
    const host = hostOf(unit.sheets);
    const service = createExcelService(host.run);
    await service.validate({ rubric });
    const ours = host.sheet(RESULT_SHEET);
    if (!ours) throw new Error("no result sheet written");
    ours.name = "KẾT QUẢ";
    await service.validate({ rubric });
    expect(
      host.sheets.filter((s) => s.name.toLowerCase() === RESULT_SHEET.toLowerCase()).map((s) => s.name),
    ).toEqual([RESULT_SHEET]);
  });
});
