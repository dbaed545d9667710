import type { UnitEntries } from "../entries";
import { type Finding, findingItemKey, nodeItemKey, type Text } from "../finding";
import { type LostPoints, lostPoints } from "../lost-points";
import { fromUnits, toUnits } from "../numbers";
import type { NodeScore, UnitScore } from "../score";
import { a1 } from "../address";
import type { SheetSpec, SpecCell, SpecChart, SpecTable } from "../sheet-spec";
import type { CellValue } from "../snapshot";
import { indexRow } from "./unit-result";
import { inLang, type Lang } from "../i18n";
import type { Annex } from "./annex";
import { rubricLine } from "../rubric/identity";
import { layoutForPrint } from "./print-layout";
import { APPRAISAL_SHEET, decimalsFormat, LOST_POINTS_SHEET, NOTE, SUBTITLE, TITLE } from "./style";

/**
 * "Kết quả thẩm định": the sheet sent back to a unit after appraisal. Per area and overall totals, then
 * per sub-criterion the self score, the appraised score, the difference, the appraiser's note and the
 * findings about the item — the items whose appraised score differs with no note first, since the
 * appraiser must fill those before the sheet goes out — then "where the points were lost". Every figure
 * is the `UnitScore` as computed; values only, never formulas over the unit's cells.
 */
export { APPRAISAL_SHEET };

export interface AppraisalUnit {
  unit: string;
  sheet: string;
  score: UnitScore;
  findings: readonly Finding[];
  /** The unit's cells as read (for the appraiser's note); without them the note column is empty. */
  entries?: UnitEntries;
}

export interface AppraisalItemRow {
  code: string;
  label: string;
  area: string;
  max: number;
  self: number | null;
  appraised: number | null;
  /** appraised − self, where both exist. */
  difference: number | null;
  note: string;
  /** The appraised score differs from the self score and no note says why. */
  needsNote: boolean;
  findings: string[];
}

/** Rows of the per-item table: the ones needing a note first, each part in rubric order. */
export function appraisalItemRows(u: AppraisalUnit): AppraisalItemRow[] {
  const byCode = new Map(u.score.nodes.map((n) => [n.code, n]));
  const areaOf = (n: NodeScore) => {
    let cur = n;
    while (cur.parent && byCode.has(cur.parent)) cur = byCode.get(cur.parent) as NodeScore;
    return cur.shown;
  };
  const changes = new Map(u.score.appraisalChanges.map((c) => [c.code, c]));
  const rows = u.score.nodes
    .filter((n) => n.isLeaf)
    .map((n): AppraisalItemRow => {
      const e = u.entries?.get(n.code);
      const self = n.scores.self;
      const appraised = n.appraised;
      const change = changes.get(n.code);
      return {
        code: n.shown,
        label: n.label,
        area: areaOf(n),
        max: n.effectiveMax,
        self,
        appraised,
        difference:
          self !== null && appraised !== null ? fromUnits(toUnits(appraised) - toUnits(self)) : null,
        note: e?.note ?? "",
        needsNote: !!change && !change.noted,
        findings: u.findings
          .filter((f) => findingItemKey(f) === nodeItemKey(n))
          .map((f) => `[${f.code}] ${f.message.vi}`),
      };
    });
  return [...rows.filter((r) => r.needsNote), ...rows.filter((r) => !r.needsNote)];
}

export interface AppraisalSheetOptions {
  /** Other units of the group, for the group's average per area. */
  peers?: readonly UnitScore[];
  /** Sheet name (a unit workbook that already has a sheet by this name keeps it; the writer decides). */
  name?: string;
  /** The sheet's one language (Vietnamese unless the user works in English). */
  lang?: Lang;
  /** The annex number and decision line above the title, the signature block under it: the user's text only. */
  annex?: Annex | null;
  /** The rubric the figures were computed with (`rubricLabel`): named on the sheet's first line. */
  rubric?: Text;
}

/** Ten blocks: a bar of twenty no longer fits a column of a sheet printed on A4. */
const BAR = 10;

