import { sheetAddress } from "../address";
import { RANKING_INFO_KEYS } from "../previous";
import type { Ranking, RankedUnit, RankPart } from "../rank";
import type { Rubric } from "../rubric/schema";
import type { CellValue } from "../snapshot";
import type { SheetSpec, SpecCell, SpecTable } from "../sheet-spec";
import type { Annex } from "./annex";
import type { Text } from "../finding";
import { rubricLabel, rubricLine } from "../rubric/identity";
import { layoutForPrint } from "./print-layout";
import { decimalsFormat, RANKING_SHEET, tableName, TITLE, SUBTITLE, NOTE } from "./style";

/**
 * "Xếp hạng": the sheet the secretariat publishes. Title block, then one real Excel table per group
 * (sortable, filterable), per-area scores and ranks, rating, change on last year; units that could not
 * be ranked and units that vanished since last year are listed below, never dropped.
 * Deterministic: the same ranking always gives the same spec, so rewriting the sheet is idempotent.
 */
export interface RankingSheetOptions {
  /** Link each unit to its sheet: the ranking is written into the workbook that holds the unit sheets. */
  linkSheets?: boolean;
  title?: string;
  /** The annex number and decision line above the title, the signature block under it: the user's text only. */
  annex?: Annex | null;
  /**
   * The rubric named on the sheet's first line (`rubricLabel`); default: the ranking's rubric by its
   * identity. A face ranking a workbook's own structure passes the own-structure words.
   */
  rubric?: Text;
}

const BASIS_LABEL = {
  self: { vi: "điểm tự đánh giá", en: "self scores" },
  appraised: { vi: "điểm thẩm định", en: "appraised scores" },
  final: {
    vi: "điểm cuối cùng (thẩm định mới nhất, nếu không có thì tự đánh giá)",
    en: "final scores (latest appraisal, else self)",
  },
} as const;

const PART_LABEL: Record<RankPart, { vi: string; en: string }> = {
  index: { vi: "Chỉ số CCHC", en: "the PAR index" },
  evidence: {
    vi: "phần điểm tài liệu kiểm chứng (chưa tính điều tra xã hội học)",
    en: "the evidence part (without the social survey)",
  },
};

/**
 * The "Xếp hạng" sheet for a ranking. `rubric` gives the name shown under the title; all figures come
 * from `ranking` as computed. With `linkSheets`, each unit name links to its own sheet (same workbook).
 */
export function rankingSheetSpec(
  ranking: Ranking,
  rubric: Rubric,
  options: RankingSheetOptions = {},
): SheetSpec {
  // Per-area change columns only when last year's ranking carried per-area figures.
  const areaHistory = ranking.groups.some((g) => g.units.some((u) => u.areas.some((a) => a.previous)));
  const columns = rankingColumns(ranking, areaHistory);
  const out: Layout = { cells: titleBlock(ranking, rubric, options.title), tables: [], row: 5 };
  addGroupTables(out, ranking, columns, areaHistory, options.linkSheets === true);
  addLeftOutSections(out, ranking);
  addAreaLegend(out, ranking);
  const firstTable = out.tables[0];
  return layoutForPrint(
    {
      name: RANKING_SHEET,
      cells: out.cells,
      tables: out.tables,
      merges: [],
      columnWidths: columns.widths,
      freeze: firstTable ? { rows: firstTable.row + 1, cols: 2 } : undefined,
      tabColor: "1F4E79",
    },
    {
      repeatRows: firstTable ? [firstTable.row, firstTable.row] : undefined,
      split: ranking.areas.length
        ? {
            firstPageLastCol: columns.firstAreaCol - 1,
            repeatColumns: [0, 1],
            columnGroups: columns.areaGroups,
          }
        : undefined,
      // The unit's rank and name repeat at the left of every page, and with them the title, basis and
      // legend lines: wrapped within those two columns, they print whole on every page.
      textLastCol: ranking.areas.length ? 1 : undefined,
      annex: options.annex,
      // The ranking sheet is Vietnamese (the published form).
      rubric: rubricLine(options.rubric ?? rubricLabel(rubric)),
    },
  );
}

