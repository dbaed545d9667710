import type { ScoreColumn } from "../entries";
import type { NodeScore, Totals, UnitScore } from "../score";
import type { SheetSpec, SpecCell, SpecTable } from "../sheet-spec";
import type { CellValue } from "../snapshot";
import { withRubricLine } from "./print-layout";
import { decimalsFormat, NOTE, RESULT_SHEET, SUBTITLE, TITLE } from "./style";

/**
 * "Kết quả": one unit's summary, written into its own workbook by the add-in (or beside it by the CLI):
 * per area the maximum, self score, appraised score, difference, final score and percentage, then the
 * index and rating, then the sub-criteria the appraisers changed. Every figure comes from the
 * `UnitScore` as computed (nothing recomputed here); the sheet holds values, never formulas over the
 * user's cells, and the unit's name is a plain value of its own cell (the writers escape it).
 */
export interface UnitResultOptions {
  /** The unit's scoring sheet the figures were read from (named in the subtitle). */
  sheet?: string;
  /**
   * Settings that changed the result (the rubric by its own name and content hash, columns corrected by
   * hand), one line each: a saved setting never changes a result without saying so on the sheet.
   */
  settings?: readonly string[];
  /**
   * The rubric the figures were computed with (`rubricLine`, in the sheet's language): the sheet's first
   * line, and the name its subtitle gives instead of the bare id (a changed rubric can carry a built-in's id).
   */
  rubric?: string;
}

const ROUND_VI: Record<ScoreColumn, string> = {
  self: "tự đánh giá",
  appraised1: "thẩm định lần 1",
  appraised2: "thẩm định lần 2",
};

export const UNIT_RESULT_HEADERS = [
  "TT",
  "Lĩnh vực",
  "Điểm tối đa",
  "Tự đánh giá",
  "Thẩm định",
  "Chênh lệch (thẩm định − tự đánh giá)",
  "Điểm cuối cùng",
  "Tỷ lệ (%)",
  "Điểm cuối lấy từ",
] as const;

export function unitResultSheetSpec(
  unit: string,
  score: UnitScore,
  options: UnitResultOptions = {},
): SheetSpec {
  const nf = decimalsFormat(score.precision);
  // With the rubric named on the first line, the subtitle points there rather than repeat a bare id.
  const named = options.rubric
    ? { vi: "bộ chỉ số ở dòng đầu", en: "the rubric named above" }
    : { vi: `bộ chỉ số ${score.rubricId}`, en: `rubric ${score.rubricId}` };
  const cells = headingCells(unit, named, options.sheet ?? "");
  const rows = resultRows(score);
  // The settings lines sit under the subtitle and push the table down by as many rows.
  const settings = options.settings ?? [];
  settings.forEach((line, i) => {
    cells.push({ row: 4 + i, col: 0, value: line, style: SUBTITLE });
  });
  const tableRow = 5 + settings.length;
  const tables: SpecTable[] = [
    {
      name: "KetQua",
      row: tableRow,
      col: 0,
      headers: [...UNIT_RESULT_HEADERS],
      rows,
      numberFormats: ["@", "@", nf, nf, nf, `+${nf};-${nf};0`, nf, nf, "@"],
      style: "TableStyleMedium2",
    },
  ];
  let row = addVerdict(cells, score, tableRow + rows.length + 2);
  if (score.appraisalChanges.length) {
    row++;
    cells.push({
      row,
      col: 0,
      value: `Tiêu chí được thẩm định khác điểm tự đánh giá (${score.appraisalChanges.length})`,
      style: { bold: true, size: 12 },
    });
    row++;
    tables.push(changesTable(score, row, nf));
  }
  const spec: SheetSpec = {
    name: RESULT_SHEET,
    cells,
    tables,
    columnWidths: [6, 48, 11, 11, 11, 13, 12, 9, 16],
    freeze: { rows: tableRow + 1, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: [tableRow, tableRow] },
    tabColor: "548235",
  };
  return options.rubric ? withRubricLine(spec, options.rubric) : spec;
}

