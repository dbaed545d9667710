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

/**
 * The tree a table's codes draw, in one pass: for each row (in table order) the index of its parent
 * row, or null at the top. Roman numerals are areas; a dotted number's depth is its number of parts
 * (one deeper under Roman areas); a letter sits under the last numbered row; a dash or a blank code
 * under the last coded row. Numbers are read as written, so criteria numbered across the whole table
 * ("12.2" in area V) and criteria restarting in every area ("2.1" under "III") both nest where they are.
 * Linear: the stack of open rows only grows by one per row, and each row is popped once.
 */
export function codeTree(codes: readonly (string | null)[]): (number | null)[] {
  const roman = codes.some((c) => codeStyle(c) === "roman");
  const stack: { index: number; level: number; style: CodeStyle }[] = [];
  // The innermost open numbered/Roman row and coded row, found without scanning the stack.
  const parents: (number | null)[] = [];
  for (let k = 0; k < codes.length; k++) {
    const style = codeStyle(codes[k]);
    const level = levelOf(codes[k], style, roman, stack);
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    parents.push(stack.length ? stack[stack.length - 1].index : null);
    stack.push({ index: k, level, style });
  }
  return parents;
}

function levelOf(
  code: string | null,
  style: CodeStyle,
  roman: boolean,
  stack: readonly { level: number; style: CodeStyle }[],
): number {
  switch (style) {
    case "roman":
      return 1;
    case "number":
      return (code as string).trim().replace(/\.$/, "").split(".").length + (roman ? 1 : 0);
    case "letter":
      return (lastOf(stack, (s) => s === "number" || s === "roman")?.level ?? 0) + 1;
    default:
      return (lastOf(stack, (s) => s !== "dash" && s !== "none")?.level ?? 0) + 1;
  }
}

/** The innermost open row of a style; the stack is as deep as the tree (a handful), not as long as the table. */
function lastOf<T extends { style: CodeStyle }>(
  stack: readonly T[],
  test: (s: CodeStyle) => boolean,
): T | undefined {
  for (let i = stack.length - 1; i >= 0; i--) if (test(stack[i].style)) return stack[i];
  return undefined;
}

/**
 * A code cell's text as the sheet shows it: text trimmed; a number in its number format's decimals
 * ("1.10" where the format is "0.00"), since 1.1 and 1.10 are different criteria.
 */
export function codeText(value: unknown, numberFormat: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    const m = numberFormat ? /^[#0,]*0\.(0+)$/.exec(numberFormat) : null;
    return m ? value.toFixed(m[1].length) : String(value);
  }
  const text = String(value).trim();
  return text === "" ? null : text;
}
