import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from "fflate";

/**
 * ExcelJS writes row page breaks but no column breaks. A sheet whose per-area detail prints on pages
 * of its own needs them, so they are added to the written file: `<colBreaks>` goes where the schema
 * puts it (after `rowBreaks`, before drawings, tables and extensions). `breaks` maps the 1-based sheet
 * index (xl/worksheets/sheetN.xml) to the 0-based columns that start a new page.
 */
const AFTER_COL_BREAKS =
  /<(customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]|<\/worksheet>/;

export function addColumnBreaks(
  bytes: Uint8Array,
  breaks: ReadonlyMap<number, readonly number[]>,
): Uint8Array {
  if (![...breaks.values()].some((b) => b.length > 0)) return bytes;
  const parts = unzipSync(bytes);
  for (const [sheet, cols] of breaks) {
    const name = `xl/worksheets/sheet${sheet}.xml`;
    const part = parts[name];
    if (!part || cols.length === 0) continue;
    const xml = strFromU8(part);
    const at = xml.search(AFTER_COL_BREAKS);
    if (at < 0) continue;
    // A break "after column id" (1-based) starts the page at 0-based column id.
    const brk = cols.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join("");
    const element = `<colBreaks count="${cols.length}" manualBreakCount="${cols.length}">${brk}</colBreaks>`;
    parts[name] = strToU8(xml.slice(0, at) + element + xml.slice(at));
  }
  // A fixed timestamp keeps the output byte-stable for the same input.
  const mtime = new Date(Date.UTC(2024, 0, 1));
  const zippable: Zippable = {};
  for (const name of Object.keys(parts)) zippable[name] = [parts[name], { mtime }];
  return zipSync(zippable, { level: 6 });
}