/** The sheet as it is laid out from top to bottom: `row` is the next free row. */
interface Layout {
  cells: SpecCell[];
  tables: SpecTable[];
  row: number;
}

/**
 * The group tables' columns: headers, number formats and widths built side by side, so the three lists
 * keep the same length and order whichever optional columns (per-area history, last year) are present.
 */
function rankingColumns(ranking: Ranking, areaHistory: boolean): RankingColumns {
  const nf = decimalsFormat(ranking.precision);
  // The unit's place, name, index, rating, last year and notes print on the first page; the per-area
  // detail after them, on pages of its own, short titles ("1. Điểm (/19)") named in full in the legend.
  const main = {
    headers: [
      "Xếp hạng",
      "Đơn vị",
      ranking.withoutSurvey ? "Điểm (chưa có điều tra XHH)" : "Chỉ số CCHC",
      "Xếp loại",
      ...(ranking.hasPrevious
        ? ["Điểm năm trước", "Tăng/giảm điểm", "Hạng năm trước", "Thay đổi thứ hạng"]
        : []),
      "Ghi chú",
    ],
    formats: ["0", "@", nf, "@", ...(ranking.hasPrevious ? [nf, `+${nf};-${nf};0`, "0", "@"] : []), "@"],
    widths: [7, 30, 10, 11, ...(ranking.hasPrevious ? [9, 9, 8, 12] : []), 24],
  };
  const firstAreaCol = main.headers.length;
  const areaGroups: number[][] = [];
  const per = areaHistory ? 3 : 2;
  ranking.areas.forEach((_, k) => {
    const at = firstAreaCol + k * per;
    areaGroups.push(Array.from({ length: per }, (_, j) => at + j));
  });
  return {
    headers: [
      ...main.headers,
      ...ranking.areas.flatMap((a) => [
        `${a.code}. Điểm (/${a.max})`,
        `Hạng ${a.code}`,
        ...(areaHistory ? [`Thay đổi hạng ${a.code}`] : []),
      ]),
    ],
    formats: [...main.formats, ...ranking.areas.flatMap(() => [nf, "0", ...(areaHistory ? ["@"] : [])])],
    widths: [...main.widths, ...ranking.areas.flatMap(() => [9, 7, ...(areaHistory ? [10] : [])])],
    firstAreaCol,
    areaGroups,
  };
}

interface RankingColumns {
  headers: string[];
  formats: string[];
  widths: number[];
  /** The first per-area column, and each area's columns (score, rank, change): printed after page 1. */
  firstAreaCol: number;
  areaGroups: number[][];
}

/** Below the tables, on the first page: what each short area title stands for. */
function addAreaLegend(out: Layout, ranking: Ranking): void {
  if (ranking.areas.length === 0) return;
  out.cells.push({
    row: out.row++,
    col: 0,
    value: "Chi tiết theo lĩnh vực (các trang sau):",
    style: SECTION,
  });
  for (const a of ranking.areas) {
    out.cells.push({
      row: out.row++,
      col: 0,
      value: `${a.code}. ${a.label} (tối đa ${a.max} điểm)`,
    });
  }
  out.row++;
}

/** Title, what the ranking is based on and why, and why last year is (not) compared: one language, as printed. */
function titleBlock(ranking: Ranking, rubric: Rubric, title: string | undefined): SpecCell[] {
  const previousYear = ranking.previousYear ? ` năm ${ranking.previousYear}` : " năm trước";
  const cells: SpecCell[] = [
    {
      row: 0,
      col: 0,
      value: title ?? `KẾT QUẢ XẾP HẠNG CHỈ SỐ CCHC NĂM ${ranking.year}`,
      style: TITLE,
    },
    {
      row: 1,
      col: 0,
      value: `${rubric.name} — cơ sở xếp hạng: ${PART_LABEL[ranking.basis].vi}, theo ${BASIS_LABEL[ranking.by].vi}${ranking.dense ? ", xếp hạng liền (không bỏ hạng)" : ", đồng hạng thì hạng kế tiếp bị bỏ qua (1, 2, 2, 4)"}${ranking.hasPrevious ? `; so sánh với${previousYear}` : ""}.`,
      style: SUBTITLE,
    },
  ];
  // Why this basis, always: a reader of the published sheet must not have to guess what was ranked.
  cells.push({
    row: 2,
    col: 0,
    value: ranking.basisReason.vi,
    style: NOTE,
  });
  const why = ranking.comparison?.reason;
  if (why) {
    cells.push({
      row: 3,
      col: 0,
      value: `So sánh với năm trước: ${why.vi}`,
      style: NOTE,
    });
  }
  return cells;
}

