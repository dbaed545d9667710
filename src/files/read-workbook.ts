import type { WorkbookSnapshot } from "../core/snapshot";
import { FileReadError } from "./errors";
import { DEFAULT_LIMITS, openContainer, type ReadLimits } from "./xlsx/container";
import { readSharedStrings, readSheetList, readStyles, xml } from "./xlsx/parts";
import { readSheet } from "./xlsx/sheet";
import type { Inflate } from "./xlsx/zip";

export type { ReadLimits } from "./xlsx/container";

/**
 * Reads an .xlsx into the snapshot core validates: values (cached results for formulas), formula
 * text, number formats, errors, merges, hidden rows/columns, protection. Only the parts validation
 * needs are inflated (the platform's inflater, or fflate) and walked by a scanner that hands the part to saxes whenever it is not
 * plain well-formed XML (xlsx/xml-scan.ts) — several times cheaper than a general workbook library, and
 * small enough for the task pane to import units' files in the browser.
 * Sync, pure (bytes in, snapshot out); throws only FileReadError.
 */
export function readWorkbook(
  bytes: Uint8Array,
  source: string,
  limits: Partial<ReadLimits> = {},
  /** The platform's inflater where there is one (Node's zlib, see files/node.ts); fflate otherwise. */
  inflate?: Inflate,
): WorkbookSnapshot {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const parts = openContainer(bytes, source, lim, inflate);
  try {
    const list = readSheetList(xml(parts["xl/workbook.xml"]), xml(parts["xl/_rels/workbook.xml.rels"]));
    const worksheets = list.filter((s) => parts[s.path]);
    if (worksheets.length === 0) throw new FileReadError("no-sheets", source);
    const strings = readSharedStrings(xml(parts["xl/sharedStrings.xml"]));
    const formats = readStyles(xml(parts["xl/styles.xml"]));
    const sheets = worksheets.map((s) =>
      readSheet(xml(parts[s.path]), {
        file: source,
        name: s.name,
        hidden: s.hidden,
        strings,
        formats,
        maxCells: lim.maxCells,
        maxRows: lim.maxRows,
        maxCols: lim.maxCols,
      }),
    );
    return { source, sheets };
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    const detail = e instanceof Error ? e.message.split("\n")[0].slice(0, 160) : String(e);
    throw new FileReadError("malformed-xml", source, detail);
  }
}
