import { fold } from "../fold";
import type { CellStyle } from "../sheet-spec";

/** Names of the sheets the add-in owns; recognition never treats them as a unit's table. */
export const RANKING_SHEET = "Xếp hạng";
export const RESULT_SHEET = "Kết quả";
export const REPORT_SHEET = "Báo cáo kiểm tra";
/** The appraisal round's sheets (issue #16): written into a workbook only when the user asks. */
export const APPRAISAL_SHEET = "Kết quả thẩm định";
export const LOST_POINTS_SHEET = "Mất điểm ở đâu";
export const INTAKE_SHEET = "Tiếp nhận";
export const DIFF_SHEET = "So sánh";
export const OWNED_SHEETS = [
  RANKING_SHEET,
  RESULT_SHEET,
  REPORT_SHEET,
  APPRAISAL_SHEET,
  LOST_POINTS_SHEET,
  INTAKE_SHEET,
  DIFF_SHEET,
] as const;

export const TITLE: CellStyle = { bold: true, size: 14, color: "1F4E79" };
export const SUBTITLE: CellStyle = { italic: true, color: "404040" };
export const NOTE: CellStyle = { italic: true, color: "9C5700" };
export const HEADER: CellStyle = {
  bold: true,
  fill: "DDEBF7",
  border: true,
  wrap: true,
  vAlign: "middle",
  hAlign: "center",
};

/** "0.00" for precision 2: scores always show the decimals the province publishes. */
export function decimalsFormat(precision: number): string {
  return precision > 0 ? `0.${"0".repeat(precision)}` : "0";
}

/** Excel table names: a letter first, then letters, digits, underscores; unique within the workbook. */
export function tableName(prefix: string, id: string, index: number): string {
  const clean = fold(id).replace(/[^a-z0-9_]/g, "_");
  return `${prefix}_${index + 1}_${clean}`.slice(0, 250);
}
