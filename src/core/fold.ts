import { memoize } from "./memo";

/**
 * The folded key that labels, headers and unit names are compared on (docs/domain.md "Text and numbers"):
 * NFC, old/new tone placement made one, lower case, diacritics removed, đ→d, whitespace collapsed.
 * Always display the original text; only compare folded keys.
 */
export function fold(text: unknown): string {
  if (text === null || text === undefined) return "";
  if (typeof text === "string") return foldCached(text);
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
  if (typeof text === "string") return foldWordsCached(text);
  return foldWordsString(fold(text));
}

function foldWordsString(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9%]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// Units' workbooks repeat the same headers and item labels thousands of times in a batch, and folding
// (NFD + several regexes) was most of validation's time: remember recent results, within a bounded size
// (long free text is rarely met twice and is not kept).
const foldCached = memoize(foldString, 50_000, (text: string) => text.length <= 400);
const foldWordsCached = memoize(foldWordsString, 50_000, (text: string) => text.length <= 400);