/** A bar made of cells' text: █████░░░░░ out of 10, for where no chart can be written. */
export function textBar(value: number | null, max: number): string {
  if (value === null || max <= 0) return "";
  const n = Math.max(0, Math.min(BAR, Math.round((value / max) * BAR)));
  return "█".repeat(n) + "░".repeat(BAR - n);
}

export function appraisalSheetSpec(u: AppraisalUnit, options: AppraisalSheetOptions = {}): SheetSpec {
  const nf = decimalsFormat(u.score.precision);
  const items = appraisalItemRows(u);
  const lang = options.lang ?? "vi";
  const sink: SectionSink = { cells: appraisalHeaderCells(u, items, lang), tables: [], charts: [] };
  let row = areaTotalsSection(u.score, nf, 5, sink, lang);
  row = itemTableSection(items, nf, row, sink, lang);
  lostPointsSection(lostPoints(u.score, options.peers ?? []), nf, row, sink, lang);
  return layoutForPrint(
    {
      name: options.name ?? APPRAISAL_SHEET,
      ...sink,
      // One landscape A4 across at about 80 %: the four tables share these columns; labels, notes and
      // findings wrap, the text bars fit theirs.
      columnWidths: [8, 30, 9, 9, 9, 9, 9, 22, 13, 24],
      freeze: { rows: 3, cols: 0 },
      tabColor: "548235",
    },
    { lang, annex: options.annex, rubric: options.rubric && rubricLine(options.rubric, lang) },
  );
}

/** Number format of a difference: signed, zero shown plain. */
function differenceFormat(nf: string): string {
  return `+${nf};-${nf};0`;
}

/** Title, unit, where the figures come from, and the warning when items still need the appraiser's note. */
function appraisalHeaderCells(u: AppraisalUnit, items: readonly AppraisalItemRow[], lang: Lang): SpecCell[] {
  const say = (vi: string, en: string) => inLang(lang, { vi, en });
  const pending = items.filter((r) => r.needsNote).length;
  const cells: SpecCell[] = [
    {
      row: 0,
      col: 0,
      value: say("KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC", "PAR INDEX APPRAISAL RESULT"),
      style: TITLE,
    },
    { row: 1, col: 0, value: say("Đơn vị:", "Unit:"), style: { bold: true } },
    { row: 1, col: 1, value: u.unit, style: { bold: true } },
    {
      row: 2,
      col: 0,
      value: say(
        `Từ trang "${u.sheet}", bộ chỉ số ${u.score.rubricId}. Chênh lệch = thẩm định − tự đánh giá.`,
        `From sheet "${u.sheet}", rubric ${u.score.rubricId}. Difference = appraised − self.`,
      ),
      style: SUBTITLE,
    },
  ];
  if (pending) {
    cells.push({
      row: 3,
      col: 0,
      value: say(
        `${pending} tiêu chí có điểm thẩm định khác điểm tự đánh giá nhưng chưa có ý kiến thẩm định (đầu bảng tiêu chí): cần ghi lý do trước khi gửi đơn vị.`,
        `${pending} item(s) appraised differently with no note (top of the item table): add the reason before sending.`,
      ),
      style: NOTE,
    });
  }
  return cells;
}

/** "Tổng hợp theo lĩnh vực": per area and the index row. Returns the first row after the section. */
function areaTotalsSection(
  score: UnitScore,
  nf: string,
  startRow: number,
  sink: SectionSink,
  lang: Lang,
): number {
  let row = startRow;
  sink.cells.push({
    row: row++,
    col: 0,
    value: inLang(lang, { vi: "Tổng hợp theo lĩnh vực", en: "Totals by area" }),
    style: { bold: true, size: 12 },
  });
  const areaRows: CellValue[][] = score.areas.map((a) => [
    a.code,
    a.label,
    a.effectiveMax,
    a.scores.self,
    a.appraised,
    a.change,
    a.scores.final,
  ]);
  areaRows.push(indexRow(score));
  sink.tables.push({
    name: "ThamDinh_LinhVuc",
    row,
    col: 0,
    headers:
      lang === "en"
        ? ["Code", "Area", "Maximum", "Self", "Appraised", "Difference", "Final"]
        : ["Mã", "Lĩnh vực", "Điểm tối đa", "Tự đánh giá", "Thẩm định", "Chênh lệch", "Điểm cuối cùng"],
    rows: areaRows,
    numberFormats: ["@", "@", nf, nf, nf, differenceFormat(nf), nf],
    style: "TableStyleMedium2",
  });
  return row + areaRows.length + 3;
}

