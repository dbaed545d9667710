import agency from "./builtin/example-agency-2024.json";
import commune from "./builtin/example-commune-2024.json";
import { requireRubric } from "./load";
import type { Rubric } from "./schema";

/** Built-in rubrics: examples modelled on published articles, clearly not official texts. */
const RAW: Record<string, unknown> = {
  [commune.id]: commune,
  [agency.id]: agency,
};

export const BUILTIN_RUBRIC_IDS = Object.keys(RAW);
export const DEFAULT_RUBRIC_ID = commune.id;

const cache = new Map<string, Rubric>();

export function builtinRubric(id: string): Rubric | null {
  if (!(id in RAW)) return null;
  let r = cache.get(id);
  if (!r) {
    r = requireRubric(RAW[id], `built-in rubric ${id}`);
    cache.set(id, r);
  }
  return r;
}

export function builtinRubrics(): Rubric[] {
  return BUILTIN_RUBRIC_IDS.map((id) => builtinRubric(id)!);
}
