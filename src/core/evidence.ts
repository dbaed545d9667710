/**
 * What an evidence cell cites: a document number ("số 12/KH-UBND", "12/QĐ-UBND"), dates
 * ("ngày 15/01/2024", "15-01-2024", "ngày 15 tháng 01 năm 2024") and links — the things an appraiser
 * needs to find the document. Evidence citing none of them cannot be checked.
 */
export interface EvidenceCitation {
  documentNumber: boolean;
  link: boolean;
  dates: { text: string; year: number }[];
}

const DOC_NUMBER =
  /(?:\bs[oố]\s*:?\s*\d+)|(?:\b\d+\s*\/\s*(?:\d{4}\s*\/\s*)?[A-ZĐ][A-ZĐa-zđ0-9]*(?:\s*-\s*[A-ZĐ0-9][A-ZĐa-zđ0-9]*)*)/u;
const LINK = /\b(?:https?:\/\/|www\.)\S+/i;
const NUMERIC_DATE = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})\b/g;
const WORDED_DATE = /ng[aà]y\s+(\d{1,2})\s+th[aá]ng\s+(\d{1,2})\s+n[aă]m\s+((?:19|20)\d{2})/giu;
const MONTH_WORD = /th[aá]ng/i;

export function citation(text: string): EvidenceCitation {
  const dates: EvidenceCitation["dates"] = [];
  datesIn(NUMERIC_DATE, text, dates);
  // The worded pattern (any case, Unicode) is slow to try, and evidence rarely words a date: only try it
  // where its "tháng" is (this plain pattern accepts exactly the same letters in any case).
  if (MONTH_WORD.test(text)) datesIn(WORDED_DATE, text, dates);
  return { documentNumber: DOC_NUMBER.test(text), link: LINK.test(text), dates };
}

function datesIn(re: RegExp, text: string, dates: EvidenceCitation["dates"]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    // Only a worded date starts with "ngày"; a numeric one starts with its day, with nothing to strip.
    const shown = re === WORDED_DATE ? m[0].replace(/^ng[aà]y\s+/iu, "") : m[0];
    dates.push({ text: shown, year: Number(m[3]) });
  }
}

export function isVerifiable(c: EvidenceCitation): boolean {
  return c.documentNumber || c.link || c.dates.length > 0;
}
