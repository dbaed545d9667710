import { execFileSync } from "node:child_process";

/** One word as `pdftotext -bbox` reads it off a printed page, in points from the page's top-left. */
export interface PrintedWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PrintedPage {
  width: number;
  height: number;
}

/**
 * Every word's box on every page of a PDF (poppler's `pdftotext -bbox`, an XHTML list of
 * `<page width height>` and `<word xMin yMin xMax yMax>` elements).
 */
export function readWords(pdf: string): { pages: PrintedPage[]; words: PrintedWord[] } {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const pages: PrintedPage[] = [];
  const words: PrintedWord[] = [];
  const token =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(token)) {
    if (m[1] !== undefined) {
      pages.push({ width: Number(m[1]), height: Number(m[2]) });
      continue;
    }
    words.push({
      page: pages.length - 1,
      text: unescapeXml(m[7]),
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
    });
  }
  return { pages, words };
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * The size a word printed at. poppler's box runs from the font's ascent to its descent, 1.3× the
 * font size for the font LibreOffice prints ExcelJS's default Calibri with (measured here: cells of
 * 6, 8, 10, 11 and 14 pt at 100 % give boxes of 7.8, 10.4, 13.0, 14.3 and 18.2 pt).
 */
export const BOX_PER_POINT = 1.3;
export function printedSize(w: PrintedWord): number {
  return (w.yMax - w.yMin) / BOX_PER_POINT;
}

/**
 * Two words printed on top of each other: their boxes share more than `slack` points across and more
 * than a quarter of the shorter box's height. The lines of a wrapped cell touch by about a tenth of a
 * box (a box is taller than the line advance), which is how text is meant to print.
 */
export function overlaps(a: PrintedWord, b: PrintedWord, slack = 0.5): boolean {
  if (a.page !== b.page) return false;
  const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
  const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  const shorter = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
  return dx > slack && dy > shorter / 4;
}

export function overlappingPairs(words: readonly PrintedWord[]): [PrintedWord, PrintedWord][] {
  const pairs: [PrintedWord, PrintedWord][] = [];
  // Sorted by page then left edge: only words starting before `a` ends can overlap it.
  const sorted = [...words].sort((a, b) => a.page - b.page || a.xMin - b.xMin);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b.page !== a.page || b.xMin >= a.xMax) break;
      if (overlaps(a, b)) pairs.push([a, b]);
    }
  }
  return pairs;
}

export function outsidePage(w: PrintedWord, page: PrintedPage): boolean {
  return w.xMin < 0 || w.yMin < 0 || w.xMax > page.width || w.yMax > page.height;
}
