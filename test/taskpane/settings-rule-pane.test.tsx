// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import { rubricIdentity } from "../../src/core/rubric/identity";
import type { Rubric } from "../../src/core/rubric/schema";
import { REPORT_SHEET, RESULT_SHEET } from "../../src/core/sheets/style";
import { createExcelService } from "../../src/excel/service";
import { App } from "../../src/taskpane/App";
import { forgedSettings, forgedUnit } from "../fake-excel/forged-settings";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";
import { memoryUserStore } from "../fake-excel/user-store";
import "../support/resize-observer";

/**
 * Issue #24 item 7 end to end: the pane over the real service on the strict fake host. A clerk saved a
 * changed rubric and a column correction with the unit's file; the appraiser opens it on their machine.
 */
const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
let installed: InstalledOffice | null = null;
afterEach(() => {
  cleanup();
  installed?.uninstall();
  installed = null;
});
configure({ asyncUtilTimeout: 15_000 });

const click = (el: HTMLElement) => act(async () => fireEvent.click(el));
const TITLE = "Sổ này mang cài đặt riêng chưa được dùng";

describe("the settings rule in the pane", () => {
  it("the appraiser sees 67.44 and 'Theo cài đặt của sổ: 87,64 — Xuất sắc'; after 'use', 87.64 and the sheet's first line names the changed rubric", async () => {
    const { sheet, extraCol } = forgedUnit();
    const host = FakeExcelHost.fromSpecs([sheet], "don-vi.xlsx");
    installed = installFakeOffice(host);
    const settings = forgedSettings(sheet.name, extraCol);
    await createExcelService(host.run, { user: memoryUserStore() }).saveSettings(settings);
    const hash = rubricIdentity(settings.customRubric).hash;

    const service = createExcelService(host.run, { user: memoryUserStore() });
    render(
      <FluentProvider theme={webLightTheme}>
        <App loadService={async () => service} initialLang="vi" />
      </FluentProvider>,
    );
    const bar = (await screen.findByText(TITLE)).closest("[role='group']") as HTMLElement;
    expect(bar.textContent).toContain(`bộ chỉ số "${rubric.name} (đã sửa) #${hash}"`);
    expect(bar.textContent).toMatch(/cột đã chỉnh tay \(.+ → [A-Z]+\)/);
    const check = screen.getByRole("button", { name: "Kiểm tra" });
    await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
    await click(check);
    const card = await screen.findByRole("region", { name: "Kết quả kiểm tra" });
    expect(card.textContent).toContain("67,44/100");
    expect(card.textContent).toContain("Trung bình");
    expect(card.textContent).toContain(`Bộ chỉ số: ${rubric.name}`);
    expect((await within(bar).findByTestId("workbook-settings-result")).textContent).toBe(
      "Theo cài đặt của sổ: 87,64 — Xuất sắc (đang dùng: 67,44 — Trung bình)",
    );

    await click(within(bar).getByRole("button", { name: "Dùng cài đặt của sổ" }));
    await waitFor(() => expect(screen.queryByText(TITLE)).toBeNull());
    await waitFor(() =>
      expect(screen.getByRole("region", { name: "Kết quả kiểm tra" }).textContent).toContain("87,64/100"),
    );
    expect(screen.getByRole("region", { name: "Kết quả kiểm tra" }).textContent).toContain("Xuất sắc");

    await click(screen.getByRole("button", { name: "Ghi vào sổ" }));
    await click(await screen.findByRole("button", { name: "Ghi báo cáo vào sổ" }));
    await waitFor(() => expect(host.sheet(RESULT_SHEET)).toBeTruthy());
    const line = `Bộ chỉ số: ${rubric.name} (đã sửa) #${hash}`;
    expect(host.values(RESULT_SHEET)[0][0]).toBe(line);
    expect(host.values(REPORT_SHEET)[0][0]).toBe(line);
    // "Kết quả" also says whose settings these are and why, in the pane's language only.
    const texts = host.values(RESULT_SHEET).flat().map(String);
    expect(texts).toContain("Dùng cài đặt của sổ: người kiểm tra đã chọn dùng các cài đặt này.");
    expect(texts.some((t) => t.includes(" / Rubric:"))).toBe(false);

    // The same appraiser, next time: accepted, no bar.
    cleanup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App loadService={async () => service} initialLang="vi" />
      </FluentProvider>,
    );
    await screen.findByTestId("settings-why");
    expect(screen.queryByText(TITLE)).toBeNull();
  });
});
