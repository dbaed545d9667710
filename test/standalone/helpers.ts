// Real .xlsx bytes for the standalone checker's tests: generated units (with the generator's own record
// of what it planted, so expectations never come from the engine under test) written by the same
// ExcelJS writer the CLI uses.
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { writeWorkbook } from "../../src/files/write-workbook";
import { type DefectRequest, type GeneratedUnit, generateUnit } from "../../src/sample";

export const commune = builtinRubric("example-commune-2024") as Rubric;
export const agency = builtinRubric("example-agency-2024") as Rubric;

export interface UnitFile {
  unit: GeneratedUnit;
  bytes: Uint8Array;
}

export async function unitFile(
  index: number,
  defects: DefectRequest[] = [],
  rubric = commune,
): Promise<UnitFile> {
  const unit = generateUnit(rubric, { seed: 17, index, appraisal: 1, defects });
  return { unit, bytes: await writeWorkbook(unit.sheets) };
}

export function bytesOf(specs: SheetSpec[]): Promise<Uint8Array> {
  return writeWorkbook(specs);
}

export const NOT_A_ZIP = new TextEncoder().encode("this is not a zip file");
