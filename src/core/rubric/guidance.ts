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

export function parseGuidance(text: string | null | undefined): Rule | null {
  if (!text) return null;
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

/** "từ 70% đến 90%: 1" → head "từ 70% đến 90%", points 1. Segments whose tail is not a number are prose. */
function splitPoints(segment: string): { head: string; points: number } | null {
  const m =
    /^(.*?)[:=]\s*([+-]?[\d.,]+)\s*(điểm|đ)?\.?$/iu.exec(segment) ??
    /^(.*\D)\s+([\d.,]+)\s*(điểm|đ)\.?$/iu.exec(segment) ??
    bareLevel(segment);
  if (!m) return null;
  const parsed = parseNumberText(m[2]);
  if (!parsed) return null;
  return { head: m[1].trim(), points: parsed.value };
}

/**
 * "kịp thời 1" (no colon, no "điểm"): a level only when the head is plain words, so a citation such as
 * "Nghị định 61" or "Điều 5" is never read as points.
 */
function bareLevel(segment: string): RegExpExecArray | null {
  const m = /^(\p{L}[\p{L}\s]*?)\s+(\d+(?:[.,]\d+)?)\.?$/u.exec(segment);
  if (!m) return null;
  const lastWord = fold(m[1]).split(" ").pop() ?? "";
  return CITATION_WORDS.has(lastWord) ? null : m;
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
  if (numbers.length === 2 && /(tu|trong khoang)?.*(den|-|–)/.test(f)) {
    const [lo, hi] = numbers[0] <= numbers[1] ? numbers : [numbers[1], numbers[0]];
    return { min: lo, minInclusive: !/tren/.test(f), max: hi, maxInclusive: !/duoi/.test(f), points };
  }
  if (numbers.length !== 1) return null;
  const x = numbers[0];
  if (/tren|lon hon|hon/.test(f))
    return { min: x, minInclusive: false, max: null, maxInclusive: false, points };
  if (/tu .* tro len|tro len|it nhat|toi thieu|>=/.test(f))
    return { min: x, minInclusive: true, max: null, maxInclusive: false, points };
  if (/duoi|nho hon|it hon/.test(f))
    return { min: null, minInclusive: false, max: x, maxInclusive: false, points };
  if (/toi da|khong qua|<=/.test(f))
    return { min: null, minInclusive: false, max: x, maxInclusive: true, points };
  if (/^(dat )?100\s*%$/.test(f.trim()))
    return { min: x, minInclusive: true, max: null, maxInclusive: false, points };
  return null;
}
