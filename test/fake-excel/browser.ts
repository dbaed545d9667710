/**
 * Browser entry for the e2e test: bundle this (esbuild) and inject it before the pane's scripts. It sets
 * window.Office / window.Excel to the fake host, loaded from `window.__PAR_FAKE_WORKBOOK__`
 * (a WorkbookSnapshot as JSON), and exposes the host as `window.__PAR_FAKE_HOST__` for assertions.
 */
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { FakeExcelHost } from "./host";
import { installFakeOffice } from "./install";

const w = globalThis as unknown as {
  __PAR_FAKE_WORKBOOK__?: WorkbookSnapshot | string;
  __PAR_FAKE_HOST__?: unknown;
  __PAR_FAKE_OFFICE__?: unknown;
};
const given = w.__PAR_FAKE_WORKBOOK__;
const wb: WorkbookSnapshot =
  typeof given === "string" ? JSON.parse(given) : (given ?? { source: "Book1.xlsx", sheets: [] });
// The e2e run may set the claimed ExcelApi version (default: the manifest's minimum) and hand over the
// member → set table (window.__PAR_API_SETS__) so the host refuses like that Excel.
const claim = (globalThis as { __PAR_FAKE_EXCEL_API__?: string }).__PAR_FAKE_EXCEL_API__;
const installed = installFakeOffice(FakeExcelHost.fromSnapshot(wb), claim ? { excelApi: claim } : {});
w.__PAR_FAKE_HOST__ = installed.host;
w.__PAR_FAKE_OFFICE__ = installed;
