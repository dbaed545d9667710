import { fold, foldWords } from "../fold";
import type { Rubric } from "../rubric/schema";
import { mixSeed } from "./prng";

/**
 * Unit names that look like a province's list: "Xã An Bình", "Phường Tân Phong", "Sở Tư pháp",
 * "Phòng Nội vụ huyện Long Điền". Names are drawn through a seeded bijection over all combinations, so a
 * batch of any size up to the pool holds no two names that fold to the same key.
 */

// Syllables of Sino-Vietnamese place names; no two fold alike (Thành/Thạnh would), checked below.
const SYLLABLES = [
  "An",
  "Bình",
  "Tân",
  "Phú",
  "Long",
  "Hòa",
  "Mỹ",
  "Phước",
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Hưng",
  "Lợi",
  "Thuận",
  "Vĩnh",
  "Quang",
  "Trung",
  "Hiệp",
  "Định",
  "Khánh",
  "Hải",
  "Sơn",
  "Lâm",
  "Xuân",
  "Hà",
  "Cẩm",
  "Gia",
  "Đức",
  "Nghĩa",
  "Phong",
  "Thịnh",
  "Lộc",
  "Điền",
  "Tiến",
  "Hồng",
  "Kim",
  "Thanh",
  "Yên",
  "Hội",
  "Tường",
  "Mới",
  "Cường",
  "Dương",
  "Châu",
  "Hậu",
  "Minh",
  "Vạn",
  "Ninh",
  "Thái",
];

function uniqueByFold(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = fold(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const PLACES: string[] = (() => {
  const syl = uniqueByFold(SYLLABLES);
  const out: string[] = [];
  for (const a of syl) for (const b of syl) if (a !== b) out.push(`${a} ${b}`);
  return out;
})();

/** Display prefixes and the folded words a rubric group pattern would test ("^xa ", "^phuong "). */
const COMMUNE_PREFIXES = ["Xã", "Phường", "Thị trấn"];

const PROVINCIAL_AGENCIES = [
  "Sở Nội vụ",
  "Sở Tư pháp",
  "Sở Tài chính",
  "Sở Kế hoạch và Đầu tư",
  "Sở Công Thương",
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Sở Giao thông vận tải",
  "Sở Xây dựng",
  "Sở Tài nguyên và Môi trường",
  "Sở Thông tin và Truyền thông",
  "Sở Lao động - Thương binh và Xã hội",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Khoa học và Công nghệ",
  "Sở Giáo dục và Đào tạo",
  "Sở Y tế",
  "Sở Ngoại vụ",
  "Thanh tra tỉnh",
  "Văn phòng UBND tỉnh",
  "Ban Dân tộc",
  "Ban Quản lý các khu công nghiệp",
  "Ban Quản lý Khu kinh tế",
];
const DISTRICT_AGENCIES = [
  "Phòng Nội vụ",
  "Phòng Tư pháp",
  "Phòng Tài chính - Kế hoạch",
  "Phòng Kinh tế",
  "Phòng Quản lý đô thị",
  "Phòng Tài nguyên và Môi trường",
  "Phòng Văn hóa và Thông tin",
  "Phòng Giáo dục và Đào tạo",
  "Phòng Y tế",
  "Phòng Lao động - Thương binh và Xã hội",
  "Thanh tra huyện",
  "Văn phòng HĐND và UBND",
];

/** How many distinct names the pool holds for a rubric's unit level. */
export function namePoolSize(rubric: Rubric): number {
  return rubric.unitLevel === "agency"
    ? PROVINCIAL_AGENCIES.length + DISTRICT_AGENCIES.length * PLACES.length
    : COMMUNE_PREFIXES.length * PLACES.length;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The index-th name of a seeded permutation of the pool: distinct indexes give distinct names. */
export function unitName(rubric: Rubric, seed: number, index: number): string {
  const n = namePoolSize(rubric);
  // A seeded affine permutation k = (a·index + b) mod n with a coprime to n: a bijection on the pool,
  // and a large a scatters consecutive indexes over prefixes and places.
  let step = (mixSeed(seed, 1) % (n - 1)) + 1;
  while (gcd(step, n) !== 1) step = (step % (n - 1)) + 1;
  const offset = mixSeed(seed, 2) % n;
  const k = ((((index % n) * step) % n) + offset) % n;
  const round = Math.floor(index / n);
  const suffix = round > 0 ? ` ${round + 1}` : "";
  if (rubric.unitLevel === "agency") {
    if (k < PROVINCIAL_AGENCIES.length) return PROVINCIAL_AGENCIES[k] + suffix;
    const j = k - PROVINCIAL_AGENCIES.length;
    const agency = DISTRICT_AGENCIES[j % DISTRICT_AGENCIES.length];
    const place = PLACES[Math.floor(j / DISTRICT_AGENCIES.length)];
    return `${agency} huyện ${place}${suffix}`;
  }
  const prefix = COMMUNE_PREFIXES[k % COMMUNE_PREFIXES.length];
  const place = PLACES[Math.floor(k / COMMUNE_PREFIXES.length)];
  return `${prefix} ${place}${suffix}`;
}

/** The rubric group whose patterns match a name (folded), as ranking will decide it; null if none. */
export function groupOf(rubric: Rubric, name: string): string | null {
  const key = fold(name);
  for (const g of rubric.groups) {
    if (g.patterns.some((p) => safeTest(p, key))) return g.id;
  }
  return null;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return false;
  }
}

/** "Xã An Bình" → "Xa-An-Binh.xlsx": ASCII, safe on every file system, unique when names fold apart. */
export function fileNameFor(name: string): string {
  const words = foldWords(name)
    .split(" ")
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1));
  return `${words.join("-") || "don-vi"}.xlsx`;
}

const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * An Excel sheet name for a unit: at most 31 characters, none of []:*?/\, no leading or trailing
 * apostrophe, unique in the workbook (case-insensitive, as Excel compares them) — "Xã An Bình (2)".
 */
export function sheetNameFor(name: string, used: Set<string>): string {
  let base = name
    .replace(SHEET_FORBIDDEN, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (!base) base = "Đơn vị";
  base = base.slice(0, 31).trim();
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) {
    const tail = ` (${i})`;
    candidate = base.slice(0, 31 - tail.length).trim() + tail;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}