/** "Chi tiết theo tiêu chí": one row per sub-criterion. Returns the first row after the section. */
function itemTableSection(
  items: readonly AppraisalItemRow[],
  nf: string,
  startRow: number,
  sink: SectionSink,
  lang: Lang,
): number {
  const say = (vi: string, en: string) => inLang(lang, { vi, en });
  let row = startRow;
  sink.cells.push({
    row: row++,
    col: 0,
    value: say("Chi tiết theo tiêu chí", "Item by item"),
    style: { bold: true, size: 12 },
  });
  sink.tables.push({
    name: "ThamDinh_TieuChi",
    row,
    col: 0,
    headers:
      lang === "en"
        ? [
            "Code",
            "Item",
            "Area",
            "Maximum",
            "Self",
            "Appraised",
            "Difference",
            "Appraiser's note",
            "Note needed",
            "Found when checking",
          ]
        : [
            "Mã",
            "Tiêu chí",
            "Lĩnh vực",
            "Điểm tối đa",
            "Tự đánh giá",
            "Thẩm định",
            "Chênh lệch",
            "Ý kiến thẩm định",
            "Cần ghi ý kiến",
            "Phát hiện khi kiểm tra",
          ],
    rows: items.map((r) => [
      r.code,
      r.label,
      r.area,
      r.max,
      r.self,
      r.appraised,
      r.difference,
      r.note,
      r.needsNote ? say("CẦN GHI Ý KIẾN", "NOTE NEEDED") : "",
      r.findings.join("; "),
    ]),
    numberFormats: ["@", "@", "@", nf, nf, nf, differenceFormat(nf), "@", "@", "@"],
    style: "TableStyleLight9",
  });
  return row + Math.max(items.length, 1) + 3;
}

/** Where a section's cells, tables and charts go (the sheet spec being built). */
export interface SectionSink {
  cells: SpecCell[];
  tables: SpecTable[];
  charts: SpecChart[];
}

/** Columns of the per-area table the chart draws: "Lĩnh vực" (categories), then the series. */
const CHART_FIRST_COL = 1;
const CHART_SERIES = {
  vi: ["Điểm tối đa", "Tự đánh giá", "Thẩm định", "Bình quân nhóm"],
  en: ["Maximum", "Self", "Appraised", "Group average"],
};

/**
 * "Mất điểm ở đâu": per area against the maximum and the group, then the ten largest losses, then a
 * native bar chart of the per-area table (self / appraised / maximum / the group's average) below
 * them. The chart's source is one block of that table — "Lĩnh vực" and the four series columns,
 * header row included, never the total row (the table has none) — without the group's average when
 * there is no group. The "(thanh)" columns stay: they are the picture in files written without charts.
 * Returns the first row after the section.
 */
