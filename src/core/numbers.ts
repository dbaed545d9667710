/**
 * Score arithmetic in integer ten-thousandths: sums of 0.1 + 0.2 stay exactly 0.3, and rounding to a
 * rubric's 2 or 3 decimals happens where the province rounds, never by accident of binary doubles.
 */
export const SCALE = 10_000;

export type Units = number; // an integer count of 1/SCALE points

export function toUnits(x: number): Units {
  const u = Math.round(x * SCALE);
  return Object.is(u, -0) ? 0 : u;
}

export function fromUnits(u: Units): number {
  return u / SCALE;
}

/** Excel's ROUND: half away from zero, done on the integer so 2.675 rounds to 2.68. */
export function roundUnits(u: Units, decimals: number): Units {
  const step = SCALE / 10 ** Math.min(decimals, 4);
  if (step <= 1) return u;
  const q = Math.floor(Math.abs(u) / step + 0.5) * step;
  return u < 0 ? -q : q;
}

export function roundTo(x: number, decimals: number): number {
  return fromUnits(roundUnits(toUnits(x), decimals));
}

export function sumUnits(values: Iterable<Units>): Units {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Equal once both are rounded to the rubric's precision. */
export function sameAtPrecision(a: number, b: number, decimals: number): boolean {
  return roundUnits(toUnits(a), decimals) === roundUnits(toUnits(b), decimals);
}

export interface ParsedNumber {
  value: number;
  /** The text used a Vietnamese decimal comma or thousands dots. */
  vietnamese: boolean;
}

/**
 * Reads a number typed as text the way a Vietnamese user means it: "1,5" is 1.5, "84,85" is 84.85,
 * "1.250" is 1250 (dots group thousands), "1.5" is 1.5 (one dot not followed by three digits is a decimal point).
 * Returns null for anything that is not a plain number (units, words, dates).
 */
export function parseNumberText(text: string): ParsedNumber | null {
  let s = text.replace(/[\s\u00a0]/g, "");
  if (s === "") return null;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("−")) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let normalised: string;
  let vietnamese = false;
  if (commas === 0 && dots === 0) normalised = s;
  else if (commas === 1 && dots === 0) {
    normalised = s.replace(",", ".");
    vietnamese = true;
  } else if (commas === 0 && dots === 1 && !/^\d{1,3}\.\d{3}$/.test(s)) {
    normalised = s;
  } else if (dots >= 1 && commas <= 1 && /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) {
    normalised = s.replace(/\./g, "").replace(",", ".");
    vietnamese = true;
  } else if (commas >= 1 && dots <= 1 && /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    normalised = s.replace(/,/g, "");
  } else return null;
  const value = Number(normalised);
  if (!Number.isFinite(value)) return null;
  return { value: sign * value, vietnamese };
}

/** "84,85" in Vietnamese, "84.85" in English; rounded to `decimals`, trailing zeros dropped (16, not 16.00). */
export function formatScore(x: number, decimals: number, lang: "vi" | "en"): string {
  let s = roundTo(x, decimals).toFixed(Math.min(decimals, 4));
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return lang === "vi" ? s.replace(".", ",") : s;
}

/**
 * "20.011" in Vietnamese, "20,011" in English: a whole number (counts, row numbers, limits) with each
 * language's thousands separator. Rounded first: a count is never told with decimals.
 */
export function formatCount(n: number, lang: "vi" | "en"): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

/**
 * A size as refusals say it: binary megabytes, one decimal under 10 MB, each language's decimal mark
 * ("1,9 MB" / "1.9 MB"). One rule for the reader's limits and the side files' caps.
 */
export function formatMegabytes(bytes: number, lang: "vi" | "en"): string {
  const mb = 1024 * 1024;
  return `${formatFixed(bytes / mb, bytes < 10 * mb ? 1 : 0, lang)} MB`;
}

/** Fixed decimals, as rankings publish them: 71.60 beside 84.85 ("71,60" in Vietnamese). */
export function formatFixed(x: number, decimals: number, lang: "vi" | "en"): string {
  const s = roundTo(x, decimals).toFixed(Math.min(decimals, 4));
  return lang === "vi" ? s.replace(".", ",") : s;
}

/**
 * a × b ÷ c rounded once, half away from zero, to `decimals` (in units): the index after items were
 * removed from the maximum (points × scale ÷ remaining maximum) and percentages, without the double
 * rounding of dividing to units first. Integer arithmetic throughout while the operands stay exact.
 */
export function mulDivUnits(a: Units, b: number, c: number, decimals: number): Units {
  const step = SCALE / 10 ** Math.min(Math.max(decimals, 0), 4);
  const num = Math.abs(a * b);
  const den = Math.abs(c * step);
  if (den === 0) return 0;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) {
    return roundUnits(Math.round((a * b) / c), decimals);
  }
  let q = Math.floor(num / den);
  let r = num - q * den;
  while (r < 0) {
    q--;
    r += den;
  }
  while (r >= den) {
    q++;
    r -= den;
  }
  if (2 * r >= den) q++;
  const negative = a * b < 0 !== c < 0;
  const out = q * step;
  return negative && out !== 0 ? -out : out;
}

