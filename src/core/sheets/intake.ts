import { sheetAddress } from "../address";
import { formatTime, type Intake, type IntakeRow, STATUS_TEXT, sortIntakeRows, whereOf } from "../intake";
import type { SheetSpec, SpecCell } from "../sheet-spec";
import type { CellValue } from "../snapshot";
import { type Lang, inLang } from "../i18n";
import type { Annex } from "./annex";
import type { Text } from "../finding";
import { rubricLine } from "../rubric/identity";
import { layoutForPrint } from "./print-layout";
import { decimalsFormat, INTAKE_SHEET, TITLE } from "./style";

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
] as const;

/** The same columns for a sheet printed in English (one language per printed sheet, the user's). */
export const INTAKE_HEADERS_EN = [
  "Status",
  "Unit",
  "File",
  "Modified (UTC)",
  "Self score",
  "Evidence part (self)",
  "Errors",
  "Warnings",
  "Missing evidence",
  "Note",
] as const;

export interface IntakeSheetOptions {
  precision?: number;
  /** The intake is written into the workbook it was taken in: link each unit that is a sheet of it (`inWorkbook`) to that sheet. */
  linkSheets?: boolean;
  /** Relative path from the intake workbook to each file (by file name), for links to the files. */
  paths?: ReadonlyMap<string, string>;
  title?: string;
  /** The sheet's one language (Vietnamese unless the user works in English). */
  lang?: Lang;
  /** The annex number and decision line above the title, the signature block under it: the user's text only. */
  annex?: Annex | null;
  /** The rubric the figures were computed with (`rubricLabel`): named on the sheet's first line. */
  rubric?: Text;
}

export function intakeSheetSpec(intake: Intake, options: IntakeSheetOptions = {}): SheetSpec {
  const nf = decimalsFormat(options.precision ?? 2);
  const c = intake.counts;
  const lang = options.lang ?? "vi";
  const cells: SpecCell[] = [
    {
      row: 0,
      col: 0,
      value:
        options.title ??
        inLang(lang, {
          vi: "TIẾP NHẬN BIỂU CHẤM ĐIỂM CHỈ SỐ CCHC",
          en: "SUBMISSIONS OF PAR INDEX SCORING WORKBOOKS",
        }),
      style: TITLE,
    },
    {
      row: 1,
      col: 0,
      value: inLang(lang, {
        vi: `Đã nhận ${c.received}, chưa nộp ${c.missing}, không đọc được ${c.unreadable}, nộp trùng ${c.duplicate}, không có trong danh sách ${c["not-on-list"]}.`,
        en: `Received ${c.received}, missing ${c.missing}, unreadable ${c.unreadable}, duplicate ${c.duplicate}, not on the list ${c["not-on-list"]}.`,
      }),
      style: { bold: true },
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
      inLang(lang, STATUS_TEXT[r.status]),
      r.unit,
      files(r),
      s?.modified == null ? "" : formatTime(s.modified),
      s?.selfTotal ?? null,
      s?.evidencePart ?? null,
      s ? s.errors : null,
      s ? s.warnings : null,
      s ? s.missingEvidence : null,
      r.note ? inLang(lang, r.note) : "",
    ];
  });
  const linked = unitLinks.some(Boolean) || fileLinks.some(Boolean);
  const headers = lang === "en" ? INTAKE_HEADERS_EN : INTAKE_HEADERS;
  return layoutForPrint(
    {
      name: INTAKE_SHEET,
      cells,
      tables: [
        {
          name: "TiepNhan",
          row: 4,
          col: 0,
          headers: [...headers],
          rows: values,
          numberFormats: ["@", "@", "@", "@", nf, nf, "0", "0", "0", "@"],
          links: linked ? headers.map((_, j) => (j === 1 ? unitLinks : j === 2 ? fileLinks : [])) : undefined,
          style: "TableStyleMedium2",
        },
      ],
      // One landscape A4 across at 80 % or more: names and files wrap, the note takes what is left.
      columnWidths: [12, 21, 21, 11, 8, 9, 6, 8, 8, 30],
      freeze: { rows: 5, cols: 2 },
      tabColor: "2F75B5",
    },
    {
      lang,
      repeatRows: [4, 4],
      annex: options.annex,
      rubric: options.rubric && rubricLine(options.rubric, lang),
    },
  );
}

/** The file (or sheet of this workbook) counted, then the ignored duplicates in brackets. */
function files(r: IntakeRow): string {
  if (!r.submission) return "";
  return r.others.length
    ? `${whereOf(r.submission)} (+ ${r.others.map(whereOf).join(", ")})`
    : whereOf(r.submission);
}
