import { UserError } from "../errors";
import type { Text } from "../finding";
import { SCALE, toUnits } from "../numbers";
import vi from "zod/v4/locales/vi.js";
import {
  MAX_RUBRIC_DEPTH,
  MAX_RUBRIC_ITEMS,
  type Rubric,
  type RubricItem,
  RubricSchema,
  SCHEMA_MESSAGES,
} from "./schema";
import { flattenItems } from "./tree";

export interface RubricProblem {
  /** Item code concerned, or a JSON path for schema errors. */
  where: string;
  message: Text;
}

export type RubricLoad = { ok: true; rubric: Rubric } | { ok: false; problems: RubricProblem[] };

/**
 * Parses and checks a rubric: the schema, then the arithmetic a province's template relies on —
 * unique codes, every parent's max equal to the sum of its children (bonus/penalty: each child within
 * the cap), rating bands in order. Every problem names the item so a province can fix its file.
 */
export function loadRubric(data: unknown): RubricLoad {
  // Size and depth first, without recursion: zod's recursive schema and every tree walk after it recurse,
  // and a 1,000-level rubric must fail with a message, not a stack overflow.
  const shape = rubricShapeProblem(data);
  if (shape) return { ok: false, problems: [shapeText(shape)] };
  const parsed = RubricSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: schemaIssueTexts(data, parsed.error.issues).map(({ where, text }) => ({
        where,
        message: {
          vi: `Bộ chỉ số không hợp lệ tại ${where}: ${text.vi}`,
          en: `Invalid rubric at ${where}: ${text.en}`,
        },
      })),
    };
  }
  const rubric = parsed.data;
  const problems = checkRubricArithmetic(rubric);
  return problems.length ? { ok: false, problems } : { ok: true, rubric };
}

const viErrors = vi().localeError;

/**
 * The schema's issues for `data` in both languages, for every place that parses a rubric (the loader,
 * the template import): ours are looked up in SCHEMA_MESSAGES; zod's own come from the same parse with
 * zod's Vietnamese locale (same issues, same order), so no English is left inside the Vietnamese. The
 * second parse runs only on failure, so valid rubrics parse once.
 */
export function schemaIssueTexts(
  data: unknown,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): { where: string; text: Text }[] {
  const viIssues = RubricSchema.safeParse(data, { error: viErrors }).error?.issues ?? [];
  return issues.map((issue, k) => {
    const ours = SCHEMA_MESSAGES.get(issue.message);
    return {
      where: issue.path.map(String).join(".") || "(root)",
      text: { vi: ours?.vi ?? viIssues[k]?.message ?? issue.message, en: ours?.en ?? issue.message },
    };
  });
}

/** Why a tree cannot be a province's rubric whatever its content: too many items, or too deep at `code`. */
export type ShapeProblem = { kind: "items" } | { kind: "depth"; code: string | null; item: unknown };

function shapeText(shape: ShapeProblem): RubricProblem {
  if (shape.kind === "items") {
    return {
      where: "items",
      message: {
        vi: `Bộ chỉ số có hơn ${MAX_RUBRIC_ITEMS.toLocaleString("vi")} mục; không phải bộ chỉ số của một tỉnh.`,
        en: `The rubric has more than ${MAX_RUBRIC_ITEMS.toLocaleString("en")} items; not a province's rubric.`,
      },
    };
  }
  return {
    where: shape.code ?? "items",
    message: {
      vi: `Bộ chỉ số sâu quá ${MAX_RUBRIC_DEPTH} cấp (tại mục ${String(shape.code)}); bộ chỉ số của tỉnh thường có tối đa 5 cấp.`,
      en: `The rubric is more than ${MAX_RUBRIC_DEPTH} levels deep (at item ${String(shape.code)}); provinces' rubrics have up to about 5.`,
    },
  };
}

/**
 * A tree deeper than MAX_RUBRIC_DEPTH or larger than MAX_RUBRIC_ITEMS, found with an explicit stack: the
 * loader checks a JSON rubric with it, the template import the tree it built from a table.
 */
