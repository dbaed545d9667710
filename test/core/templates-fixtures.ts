/**
 * Provincial templates written out cell by cell, the way provinces lay them out (not src/sample's
 * layout): title blocks, group headers merged over the column names, column-number rows, Roman areas,
 * letters, repeated codes, notes and signatures under the table. One literal grid gives both the
 * snapshot core reads and the sheet spec the .xlsx writer takes, so the CLI reads the same table.
 */
import type { SheetSpec, SpecCell } from "../../src/core/sheet-spec";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";

/** A cell: a plain value, or a value with its formula (cached result in `v`) or number format. */
export type GridCell = CellValue | { v: CellValue; f?: string; nf?: string };

export interface Grid {
  name: string;
  rows: GridCell[][];
  merges?: string[];
}

function parts(cell: GridCell | undefined): { v: CellValue; f?: string; nf?: string } {
  if (cell === undefined) return { v: null };
  if (cell !== null && typeof cell === "object") return cell;
  return { v: cell };
}

export function toSnapshot(grid: Grid): SheetSnapshot {
  const width = Math.max(...grid.rows.map((r) => r.length));
  const pad = <T>(r: T[], fill: T) => [...r, ...new Array<T>(width - r.length).fill(fill)];
  return {
    name: grid.name,
    origin: { row: 0, col: 0 },
    values: grid.rows.map((r) =>
      pad(
        r.map((c) => parts(c).v),
        null,
      ),
    ),
    formulas: grid.rows.map((r) =>
      pad(
        r.map((c) => parts(c).f ?? null),
        null,
      ),
    ),
    numberFormats: grid.rows.map((r) =>
      pad(
        r.map((c) => parts(c).nf ?? null),
        null,
      ),
    ),
    merges: grid.merges ?? [],
  };
}

export function toWorkbook(source: string, ...grids: Grid[]): WorkbookSnapshot {
  return { source, sheets: grids.map(toSnapshot) };
}

export function toSpec(grid: Grid): SheetSpec {
  const cells: SpecCell[] = [];
  grid.rows.forEach((r, row) => {
    r.forEach((c, col) => {
      const p = parts(c);
      if (p.v === null && !p.f) return;
      cells.push({
        row,
        col,
        value: p.v,
        ...(p.f ? { formula: p.f } : {}),
        ...(p.nf ? { style: { numberFormat: p.nf } } : {}),
      });
    });
  });
  return { name: grid.name, cells, merges: grid.merges };
}

/** Replace cells (0-based row, col) of a grid: a unit's copy of the template. */
export function withCells(grid: Grid, changes: [number, number, GridCell][], name = grid.name): Grid {
  const rows = grid.rows.map((r) => [...r]);
  for (const [row, col, cell] of changes) {
    while (rows[row].length <= col) rows[row].push(null);
    rows[row][col] = cell;
  }
  return { ...grid, name, rows };
}

const sum = (v: number, f: string): GridCell => ({ v, f });

/**
 * A commune's workbook: Roman areas, criteria numbered across the table (criterion 3 sits in area II),
 * letters under 1.2, "Điểm tự đánh giá" merged over "Tài liệu kiểm chứng | Điểm | Giải trình" (evidence
 * before the score), a column-number row, notes and signatures below. Self scores filled, clean.
 * Columns: A TT, B label, C max, D evidence, E self, F explanation, G appraised, H note.
 */
