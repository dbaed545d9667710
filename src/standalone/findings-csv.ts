/**
 * The findings as CSV, for people who mail them on. Choices, for the Excel a Vietnamese office opens it in:
 * - UTF-8 with a byte-order mark: without it Excel reads "Lỗi" as "Lá»—i".
 * - `;` between fields: Windows' Vietnamese regional format has the decimal comma, so its list separator
 *   (which Excel uses to split a double-clicked .csv) is `;`; numbers are written with the decimal comma.
 *   Under an English regional format, Data › From Text/CSV detects the `;` by itself.
 * - No "sep=;" line: Excel then ignores the byte-order mark and the Vietnamese text breaks.
 * - CRLF line ends and RFC 4180 quoting; text Excel would run as a formula (=, +, -, @ first) gets a
 *   leading apostrophe, the same rule as the .xlsx writers (core/sheet-spec.ts needsEscape).
 */
import type { Finding } from "../core/finding";
import type { Lang } from "../core/i18n";
import { needsEscape } from "../core/sheet-spec";
import type { CheckedFile } from "./check";

export const CSV_SEPARATOR = ";";
const BOM = "\uFEFF";

const HEADERS: Record<Lang, string[]> = {
  vi: [
    "Tệp",
    "Đơn vị",
    "Trang",
    "Ô",
    "Mức độ",
    "Mã",
    "Tiêu chí",
    "Nội dung",
    "Giá trị tìm thấy",
    "Giá trị đúng",
  ],
  en: ["File", "Unit", "Sheet", "Cell", "Severity", "Code", "Item", "Message", "Found", "Expected"],
};
const SEVERITY: Record<Lang, Record<Finding["severity"], string>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" },
  en: { error: "Error", warning: "Warning", info: "Note" },
};

export function findingsCsv(files: readonly CheckedFile[], lang: Lang): string {
  const lines = [HEADERS[lang]];
  for (const f of files) {
    const byUnit: [string, readonly Finding[]][] = f.analysis
      ? [
          ["", f.analysis.findings],
          ...f.analysis.units.map((u) => [u.unit, u.findings] as [string, Finding[]]),
        ]
      : [["", f.findings]];
    for (const [unit, findings] of byUnit) {
      for (const x of findings) {
        lines.push([
          f.file,
          unit,
          x.sheet ?? "",
          x.address ?? "",
          SEVERITY[lang][x.severity],
          x.code,
          x.item ?? "",
          x.message[lang],
          value(x.found, lang),
          value(x.expected, lang),
        ]);
      }
    }
  }
  return `${BOM}${lines.map((fields) => fields.map(field).join(CSV_SEPARATOR)).join("\r\n")}\r\n`;
}

function value(v: Finding["found"], lang: Lang): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return lang === "vi" ? String(v).replace(".", ",") : String(v);
  return String(v);
}

/** A plain number ("-1", "0,5") is data, not a formula: only other text starting with - is quoted. */
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

function field(text: string): string {
  const safe = needsEscape(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