/** Title, the unit's name in a cell of its own, and where the figures come from (Vietnamese, then English). */
function headingCells(unit: string, rubric: { vi: string; en: string }, sheet: string): SpecCell[] {
  return [
    { row: 0, col: 0, value: "KẾT QUẢ TỰ ĐÁNH GIÁ, THẨM ĐỊNH CHỈ SỐ CCHC", style: TITLE },
    { row: 1, col: 0, value: "Đơn vị:", style: { bold: true } },
    { row: 1, col: 1, value: unit, style: { bold: true } },
    {
      row: 2,
      col: 0,
      value: `Tính từ trang "${sheet}" theo ${rubric.vi}; điểm cuối cùng = điểm thẩm định mới nhất, nếu chưa thẩm định thì điểm tự đánh giá.`,
      style: SUBTITLE,
    },
    {
      row: 3,
      col: 0,
      value: `PAR Index result computed from sheet "${sheet}" with ${rubric.en}; final = latest appraisal round, else the self score.`,
      style: SUBTITLE,
    },
  ];
}

const fromRound = (c: ScoreColumn | null) => (c ? ROUND_VI[c] : "");

/**
 * The main table's rows, in UNIT_RESULT_HEADERS order: one per area, bonus and penalty when entered,
 * then the index line (the provisional index, named as such, while the survey part is missing).
 */
function resultRows(score: UnitScore): CellValue[][] {
  const areaRow = (a: NodeScore): CellValue[] => [
    a.shown,
    a.label,
    a.effectiveMax,
    a.scores.self,
    a.appraised,
    a.change,
    a.scores.final,
    a.percent,
    fromRound(a.finalFrom),
  ];
  // Bonus and penalty have no maximum, change or percentage of their own on this sheet.
  const extra = (code: string, label: string, t: Totals): CellValue[] => [
    code,
    label,
    null,
    t.self,
    t.appraised,
    null,
    t.final,
    null,
    "",
  ];
  const rows: CellValue[][] = score.areas.map(areaRow);
  if (score.bonus.final !== null) rows.push(extra("+", "Điểm thưởng", score.bonus));
  if (score.penalty.final !== null) rows.push(extra("−", "Điểm trừ", score.penalty));
  rows.push([...indexRow(score), null, fromRound(score.finalFrom)]);
  return rows;
}

/**
 * The index line under a table of areas — "", its name (provisional while the survey part is missing),
 * maximum, self, appraised, change, final — as "Kết quả" and "Kết quả thẩm định" both print it.
 */
export function indexRow(score: UnitScore): CellValue[] {
  const s = score.summary;
  return [
    "",
    s.withoutSurvey ? "CHỈ SỐ TẠM (chưa có điều tra xã hội học)" : "CHỈ SỐ CCHC",
    s.max,
    s.self,
    s.appraised,
    s.change,
    s.final,
  ];
}

/**
 * Under the table: the rating (or why there is none yet) and, while the survey part is missing, a note
 * that the index is provisional. Returns the next free row.
 */
function addVerdict(cells: SpecCell[], score: UnitScore, row: number): number {
  const rating = score.rating
    ? `Xếp loại: ${score.rating.label} (${score.rating.labelEn})`
    : "Xếp loại: chưa xếp loại — chưa đủ điểm (not rated yet)";
  cells.push({ row, col: 0, value: rating, style: { bold: true, size: 12 } });
  row++;
  if (score.surveyMissing) {
    cells.push({
      row,
      col: 0,
      value:
        "Phần điều tra xã hội học do tỉnh chấm chưa có: chỉ số trên là chỉ số tạm, chưa phải chỉ số cuối cùng. / The social-survey part is missing: the index above is provisional.",
      style: NOTE,
    });
    row++;
  }
  return row;
}

/** The sub-criteria the appraisers scored differently from the unit, with whether anyone said why. */
function changesTable(score: UnitScore, row: number, nf: string): SpecTable {
  return {
    name: "KetQua_ThayDoi",
    row,
    col: 0,
    headers: [
      "Mã",
      "Tiêu chí",
      "Lĩnh vực",
      "Tự đánh giá",
      "Thẩm định",
      "Lần thẩm định",
      "Chênh lệch",
      "Ghi chú",
    ],
    rows: score.appraisalChanges.map((c) => [
      c.shown,
      c.label,
      c.shownPath[0] ?? c.area,
      c.self,
      c.appraised,
      ROUND_VI[c.round],
      c.difference,
      c.noted ? "có" : "không có ghi chú",
    ]),
    numberFormats: ["@", "@", "@", nf, nf, "@", `+${nf};-${nf};0`, "@"],
    style: "TableStyleLight9",
  };
}
