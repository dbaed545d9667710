import { afterEach, describe, expect, it } from "vitest";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { REPORT_SHEET, RESULT_SHEET } from "../../src/core/sheets/style";
import { createExcelService } from "../../src/excel/service";
import { validateNotice } from "../../src/commands/notices";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";
import { forgedSettings, forgedUnit } from "../fake-excel/forged-settings";
import { memoryUserStore } from "../fake-excel/user-store";

/**
 * The case of issue #24: a unit's file carries a rubric under the built-in's id with lower rating bands,
 * and a column correction that reads the appraisal from a column of its own making. Its clerk saved
 * them; an appraiser opens the file on another machine.
 */
const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
let installed: InstalledOffice | null = null;
afterEach(() => {
  installed?.uninstall();
  installed = null;
});

const indexOf = (v: { analysis: { units: { score: { index: { final: number | null } } }[] } }) =>
  v.analysis.units[0].score.index.final;

describe("the settings rule on the fake Excel host", () => {
  it("an appraiser's check uses their own choice, says what the workbook's settings would give, and uses them when asked", async () => {
    const { sheet, extraCol } = forgedUnit();
    const host = FakeExcelHost.fromSpecs([sheet]);
    installed = installFakeOffice(host);
    // The clerk saves the settings with the workbook (on their machine: their own store).
    const clerk = createExcelService(host.run, { user: memoryUserStore() });
    await clerk.saveSettings(forgedSettings(sheet.name, extraCol));
    // For the clerk these are their own settings: applied, no question.
    expect(clerk.resolveSettings().decision).toEqual({ apply: true, because: "accepted-settings" });

    const appraiser = createExcelService(host.run, { user: memoryUserStore() });
    const resolved = appraiser.resolveSettings();
    expect(resolved.decision.apply).toBe(false);
    const hash = resolved.workbook.identity.hash as string;
    expect(resolved.used.identity.label.vi).toBe(rubric.name);
    const v = await appraiser.validate({
      writeReport: false,
      compare: { rubric: resolved.workbook.rubric, columns: resolved.workbook.settings.columns },
    });
    // One read for the cells, one for the links: comparing costs no sync.
    expect(v.syncs).toBe(2);
    expect(indexOf(v)).toBeCloseTo(67.44, 2);
    expect(v.analysis.units[0].score.rating?.label).toBe("Trung bình");
    expect(v.compared?.[0].index).toBeCloseTo(87.64, 2);
    expect(v.compared?.[0].rating?.vi).toBe("Xuất sắc");

    // The ribbon's check (no options) follows the same rule: 67, and "Kết quả" and the notice say why.
    const ribbon = await appraiser.validate();
    expect(indexOf(ribbon)).toBeCloseTo(67.44, 2);
    const notice = validateNotice(ribbon);
    expect(notice.kind).toBe("warning");
    expect(notice.text.vi).toMatch(
      /Cài đặt riêng của sổ chưa được dùng \(bộ chỉ số .+ \(đã sửa\) #[0-9a-f]{8}.*cột đã chỉnh tay/,
    );
    const before = host.dump(RESULT_SHEET);
    const lines = Object.values(before.cells).map((c) => String(c.value ?? ""));
    // The sheet's first line names the rubric the figures came from: the built-in.
    expect(host.values(RESULT_SHEET)[0][0]).toBe(`Bộ chỉ số: ${rubric.name}`);
    expect(lines.some((l) => l.startsWith("Cài đặt riêng của sổ chưa được dùng ("))).toBe(true);

    // "Dùng cài đặt của sổ": accepted by this appraiser, the check gives 89 and the sheet names the rubric.
    appraiser.acceptSettings(resolved.workbook);
    const after = appraiser.resolveSettings();
    expect(after.decision).toEqual({ apply: true, because: "accepted-settings" });
    const used = await appraiser.validate();
    expect(indexOf(used)).toBeCloseTo(87.64, 2);
    expect(used.settingsNote).toBeUndefined();
    expect(host.values(RESULT_SHEET)[0][0]).toBe(`Bộ chỉ số: ${rubric.name} (đã sửa) #${hash}`);
    expect(host.values(REPORT_SHEET)[0][0]).toBe(`Bộ chỉ số: ${rubric.name} (đã sửa) #${hash}`);

    // Another appraiser, another machine: asked again.
    expect(createExcelService(host.run, { user: memoryUserStore() }).resolveSettings().decision.apply).toBe(
      false,
    );
  });

  it("a built-in rubric saved with the workbook, no column corrections, applies without asking", async () => {
    const host = FakeExcelHost.fromSpecs([forgedUnit().sheet]);
    installed = installFakeOffice(host);
    await createExcelService(host.run, { user: memoryUserStore() }).saveSettings({
      rubricId: "example-agency-2024",
    });
    const r = createExcelService(host.run, { user: memoryUserStore() }).resolveSettings();
    expect(r.decision).toEqual({ apply: true, because: "builtin" });
    expect(r.used.rubric?.id).toBe("example-agency-2024");
  });
});