export function rubricShapeProblem(data: unknown): ShapeProblem | null {
  if (!data || typeof data !== "object") return null;
  const roots = (data as { items?: unknown }).items;
  if (!Array.isArray(roots)) return null;
  const stack: { list: unknown[]; depth: number }[] = [{ list: roots, depth: 1 }];
  let count = 0;
  while (stack.length) {
    const { list, depth } = stack.pop() as { list: unknown[]; depth: number };
    count += list.length;
    if (count > MAX_RUBRIC_ITEMS) return { kind: "items" };
    for (const item of list) {
      const children =
        item && typeof item === "object" ? (item as { children?: unknown }).children : undefined;
      if (!Array.isArray(children) || children.length === 0) continue;
      if (depth + 1 > MAX_RUBRIC_DEPTH) {
        const code = (item as { code?: unknown }).code;
        return { kind: "depth", code: typeof code === "string" ? code : null, item };
      }
      stack.push({ list: children, depth: depth + 1 });
    }
  }
  return null;
}

export function checkRubricArithmetic(rubric: Rubric): RubricProblem[] {
  const problems: RubricProblem[] = [];
  const seen = new Map<string, number>();
  for (const flat of flattenItems(rubric.items)) {
    const key = flat.code.trim().toLowerCase();
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (seen.get(key) === 2) {
      problems.push({
        where: flat.code,
        message: {
          vi: `Mã "${flat.code}" xuất hiện nhiều lần trong bộ chỉ số.`,
          en: `Code "${flat.code}" appears more than once in the rubric.`,
        },
      });
    }
    const rule = flat.item.rule;
    if (rule) {
      // A level the item cannot reach is a typo in the guidance; it used to be dropped without a word.
      const values = rule.type === "levels" ? rule.levels : rule.bands.map((b) => b.points);
      const bad = values.filter((v) => v < 0 || toUnits(v) > toUnits(flat.max));
      if (bad.length) {
        problems.push({
          where: flat.code,
          message: {
            vi: `Mục ${flat.code}: mức điểm ${bad.join("; ")} trong hướng dẫn nằm ngoài 0–${flat.max}.`,
            en: `Item ${flat.code}: the guidance's score ${bad.join("; ")} is outside 0–${flat.max}.`,
          },
        });
      }
    }
    const children: RubricItem[] = flat.item.children ?? [];
    if (children.length === 0) continue;
    if (flat.kind === "bonus" || flat.kind === "penalty") {
      for (const child of children) {
        if (toUnits(child.max) > toUnits(flat.max)) {
          problems.push({
            where: child.code,
            message: {
              vi: `Mục ${child.code} có điểm tối đa ${child.max}, vượt mức trần ${flat.max} của mục ${flat.code}.`,
              en: `Item ${child.code} has max ${child.max}, above the cap ${flat.max} of item ${flat.code}.`,
            },
          });
        }
      }
      continue;
    }
    const sum = children.reduce((s, c) => s + toUnits(c.max), 0);
    if (sum !== toUnits(flat.max)) {
      problems.push({
        where: flat.code,
        message: {
          vi: `Mục ${flat.code} "${flat.label}": điểm tối đa ${flat.max} khác tổng các mục con ${sum / SCALE}.`,
          en: `Item ${flat.code} "${flat.label}": max ${flat.max} differs from the sum of its children ${sum / SCALE}.`,
        },
      });
    }
  }
  const bands = rubric.ratingBands;
  for (let i = 1; i < bands.length; i++) {
    if (bands[i].min >= bands[i - 1].min) {
      problems.push({
        where: `ratingBands.${i}`,
        message: {
          vi: `Các mức xếp loại phải theo thứ tự điểm giảm dần ("${bands[i - 1].label}" rồi "${bands[i].label}").`,
          en: `Rating bands must be listed from the highest minimum down ("${bands[i - 1].label}" then "${bands[i].label}").`,
        },
      });
    }
  }
  return problems;
}

export class RubricError extends UserError {
  constructor(
    readonly source: string,
    readonly problems: RubricProblem[],
  ) {
    super("invalid-rubric", {
      vi: `${source}: ${problems.map((p) => p.message.vi).join("; ")}`,
      en: `${source}: ${problems.map((p) => p.message.en).join("; ")}`,
    });
    this.name = "RubricError";
  }
}

/** Load or throw a RubricError naming the source and every problem. */
export function requireRubric(data: unknown, source: string): Rubric {
  const r = loadRubric(data);
  if (!r.ok) throw new RubricError(source, r.problems);
  return r.rubric;
}
