/**
 * Scoring guidance as provinces write it, read into a rule validation can check:
 *  - discrete levels: "Ban hành kịp thời: 1; ban hành chậm: 0,5; không ban hành: 0"
 *  - percentage bands: "Trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0"
 * Anything else (free prose) gives null: the item then accepts any score from 0 to its maximum.
 */
import { fold } from "../fold";
import { parseNumberText } from "../numbers";
import type { Rule } from "./schema";

type Band = Extract<Rule, { type: "bands" }>["bands"][number];

/** Guidance longer than this is prose, not a rule (a bound on the work, whatever the template holds). */
const MAX_GUIDANCE = 4_000;

export function parseGuidance(text: string | null | undefined): Rule | null {
  if (!text || text.length > MAX_GUIDANCE) return null;
  const segments = text
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const scored = segments.map(splitPoints).filter((s): s is { head: string; points: number } => s !== null);
  if (scored.length < 2) return null;
  if (scored.every((s) => s.head.includes("%"))) {
    const bands = scored.map((s) => band(s.head, s.points));
    if (bands.every((b): b is Band => b !== null)) return { type: "bands", bands };
    return null;
  }
  if (scored.some((s) => s.head.includes("%"))) return null;
  return { type: "levels", levels: scored.map((s) => s.points) };
}

/**
 * "từ 70% đến 90%: 1" → head "từ 70% đến 90%", points 1. Segments whose tail is not a number are prose.
 * Read from the end by hand, not with a regular expression: guidance is the province's free text, and
 * patterns such as `(.*\D)\s+` backtrack quadratically on long runs of spaces. Every step here is one
 * pass over the segment.
 */
function splitPoints(segment: string): { head: string; points: number } | null {
  let s = segment.replace(/\s+/g, " ").trim();
  if (s.endsWith(".")) s = s.slice(0, -1).trimEnd();
  // "… 1 điểm", "… 0,5đ"
  const unit = /(?:^|[^\p{L}])(điểm|đ)$/iu.exec(s.slice(-6));
  if (unit) s = s.slice(0, s.length - unit[1].length).trimEnd();
  let k = s.length;
  while (k > 0 && isNumberChar(s.charCodeAt(k - 1))) k--;
  if (
    k > 0 &&
    (s[k - 1] === "+" || s[k - 1] === "-") &&
    (k === 1 || s[k - 2] === " " || s[k - 2] === ":" || s[k - 2] === "=")
  )
    k--;
  const numberText = s.slice(k);
  if (!/\d/.test(numberText)) return null;
  const before = s.slice(0, k);
  const rest = before.trimEnd();
  const spaced = before.length > rest.length;
  let head: string;
  if (rest.endsWith(":") || rest.endsWith("=")) {
    head = rest.slice(0, -1);
  } else if (unit && spaced && rest !== "" && !isDigit(rest.charCodeAt(rest.length - 1))) {
    head = rest;
  } else if (!unit && spaced && isBareLevel(rest, numberText)) {
    head = rest;
  } else {
    return null;
  }
  const parsed = parseNumberText(numberText);
  if (!parsed) return null;
  return { head: head.trim(), points: parsed.value };
}

function isNumberChar(c: number): boolean {
  return isDigit(c) || c === 46 || c === 44; // digits, ".", ","
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * "kịp thời 1" (no colon, no "điểm"): a level only when the head is plain words and the number a plain
 * decimal, so a citation such as "Nghị định 61" or "Điều 5" is never read as points.
 */
function isBareLevel(head: string, numberText: string): boolean {
  if (!/^\d+(?:[.,]\d+)?$/.test(numberText)) return false;
  // One character class, no alternation: linear whatever the text.
  if (!/^\p{L}[\p{L} ]*$/u.test(head)) return false;
  const lastWord = fold(head).split(" ").pop() ?? "";
  return !CITATION_WORDS.has(lastWord);
}

/** Words after which a number is a reference, a date part or a count, not points. */
const CITATION_WORDS = new Set(
  [
    // Document kinds: Nghị định, Thông tư, Quyết định, Nghị quyết, Kế hoạch, Báo cáo, Công văn, Chỉ thị…
    "dinh tu quyet hoach cao bao van thi luat dan trinh luan ban",
    // Parts and counts: Điều 5, khoản 2, điểm a, số 12, năm 2024, mẫu 01, lần 2, bước 3, cấp 2…
    "dieu khoan diem so nam thang ngay quy chuong muc luc bieu mau lan buoc cap",
  ]
    .join(" ")
    .split(" "),
);

function band(head: string, points: number): Band | null {
  const f = fold(head);
  // "70–90%" and "70 - 90%" carry one percent sign for both ends.
  const f2 = f.replace(/(\d+(?:[.,]\d+)?)\s*(?=[-–—]\s*\d+(?:[.,]\d+)?\s*%)/g, "$1% ");
  const numbers = [...f2.matchAll(/(\d+(?:[.,]\d+)?)\s*%/g)].map((m) => Number(m[1].replace(",", ".")));
  if (numbers.length === 2 && /den|-|–/.test(f)) {
    const [lo, hi] = numbers[0] <= numbers[1] ? numbers : [numbers[1], numbers[0]];
    return { min: lo, minInclusive: !/tren/.test(f), max: hi, maxInclusive: !/duoi/.test(f), points };
  }
  if (numbers.length !== 1) return null;
  const x = numbers[0];
  if (/tren|lon hon|hon/.test(f))
    return { min: x, minInclusive: false, max: null, maxInclusive: false, points };
  if (/tro len|it nhat|toi thieu|>=/.test(f))
    return { min: x, minInclusive: true, max: null, maxInclusive: false, points };
  if (/duoi|nho hon|it hon/.test(f))
    return { min: null, minInclusive: false, max: x, maxInclusive: false, points };
  if (/toi da|khong qua|<=/.test(f))
    return { min: null, minInclusive: false, max: x, maxInclusive: true, points };
  if (/^(dat )?100\s*%$/.test(f.trim()))
    return { min: x, minInclusive: true, max: null, maxInclusive: false, points };
  return null;
}
