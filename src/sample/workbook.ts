import { specToSnapshot } from "../core/sheet-spec";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { GeneratedUnit } from "./generate";

/** A generated unit as a reader would see it, without writing a file: for core tests of recognition and scoring. */
export function unitWorkbook(unit: GeneratedUnit): WorkbookSnapshot {
  return { source: unit.fileName, sheets: unit.sheets.map(specToSnapshot) };
}
