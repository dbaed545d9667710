/**
 * Item codes as templates write them — "I", "II" for areas, "1", "1.1", "1.1.1", "a)", "b." for the
 * lowest level, "-" for bullets — read as a position in the tree. Roman areas restart the numbering of
 * their criteria ("I" → 1, "II" → 1 …), so "1" alone does not name an item; its position does:
 * "1" under "II" is the first criterion of the second area, "b)" under it its second sub-criterion.
 */
export type CodeStyle = "roman" | "number" | "letter" | "dash" | "none";

export function codeStyle(code: string | null): CodeStyle {
  if (!code) return "none";
  const c = code.trim();
  // Numbers first, the common case: the styles exclude each other, so the order changes no answer.
  if (/^\d+(\.\d+)*\.?$/.test(c)) return "number";
  if (/^[IVXL]+\.?$/.test(c)) return "roman";
  if (/^[a-zđ]\)?\.?$/i.test(c)) return "letter";
  if (/^[-+•*–]$/.test(c)) return "dash";
  return "none";
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export function romanValue(text: string): number {
  const s = text.trim().replace(/\.$/, "").toUpperCase();
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]] ?? 0;
    const next = ROMAN[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Whether the codes need reading by position: Roman areas or lettered items anywhere in the table. */
export function usesPositionalCodes(codes: readonly (string | null)[]): boolean {
  return codes.some((c) => {
    const s = codeStyle(c);
    return s === "roman" || s === "letter";
  });
}

/**
 * For each code, in table order, the 1-based position path it stands for, or null where the code says
 * nothing about position (bullets, blanks, odd text). Numbers are taken as written (gaps kept); letters
 * count in order of appearance under the last numbered row, since lists skip or add "đ" as they please.
 */
export function positionalPaths(codes: readonly (string | null)[]): (number[] | null)[] {
  const roman = codes.some((c) => codeStyle(c) === "roman");
  let area: number | null = null;
  let numbered: number[] | null = null;
  let letters = 0;
  return codes.map((code) => {
    switch (codeStyle(code)) {
      case "roman":
        area = romanValue(code as string);
        numbered = [area];
        letters = 0;
        return numbered;
      case "number": {
        const parts = (code as string).replace(/\.$/, "").split(".").map(Number);
        if (roman && area === null) return null;
        numbered = roman ? [area as number, ...parts] : parts;
        letters = 0;
        return numbered;
      }
      case "letter":
        if (!numbered) return null;
        letters++;
        return [...numbered, letters];
      default:
        return null;
    }
  });
}