/** One heading (group number, name, count, ratings) and one real Excel table per group. */
function addGroupTables(
  out: Layout,
  ranking: Ranking,
  columns: Pick<RankingColumns, "headers" | "formats">,
  areaHistory: boolean,
  linkSheets: boolean,
): void {
  ranking.groups.forEach((group, g) => {
    // Every band of the scale, zeros included: the counts the decision publishes under each group.
    const counts = group.ratingCounts.map((c) => `${c.label}: ${c.count}`).join("; ");
    out.cells.push({
      row: out.row,
      col: 0,
      value: `${roman(g + 1)}. ${group.label} (${group.units.length} đơn vị)${counts ? ` — ${counts}` : ""}`,
      style: SECTION,
    });
    out.row++;
    const rows: CellValue[][] = group.units.map((u) => unitRow(u, ranking, areaHistory));
    // Only the unit-name column links (to the unit's own sheet, which lives in the same workbook).
    const links = linkSheets
      ? columns.headers.map((_, j) =>
          j === 1
            ? group.units.map((u) => (u.sheet ? `#${sheetAddress(u.sheet, "A1")}` : null))
            : group.units.map(() => null),
        )
      : undefined;
    out.tables.push({
      name: tableName("XepHang", group.id, g),
      row: out.row,
      col: 0,
      headers: columns.headers,
      rows,
      numberFormats: columns.formats,
      links,
      style: "TableStyleMedium2",
    });
    out.row += rows.length + 2;
  });
}

/**
 * Below the groups, never dropped: units that could not be ranked, what needs review, and units that
 * were in last year's table but not in this one. Each section appears only when it has rows.
 */
function addLeftOutSections(out: Layout, ranking: Ranking): void {
  // Units waiting only for their survey score: apart, with the evidence part they have, no place.
  const waiting = ranking.unranked.filter((u) => u.evidenceScore != null);
  if (waiting.length) {
    addSection(out, `Đơn vị chưa có điểm điều tra xã hội học — chưa xếp hạng (${waiting.length})`, {
      name: "ChuaCoDieuTraXHH",
      headers: [
        "Đơn vị",
        "Tệp",
        "Phần điểm TLKC (chưa xếp hạng)",
        "Lý do",
        "Reason",
        "Số lỗi",
        ...(ranking.hasPrevious ? ["Hạng năm trước"] : []),
      ],
      rows: waiting.map((u) => [
        u.unit,
        u.source,
        u.evidenceScore ?? null,
        u.reason.vi,
        u.reason.en,
        u.errors,
        ...(ranking.hasPrevious ? [u.previous?.rank ?? null] : []),
      ]),
      numberFormats: [
        "@",
        "@",
        decimalsFormat(ranking.precision),
        "@",
        "@",
        "0",
        ...(ranking.hasPrevious ? ["0"] : []),
      ],
    });
  }
  const others = ranking.unranked.filter((u) => u.evidenceScore == null);
  if (others.length) {
    addSection(out, `Đơn vị chưa xếp hạng (${others.length})`, {
      name: "ChuaXepHang",
      headers: [
        "Đơn vị",
        "Tệp",
        "Lý do",
        "Reason",
        "Số lỗi",
        ...(ranking.hasPrevious ? ["Hạng năm trước"] : []),
      ],
      rows: others.map((u) => [
        u.unit,
        u.source,
        u.reason.vi,
        u.reason.en,
        u.errors,
        ...(ranking.hasPrevious ? [u.previous?.rank ?? null] : []),
      ]),
      numberFormats: ["@", "@", "@", "@", "0", ...(ranking.hasPrevious ? ["0"] : [])],
    });
  }
  if (ranking.findings.length) {
    addSection(out, `Cần xem lại (${ranking.findings.length})`, {
      name: "CanXemLai",
      headers: ["Mã", "Nội dung", "Message"],
      rows: ranking.findings.map((f) => [f.code, f.message.vi, f.message.en]),
      numberFormats: ["@", "@", "@"],
    });
  }
  if (ranking.vanished.length) {
    addSection(out, `Có trong bảng năm trước, không có năm nay (${ranking.vanished.length})`, {
      name: "KhongConNamNay",
      headers: ["Đơn vị", "Hạng năm trước", "Điểm năm trước", "Ghi chú"],
      rows: ranking.vanished.map((u) => [u.unit, u.rank, u.score, u.change.vi]),
      numberFormats: ["@", "0", decimalsFormat(ranking.precision), "@"],
    });
  }
  addSection(out, "Thông tin xếp hạng (để so sánh năm sau) / Ranking record (for next year's comparison)", {
    name: "ThongTinXepHang",
    headers: ["Mục", "Giá trị", "Key"],
    rows: rankingRecord(ranking),
    numberFormats: ["@", "@", "@"],
  });
}

