import "./zod-jitless";
import { z } from "zod";
import type { Text } from "../finding";
import { patternProblem } from "../group-pattern";

/**
 * The largest maximum, band or level a rubric may state: provinces score on 100 points (a few items above
 * with bonus); anything near 1e308 is a typo or an attack and would overflow the integer sums ("index
 * 3/Infinity").
 */
export const MAX_POINTS = 10_000;
/** Deeper trees are refused (provinces use up to about five levels); bounds every walk of the tree. */
export const MAX_RUBRIC_DEPTH = 12;
/** More items are refused (a province's rubric has tens to a few hundred). */
export const MAX_RUBRIC_ITEMS = 20_000;

/**
 * Schema messages of our own in both languages: zod carries one string, the English; `loadRubric` finds
 * the Vietnamese here (zod's own messages come in Vietnamese through its `vi` locale).
 */
export const SCHEMA_MESSAGES = new Map<string, Text>();
function bilingual(text: Text): string {
  SCHEMA_MESSAGES.set(text.en, text);
  return text.en;
}

const points = () =>
  z
    .number()
    .min(-MAX_POINTS, bilingual({ vi: `nhỏ hơn −${MAX_POINTS}`, en: `below −${MAX_POINTS}` }))
    .max(MAX_POINTS, bilingual({ vi: `lớn hơn ${MAX_POINTS}`, en: `above ${MAX_POINTS}` }));

/**
 * A rubric (bộ chỉ số) is data: a province's tree of items with maxima, kinds and scoring guidance.
 * It is loaded from JSON, imported from a blank template workbook or picked from the built-in examples,
 * and checked with `loadRubric` (schema + arithmetic) before anything uses it.
 */

/** Discrete allowed scores ("kịp thời 1; chậm 0,5; không 0"). */
export const LevelsRuleSchema = z.object({
  type: z.literal("levels"),
  levels: z.array(points()).min(1),
});

/** Percentage bands ("trên 90%: 2; 70–90%: 1; dưới 70%: 0"): bounds in percent, points per band. */
export const BandsRuleSchema = z.object({
  type: z.literal("bands"),
  bands: z
    .array(
      z.object({
        min: points().nullable(),
        minInclusive: z.boolean(),
        max: points().nullable(),
        maxInclusive: z.boolean(),
        points: points(),
      }),
    )
    .min(1),
});

export const RuleSchema = z.discriminatedUnion("type", [LevelsRuleSchema, BandsRuleSchema]);
export type Rule = z.infer<typeof RuleSchema>;

export const ItemKindSchema = z.enum(["scored", "survey", "bonus", "penalty"]);
export type ItemKind = z.infer<typeof ItemKindSchema>;

export interface RubricItem {
  /** The code as the province's template writes it ("I", "1.1", "12.2", "a)"); it may repeat in a tree. */
  code: string;
  /**
   * Internal unique key, present only where `code` repeats (criteria restarting in every area, letters
   * under many parents): the path of written codes ("III/2.1"). Never shown to users; `code` is.
   */
  key?: string;
  label: string;
  max: number;
  /** Inherited from the parent when absent; areas set it. */
  kind?: ItemKind;
  guidance?: string;
  rule?: Rule;
  /** The item may be "không áp dụng / không phát sinh" for some units. */
  notApplicableAllowed?: boolean;
  children?: RubricItem[];
}

export const RubricItemSchema: z.ZodType<RubricItem> = z.lazy(() =>
  z.object({
    code: z.string().min(1),
    key: z.string().min(1).optional(),
    label: z.string().min(1),
    max: points().nonnegative(),
    kind: ItemKindSchema.optional(),
    guidance: z.string().optional(),
    rule: RuleSchema.optional(),
    notApplicableAllowed: z.boolean().optional(),
    children: z.array(RubricItemSchema).optional(),
  }),
);

export const RatingBandSchema = z.object({
  /** Vietnamese label as published ("Xuất sắc"); English beside it. */
  label: z.string().min(1),
  labelEn: z.string().optional(),
  /** The band holds scores from `min` upward (until the next band's min). */
  min: points(),
  minInclusive: z.boolean().default(true),
});
export type RatingBand = z.infer<typeof RatingBandSchema>;

/** A unit group: units whose folded name matches one of the patterns (regular expressions on folded text). */
export const UnitGroupSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    labelEn: z.string().optional(),
    patterns: z.array(z.string()).default([]),
  })
  .superRefine((group, ctx) => {
    // A pattern that is invalid or could backtrack for minutes is refused here, naming its group,
    // rather than dropped at ranking time (which put every unit in "other" without a word).
    group.patterns.forEach((pattern, i) => {
      const problem = patternProblem(pattern, group.label);
      if (problem) ctx.addIssue({ code: "custom", path: ["patterns", i], message: bilingual(problem) });
    });
  });
export type UnitGroup = z.infer<typeof UnitGroupSchema>;

export const RubricSchema = z.object({
  id: z.string().regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    bilingual({
      vi: "id: chỉ gồm chữ thường không dấu, chữ số, . _ -",
      en: "id: lower-case letters, digits, . _ -",
    }),
  ),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  province: z.string().optional(),
  year: z.number().int().min(2000).max(2100),
  unitLevel: z.enum(["commune", "agency", "district", "province", "other"]),
  /** Decimals the province publishes scores with (2 → 84.85, 3 → 61.904). */
  precision: z.number().int().min(0).max(4),
  /** Built-in rubrics are examples modelled on published articles, not official texts. */
  example: z.boolean().optional(),
  source: z.string().optional(),
  notApplicable: z
    .object({
      /** "full-points": the item scores its max; "remove-from-max": the max shrinks and index = points ÷ max × 100. */
      policy: z.enum(["full-points", "remove-from-max"]),
      /** Folded words that mark a cell as not applicable. */
      markers: z.array(z.string()).default(["khong ap dung", "khong phat sinh", "kad", "n/a", "na"]),
    })
    .default({ policy: "full-points", markers: ["khong ap dung", "khong phat sinh", "kad", "n/a", "na"] }),
  /** When the survey part is optional and missing, the province may scale the evidence part to 100. */
  surveyOptional: z.boolean().default(false),
  items: z.array(RubricItemSchema).min(1),
  ratingBands: z.array(RatingBandSchema).default([]),
  groups: z.array(UnitGroupSchema).default([]),
});

export type Rubric = z.infer<typeof RubricSchema>;
/** What a rubric JSON file may omit (defaults filled by the schema). */
export type RubricInput = z.input<typeof RubricSchema>;
