import type { UnitScore } from "../score";
import type { SheetSpec, SpecCell } from "../sheet-spec";
import type { CellValue } from "../snapshot";
import { decimalsFormat, NOTE, RESULT_SHEET, SUBTITLE, TITLE } from "./style";

/**
 * "Kết quả": one unit's summary, written into its own workbook by the add-in (or beside it by the CLI):
 * per area the maximum, self score, appraised score, final score and percentage, then the index and
 * rating. Computed entirely by core; the sheet holds values, never formulas over the user's cells.
 */
export function unitResultSheetSpec(
  unit: string,
  score: UnitScore,
  options: { sheet?: string } = {},
): SheetSpec {
  const nf = decimalsFormat(score.precision);
  const cells: SpecCell[] = [
    { row: 0, col: 0, value: "KẾT QUẢ TỰ ĐÁNH GIÁ, THẨM ĐỊNH CHỈ SỐ CCHC", style: TITLE },
    { row: 1, col: 0, value: `Đơn vị: ${unit}`, style: { bold: true } },
    {
      row: 2,
      col: 0,
      value: `Tính từ trang "${options.sheet ?? ""}" theo bộ chỉ số ${score.rubricId}; điểm cuối cùng = điểm thẩm định mới nhất, nếu chưa thẩm định thì điểm tự đánh giá.`,
      style: SUBTITLE,
    },
  ];
  const appraised = (t: UnitScore["evidence"]["scores"]) => t.appraised2 ?? t.appraised1;
  const rows: CellValue[][] = score.areas.map((a) => [
    a.code,
    a.label,
    a.effectiveMax,
    a.scores.self,
    appraised(a.scores),
    a.scores.final,
    a.scores.final === null || a.effectiveMax === 0 ? null : a.scores.final / a.effectiveMax,
  ]);
  const extras: CellValue[][] = [];
  if (score.bonus.final !== null)
    extras.push([
      "+",
      "Điểm thưởng",
      null,
      score.bonus.self,
      appraised(score.bonus),
      score.bonus.final,
      null,
    ]);
  if (score.penalty.final !== null)
    extras.push([
      "−",
      "Điểm trừ",
      null,
      score.penalty.self,
      appraised(score.penalty),
      score.penalty.final,
      null,
    ]);
  const indexRow: CellValue[] = [
    "",
    score.surveyMissing ? "CHỈ SỐ (chưa có điều tra xã hội học)" : "CHỈ SỐ CCHC",
    score.effectiveScaleMax,
    pick(score, "self"),
    pick(score, "appraised2") ?? pick(score, "appraised1"),
    pick(score, "final"),
    null,
  ];
  const tableRow = 4;
  const allRows = [...rows, ...extras, indexRow];
  const after = tableRow + allRows.length + 2;
  cells.push({
    row: after,
    col: 0,
    value: `Xếp loại: ${score.rating ? score.rating.label : "chưa xếp loại (chưa đủ điểm)"}`,
    style: { bold: true, size: 12 },
  });
  if (score.surveyMissing) {
    cells.push({
      row: after + 1,
      col: 0,
      value:
        "Phần điều tra xã hội học do tỉnh chấm chưa có: chỉ số trên là phần thẩm định tài liệu, không phải chỉ số cuối cùng.",
      style: NOTE,
    });
  }
  return {
    name: RESULT_SHEET,
    cells,
    tables: [
      {
        name: "KetQua",
        row: tableRow,
        col: 0,
        headers: ["TT", "Lĩnh vực", "Điểm tối đa", "Tự đánh giá", "Thẩm định", "Điểm cuối cùng", "Tỷ lệ"],
        rows: allRows,
        numberFormats: ["@", "@", nf, nf, nf, nf, "0.0%"],
        style: "TableStyleMedium2",
      },
    ],
    columnWidths: [6, 48, 12, 12, 12, 14, 9],
    freeze: { rows: tableRow + 1, cols: 0 },
    print: { landscape: false, fitToWidth: true, repeatRows: [tableRow, tableRow] },
    tabColor: "548235",
  };
}

function pick(score: UnitScore, basis: "self" | "appraised1" | "appraised2" | "final"): number | null {
  return score.index[basis] ?? score.indexWithoutSurvey[basis];
}
