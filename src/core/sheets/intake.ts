import { sheetAddress } from "../address";
import { formatTime, type Intake, type IntakeRow, STATUS_TEXT, sortIntakeRows, whereOf } from "../intake";
import type { SheetSpec, SpecCell } from "../sheet-spec";
import type { CellValue } from "../snapshot";
import { decimalsFormat, INTAKE_SHEET, SUBTITLE, TITLE } from "./style";

/**
 * "Tiếp nhận": one row per expected unit (missing, unreadable and duplicate submissions first, the
 * rows the secretariat must chase), as an Excel table so it sorts and filters. Links: to the unit's
 * sheet for a unit that is a sheet of the workbook the intake is written into (the pane), else to
 * the unit's file beside the intake workbook (the CLI gives each file's relative path).
 */
export { INTAKE_SHEET };

export const INTAKE_HEADERS = [
  "Trạng thái",
  "Đơn vị",
  "Tệp",
  "Sửa lúc (UTC)",
  "Tự đánh giá",
  "Phần tài liệu (tự đánh giá)",
  "Lỗi",
  "Cảnh báo",
  "Thiếu TLKC",
  "Ghi chú",
  "Note (English)",
] as const;

export interface IntakeSheetOptions {
  precision?: number;
  /** The intake is written into the workbook it was taken in: link each unit that is a sheet of it (`inWorkbook`) to that sheet. */
  linkSheets?: boolean;
  /** Relative path from the intake workbook to each file (by file name), for links to the files. */
  paths?: ReadonlyMap<string, string>;
  title?: string;
}

export function intakeSheetSpec(intake: Intake, options: IntakeSheetOptions = {}): SheetSpec {
  const nf = decimalsFormat(options.precision ?? 2);
  const c = intake.counts;
  const cells: SpecCell[] = [
    { row: 0, col: 0, value: options.title ?? "TIẾP NHẬN BIỂU CHẤM ĐIỂM CHỈ SỐ CCHC", style: TITLE },
    {
      row: 1,
      col: 0,
      value: `Đã nhận ${c.received}, chưa nộp ${c.missing}, không đọc được ${c.unreadable}, nộp trùng ${c.duplicate}, không có trong danh sách ${c["not-on-list"]}.`,
      style: { bold: true },
    },
    {
      row: 2,
      col: 0,
      value: `Received ${c.received}, missing ${c.missing}, unreadable ${c.unreadable}, duplicate ${c.duplicate}, not on the list ${c["not-on-list"]}.`,
      style: SUBTITLE,
    },
  ];
  const rows = sortIntakeRows(intake.rows);
  const unitLinks: (string | null)[] = [];
  const fileLinks: (string | null)[] = [];
  const values: CellValue[][] = rows.map((r) => {
    const s = r.submission;
    unitLinks.push(
      options.linkSheets && s?.inWorkbook && s.sheet && !s.error ? `#${sheetAddress(s.sheet, "A1")}` : null,
    );
    fileLinks.push(s ? (options.paths?.get(s.file) ?? null) : null);
    return [
      STATUS_TEXT[r.status].vi,
      r.unit,
      files(r),
      s?.modified == null ? "" : formatTime(s.modified),
      s?.selfTotal ?? null,
      s?.evidencePart ?? null,
      s ? s.errors : null,
      s ? s.warnings : null,
      s ? s.missingEvidence : null,
      r.note?.vi ?? "",
      r.note?.en ?? "",
    ];
  });
  const linked = unitLinks.some(Boolean) || fileLinks.some(Boolean);
  return {
    name: INTAKE_SHEET,
    cells,
    tables: [
      {
        name: "TiepNhan",
        row: 4,
        col: 0,
        headers: [...INTAKE_HEADERS],
        rows: values,
        numberFormats: ["@", "@", "@", "@", nf, nf, "0", "0", "0", "@", "@"],
        links: linked
          ? INTAKE_HEADERS.map((_, j) => (j === 1 ? unitLinks : j === 2 ? fileLinks : []))
          : undefined,
        style: "TableStyleMedium2",
      },
    ],
    columnWidths: [20, 28, 28, 16, 11, 13, 7, 9, 10, 60, 50],
    freeze: { rows: 5, cols: 2 },
    print: { landscape: true, fitToWidth: true, repeatRows: [4, 4] },
    tabColor: "2F75B5",
  };
}

/** The file (or sheet of this workbook) counted, then the ignored duplicates in brackets. */
function files(r: IntakeRow): string {
  if (!r.submission) return "";
  return r.others.length
    ? `${whereOf(r.submission)} (+ ${r.others.map(whereOf).join(", ")})`
    : whereOf(r.submission);
}
