import { sheetAddress } from "../address";
import { countBySeverity, type Finding, FINDING_CODES, type Text } from "../finding";
import type { CellValue } from "../snapshot";
import type { SheetSpec, SpecCell } from "../sheet-spec";
import { inLang, type Lang } from "../i18n";
import { rubricLine } from "../rubric/identity";
import { layoutForPrint } from "./print-layout";
import { REPORT_SHEET, SUBTITLE, TITLE } from "./style";

/**
 * "Báo cáo kiểm tra": the summary first (files, units, counts by severity and by code), then one
 * filterable table with a row per finding. In the unit's own workbook each address links to its cell;
 * in a report written beside the units' files it links to the file (Excel cannot be trusted to follow a
 * cell reference inside another file's link), and the cell it names is the address shown.
 */
export interface ReportUnit {
  file: string;
  unit: string | null;
  findings: readonly Finding[];
  /** Relative path from the report to the unit's file, for links into another workbook. */
  path?: string;
}

const SEVERITY = {
  error: { vi: "Lỗi", en: "Error" },
  warning: { vi: "Cảnh báo", en: "Warning" },
  info: { vi: "Lưu ý", en: "Note" },
} as const;

export function findingsReportSpec(
  units: readonly ReportUnit[],
  /** `lang`: the sheet's one language (Vietnamese unless the user works in English). */
  /** `rubric`: the rubric the units were checked against (`rubricLabel`), named on the sheet's first line. */
  options: { linkCells?: boolean; title?: string; lang?: Lang; rubric?: Text } = {},
): SheetSpec {
  const lang = options.lang ?? "vi";
  const all = units.flatMap((u) => u.findings);
  const counts = countBySeverity(all);
  const files = new Set(units.map((u) => u.file)).size;
  const named = units.filter((u) => u.unit).length;
  const cells: SpecCell[] = [
    {
      row: 0,
      col: 0,
      value:
        options.title ??
        inLang(lang, {
          vi: "BÁO CÁO KIỂM TRA BIỂU CHẤM ĐIỂM CHỈ SỐ CCHC",
          en: "CHECK REPORT OF PAR INDEX SCORING WORKBOOKS",
        }),
      style: TITLE,
    },
    {
      row: 1,
      col: 0,
      value: inLang(lang, {
        vi: `${files} tệp, ${named} đơn vị — ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} lưu ý`,
        en: `${files} file(s), ${named} unit(s) — ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s)`,
      }),
      style: { bold: true },
    },
  ];
  const byCode = FINDING_CODES.map(
    (code) => [code, all.filter((f) => f.code === code).length] as const,
  ).filter(([, n]) => n > 0);
  cells.push({
    row: 3,
    col: 0,
    value:
      byCode.map(([c, n]) => `${c}: ${n}`).join("; ") ||
      inLang(lang, { vi: "Không có phát hiện nào.", en: "No findings." }),
    style: SUBTITLE,
  });
  const rows: CellValue[][] = [];
  const links: (string | null)[] = [];
  for (const u of units) {
    for (const f of u.findings) {
      rows.push([
        u.file,
        u.unit ?? "",
        f.sheet ?? "",
        f.address ?? "",
        f.item ?? "",
        inLang(lang, SEVERITY[f.severity]),
        f.code,
        // A finding at a linked evidence cell names where the link points, as the CLI line and the pane do.
        f.link ? `${inLang(lang, f.message)} → ${f.link}` : inLang(lang, f.message),
        str(f.found),
        str(f.expected),
      ]);
      const target = f.sheet && f.address ? `#${sheetAddress(f.sheet, f.address)}` : null;
      links.push(options.linkCells ? target : (u.path ?? null));
    }
  }
  const headers =
    lang === "en"
      ? ["File", "Unit", "Sheet", "Cell", "Item", "Severity", "Code", "Message", "Found", "Expected"]
      : ["Tệp", "Đơn vị", "Trang", "Ô", "Tiêu chí", "Mức độ", "Mã", "Nội dung", "Giá trị", "Mong đợi"];
  const none = inLang(lang, { vi: "Không có phát hiện nào.", en: "No findings." });
  return layoutForPrint(
    {
      name: REPORT_SHEET,
      cells,
      tables: [
        {
          name: "BaoCaoKiemTra",
          row: 5,
          col: 0,
          headers,
          rows: rows.length ? rows : [["", "", "", "", "", "", "", none, "", ""]],
          numberFormats: headers.map(() => "@"),
          links: links.some(Boolean)
            ? headers.map((_, j) => (j === 3 ? links : links.map(() => null)))
            : undefined,
          style: "TableStyleMedium2",
        },
      ],
      // One landscape A4 across: file and unit names wrap, the message takes what is left.
      columnWidths: [14, 14, 10, 6, 7, 9, 16, 40, 9, 9],
      freeze: { rows: 6, cols: 0 },
      tabColor: "C00000",
    },
    { lang, repeatRows: [5, 5], rubric: options.rubric && rubricLine(options.rubric, lang) },
  );
}

function str(v: Finding["found"]): string {
  return v === undefined || v === null ? "" : String(v);
}
