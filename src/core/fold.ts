/**
 * The folded key that labels, headers and unit names are compared on (domain.md "Text and numbers"):
 * NFC, old/new tone placement made one, lower case, diacritics removed, đ→d, whitespace collapsed.
 * Always display the original text; only compare folded keys.
 */
export function fold(text: unknown): string {
  if (text === null || text === undefined) return "";
  return String(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Folded and stripped of punctuation: "ĐIỂM TỰ CHẤM (*)" and "Điểm tự chấm" meet here. */
export function foldWords(text: unknown): string {
  return fold(text)
    .replace(/[^a-z0-9%]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