/**
 * What this ranking ranked, read back by `--previous` next year (previous.ts): the third column holds
 * stable keys, so the table survives a translated or re-typed first column.
 */
function rankingRecord(ranking: Ranking): CellValue[][] {
  return [
    ["Cơ sở xếp hạng", ranking.basis, RANKING_INFO_KEYS.basis],
    ["Điểm theo", ranking.by, RANKING_INFO_KEYS.by],
    ["Thang điểm", ranking.scoreMax === null ? "" : String(ranking.scoreMax), RANKING_INFO_KEYS.scoreMax],
    ["Mã bộ chỉ số", ranking.rubricId, RANKING_INFO_KEYS.rubricId],
    ["Tên bộ chỉ số", ranking.rubricName, RANKING_INFO_KEYS.rubricName],
    ["Năm", String(ranking.year), RANKING_INFO_KEYS.year],
  ];
}

const SECTION = { bold: true, size: 12 } as const;

/** A bold heading, then a light table under it, then one blank row before whatever follows. */
function addSection(
  out: Layout,
  heading: string,
  table: Pick<SpecTable, "name" | "headers" | "rows" | "numberFormats">,
): void {
  out.cells.push({ row: out.row, col: 0, value: heading, style: SECTION });
  out.row++;
  out.tables.push({
    name: table.name,
    row: out.row,
    col: 0,
    headers: table.headers,
    rows: table.rows,
    numberFormats: table.numberFormats,
    style: "TableStyleLight9",
  });
  out.row += table.rows.length + 2;
}

function unitRow(u: RankedUnit, ranking: Ranking, areaHistory: boolean): CellValue[] {
  const notes = [
    u.tied ? "đồng hạng" : "",
    u.errors ? `${u.errors} lỗi khi kiểm tra` : "",
    u.previousName ? `năm trước: ${u.previousName}` : "",
    u.previous?.note?.vi ?? "",
  ]
    .filter(Boolean)
    .join("; ");
  return [
    u.rank,
    u.unit,
    u.score,
    u.rating?.label ?? "",
    ...(ranking.hasPrevious
      ? [
          u.previous?.score ?? null,
          u.previous?.delta ?? null,
          u.previous?.rank ?? null,
          u.previous?.change.vi ?? "",
        ]
      : []),
    notes,
    ...u.areas.flatMap((a) => [a.score, a.rank, ...(areaHistory ? [a.previous?.change.vi ?? ""] : [])]),
  ];
}

function roman(n: number): string {
  const table: [number, string][] = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}
