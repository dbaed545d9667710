/**
 * `--columns` names letters before any file is read; only the workbook says how wide each table is. A
 * column outside the table of a unit sheet it applies to reads nothing but blanks (self=ZZ gave one
 * "no self score" per row and no hint), so it is a usage error naming the option as typed, the file, the
 * sheet and the columns allowed — said once for the whole run, before any report or ranking is written.
 */
import { basename } from "node:path";
import { columnLetters } from "../core/address";
import type { ColumnRole } from "../core/columns";
import type { Text } from "../core/finding";
import { sheetOf } from "../core/recognition/workbook";
import { tableColumnSpan } from "../core/recognition/span";
import { isOwnedSheetName } from "../core/sheets/owned";
import type { RecognisedTable } from "../core/recognition/types";
import type { WorkbookSnapshot } from "../core/snapshot";
import { type ColumnCorrections, UsageError } from "./args";

/** One corrected role whose column lies outside the table of one unit sheet. */
export interface ColumnOutside {
  sheet: string;
  /** The pair as the user typed it ("self=ZZ"). */
  given: string;
  /** The table's columns, 0-based, both ends included. */
  first: number;
  last: number;
  /** Measured against the widest sheet of a workbook where no unit was found (see outsideEverySheet). */
  noUnit?: true;
}

/** The user's corrections that fall outside the table of each unit recognised in `wb`. */
export function columnsOutside(
  wb: WorkbookSnapshot,
  tables: readonly RecognisedTable[],
  corrections: ColumnCorrections | undefined,
): ColumnOutside[] {
  if (!corrections) return [];
  const placed = (Object.entries(corrections.roles) as [ColumnRole, number | null][]).filter(
    (e): e is [ColumnRole, number] => e[1] !== null,
  );
  if (placed.length === 0) return [];
  if (tables.length === 0) return outsideEverySheet(wb, placed, corrections);
  const out: ColumnOutside[] = [];
  for (const table of tables) {
    const sheet = sheetOf(wb, table);
    const span = sheet ? tableColumnSpan(sheet, table) : null;
    if (!span) continue;
    for (const [role, col] of placed) {
      if (col >= span.first && col <= span.last) continue;
      const given = corrections.given?.[role] ?? `${role}=${columnLetters(col)}`;
      out.push({ sheet: table.sheet, given, first: span.first, last: span.last });
    }
  }
  return out;
}

/**
 * No unit at all (`label=ZZ,code=ZY` left no row to read): a column past every sheet's cells cannot be
 * the fix, so it is named against the widest sheet that is not one par-index writes. A column inside
 * some sheet is left to the findings (table-not-found, missing-column), which say what is missing. Only
 * counted when the whole run found no unit: a notes workbook in a folder of units is no unit with or
 * without the correction, and must not stop the run.
 */
function outsideEverySheet(
  wb: WorkbookSnapshot,
  placed: readonly [ColumnRole, number][],
  corrections: ColumnCorrections,
): ColumnOutside[] {
  let widest: { sheet: string; first: number; last: number } | null = null;
  for (const sheet of wb.sheets) {
    if (isOwnedSheetName(sheet.name)) continue;
    const span = tableColumnSpan(sheet, {
      headerRow: sheet.origin.row,
      lastDataRow: sheet.origin.row + sheet.values.length - 1,
    });
    if (span && (!widest || span.last - span.first > widest.last - widest.first))
      widest = { sheet: sheet.name, ...span };
  }
  if (!widest) return [];
  const out: ColumnOutside[] = [];
  for (const [role, col] of placed) {
    if (col >= widest.first && col <= widest.last) continue;
    out.push({
      ...widest,
      given: corrections.given?.[role] ?? `${role}=${columnLetters(col)}`,
      noUnit: true,
    });
  }
  return out;
}

/**
 * The usage error for the first file with a column outside a table, or null. Several sheets of several
 * files may be too narrow: the first is named, the others counted, so the message stays one line.
 */
export function columnsOutsideError(
  results: readonly { file: string; columnsOutside?: ColumnOutside[] }[],
  unitCount: number,
): UsageError | null {
  const all = results
    .flatMap((r) => (r.columnsOutside ?? []).map((o) => ({ file: r.file, ...o })))
    .filter((o) => !o.noUnit || unitCount === 0);
  if (all.length === 0) return null;
  const o = all[0];
  const from = columnLetters(o.first);
  const to = columnLetters(o.last);
  const sheets = new Set(all.map((x) => `${x.file}\u0000${x.sheet}`)).size;
  const more = sheets - 1;
  // --columns applies to every unit sheet of every file: where some tables are wider, the fix is to
  // run the files laid out differently on their own.
  const mixed = sheets < unitCount;
  const where: Text = o.noUnit
    ? {
        vi: `trang "${o.sheet}" (tệp ${basename(o.file)}) chỉ có dữ liệu ở các cột ${from}–${to}`,
        en: `sheet "${o.sheet}" (file ${basename(o.file)}) holds data only in columns ${from}–${to}`,
      }
    : {
        vi: `bảng của trang "${o.sheet}" (tệp ${basename(o.file)}) chỉ có các cột ${from}–${to}`,
        en: `the table on sheet "${o.sheet}" (file ${basename(o.file)}) has only columns ${from}–${to}`,
      };
  return new UsageError({
    vi:
      `--columns ${o.given}: ${where.vi}; chọn một cột từ ${from} đến ${to}.` +
      (more > 0 ? ` Còn ${more} trang khác cũng không có cột này.` : "") +
      (mixed ? " --columns áp dụng cho mọi trang của mọi tệp: hãy chạy riêng các tệp có bố cục khác." : ""),
    en:
      `--columns ${o.given}: ${where.en}; choose a column from ${from} to ${to}.` +
      (more > 0 ? ` ${more} more sheet${more > 1 ? "s lack" : " lacks"} this column too.` : "") +
      (mixed
        ? " --columns applies to every sheet of every file: run the files laid out differently on their own."
        : ""),
  });
}
