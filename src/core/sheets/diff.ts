import { FIELD_TEXT, structureCount, type WorkbookDiff } from "../diff";
import type { SheetSpec, SpecCell, SpecTable } from "../sheet-spec";
import type { CellValue } from "../snapshot";
import { inLang, type Lang } from "../i18n";
import type { Text } from "../finding";
import { rubricLine } from "../rubric/identity";
import { layoutForPrint } from "./print-layout";
import { DIFF_SHEET, decimalsFormat, SUBTITLE, TITLE } from "./style";

/**
 * "So sánh": the resubmission diff as a sheet — structure changes first (so the appraiser knows the
 * layout moved and the content list is still by item), then one row per changed cell with old and new
 * values and cells, items added/removed, and the totals before and after.
 */
export { DIFF_SHEET };

const STATUS = {
  changed: { vi: "Thay đổi", en: "Changed" },
  added: { vi: "Thêm mới", en: "Added" },
  removed: { vi: "Bị bỏ", en: "Removed" },
} as const;

/** The sheet as it is laid out from top to bottom: `row` is the next free row. */
interface Layout {
  cells: SpecCell[];
  tables: SpecTable[];
  row: number;
}

/** A section's bold heading line, on the next free row. */
function heading(out: Layout, text: string): void {
  out.cells.push({ row: out.row++, col: 0, value: text, style: { bold: true } });
}

/** The sheet's one language (Vietnamese unless the user works in English) and the rubric's decimals. */
interface Words {
  lang: Lang;
  say: (vi: string, en: string) => string;
  nf: string;
}

/** `lang`: the sheet's one language (Vietnamese unless the user works in English). */
export function diffSheetSpec(
  diff: WorkbookDiff,
  /** `rubric`: the rubric both versions were read with (`rubricLabel`), named on the sheet's first line. */
  options: { precision?: number; lang?: Lang; rubric?: Text } = {},
): SheetSpec {
  const lang = options.lang ?? "vi";
  const words: Words = {
    lang,
    say: (vi: string, en: string) => inLang(lang, { vi, en }),
    nf: decimalsFormat(options.precision ?? 2),
  };
  const out: Layout = { cells: titleCells(diff, words), tables: [], row: 4 };
  for (const p of diff.problems)
    out.cells.push({ row: out.row++, col: 0, value: inLang(lang, p), style: { color: "C00000" } });
  addStructure(out, diff, words);
  addItemChanges(out, diff, words);
  addTotals(out, diff, words);
  return layoutForPrint(
    {
      name: DIFF_SHEET,
      cells: out.cells,
      tables: out.tables,
      // One landscape A4 across at 80 % or more: labels and old/new text wrap.
      columnWidths: [8, 30, 10, 12, 24, 24, 8, 8, 7, 7],
      freeze: { rows: 3, cols: 0 },
      tabColor: "7030A0",
    },
    { lang, rubric: options.rubric && rubricLine(options.rubric, lang) },
  );
}

/** Title, the two versions compared, and the counts. */
function titleCells(diff: WorkbookDiff, { say }: Words): SpecCell[] {
  const count = (status: keyof typeof STATUS) => diff.items.filter((i) => i.status === status).length;
  const named = (source: string, unit: string | null | undefined) => `${source}${unit ? ` (${unit})` : ""}`;
  return [
    {
      row: 0,
      col: 0,
      value: say("SO SÁNH BẢN NỘP LẠI VỚI BẢN TRƯỚC", "RESUBMISSION AGAINST THE PREVIOUS VERSION"),
      style: TITLE,
    },
    {
      row: 1,
      col: 0,
      value: say(
        `Bản trước: ${named(diff.old.source, diff.old.unit)} — bản mới: ${named(diff.new.source, diff.new.unit)}`,
        `Previous: ${named(diff.old.source, diff.old.unit)} — new: ${named(diff.new.source, diff.new.unit)}`,
      ),
      style: { bold: true },
    },
    {
      row: 2,
      col: 0,
      value: say(
        `${count("changed")} tiêu chí thay đổi, ${count("added")} thêm, ${count("removed")} bỏ, ${diff.unchanged} giữ nguyên; ${structureCount(diff.structure)} thay đổi cấu trúc. Tiêu chí được so theo mã, không theo dòng.`,
        `${count("changed")} item(s) changed, ${count("added")} added, ${count("removed")} removed, ${diff.unchanged} unchanged; ${structureCount(diff.structure)} structure change(s). Items matched by code, not by row.`,
      ),
      style: SUBTITLE,
    },
  ];
}

