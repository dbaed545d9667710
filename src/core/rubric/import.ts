/**
 * A province's blank template workbook → rubric. Real templates put a title block above the table, the
 * header on any row, codes styled I/II, 1, 1.1, 1.1.1, a), -, and SUM formulas in parent rows. The tree
 * comes from the codes; what cannot be understood is reported (sheet, cell) instead of guessed silently.
 * Also the "no rubric" mode of validation: a filled workbook's own structure, checked for consistency.
 */
import { policyNote } from "../not-applicable-policy";
import { a1 } from "../address";
import type { Text } from "../finding";
import { fold, foldWords } from "../fold";
import { type RecognisedTable, recogniseWorkbook, type TableRow } from "../recognise";
import { codeTree } from "../recognition/codes";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { memoize } from "../memo";
import { ratingsInWorkbook } from "../ratings";
import { parseGuidance } from "./guidance";
import { checkRubricArithmetic, rubricShapeProblem, type ShapeProblem, schemaIssueTexts } from "./load";
import {
  type ItemKind,
  MAX_RUBRIC_DEPTH,
  MAX_RUBRIC_ITEMS,
  type Rubric,
  type RubricItem,
  type Rule,
  RubricSchema,
} from "./schema";
import { normaliseCode } from "./tree";

export interface ImportProblem {
  sheet: string | null;
  address: string | null;
  message: Text;
  /** The finding this becomes when a filled workbook is checked against its own structure. */
  code?: "missing-column" | "max-mismatch";
}

export interface ImportMeta {
  id: string;
  name: string;
  province: string;
  year: number;
  unitLevel: Rubric["unitLevel"];
}

export interface RubricImport {
  /** Null only when no table with items was found; arithmetic problems still give a rubric (listed in problems). */
  rubric: Rubric | null;
  problems: ImportProblem[];
  table: RecognisedTable | null;
}

export function importRubricFromWorkbook(wb: WorkbookSnapshot, meta: Partial<ImportMeta> = {}): RubricImport {
  const recognition = recogniseWorkbook(wb, null, { rubricOnly: true });
  const table = recognition.tables[0] ?? null;
  if (!table) {
    return {
      rubric: null,
      table: null,
      problems: recognition.findings.map((f) => ({ sheet: f.sheet, address: f.address, message: f.message })),
    };
  }
  return importRubricFromTable(wb, table, meta);
}

/**
 * The import from a table already recognised without a rubric on one of `wb`'s sheets: no-rubric
 * validation has just recognised the unit's table and need not do it again. The table is only read.
 */
export function importRubricFromTable(
  wb: WorkbookSnapshot,
  table: RecognisedTable,
  meta: Partial<ImportMeta> = {},
): RubricImport {
  const sheet = wb.sheets.find((s) => s.name === table.sheet) as SheetSnapshot;
  // Without maxima there is no rubric to build; say so on the header (no-rubric validation shows it).
  if (table.columns.max === undefined) return { rubric: null, table, problems: [noMaximumColumn(table)] };
  const problems: ImportProblem[] = [];
  const accepted = acceptedRows(table, problems);
  const { roots, made } = itemTree(sheet, table, accepted);
  if (roots.length === 0) return { rubric: null, table, problems: [...problems, noItems(table)] };
  // The loader's limits on size and depth hold for a tree built from a table too (and come before the
  // schema's parse, which recurses).
  const shape = rubricShapeProblem({ items: roots });
  if (shape)
    return { rubric: null, table, problems: [...problems, shapeProblem(table, shape, accepted, made)] };
  const candidate = rubricCandidate(wb, sheet, table, meta, roots, problems);
  const parsed = RubricSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      rubric: null,
      table,
      problems: [...problems, ...schemaProblems(table, candidate, parsed.error.issues)],
    };
  }
  const rubric = parsed.data;
  problems.push(...arithmeticProblems(rubric, table, accepted, made));
  // The province's own rating names and thresholds, when the template writes them (#23 item 4).
  const ratings = ratingsInWorkbook(wb);
  if (ratings) {
    rubric.ratingBands = ratings.bands;
    problems.push(...ratingsReport(ratings));
  }
  if (rubric.ratingBands.length === 0) {
    problems.push({
      sheet: null,
      address: null,
      message: {
        vi: "Biểu mẫu không có thang xếp loại; thêm ratingBands vào JSON nếu cần xếp loại.",
        en: "The template has no rating bands; add ratingBands to the JSON to rate units.",
      },
    });
  }
  return { rubric, problems, table };
}

