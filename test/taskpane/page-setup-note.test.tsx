// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { DIFF_SHEET } from "../../src/core/sheets/style";
import { createExcelService } from "../../src/excel/service";
import { WriteSheet } from "../../src/taskpane/WriteSheet";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";

/**
 * Issue #26 item 5 in the pane: after "Ghi … vào sổ" on a host that cannot set the page (before
 * ExcelApi 1.9), the success line tells the user to choose A4, landscape by hand; on 1.9 it does not.
 * The real service over the fake host, so the answer is the host's version, not a stub's.
 */
let installed: InstalledOffice | null = null;
afterEach(() => {
  cleanup();
  installed?.uninstall();
  installed = null;
});

const spec: SheetSpec = {
  name: DIFF_SHEET,
  cells: [{ row: 0, col: 0, value: "So sánh" }],
  print: { paper: "A4", landscape: true, fitToWidth: true },
};

describe("the pane's write line says where the page could not be set", () => {
  it.each([
    ["1.7", "vi", true],
    ["1.7", "en", true],
    ["1.9", "vi", false],
  ] as const)("ExcelApi %s, %s: note shown %s", async (excelApi, lang, shown) => {
    const host = new FakeExcelHost();
    installed = installFakeOffice(host, { excelApi });
    render(
      <FluentProvider theme={webLightTheme}>
        <WriteSheet service={createExcelService(host.run)} lang={lang} label="Ghi" spec={() => spec} />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Ghi" }));
    await screen.findByRole("button", { name: lang === "vi" ? "Đi tới trang" : "Go to the sheet" });
    expect(host.sheet(DIFF_SHEET)).toBeTruthy();
    const note = t(lang, "noPageSetup");
    expect(document.body.textContent?.includes(note)).toBe(shown);
  });
});
