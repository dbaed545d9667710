import type { SheetSpec } from "../core/sheet-spec";
import type { GeneratedUnit } from "./generate";
import { sheetNameFor } from "./names";

/**
 * The secretariat's consolidation workbook: each unit's scoring table copied in as its own sheet,
 * named after the unit (≤ 31 characters, unique, without []:*?/\). Cell addresses in each unit's
 * `truth` stay valid on its sheet.
 */
export function consolidationWorkbook(units: readonly GeneratedUnit[]): SheetSpec[] {
  const used = new Set<string>();
  return units.map((unit) => {
    const table = unit.sheets[0];
    const label = unit.truth.unitName ?? unit.fileName.replace(/\.xlsx$/i, "");
    return { ...table, name: sheetNameFor(label, used) };
  });
}