/** What was read as the rating scale, or why the note could not be used: the user checks it either way. */
function ratingsReport(found: NonNullable<ReturnType<typeof ratingsInWorkbook>>): ImportProblem[] {
  const place = { sheet: found.sheet, address: found.address };
  if (found.problems.length)
    return found.problems.map((p) => ({
      ...place,
      message: { vi: `Thang xếp loại trong biểu mẫu: ${p.vi}`, en: `The template's rating scale: ${p.en}` },
    }));
  const list = (lang: "vi" | "en") =>
    found.bands
      .map(
        (b) =>
          `${b.label} ${b.minInclusive ? (lang === "vi" ? "từ" : "from") : lang === "vi" ? "trên" : "above"} ${b.min}`,
      )
      .join("; ");
  return [
    {
      ...place,
      message: {
        vi: `Đã đọc thang xếp loại của biểu mẫu: ${list("vi")}. Kiểm tra lại; sửa bằng --rating hoặc ratingBands trong JSON.`,
        en: `Read the template's rating scale: ${list("en")}. Check it; change it with --rating or ratingBands in the JSON.`,
      },
    },
  ];
}

/** The table has no maximum-points column: reported on the header, where the province would add it. */
function noMaximumColumn(table: RecognisedTable): ImportProblem {
  return {
    sheet: table.sheet,
    address: a1(table.headerRow, table.columns.label ?? 0),
    code: "missing-column",
    message: {
      vi: `Bảng ở dòng ${table.headerRow + 1} không có cột điểm tối đa ("Điểm tối đa", "Điểm chuẩn"), nên không dựng được bộ chỉ số từ bảng; hãy chọn một bộ chỉ số.`,
      en: `The table at row ${table.headerRow + 1} has no maximum-points column ("Điểm tối đa", "Điểm chuẩn"), so no rubric can be built from it; choose a rubric.`,
    },
  };
}

/** Every row was skipped (or there were none): nothing with a maximum to make a rubric of. */
function noItems(table: RecognisedTable): ImportProblem {
  return {
    sheet: table.sheet,
    address: a1(table.headerRow, table.columns.max ?? 0),
    message: {
      vi: "Bảng không có tiêu chí nào có điểm tối đa.",
      en: "The table has no items with a maximum.",
    },
  };
}

/**
 * The rows that become items, in table order: totals are left out silently, rows without a label or a
 * usable (numeric, non-negative) maximum are skipped with a problem on their cell, pushed to `problems`.
 */
function acceptedRows(table: RecognisedTable, problems: ImportProblem[]): TableRow[] {
  const problem = (row: number, col: number | undefined, vi: string, en: string) =>
    problems.push({
      sheet: table.sheet,
      address: col === undefined ? null : a1(row, col),
      message: { vi, en },
    });
  const accepted: TableRow[] = [];
  for (const row of table.rows) {
    if (row.isTotal) continue;
    if (!row.label) {
      problem(
        row.row,
        table.columns.label,
        `Dòng ${row.row + 1} không có nội dung tiêu chí; đã bỏ qua.`,
        `Row ${row.row + 1} has no item label; skipped.`,
      );
      continue;
    }
    if (row.max === null) {
      problem(
        row.row,
        table.columns.max,
        `"${row.label}" không có điểm tối đa dạng số; đã bỏ qua dòng này.`,
        `"${row.label}" has no numeric maximum; row skipped.`,
      );
      continue;
    }
    if (row.max < 0) {
      problem(
        row.row,
        table.columns.max,
        `"${row.label}" có điểm tối đa âm (${row.max}); đã bỏ qua dòng này.`,
        `"${row.label}" has a negative maximum (${row.max}); row skipped.`,
      );
      continue;
    }
    accepted.push(row);
  }
  return accepted;
}

