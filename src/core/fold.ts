/**
 * The folded key that labels, headers and unit names are compared on (domain.md "Text and numbers"):
 * NFC, old/new tone placement made one, lower case, diacritics removed, đ→d, whitespace collapsed.
 * Always display the original text; only compare folded keys.
 */
export function fold(text: unknown): string {
  if (text === null || text === undefined) return "";
  if (typeof text === "string") return memo(foldCache, text, foldString);
  return foldString(String(text));
}

function foldString(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Folded and stripped of punctuation: "ĐIỂM TỰ CHẤM (*)" and "Điểm tự chấm" meet here. */
export function foldWords(text: unknown): string {
  if (typeof text === "string") return memo(wordsCache, text, foldWordsString);
  return foldWordsString(fold(text));
}

function foldWordsString(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9%]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Units' workbooks repeat the same headers and item labels thousands of times in a batch, and folding
 * (NFD + several regexes) was most of validation's time: remember recent results, within a bounded size.
 */
const foldCache = new Map<string, string>();
const wordsCache = new Map<string, string>();
const MEMO_LIMIT = 50_000;

function memo(cache: Map<string, string>, text: string, compute: (t: string) => string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const value = compute(text);
  if (text.length <= 400) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(text, value);
  }
  return value;
}
