import { build } from "esbuild";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { seedCommuneWorkbook } from "../../src/core/sample";
import { specToSnapshot } from "../../src/core/sheet-spec";

describe("test/fake-excel/browser.ts", () => {
  it("bundles for the browser and installs window.Office/Excel over the given workbook", async () => {
    const out = await build({
      entryPoints: [new URL("../fake-excel/browser.ts", import.meta.url).pathname],
      bundle: true,
      format: "iife",
      platform: "browser",
      write: false,
    });
    const wb = { source: "Xa-mau.xlsx", sheets: seedCommuneWorkbook().sheets.map(specToSnapshot) };
    const dom = new JSDOM("<!doctype html><body></body>", { runScripts: "outside-only" });
    const win = dom.window as unknown as Record<string, unknown> & { eval: (code: string) => unknown };
    win.__PAR_FAKE_WORKBOOK__ = JSON.stringify(wb);
    win.eval(out.outputFiles[0].text);
    const office = win.Office as typeof Office;
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    const excel = win.Excel as { run: typeof Excel.run };
    const name = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await context.sync();
      return ws.name;
    });
    expect(name).toBe(wb.sheets[0].name);
    expect((win.__PAR_FAKE_HOST__ as { syncs: number }).syncs).toBe(1);
  });
});
