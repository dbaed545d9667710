import { inLang } from "../core/i18n";
import type { ColumnRole } from "../core/analyse";
import { columnLetters } from "../core/address";
import { countBySeverity, type Finding, type Severity } from "../core/finding";
import { basename } from "node:path";
import type { Lang } from "./args";
import type { FileResult, UnitResult } from "./analyse-file";

/** Plain-text rendering of results for the terminal. Everything here is presentation only. */

const ROLE_NAMES: Record<ColumnRole, { vi: string; en: string }> = {
  code: { vi: "STT", en: "code" },
  label: { vi: "nội dung", en: "label" },
  max: { vi: "điểm tối đa", en: "max" },
  guidance: { vi: "hướng dẫn", en: "guidance" },
  self: { vi: "tự chấm", en: "self score" },
  appraised1: { vi: "thẩm định", en: "appraised" },
  appraised2: { vi: "thẩm định lần 2", en: "appraised (round 2)" },
  evidence: { vi: "TLKC", en: "evidence" },
  explanation: { vi: "giải trình", en: "explanation" },
  note: { vi: "ghi chú", en: "note" },
};

const SEVERITY_TITLE: Record<Severity, { vi: string; en: string }> = {
  error: { vi: "Lỗi", en: "Errors" },
  warning: { vi: "Cảnh báo", en: "Warnings" },
  info: { vi: "Lưu ý", en: "Notes" },
};

export function layoutLine(u: UnitResult, lang: Lang): string {
  const cols = (Object.entries(u.table.columns) as [ColumnRole, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([role, col]) => `${ROLE_NAMES[role][lang]}=${columnLetters(col)}`)
    .join(", ");
  const header = u.table.headerRow + 1;
  return inLang(lang, {
    vi: `bảng ở trang "${u.sheet}", dòng tiêu đề ${header}; cột: ${cols}`,
    en: `table on sheet "${u.sheet}", header row ${header}; columns: ${cols}`,
  });
}

export function findingLines(findings: readonly Finding[], lang: Lang, indent = "   "): string[] {
  const out: string[] = [];
  for (const severity of ["error", "warning", "info"] as const) {
    const list = findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    out.push(`${indent}${SEVERITY_TITLE[severity][lang]} (${list.length}):`);
    for (const f of list) {
      const where = [f.sheet && f.address ? `${f.address}` : null, f.item ? `[${f.item}]` : null]
        .filter(Boolean)
        .join(" ");
      const link = f.link ? ` → ${f.link}` : "";
      out.push(`${indent}  ${where ? `${where} ` : ""}${f.message[lang]}${link}  (${f.code})`);
    }
  }
  return out;
}

export interface BatchSummary {
  files: number;
  units: number;
  /** Sheets of the workbooks that are not units (instructions, summary, blank template…). */
  skippedSheets: number;
  unreadable: number;
  error: number;
  warning: number;
  info: number;
}

export function summarise(results: readonly FileResult[]): BatchSummary {
  const all = results.flatMap((r) => [...r.findings, ...r.units.flatMap((u) => u.findings)]);
  const c = countBySeverity(all);
  return {
    files: results.length,
    units: results.reduce((n, r) => n + r.units.length, 0),
    skippedSheets: results.reduce((n, r) => n + (r.skipped?.length ?? 0), 0),
    unreadable: results.filter((r) => r.error).length,
    ...c,
  };
}

export function summaryLine(s: BatchSummary, lang: Lang): string {
  return inLang(lang, {
    vi: `Tổng hợp: ${s.files} tệp, ${s.units} đơn vị, ${s.skippedSheets} trang không phải đơn vị, ${s.unreadable} tệp không đọc được; ${s.error} lỗi, ${s.warning} cảnh báo, ${s.info} lưu ý.`,
    en: `Summary: ${en(s.files, "file")}, ${en(s.units, "unit")}, ${s.skippedSheets === 1 ? "1 sheet not a unit" : `${s.skippedSheets} sheets not units`}, ${s.unreadable} unreadable; ${en(s.error, "error")}, ${en(s.warning, "warning")}, ${en(s.info, "note")}.`,
  });
}

/** "1 file", "2 files": English counts its nouns (Vietnamese does not). */
function en(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * What a file holds, said once before its units: how many unit sheets, its workbook-wide findings and
 * each sheet that is not a unit with why (a sheet a finding already names is not said twice).
 */
export function workbookLines(r: FileResult, lang: Lang, indent = "   "): string[] {
  const out: string[] = [];
  if (r.units.length > 1)
    out.push(
      inLang(lang, {
        vi: `▸ ${basename(r.file)}: ${r.units.length} đơn vị (mỗi trang một đơn vị)`,
        en: `▸ ${basename(r.file)}: ${r.units.length} units (one per sheet)`,
      }),
    );
  out.push(...findingLines(r.findings, lang, indent));
  const named = new Set(r.findings.map((f) => f.sheet));
  for (const s of r.skipped ?? []) if (!named.has(s.sheet)) out.push(`${indent}– ${s.message[lang]}`);
  return out;
}

/**
 * The sheets that are not units, on stderr, for commands whose stdout is a ranking or an intake table
 * (and may be JSON): said once per sheet, never in silence.
 */
export function noteSkipped(results: readonly FileResult[], lang: Lang): void {
  for (const r of results)
    for (const s of r.skipped ?? []) console.error(`– ${basename(r.file)}: ${s.message[lang]}`);
}
