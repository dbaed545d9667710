/**
 * A score cell as it counts: a number, text parsed the Vietnamese way, not applicable, an Excel error,
 * or something that is not a score (text, a date, TRUE/FALSE). Every score rule reads cells through this.
 */
import type { ScoreColumn } from "../entries";
import { parseNumberText } from "../numbers";
import type { CellValue } from "../snapshot";
import type { RuleContext } from "./context";
import { isNotApplicableWord } from "./not-applicable";

export type Read =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text-number"; value: number; text: string }
  | { kind: "not-applicable"; text: string }
  | { kind: "error"; text: string }
  | { kind: "invalid"; found: CellValue };

export function readScore(ctx: RuleContext, row: number, role: ScoreColumn): Read {
  const v = ctx.cell(row, role);
  if (v === null || v === "") return { kind: "empty" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "invalid", found: String(v) };
    const nf = ctx.numberFormat(row, role);
    if (nf && isDateFormat(nf)) return { kind: "invalid", found: v };
    return { kind: "number", value: v };
  }
  if (typeof v === "boolean") return { kind: "invalid", found: v };
  const text = v.trim();
  if (text === "") return { kind: "empty" };
  if (ctx.isError(row, role, text)) return { kind: "error", text };
  if (isNotApplicableWord(ctx, text)) return { kind: "not-applicable", text };
  const parsed = parseNumberText(text);
  if (parsed) return { kind: "text-number", value: parsed.value, text };
  return { kind: "invalid", found: text };
}

/**
 * Whether a number format shows a date (a date typed into a score cell is not a score). A sheet has a
 * handful of formats over thousands of cells: decide each distinct format once.
 */
const dateFormats = new Map<string, boolean>();
export function isDateFormat(nf: string): boolean {
  let date = dateFormats.get(nf);
  if (date === undefined) {
    date = /(^|[^"\\])(d{1,4}|m{3,}|y{2,4})/i.test(nf.replace(/"[^"]*"/g, "")) && !/^(general|0|#)/i.test(nf);
    if (dateFormats.size > 1000) dateFormats.clear();
    dateFormats.set(nf, date);
  }
  return date;
}