/**
 * The largest score a cell may hold and still be added exactly: sums run on integer ten-thousandths, so
 * |x| × SCALE must stay well inside Number.MAX_SAFE_INTEGER even summed over a rubric's leaves. Larger
 * values are flagged out of range (any rubric's maximum is far below) but still counted, capped here.
 */
export const MAX_COUNTED_SCORE = 1e9;

/** A score as counted: finite values as written, clamped to ±MAX_COUNTED_SCORE so the integer sums stay exact. */
export function countedScore(v: unknown): number | null {
  if (typeof v !== "number" || !Number.isFinite(v)) return null;
  return Math.max(-MAX_COUNTED_SCORE, Math.min(MAX_COUNTED_SCORE, v));
}

const DECIMAL_LITERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A number stored in a file (an .xlsx `<v>`, a JSON string): a plain decimal literal only. `Number()`
 * would also take "0x1", "0b1", "Infinity" and "" — none of which a spreadsheet writes for a number.
 */
export function parseStoredNumber(raw: string): number | null {
  const s = raw.trim();
  if (!DECIMAL_LITERAL.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Which character a column of numbers typed as text uses for decimals. */
export type DecimalMark = "comma" | "dot";

/** How one text reads: a number in either convention, or only under one of them. */
type TextReading =
  | { kind: "none" }
  | { kind: "plain"; value: number }
  | { kind: "only"; mark: DecimalMark; value: number }
  | { kind: "either"; comma: number; dot: number };

/** "26.246" and "26,246" are the ambiguous ones: a decimal in one convention, thousands in the other. */
function readText(text: string): TextReading {
  let s = text.replace(/[\s\u00a0]/g, "");
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("−")) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (/^\d+$/.test(s)) return { kind: "plain", value: sign * Number(s) };
  const three = /^(\d{1,3})([.,])(\d{3})$/.exec(s);
  if (three) {
    const asDecimal = sign * Number(`${three[1]}.${three[3]}`);
    const asThousands = sign * Number(`${three[1]}${three[3]}`);
    return three[2] === ","
      ? { kind: "either", comma: asDecimal, dot: asThousands }
      : { kind: "either", comma: asThousands, dot: asDecimal };
  }
  if (/^\d+,\d+$/.test(s)) return { kind: "only", mark: "comma", value: sign * Number(s.replace(",", ".")) };
  if (/^\d+\.\d+$/.test(s)) return { kind: "only", mark: "dot", value: sign * Number(s) };
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s))
    return { kind: "only", mark: "comma", value: sign * Number(s.replace(/\./g, "").replace(",", ".")) };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s))
    return { kind: "only", mark: "dot", value: sign * Number(s.replace(/,/g, "")) };
  return { kind: "none" };
}

export interface NumberColumn {
  /** Each text's value under the column's convention; null where it is not a number in it. */
  values: (number | null)[];
  /** The convention used; null when the column held no text that tells (integers only, or nothing). */
  mark: DecimalMark | null;
  /**
   * How the convention was decided: "text" when some value can only be read one way; "range" when every
   * value could be read both ways and only one reading keeps them within [0, max]; "ambiguous" when
   * nothing decides (those values are null: never guessed); "mixed" when values of both conventions
   * occur (the minority's values are null).
   */
  decidedBy: "text" | "range" | "ambiguous" | "mixed" | null;
}

/**
 * Reads a column of numbers typed as text (a CSV column, text cells of an imported table) the way the
 * whole column was written, not value by value: "26.246" is 26.246 in a column that also holds "25.5",
 * and 26246 in a column holding "1.234,5". A column where every value reads both ways is decided by
 * `max` when one reading keeps all values in range, else left ambiguous — the caller reports it.
 */
export function readNumberColumn(texts: readonly (string | null)[], max?: number): NumberColumn {
  const readings = texts.map((t) => (t === null ? ({ kind: "none" } as const) : readText(t)));
  let comma = 0;
  let dot = 0;
  let either = 0;
  for (const r of readings) {
    if (r.kind === "only") r.mark === "comma" ? comma++ : dot++;
    else if (r.kind === "either") either++;
  }
  let mark: DecimalMark | null = null;
  let decidedBy: NumberColumn["decidedBy"] = null;
  if (comma > 0 || dot > 0) {
    mark = comma >= dot ? "comma" : "dot";
    decidedBy = comma > 0 && dot > 0 ? "mixed" : "text";
  } else if (either > 0) {
    const fits = (m: DecimalMark) =>
      max !== undefined && readings.every((r) => r.kind !== "either" || (r[m] >= 0 && r[m] <= max));
    const commaFits = fits("comma");
    const dotFits = fits("dot");
    if (commaFits !== dotFits) {
      mark = commaFits ? "comma" : "dot";
      decidedBy = "range";
    } else decidedBy = "ambiguous";
  }
  const values = readings.map((r) => {
    if (r.kind === "plain") return r.value;
    if (r.kind === "only") return r.mark === mark ? r.value : null;
    if (r.kind === "either") return mark === null ? null : r[mark];
    return null;
  });
  return { values, mark, decidedBy };
}

/** What a single text says about the decimal mark: only one reading, both ("26.246"), or nothing to tell. */
export function decimalMarkOf(text: string): DecimalMark | "either" | "plain" | "none" {
  const r = readText(text);
  return r.kind === "only" ? r.mark : r.kind;
}
