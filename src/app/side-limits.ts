/**
 * How much of each side file (a survey table, an expected-units list, last year's ranking, a rubric, a
 * unit-name map) any face reads: the CLI's side-file reader (cli/side-file.ts) and the pane's and the
 * page's survey import hold a file to the same numbers, so a table the CLI refuses is refused everywhere.
 * Kept free of Node so the browser faces can import it.
 */
import type { Text } from "../core/finding";
import { formatCount } from "../core/numbers";

export type SideFileKind = "survey" | "expected" | "previous" | "rubric" | "map";

/** Bytes each kind may take, as text (CSV, JSON) and as a workbook (zipped, with styles). */
export const SIDE_FILE_BYTES: Record<SideFileKind, { text: number; workbook: number }> = {
  // A survey row is a unit and a few scores (~100 bytes): 2 MB is 20,000 rows. At 5 MB the survey's
  // parse took 3.0 s and 303 MB (bench `--only side`), over the per-file budget.
  survey: { text: 2_000_000, workbook: 20_000_000 },
  expected: { text: 2_000_000, workbook: 20_000_000 },
  previous: { text: 5_000_000, workbook: 20_000_000 },
  rubric: { text: 5_000_000, workbook: 20_000_000 },
  map: { text: 2_000_000, workbook: 20_000_000 },
};

/**
 * Rows a survey table or last year's ranking may hold: a province ranks a few hundred units, the country
 * some three thousand communes; every row past that is work (and a line printed) for nothing.
 */
export const MAX_SIDE_ROWS = 5_000;

/** What each kind is called in a message. */
export const SIDE_FILE_NAMES: Record<SideFileKind, Text> = {
  survey: { vi: "bảng khảo sát", en: "survey table" },
  expected: { vi: "danh sách đơn vị", en: "expected-units list" },
  previous: { vi: "bảng xếp hạng năm trước", en: "previous ranking" },
  rubric: { vi: "bộ chỉ số", en: "rubric" },
  map: { vi: "bảng đối chiếu tên đơn vị", en: "unit-name map" },
};

/** Text side files by extension (read as CSV); anything else is read as a workbook. */
export const TEXT_SIDE_FILE = /\.(csv|txt|tsv)$/i;

/** A size as the CLI's refusals say it (the one rule, core/numbers.ts). */
export { formatMegabytes as megabytes } from "../core/numbers";

/** "1,234 rows, over the limit of 5,000": a count refused, in both languages. */
export function overCount(count: number, limit: number): Text {
  return {
    vi: `có ${formatCount(count, "vi")} dòng, quá giới hạn ${formatCount(limit, "vi")} dòng`,
    en: `it has ${formatCount(count, "en")} rows, over the limit of ${formatCount(limit, "en")}`,
  };
}

/** "Not reading the survey table x.csv: why." — a side file refused, naming it. */
export function sideRefusal(file: string, kind: SideFileKind, why: Text): Text {
  const what = SIDE_FILE_NAMES[kind];
  return {
    vi: `Không đọc ${what.vi} ${file}: ${why.vi}.`,
    en: `Not reading the ${what.en} ${file}: ${why.en}.`,
  };
}
