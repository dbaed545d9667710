import { emptyEntry, type ItemEntry, type UnitEntries } from "../../src/core/entries";
import type { RankInput } from "../../src/core/rank";
import { requireRubric } from "../../src/core/rubric/load";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { scoreUnit } from "../../src/core/score";

// Setup the scoring and ranking tests share.

/** Leaf scores into entries: survey items go to the appraisers' column, the rest to `column`. */
export function leafEntries(
  rubric: Rubric,
  scores: Record<string, number>,
  column: "self" | "appraised1" = "self",
  extra: Record<string, Partial<ItemEntry>> = {},
): UnitEntries {
  const out: UnitEntries = new Map();
  for (const item of flattenRubric(rubric).filter((i) => i.isLeaf)) {
    const e = emptyEntry(item.code);
    const v = scores[item.code];
    if (v !== undefined) e[item.kind === "survey" ? "appraised1" : column] = v;
    Object.assign(e, extra[item.code] ?? {});
    out.set(item.code, e);
  }
  return out;
}

/**
 * Two scored areas (40 + 30) and a survey (30), two rating bands, wards and communes as groups: small
 * enough to work rankings out by hand.
 */
export function threeAreaRubric(
  options: { name?: string; year?: number; precision?: number; englishBands?: boolean } = {},
): Rubric {
  const { name = "Test rubric", year = 2024, precision = 2, englishBands = true } = options;
  return requireRubric(
    {
      id: "t",
      name,
      year,
      unitLevel: "commune",
      precision,
      items: [
        { code: "1", label: "Chỉ đạo điều hành", max: 40 },
        { code: "2", label: "Hiện đại hóa", max: 30 },
        { code: "3", label: "Điều tra xã hội học", max: 30, kind: "survey" },
      ],
      ratingBands: englishBands
        ? [
            { label: "Tốt", labelEn: "Good", min: 80 },
            { label: "Khá", labelEn: "Fair", min: 0 },
          ]
        : [
            { label: "Tốt", min: 80 },
            { label: "Khá", min: 0 },
          ],
      groups: [
        { id: "ward", label: "Phường", patterns: ["^phuong "] },
        { id: "commune", label: "Xã", patterns: ["^xa "] },
      ],
    },
    "test",
  );
}

export interface AreaScores {
  self: [number, number];
  appraised?: [number, number];
  survey: number | null;
}

/** A unit of the three-area rubric, scored and ready to rank. */
export function rankInput(rubric: Rubric, name: string, s: AreaScores, errors = 0): RankInput {
  const e: UnitEntries = new Map();
  e.set("1", { ...emptyEntry("1"), self: s.self[0], appraised1: s.appraised?.[0] ?? null });
  e.set("2", { ...emptyEntry("2"), self: s.self[1], appraised1: s.appraised?.[1] ?? null });
  e.set("3", { ...emptyEntry("3"), appraised1: s.survey });
  return { unit: name, source: `${name}.xlsx`, sheet: name, score: scoreUnit(rubric, e), errors };
}

/**
 * Two areas of 50; area 1 splits into 1.1 (not-applicable allowed, `maxA`) and 1.2 (50 − `maxA`);
 * not-applicable items removed from the maximum. The smallest rubric a removal changes.
 */
export function notApplicableRubric(id: string, maxA: number): Rubric {
  return requireRubric(
    {
      id,
      name: id,
      year: 2024,
      unitLevel: "commune",
      precision: 2,
      notApplicable: { policy: "remove-from-max" },
      items: [
        {
          code: "1",
          label: "Một",
          max: 50,
          children: [
            { code: "1.1", label: "a", max: maxA, notApplicableAllowed: true },
            { code: "1.2", label: "b", max: 50 - maxA },
          ],
        },
        { code: "2", label: "Hai", max: 50 },
      ],
    },
    "test",
  );
}
