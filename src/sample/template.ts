import type { Rubric } from "../core/rubric/schema";
import type { SheetSpec } from "../core/sheet-spec";
import { buildSheet, type LayoutVariant, rubricRows } from "./layout";

export interface TemplateOptions {
  /** Appraisal score columns to include: 0 (default), 1 ("Điểm thẩm định") or 2 (lần 1, lần 2). */
  appraisal?: 0 | 1 | 2;
  variant?: LayoutVariant | readonly LayoutVariant[];
  /** Default "Biểu chấm điểm". */
  sheetName?: string;
}

export const TEMPLATE_SHEET_NAME = "Biểu chấm điểm";
/** The placeholder a province leaves for the unit to fill in. */
export const UNIT_PLACEHOLDER = "Đơn vị: ……";

export function variantList(variant: LayoutVariant | readonly LayoutVariant[] | undefined): LayoutVariant[] {
  if (!variant) return [];
  return typeof variant === "string" ? [variant] : [...variant];
}

/**
 * The blank workbook a province sends out: title block, header, the rubric tree with its codes, maxima
 * and guidance, empty score cells, SUM formulas (cached 0) in parent rows and a total row. Importing it
 * back (rubric/import.ts) gives the same rubric.
 */
export function templateSpec(rubric: Rubric, options: TemplateOptions = {}): SheetSpec {
  const variants = variantList(options.variant);
  return buildSheet(rubricRows(rubric, { roman: variants.includes("roman-codes") }), {
    sheetName: options.sheetName ?? TEMPLATE_SHEET_NAME,
    title: {
      year: rubric.year,
      rubricName: rubric.name,
      unitLine: UNIT_PLACEHOLDER,
      unitLevel: rubric.unitLevel,
    },
    appraisal: options.appraisal ?? 0,
    variants,
    precision: rubric.precision,
  }).spec;
}
