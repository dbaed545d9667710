/** Puts a fake host behind globalThis.Office / globalThis.Excel (node, jsdom or a browser page). */
import { DEFAULT_EXCEL_API, FakeExcelHost } from "./host";

export interface InstallOptions {
  /**
   * Highest ExcelApi version the fake host claims (default: the manifest's minimum, "1.7"). Members
   * above it are refused at sync with "ApiNotFound", as Excel does.
   */
  excelApi?: string;
  displayLanguage?: string;
}

export interface InstalledOffice {
  host: FakeExcelHost;
  /** Functions registered with Office.actions.associate, by name. */
  actions: Map<string, (event: unknown) => unknown>;
  settings: Map<string, unknown>;
  uninstall: () => void;
}

function versionAtMost(wanted: string, have: string): boolean {
  const [a, b] = wanted.split(".").map(Number);
  const [c, d] = have.split(".").map(Number);
  return a < c || (a === c && (b ?? 0) <= (d ?? 0));
}

export function installFakeOffice(
  host: FakeExcelHost = new FakeExcelHost(),
  options: InstallOptions = {},
): InstalledOffice {
  const g = globalThis as Record<string, unknown>;
  const before = { Office: g.Office, Excel: g.Excel };
  const actions = new Map<string, (event: unknown) => unknown>();
  const settings = new Map<string, unknown>();
  const api = options.excelApi ?? DEFAULT_EXCEL_API;
  host.excelApi = api;
  const office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    actions: { associate: (name: string, fn: (event: unknown) => unknown) => actions.set(name, fn) },
    context: {
      displayLanguage: options.displayLanguage ?? "vi-VN",
      requirements: {
        isSetSupported: (name: string, version = "1.1") => name === "ExcelApi" && versionAtMost(version, api),
      },
      document: {
        settings: {
          get: (k: string) => (settings.has(k) ? structuredClone(settings.get(k)) : null),
          set: (k: string, v: unknown) => settings.set(k, structuredClone(v)),
          remove: (k: string) => settings.delete(k),
          saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: "succeeded" }),
        },
      },
    },
  };
  g.Office = office;
  g.Excel = { run: host.run };
  return {
    host,
    actions,
    settings,
    uninstall: () => {
      g.Office = before.Office;
      g.Excel = before.Excel;
    },
  };
}
