import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { seedCommuneWorkbook } from "../../src/sample";
import { specToSnapshot } from "../../src/core/sheet-spec";

describe("test/fake-excel/browser.ts", () => {
  it("bundles for the browser and installs Office/Excel on the page's global over the given workbook", async () => {
    const out = await build({
      entryPoints: [new URL("../fake-excel/browser.ts", import.meta.url).pathname],
      bundle: true,
      format: "iife",
      platform: "browser",
      write: false,
    });
    const wb = { source: "Xa-mau.xlsx", sheets: seedCommuneWorkbook().sheets.map(specToSnapshot) };
    // A bare global with none of Node's (no require, process, Buffer): what a page script gets, minus the DOM.
    const page = createContext({ __PAR_FAKE_WORKBOOK__: JSON.stringify(wb), structuredClone });
    runInContext(out.outputFiles[0].text, page);
    const office = page.Office as typeof Office;
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.99")).toBe(false);
    const excel = page.Excel as { run: typeof Excel.run };
    const name = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await context.sync();
      return ws.name;
    });
    expect(name).toBe(wb.sheets[0].name);
    expect((page.__PAR_FAKE_HOST__ as { syncs: number }).syncs).toBe(1);
  });
});
