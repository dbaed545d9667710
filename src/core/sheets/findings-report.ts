import { sheetAddress } from "../address";
import { countBySeverity, type Finding, FINDING_CODES } from "../finding";
import type { CellValue } from "../snapshot";
import type { SheetSpec, SpecCell } from "../sheet-spec";
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

const SEVERITY_VI = { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" } as const;

export function findingsReportSpec(
  units: readonly ReportUnit[],
  options: { linkCells?: boolean; title?: string } = {},
): SheetSpec {
  const all = units.flatMap((u) => u.findings);
  const counts = countBySeverity(all);
  const cells: SpecCell[] = [
    { row: 0, col: 0, value: options.title ?? "BÁO CÁO KIỂM TRA BIỂU CHẤM ĐIỂM CHỈ SỐ CCHC", style: TITLE },
    {
      row: 1,
      col: 0,
      value: `${new Set(units.map((u) => u.file)).size} tệp, ${units.filter((u) => u.unit).length} đơn vị — ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} lưu ý`,
      style: { bold: true },
    },
  ];
  const byCode = FINDING_CODES.map(
    (code) => [code, all.filter((f) => f.code === code).length] as const,
  ).filter(([, n]) => n > 0);
  cells.push({
    row: 2,
    col: 0,
    value: `${new Set(units.map((u) => u.file)).size} file(s), ${units.filter((u) => u.unit).length} unit(s) — ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s)`,
    style: SUBTITLE,
  });
  cells.push({
    row: 3,
    col: 0,
    value: byCode.map(([c, n]) => `${c}: ${n}`).join("; ") || "Không có phát hiện nào. / No findings.",
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
        SEVERITY_VI[f.severity],
        f.code,
        f.message.vi,
        f.message.en,
        str(f.found),
        str(f.expected),
      ]);
      const target = f.sheet && f.address ? `#${sheetAddress(f.sheet, f.address)}` : null;
      links.push(options.linkCells ? target : (u.path ?? null));
    }
  }
  const headers = [
    "Tệp",
    "Đơn vị",
    "Trang",
    "Ô",
    "Tiêu chí",
    "Mức độ",
    "Mã",
    "Nội dung",
    "Message (English)",
    "Giá trị",
    "Mong đợi",
  ];
  return {
    name: REPORT_SHEET,
    cells,
    tables: [
      {
        name: "BaoCaoKiemTra",
        row: 5,
        col: 0,
        headers,
        rows: rows.length
          ? rows
          : [["", "", "", "", "", "", "", "Không có phát hiện nào.", "No findings.", "", ""]],
        numberFormats: headers.map(() => "@"),
        links: links.some(Boolean)
          ? headers.map((_, j) => (j === 3 ? links : links.map(() => null)))
          : undefined,
        style: "TableStyleMedium2",
      },
    ],
    columnWidths: [22, 24, 14, 7, 9, 10, 22, 60, 50, 12, 12],
    freeze: { rows: 6, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: [5, 5] },
    tabColor: "C00000",
  };
}

function str(v: Finding["found"]): string {
  return v === undefined || v === null ? "" : String(v);
}
