import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";

/**
 * The benchmark's floor: what any reader must at least do with a unit's workbook — inflate the
 * workbook, worksheet, shared-strings and styles parts (fflate) and SAX-parse them (saxes) with
 * handlers that do nothing. `readWorkbook` is measured against this, in the same run.
 */
export function floorParse(bytes: Uint8Array): number {
  const parts = unzipSync(bytes, {
    filter: (f) =>
      f.name === "xl/workbook.xml" ||
      f.name === "xl/sharedStrings.xml" ||
      f.name === "xl/styles.xml" ||
      (f.name.startsWith("xl/worksheets/") && f.name.endsWith(".xml")),
  });
  let events = 0;
  for (const name of Object.keys(parts)) {
    const parser = new SaxesParser();
    parser.on("opentag", () => {
      events++;
    });
    parser.on("text", () => {
      events++;
    });
    parser.write(strFromU8(parts[name])).close();
  }
  return events;
}
