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