/** Structure changes first: the appraiser learns the layout moved before reading the list by item. */
function addStructure(out: Layout, diff: WorkbookDiff, { lang, say }: Words): void {
  if (!diff.structure.length) return;
  heading(
    out,
    say("Thay đổi cấu trúc (không phải thay đổi nội dung)", "Structure changes (not changes of content)"),
  );
  out.tables.push({
    name: "SoSanh_CauTruc",
    row: out.row,
    col: 0,
    headers: [say("Loại", "Kind"), say("Nội dung", "Details")],
    rows: diff.structure.map((s) => [s.kind, inLang(lang, s.message)]),
    numberFormats: ["@", "@"],
    style: "TableStyleLight9",
  });
  out.row += diff.structure.length + 2;
}

const ITEM_HEADERS = {
  en: [
    "Code",
    "Item",
    "Change",
    "Field",
    "Previous",
    "New",
    "Cell (previous)",
    "Cell (new)",
    "Row before",
    "Row now",
  ],
  vi: [
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
};

/** One row per changed cell with old and new values and cells; items added or removed on a row each. */
function addItemChanges(out: Layout, diff: WorkbookDiff, { lang, say, nf }: Words): void {
  heading(out, say("Thay đổi theo tiêu chí", "Changes by item"));
  const itemRows: CellValue[][] = [];
  for (const i of diff.items) {
    if (i.status !== "changed") {
      itemRows.push([
        i.item,
        i.label,
        inLang(lang, STATUS[i.status]),
        "",
        null,
        null,
        "",
        "",
        i.oldRow,
        i.newRow,
      ]);
      continue;
    }
    for (const c of i.changes) {
      itemRows.push([
        i.item,
        i.label,
        inLang(lang, STATUS.changed),
        inLang(lang, FIELD_TEXT[c.field]),
        shown(c.old),
        shown(c.new),
        c.oldCell ?? "",
        c.newCell ?? "",
        i.oldRow,
        i.newRow,
      ]);
    }
  }
  out.tables.push({
    name: "SoSanh_TieuChi",
    row: out.row,
    col: 0,
    headers: ITEM_HEADERS[lang],
    rows: itemRows,
    // Scores in the rubric's decimals ("0,00" beside "2,00"); text (evidence, notes) stays text.
    numberFormats: ["@", "@", "@", "@", nf, nf, "@", "@", "0", "0"],
    style: "TableStyleMedium2",
  });
  out.row += Math.max(itemRows.length, 1) + 2;
}

const TOTAL_HEADERS = {
  en: [
    "Code",
    "Area",
    "Self (previous)",
    "Self (new)",
    "Appraised (previous)",
    "Appraised (new)",
    "Final (previous)",
    "Final (new)",
  ],
  vi: [
    "Mã",
    "Lĩnh vực",
    "Tự đánh giá (trước)",
    "Tự đánh giá (mới)",
    "Thẩm định (trước)",
    "Thẩm định (mới)",
    "Cuối cùng (trước)",
    "Cuối cùng (mới)",
  ],
};

/** The totals before and after, per area. */
function addTotals(out: Layout, diff: WorkbookDiff, { lang, say, nf }: Words): void {
  heading(out, say("Tổng điểm trước và sau", "Totals before and after"));
  out.tables.push({
    name: "SoSanh_TongDiem",
    row: out.row,
    col: 0,
    headers: TOTAL_HEADERS[lang],
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
}

/** Old/new values as they read: numbers stay numbers, blanks show as empty. */
function shown(v: CellValue): CellValue {
  return v === null ? "" : v;
}
