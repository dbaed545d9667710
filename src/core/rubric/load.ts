import { UserError } from "../errors";
import type { Text } from "../finding";
import { SCALE, toUnits } from "../numbers";
import { type Rubric, type RubricItem, RubricSchema } from "./schema";
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
  const parsed = RubricSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const where = issue.path.join(".") || "(root)";
        return {
          where,
          message: {
            vi: `Bộ chỉ số không hợp lệ tại ${where}: ${issue.message}`,
            en: `Invalid rubric at ${where}: ${issue.message}`,
          },
        };
      }),
    };
  }
  const rubric = parsed.data;
  const problems = checkRubricArithmetic(rubric);
  return problems.length ? { ok: false, problems } : { ok: true, rubric };
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