/**
 * The item tree from the accepted rows. The tree comes from the codes as written; codes stay as the
 * template writes them ("I", "12.2", "a)"). `made[k]` is the item of `accepted[k]`, so a problem found
 * later on an item can be pointed back at its row.
 */
function itemTree(
  sheet: SheetSnapshot,
  table: RecognisedTable,
  accepted: TableRow[],
): { roots: RubricItem[]; made: RubricItem[] } {
  const parents = codeTree(accepted.map((r) => r.code));
  const written = accepted.map((r) => writtenCode(r.code));
  const { count, keys } = writtenCodeCounts(written);
  const suffixes = new Map<string, number>();
  const roots: RubricItem[] = [];
  const made: RubricItem[] = [];
  for (let k = 0; k < accepted.length; k++) {
    const row = accepted[k];
    const label = row.label as string;
    const parent = parents[k] === null ? null : made[parents[k] as number];
    if (parent && !parent.children) parent.children = [];
    const siblings = parent?.children ?? roots;
    const shown = written[k];
    const item: RubricItem = { code: shown ?? "", label, max: row.max as number };
    const parentKey = parent ? (parent.key ?? parent.code) : null;
    if (!shown) {
      // No code written: the position under the parent ("1.1.2"), unique like a key.
      item.code = uniqueKey(
        parentKey ? `${parentKey}.${siblings.length + 1}` : String(siblings.length + 1),
        keys,
        suffixes,
      );
      keys.add(item.code);
    } else if (count.get(normaliseCode(shown)) !== 1) {
      item.key = uniqueKey(parentKey ? `${parentKey}/${shown}` : shown, keys, suffixes);
      keys.add(item.key);
    }
    applyGuidance(item, cellAt(sheet, row.row, table.columns.guidance));
    if (!parent) {
      const kind = kindOf(label);
      if (kind !== "scored") item.kind = kind;
    }
    siblings.push(item);
    made.push(item);
  }
  return { roots, made };
}

/**
 * A code written more than once in the template gets an internal key (never shown): its path. `count`
 * says how often each code is written (compared normalised); `keys` starts as the codes written once,
 * which are their own keys, so no generated key may take one of them.
 */
function writtenCodeCounts(written: (string | null)[]): { count: Map<string, number>; keys: Set<string> } {
  const count = new Map<string, number>();
  for (const w of written) if (w) count.set(normaliseCode(w), (count.get(normaliseCode(w)) ?? 0) + 1);
  const keys = new Set<string>();
  for (const w of written) if (w && count.get(normaliseCode(w)) === 1) keys.add(w);
  return { count, keys };
}