export function lostPointsSection(
  lost: LostPoints,
  nf: string,
  startRow: number,
  sink: SectionSink,
  lang: Lang = "vi",
): number {
  const { cells, tables } = sink;
  const say = (vi: string, en: string) => inLang(lang, { vi, en });
  let row = startRow;
  cells.push({
    row: row++,
    col: 0,
    value: lost.peers
      ? say(
          `Mất điểm ở đâu (bình quân nhóm trên ${lost.peers} đơn vị)`,
          `Where the points were lost (group average over ${lost.peers} units)`,
        )
      : say(
          "Mất điểm ở đâu (chưa có bình quân nhóm: không có đơn vị khác để so)",
          "Where the points were lost (no group average: no other unit to compare with)",
        ),
    style: { bold: true, size: 12 },
  });
  const areaHeader = row;
  tables.push({
    name: "ThamDinh_MatDiem",
    row,
    col: 0,
    headers:
      lang === "en"
        ? ["Code", "Area", ...CHART_SERIES.en, "Points lost", "Reached (bar)", "Group average (bar)"]
        : ["Mã", "Lĩnh vực", ...CHART_SERIES.vi, "Điểm bị mất", "Đạt được (thanh)", "Bình quân nhóm (thanh)"],
    rows: lost.areas.map((a) => [
      a.code,
      a.label,
      a.max,
      a.self,
      a.appraised,
      a.groupAverage,
      a.lost,
      textBar(a.final, a.max),
      textBar(a.groupAverage, a.max),
    ]),
    numberFormats: ["@", "@", nf, nf, nf, nf, nf, "@", "@"],
    style: "TableStyleLight9",
  });
  row += lost.areas.length + 3;
  cells.push({
    row: row++,
    col: 0,
    value: say(
      `${lost.items.length} tiêu chí mất nhiều điểm nhất`,
      `${lost.items.length} items with the largest lost points`,
    ),
    style: { bold: true, size: 12 },
  });
  tables.push({
    name: "ThamDinh_MatNhieuNhat",
    row,
    col: 0,
    headers:
      lang === "en"
        ? ["Code", "Item", "Area", "Maximum", "Self", "Final", "Points lost", "Taken off by appraisal"]
        : [
            "Mã",
            "Tiêu chí",
            "Lĩnh vực",
            "Điểm tối đa",
            "Tự đánh giá",
            "Điểm cuối cùng",
            "Điểm bị mất",
            "Thẩm định trừ",
          ],
    rows: lost.items.map((i) => [i.code, i.label, i.area, i.max, i.self, i.final, i.lost, i.takenOff]),
    numberFormats: ["@", "@", "@", nf, nf, nf, nf, nf],
    style: "TableStyleLight9",
  });
  row += Math.max(lost.items.length, 1) + 2;
  if (lost.areas.length === 0) return row;
  const series = lost.peers ? CHART_SERIES.vi.length : CHART_SERIES.vi.length - 1;
  // Three rows per area keeps four bars apiece legible; below the last table, across its first columns.
  const height = Math.max(16, lost.areas.length * 3 + 4);
  sink.charts.push({
    name: "MatDiem_BieuDo",
    type: "barClustered",
    title: say("Mất điểm ở đâu, theo lĩnh vực", "Where the points were lost, per area"),
    source: `${a1(areaHeader, CHART_FIRST_COL)}:${a1(areaHeader + lost.areas.length, CHART_FIRST_COL + series)}`,
    anchor: { from: a1(row, 0), to: a1(row + height - 1, 6) },
  });
  return row + height + 1;
}

/** "Mất điểm ở đâu" on a sheet of its own, for one unit (the pane's view, or a secretariat's pack). */
export { LOST_POINTS_SHEET };

export function lostPointsSheetSpec(
  unit: string,
  score: UnitScore,
  peers: readonly UnitScore[] = [],
  lang: Lang = "vi",
  /** The rubric the figures were computed with (`rubricLabel`): named on the sheet's first line. */
  rubric?: Text,
): SheetSpec {
  const cells: SpecCell[] = [
    {
      row: 0,
      col: 0,
      value: inLang(lang, { vi: "MẤT ĐIỂM Ở ĐÂU", en: "WHERE THE POINTS WERE LOST" }),
      style: TITLE,
    },
    { row: 1, col: 0, value: inLang(lang, { vi: "Đơn vị:", en: "Unit:" }), style: { bold: true } },
    { row: 1, col: 1, value: unit, style: { bold: true } },
  ];
  const tables: SpecTable[] = [];
  const charts: SpecChart[] = [];
  lostPointsSection(
    lostPoints(score, peers),
    decimalsFormat(score.precision),
    3,
    { cells, tables, charts },
    lang,
  );
  // Table names are unique per workbook: this sheet may sit beside "Kết quả thẩm định".
  for (const t of tables) t.name = t.name.replace(/^ThamDinh_/, "MatDiem_");
  return layoutForPrint(
    {
      name: LOST_POINTS_SHEET,
      cells,
      tables,
      charts,
      columnWidths: [7, 30, 9, 9, 9, 9, 9, 13, 13],
      tabColor: "C65911",
    },
    { lang, rubric: rubric && rubricLine(rubric, lang) },
  );
}
