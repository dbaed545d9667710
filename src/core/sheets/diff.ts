import { FIELD_TEXT, type WorkbookDiff } from "../diff";
import type { SheetSpec, SpecCell, SpecTable } from "../sheet-spec";
import type { CellValue } from "../snapshot";
import { DIFF_SHEET, decimalsFormat, SUBTITLE, TITLE } from "./style";

/**
 * "So sánh": the resubmission diff as a sheet — structure changes first (so the appraiser knows the
 * layout moved and the content list is still by item), then one row per changed cell with old and new
 * values and cells, items added/removed, and the totals before and after.
 */
export { DIFF_SHEET };

const STATUS_VI = { changed: "Thay đổi", added: "Thêm mới", removed: "Bị bỏ" } as const;

export function diffSheetSpec(diff: WorkbookDiff, options: { precision?: number } = {}): SheetSpec {
  const nf = decimalsFormat(options.precision ?? 2);
  const cells: SpecCell[] = [
    { row: 0, col: 0, value: "SO SÁNH BẢN NỘP LẠI VỚI BẢN TRƯỚC", style: TITLE },
    {
      row: 1,
      col: 0,
      value: `Bản trước: ${diff.old.source}${diff.old.unit ? ` (${diff.old.unit})` : ""} — bản mới: ${diff.new.source}${diff.new.unit ? ` (${diff.new.unit})` : ""}`,
      style: { bold: true },
    },
    {
      row: 2,
      col: 0,
      value: `${diff.items.filter((i) => i.status === "changed").length} tiêu chí thay đổi, ${diff.items.filter((i) => i.status === "added").length} thêm, ${diff.items.filter((i) => i.status === "removed").length} bỏ, ${diff.unchanged} giữ nguyên; ${diff.structure.length} thay đổi cấu trúc. / Items matched by code, not by row.`,
      style: SUBTITLE,
    },
  ];
  let row = 4;
  for (const p of diff.problems)
    cells.push({ row: row++, col: 0, value: `${p.vi} / ${p.en}`, style: { color: "C00000" } });
  const tables: SpecTable[] = [];
  if (diff.structure.length) {
    cells.push({
      row: row++,
      col: 0,
      value: "Thay đổi cấu trúc (không phải thay đổi nội dung)",
      style: { bold: true },
    });
    tables.push({
      name: "SoSanh_CauTruc",
      row,
      col: 0,
      headers: ["Loại", "Nội dung", "Details (English)"],
      rows: diff.structure.map((s) => [s.kind, s.message.vi, s.message.en]),
      numberFormats: ["@", "@", "@"],
      style: "TableStyleLight9",
    });
    row += diff.structure.length + 2;
  }
  cells.push({ row: row++, col: 0, value: "Thay đổi theo tiêu chí", style: { bold: true } });
  const itemRows: CellValue[][] = [];
  for (const i of diff.items) {
    if (i.status !== "changed") {
      itemRows.push([i.item, i.label, STATUS_VI[i.status], "", null, null, "", "", i.oldRow, i.newRow]);
      continue;
    }
    for (const c of i.changes) {
      itemRows.push([
        i.item,
        i.label,
        STATUS_VI.changed,
        FIELD_TEXT[c.field].vi,
        shown(c.old),
        shown(c.new),
        c.oldCell ?? "",
        c.newCell ?? "",
        i.oldRow,
        i.newRow,
      ]);
    }
  }
  tables.push({
    name: "SoSanh_TieuChi",
    row,
    col: 0,
    headers: [
      "Mã",
      "Tiêu chí",
      "Thay đổi",
      "Nội dung",
      "Bản trước",
      "Bản mới",
      "Ô (bản trước)",
      "Ô (bản mới)",
      "Dòng trước",
      "Dòng mới",
    ],
    rows: itemRows,
    numberFormats: ["@", "@", "@", "@", null, null, "@", "@", "0", "0"],
    style: "TableStyleMedium2",
  });
  row += Math.max(itemRows.length, 1) + 2;
  cells.push({ row: row++, col: 0, value: "Tổng điểm trước và sau", style: { bold: true } });
  tables.push({
    name: "SoSanh_TongDiem",
    row,
    col: 0,
    headers: [
      "Mã",
      "Lĩnh vực",
      "Tự đánh giá (trước)",
      "Tự đánh giá (mới)",
      "Thẩm định (trước)",
      "Thẩm định (mới)",
      "Cuối cùng (trước)",
      "Cuối cùng (mới)",
    ],
    rows: diff.totals.map((t) => [
      t.code,
      t.label,
      t.old.self,
      t.new.self,
      t.old.appraised,
      t.new.appraised,
      t.old.final,
      t.new.final,
    ]),
    numberFormats: ["@", "@", nf, nf, nf, nf, nf, nf],
    style: "TableStyleLight9",
  });
  return {
    name: DIFF_SHEET,
    cells,
    tables,
    columnWidths: [10, 44, 12, 18, 30, 30, 12, 12, 10, 10],
    freeze: { rows: 3, cols: 0 },
    print: { landscape: true, fitToWidth: true },
    tabColor: "7030A0",
  };
}

/** Old/new values as they read: numbers stay numbers, blanks show as empty. */
function shown(v: CellValue): CellValue {
  return v === null ? "" : v;
}