/** A cell of the sheet by absolute row and column; null outside the snapshot or without a column. */
function cellAt(sheet: SheetSnapshot, row: number, col: number | undefined) {
  return col === undefined ? null : (sheet.values[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null);
}

/** The guidance text of a row, its rule when one can be read from it, and whether it allows "not applicable". */
function applyGuidance(item: RubricItem, guidance: unknown): void {
  if (typeof guidance !== "string" || !guidance.trim()) return;
  item.guidance = guidance.trim();
  const rule = guidanceRule(item.guidance);
  if (rule) item.rule = rule;
  if (/khong phat sinh|khong ap dung/.test(fold(item.guidance))) item.notApplicableAllowed = true;
}

/**
 * The rubric as read, before validation: name, year and level from `meta` or else the title block above
 * the table. A missing year is pushed to `problems` (2024 is used so the rubric can still be saved).
 */
function rubricCandidate(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  table: RecognisedTable,
  meta: Partial<ImportMeta>,
  roots: RubricItem[],
  problems: ImportProblem[],
) {
  const titleText = titleLines(sheet, table.headerRow);
  const year = meta.year ?? yearIn(titleText);
  if (!year)
    problems.push({
      sheet: table.sheet,
      address: null,
      message: {
        vi: "Không thấy năm đánh giá ở phần tiêu đề; tạm dùng 2024 — hãy sửa trong JSON.",
        en: "No assessment year in the title block; using 2024 — fix it in the JSON.",
      },
    });
  // The rubric's own name line ("Bộ chỉ số CCHC cấp xã …") before the form's title ("Biểu tự đánh giá, chấm điểm …").
  const name =
    meta.name ??
    titleText.find((t) => /^bo (chi so|tieu chi)/.test(fold(t))) ??
    titleText.find((t) => /chi so|bo tieu chi|cham diem/.test(fold(t))) ??
    wb.source;
  return {
    id: meta.id ?? "imported",
    name,
    province: meta.province,
    year: year ?? 2024,
    unitLevel: meta.unitLevel ?? (/\b(xa|phuong|thi tran|dac khu)\b/.test(fold(name)) ? "commune" : "agency"),
    precision: precisionOf(sheet, table),
    // The template's note on items that do not apply ("… được tính điểm tối đa", "… trừ khỏi tổng điểm").
    ...notApplicableFromNote(sheet, table),
    items: roots,
  };
}

function notApplicableFromNote(sheet: SheetSnapshot, table: RecognisedTable) {
  const note = policyNote(sheet, table);
  return note ? { notApplicable: { policy: note.policy } } : {};
}

/** Why the candidate is not a valid rubric, one problem per schema issue, worded as the loader words them. */
function schemaProblems(
  table: RecognisedTable,
  candidate: unknown,
  issues: readonly { path: PropertyKey[]; message: string }[],
): ImportProblem[] {
  return schemaIssueTexts(candidate, issues).map(({ where, text }) => ({
    sheet: table.sheet,
    address: null,
    message: {
      vi: `Bộ chỉ số nhập vào không hợp lệ tại ${where}: ${text.vi}`,
      en: `Imported rubric invalid at ${where}: ${text.en}`,
    },
  }));
}

/** The table is larger or deeper than any province's rubric (MAX_RUBRIC_ITEMS, MAX_RUBRIC_DEPTH). */
function shapeProblem(
  table: RecognisedTable,
  shape: ShapeProblem,
  accepted: TableRow[],
  made: RubricItem[],
): ImportProblem {
  const where = {
    vi: `Bảng ở trang tính "${table.sheet}" (dòng tiêu đề ${table.headerRow + 1})`,
    en: `The table on sheet "${table.sheet}" (header row ${table.headerRow + 1})`,
  };
  if (shape.kind === "items") {
    return {
      sheet: table.sheet,
      address: null,
      message: {
        vi: `${where.vi} có hơn ${MAX_RUBRIC_ITEMS.toLocaleString("vi")} tiêu chí; biểu của tỉnh có vài chục đến vài trăm, nên không dựng bộ chỉ số từ bảng này.`,
        en: `${where.en} has more than ${MAX_RUBRIC_ITEMS.toLocaleString("en")} items; a province's template has tens to a few hundred, so no rubric is built from it.`,
      },
    };
  }
  const k = made.indexOf(shape.item as RubricItem);
  const row = k >= 0 ? accepted[k].row + 1 : null;
  return {
    sheet: table.sheet,
    address: null,
    message: {
      vi: `${where.vi} lồng sâu quá ${MAX_RUBRIC_DEPTH} cấp tại tiêu chí ${shape.code ?? ""}${row ? ` (dòng ${row})` : ""}; biểu của tỉnh thường có tối đa 5 cấp, nên không dựng bộ chỉ số từ bảng này.`,
      en: `${where.en} nests more than ${MAX_RUBRIC_DEPTH} levels deep at item ${shape.code ?? ""}${row ? ` (row ${row})` : ""}; provinces' templates have up to about 5, so no rubric is built from it.`,
    },
  };
}

/** Arithmetic problems name the item; point them at its row so the province can fix the template. */
function arithmeticProblems(
  rubric: Rubric,
  table: RecognisedTable,
  accepted: TableRow[],
  made: RubricItem[],
): ImportProblem[] {
  const rowOfKey = new Map<string, TableRow>();
  for (let k = 0; k < made.length; k++) rowOfKey.set(made[k].key ?? made[k].code, accepted[k]);
  return checkRubricArithmetic(rubric).map((p) => {
    const row = rowOfKey.get(p.where);
    return {
      sheet: table.sheet,
      address: row ? a1(row.row, table.columns.max ?? 0) : null,
      code: "max-mismatch" as const,
      message: p.message,
    };
  });
}

/**
 * A batch's workbooks repeat the template's guidance texts: parse each distinct text once. The rule
 * object is shared between candidates, never modified; RubricSchema copies it into each rubric.
 */
const guidanceRule: (text: string) => Rule | null = memoize(parseGuidance, 5_000);

/** A code as the template writes it, trimmed: "7.1 " is "7.1"; "14.3." and "a)" keep their marks. */
function writtenCode(code: string | null): string | null {
  const c = code?.trim();
  return c ? c : null;
}

/**
 * `wanted`, or `wanted#2`, `wanted#3` … where taken. The next suffix per wanted key is remembered, so a
 * hundred thousand bullets "-" under one criterion cost one step each, not a walk over their siblings.
 */
function uniqueKey(wanted: string, taken: ReadonlySet<string>, next: Map<string, number>): string {
  let k = next.get(wanted) ?? 1;
  let key = k === 1 ? wanted : `${wanted}#${k}`;
  while (taken.has(key)) key = `${wanted}#${++k}`;
  next.set(wanted, k + 1);
  return key;
}

function kindOf(label: string): ItemKind {
  const f = foldWords(label);
  if (/dieu tra xa hoi hoc|khao sat|muc do hai long|su hai long/.test(f)) return "survey";
  if (/diem thuong|diem cong|cong diem/.test(f)) return "bonus";
  if (/diem tru|tru diem|diem phat/.test(f)) return "penalty";
  return "scored";
}

function titleLines(sheet: SheetSnapshot, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < headerRow - sheet.origin.row && r < sheet.values.length; r++) {
    for (const v of sheet.values[r] ?? []) if (typeof v === "string" && v.trim()) out.push(v.trim());
  }
  return out;
}

function yearIn(lines: string[]): number | null {
  for (const line of lines) {
    const m = /\bn[aă]m\s+((?:19|20)\d{2})\b/iu.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Decimals from the number format of the maximum and score cells ("0.00" → 2); 2 when nothing says. */
function precisionOf(sheet: SheetSnapshot, table: RecognisedTable): number {
  const counts = new Map<number, number>();
  for (const role of ["max", "self", "appraised1"] as const) {
    const col = table.columns[role];
    if (col === undefined) continue;
    for (const row of table.rows) {
      const nf = sheet.numberFormats?.[row.row - sheet.origin.row]?.[col - sheet.origin.col];
      const m = nf ? /^0\.(0+)$/.exec(nf) : null;
      if (m) counts.set(m[1].length, (counts.get(m[1].length) ?? 0) + 1);
    }
  }
  let best = 2;
  let n = 0;
  for (const [d, c] of counts) if (c > n) [best, n] = [d, c];
  return Math.min(best, 4);
}
