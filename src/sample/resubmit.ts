import type { ScoreColumn } from "../core/entries";
import type { Rubric } from "../core/rubric/schema";
import { flattenRubric } from "../core/rubric/tree";
import type { SheetSpec, SpecCell } from "../core/sheet-spec";
import type { CellValue } from "../core/snapshot";
import { type GeneratedUnit, type GenerateUnitOptions, generateUnit } from "./generate";
import type { LayoutVariant } from "./layout";

/**
 * A unit's resubmission after the appraisers asked it to explain or add evidence ("giải trình, bổ
 * sung"): the same unit generated again (same seed and index, so the same scores and texts) in another
 * layout if asked — rows moved down, columns reordered — with a few cells changed the way a unit changes
 * them: a self score raised or lowered (its parents' and the total's shown values follow, as Excel would
 * recompute them), evidence rewritten, an explanation added. What changed is returned as the truth a
 * diff must find; nothing here calls the engine.
 */
export interface ResubmitChange {
  /** Rubric code of a leaf item. */
  item: string;
  self?: number;
  evidence?: string;
  explanation?: string;
}

export interface Resubmission {
  unit: GeneratedUnit;
  /** The changes as applied, with the old values read from the first version. */
  changes: { item: string; field: "self" | "evidence" | "explanation"; old: CellValue; new: CellValue }[];
}

export function resubmitUnit(
  rubric: Rubric,
  first: GenerateUnitOptions,
  changes: readonly ResubmitChange[],
  variant?: LayoutVariant | readonly LayoutVariant[],
): Resubmission {
  const before = generateUnit(rubric, first);
  const unit = generateUnit(rubric, { ...first, variant });
  const flat = new Map(flattenRubric(rubric).map((i) => [i.code, i]));
  const applied: Resubmission["changes"] = [];
  const sheet = unit.sheets[0];
  const old = before.sheets[0];
  for (const c of changes) {
    const item = flat.get(c.item);
    if (!item?.isLeaf) throw new Error(`resubmitUnit: ${c.item} is not a leaf of the rubric`);
    for (const field of ["self", "evidence", "explanation"] as const) {
      const value = c[field];
      if (value === undefined) continue;
      const was = cellOf(old, before, c.item, field)?.value ?? null;
      const cell = ensureCell(sheet, unit, c.item, field);
      cell.value = value;
      delete cell.formula;
      applied.push({ item: c.item, field, old: was, new: value });
      if (field === "self" && typeof value === "number") {
        const delta = value - (typeof was === "number" ? was : 0);
        // The parents' and the total's cached results, as Excel shows them after recalculating.
        for (const code of item.path.slice(0, -1)) shift(cellOf(sheet, unit, code, "self"), delta);
        shift(at(sheet, unit.truth.totalRow, unit.truth.columns.self as number), delta);
      }
    }
  }
  return { unit, changes: applied };
}

function shift(cell: SpecCell | undefined, delta: number): void {
  if (cell && typeof cell.value === "number") cell.value = Math.round((cell.value + delta) * 10_000) / 10_000;
}

function rowOf(sheet: SheetSpec, unit: GeneratedUnit, code: string): number | null {
  const col = unit.truth.columns.code;
  const hit = sheet.cells.find(
    (c) =>
      c.col === col &&
      c.row >= unit.truth.firstDataRow &&
      c.row <= unit.truth.lastDataRow &&
      String(c.value ?? "").trim() === code,
  );
  return hit ? hit.row : null;
}

function at(sheet: SheetSpec, row: number, col: number): SpecCell | undefined {
  return sheet.cells.find((c) => c.row === row && c.col === col);
}

function cellOf(
  sheet: SheetSpec,
  unit: GeneratedUnit,
  code: string,
  role: ScoreColumn | "evidence" | "explanation",
): SpecCell | undefined {
  const row = rowOf(sheet, unit, code);
  const col = unit.truth.columns[role];
  return row === null || col === undefined ? undefined : at(sheet, row, col);
}

function ensureCell(
  sheet: SheetSpec,
  unit: GeneratedUnit,
  code: string,
  role: "self" | "evidence" | "explanation",
): SpecCell {
  const found = cellOf(sheet, unit, code, role);
  if (found) return found;
  const row = rowOf(sheet, unit, code);
  const col = unit.truth.columns[role];
  if (row === null || col === undefined)
    throw new Error(`resubmitUnit: no ${role} cell for ${code} (Roman-code layouts are not supported)`);
  const cell: SpecCell = { row, col, value: null };
  sheet.cells.push(cell);
  return cell;
}
