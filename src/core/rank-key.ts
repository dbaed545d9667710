import { foldWords } from "./fold";

/**
 * The key a unit's name is matched on across sources: its own workbook, the survey table, last year's
 * ranking. Folded (case, diacritics, tone placement, spacing) and stripped of punctuation and of a
 * leading "UBND"/"Ủy ban nhân dân", which secretariats add or drop from year to year
 * ("UBND xã An Bình" and "Xã An Bình" are one unit). Display the original name; compare keys.
 */
export function unitKey(name: string): string {
  return foldWords(name).replace(/^(ubnd|uy ban nhan dan)\s+/, "");
}