export function communeWorkbook(unitLine = "Đơn vị: UBND xã Điện Hòa"): Grid {
  return {
    name: "Biểu tự chấm",
    merges: ["A2:H2", "D5:F5", "A5:A6", "B5:B6", "C5:C6", "G5:G6", "H5:H6", "A22:H22"],
    rows: [
      ["UBND HUYỆN ĐIỆN BÀN"],
      ["BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2024"],
      [unitLine],
      [],
      [
        "TT",
        "Lĩnh vực, tiêu chí, tiêu chí thành phần",
        "Điểm tối đa",
        "Điểm tự đánh giá",
        null,
        null,
        "Điểm thẩm định",
        "Ghi chú",
      ],
      [null, null, null, "Tài liệu kiểm chứng", "Điểm", "Giải trình"],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 3, null, sum(2.5, "=E9+E12")],
      ["1", "Kế hoạch cải cách hành chính", 1, null, sum(1, "=E10")],
      ["1.1", "Ban hành kế hoạch CCHC năm", 1, "Kế hoạch số 12/KH-UBND ngày 15/01/2024", 1],
      ["2", "Tổ chức thực hiện", 2, null, sum(1.5, "=E12")],
      ["2.1", "Kiểm tra công tác CCHC", 2, null, sum(1.5, "=E13+E14")],
      ["a)", "Ban hành kế hoạch kiểm tra", 1, "Kế hoạch số 20/KH-UBND ngày 01/02/2024", 1],
      ["b)", "Kiểm tra đủ số đơn vị", 1, "Báo cáo số 45/BC-UBND ngày 20/11/2024", 0.5],
      ["II", "XÂY DỰNG VÀ THI HÀNH PHÁP LUẬT", 2, null, sum(1, "=E16")],
      ["3", "Công tác văn bản", 2, null, sum(1, "=E17+E18")],
      ["3.1", "Ban hành văn bản đúng thẩm quyền", 1, "Báo cáo số 50/BC-UBND ngày 01/12/2024", 1],
      ["3.2", "Rà soát văn bản", 1, null, 0, "Chưa thực hiện rà soát trong năm"],
      [null, "TỔNG CỘNG", 5, null, sum(3.5, "=E8+E15")],
      [],
      [],
      ["Ghi chú: Điểm được làm tròn đến hai chữ số thập phân; đơn vị gửi kèm tài liệu kiểm chứng."],
      [],
      [null, null, null, null, "Điện Hòa, ngày 10 tháng 12 năm 2024"],
      [null, "NGƯỜI LẬP BIỂU", null, null, "CHỦ TỊCH"],
      [null, "(Ký, ghi rõ họ tên)", null, null, "(Ký tên, đóng dấu)"],
      [null, "Nguyễn Văn An", null, null, "Trần Thị Bình"],
    ],
  };
}

/**
 * An agency's workbook: criteria restarting in every area ("1", "1.1" under both I and II), a
 * three-row header ("Kết quả chấm điểm" over "Điểm chuẩn | Đơn vị tự đánh giá (Điểm | Tài liệu kiểm
 * chứng) | Điểm thẩm định"), a plain column-number row, the grand total at the top.
 * Columns: A TT, B label, C max, D self, E evidence, F appraised, G note.
 */
export function agencyWorkbook(): Grid {
  return {
    name: "Phòng Nội vụ",
    merges: ["C3:F3", "A3:A5", "B3:B5", "G3:G5", "C4:C5", "D4:E4", "F4:F5"],
    rows: [
      ["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC CỦA CƠ QUAN CHUYÊN MÔN NĂM 2024"],
      ["Đơn vị: Phòng Nội vụ"],
      ["STT", "Nội dung", "Kết quả chấm điểm", null, null, null, "Ý kiến thẩm định"],
      [null, null, "Điểm chuẩn", "Đơn vị tự đánh giá", null, "Điểm thẩm định"],
      [null, null, null, "Điểm", "Tài liệu kiểm chứng"],
      [1, 2, 3, 4, 5, 6, 7],
      [null, "TỔNG ĐIỂM (I+II)", 5, sum(4, "=D8+D13")],
      ["I", "Tổ chức bộ máy", 3, sum(2, "=D9+D12")],
      ["1", "Sắp xếp tổ chức", 2, sum(1, "=D10+D11")],
      ["1.1", "Rà soát chức năng nhiệm vụ", 1, 1, "Báo cáo số 3/BC-PNV ngày 05/03/2024"],
      ["1.2", "Kiện toàn tổ chức", 1, 0, null],
      ["2", "Quản lý biên chế", 1, 1, "Quyết định số 7/QĐ-PNV ngày 07/07/2024"],
      ["II", "Công chức", 2, sum(2, "=D14")],
      ["1", "Tuyển dụng", 2, sum(2, "=D15+D16")],
      ["1.1", "Đúng quy trình", 1, 1, "Báo cáo số 9/BC-PNV ngày 09/09/2024"],
      ["1.2", "Công khai kết quả", 1, 1, "Thông báo số 10/TB-PNV ngày 10/10/2024"],
    ],
  };
}
