/**
 * Findings about imported tables (the province's survey scores, last year's ranking): the one finding
 * shape, plus the file they are in — an imported table is not the workbook being checked.
 */
import type { Finding, FindingCode, Severity, Text } from "./finding";
import { type DecimalMark, decimalMarkOf, type NumberColumn } from "./numbers";

export interface ImportFinding extends Finding {
  /** The imported file the finding is about. */
  file: string;
  /** 1-based position of the entry in a JSON list (no cell address there). */
  entry?: number;
}

export interface ImportPlace {
  file: string;
  sheet: string | null;
  address: string | null;
  entry?: number;
}

export function importFinding(
  code: FindingCode,
  severity: Severity,
  place: ImportPlace,
  item: string | null,
  message: Text,
  found: Finding["found"],
  expected: Finding["expected"],
): ImportFinding {
  return {
    code,
    severity,
    file: place.file,
    sheet: place.sheet,
    address: place.address,
    ...(place.entry !== undefined ? { entry: place.entry } : {}),
    item,
    message,
    found: found ?? null,
    expected: expected ?? null,
  };
}

const MARK: Record<DecimalMark, Text> = {
  comma: { vi: "dấu phẩy (84,85)", en: "a decimal comma (84,85)" },
  dot: { vi: "dấu chấm (84.85)", en: "a decimal point (84.85)" },
};

/**
 * What deciding a column's decimal mark needs the user to know: decided by the range (a warning, so it is
 * never silent), undecidable (an error on the column: those values are not used), or both conventions in
 * one column (an error on each value written the other way).
 */
export function numberFormatFindings(
  column: NumberColumn,
  texts: readonly (string | null)[],
  place: (k: number) => ImportPlace,
  header: string,
  max: number | undefined,
): ImportFinding[] {
  const out: ImportFinding[] = [];
  const either = texts.flatMap((t, k) => (t !== null && decimalMarkOf(t) === "either" ? [k] : []));
  const p = place(either[0] ?? 0);
  const where = `${p.file}${p.address ? ` › ${p.sheet ? `${p.sheet}!` : ""}${p.address}` : ""}`;
  if (column.decidedBy === "range" && column.mark) {
    const other: DecimalMark = column.mark === "comma" ? "dot" : "comma";
    out.push(
      importFinding(
        "number-format-ambiguous",
        "warning",
        p,
        null,
        {
          vi: `${where}: mọi giá trị của cột "${header}" (như "${texts[either[0]]}") đều đọc được theo hai cách; đã đọc với ${MARK[column.mark].vi} vì đọc với ${MARK[other].vi} thì vượt điểm tối đa ${max}. Kiểm tra lại tệp.`,
          en: `${where}: every value of column "${header}" (such as "${texts[either[0]]}") reads two ways; read with ${MARK[column.mark].en} because ${MARK[other].en} would exceed the maximum ${max}. Check the file.`,
        },
        texts[either[0]],
        column.mark,
      ),
    );
  } else if (column.decidedBy === "ambiguous") {
    out.push(
      importFinding(
        "number-format-ambiguous",
        "error",
        p,
        null,
        {
          vi: `${where}: không xác định được dấu thập phân của cột "${header}": "${texts[either[0]]}" có thể là số thập phân hoặc hàng nghìn, và không giá trị nào trong cột phân biệt được; ${either.length} giá trị không được dùng. Ghi điểm với đủ chữ số thập phân thống nhất (như 25,50 hoặc 25.50) rồi nhập lại.`,
          en: `${where}: the decimal mark of column "${header}" cannot be told: "${texts[either[0]]}" may be a decimal or thousands, and no value in the column tells which; ${either.length} values are not used. Write the scores with consistent decimals (like 25,50 or 25.50) and import again.`,
        },
        texts[either[0]],
        null,
      ),
    );
  } else if (column.decidedBy === "mixed" && column.mark) {
    const other: DecimalMark = column.mark === "comma" ? "dot" : "comma";
    texts.forEach((t, k) => {
      if (t === null || decimalMarkOf(t) !== other) return;
      const q = place(k);
      const at = `${q.file}${q.address ? ` › ${q.sheet ? `${q.sheet}!` : ""}${q.address}` : ""}`;
      out.push(
        importFinding(
          "number-format-ambiguous",
          "error",
          q,
          null,
          {
            vi: `${at}: "${t}" viết với ${MARK[other].vi} trong khi phần lớn cột "${header}" dùng ${MARK[column.mark as DecimalMark].vi}; giá trị này không được dùng.`,
            en: `${at}: "${t}" is written with ${MARK[other].en} while most of column "${header}" uses ${MARK[column.mark as DecimalMark].en}; this value is not used.`,
          },
          t,
          column.mark,
        ),
      );
    });
  }
  return out;
}
