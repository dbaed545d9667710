import { fold, foldWords } from "../core/fold";
import { rubricGroupMatcher } from "../core/group-pattern";
import type { Rubric } from "../core/rubric/schema";
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
    : PLACES.length;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** A seeded bijection on 0..n−1 (k = a·i + b mod n, a coprime to n): distinct indexes, distinct results. */
function permute(i: number, n: number, seed: number): number {
  if (n <= 1) return 0;
  let step = (mixSeed(seed, n, 1) % (n - 1)) + 1;
  while (gcd(step, n) !== 1) step = (step % (n - 1)) + 1;
  return ((i % n) * step + (mixSeed(seed, n, 2) % n)) % n;
}

/**
 * The index-th unit name of a batch. Communes: each place once, mostly "Xã", some "Phường", a few
 * "Thị trấn" (as in a province's list). Agencies: the provincial departments first, then district
 * offices district by district. Distinct indexes give names that fold apart.
 */
export function unitName(rubric: Rubric, seed: number, index: number): string {
  const n = namePoolSize(rubric);
  const round = Math.floor(index / n);
  const suffix = round > 0 ? ` ${round + 1}` : "";
  const i = index % n;
  if (rubric.unitLevel === "agency") {
    if (i < PROVINCIAL_AGENCIES.length)
      return PROVINCIAL_AGENCIES[permute(i, PROVINCIAL_AGENCIES.length, seed)] + suffix;
    const j = i - PROVINCIAL_AGENCIES.length;
    const place = PLACES[permute(Math.floor(j / DISTRICT_AGENCIES.length), PLACES.length, seed)];
    return `${DISTRICT_AGENCIES[j % DISTRICT_AGENCIES.length]} huyện ${place}${suffix}`;
  }
  const placeIndex = permute(i, PLACES.length, seed);
  const roll = mixSeed(seed, placeIndex, 3) % 10;
  const prefix = roll < 6 ? "Xã" : roll < 9 ? "Phường" : "Thị trấn";
  return `${prefix} ${PLACES[placeIndex]}${suffix}`;
}

/** The rubric group whose patterns match a name, as ranking decides it (the same matcher); null if none. */
export function groupOf(rubric: Rubric, name: string): string | null {
  return rubricGroupMatcher(rubric)(name)?.id ?? null;
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
