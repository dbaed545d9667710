import type { ItemKind, Rubric, RubricItem } from "./schema";

/** An item with what the tree around it says: level, parent, effective kind. */
export interface FlatItem {
  code: string;
  label: string;
  max: number;
  kind: ItemKind;
  /** 1 for areas, 2 for criteria, … */
  level: number;
  parent: string | null;
  /** Codes from the root down to this item, itself included. */
  path: string[];
  isLeaf: boolean;
  item: RubricItem;
}

/** Depth-first, in rubric order, with kinds inherited from ancestors ("scored" at the roots by default). */
export function flattenItems(items: readonly RubricItem[]): FlatItem[] {
  const out: FlatItem[] = [];
  const walk = (list: readonly RubricItem[], level: number, parent: FlatItem | null) => {
    for (const item of list) {
      const flat: FlatItem = {
        code: item.code,
        label: item.label,
        max: item.max,
        kind: item.kind ?? parent?.kind ?? "scored",
        level,
        parent: parent?.code ?? null,
        path: [...(parent?.path ?? []), item.code],
        isLeaf: !item.children || item.children.length === 0,
        item,
      };
      out.push(flat);
      if (item.children) walk(item.children, level + 1, flat);
    }
  };
  walk(items, 1, null);
  return out;
}

export function flattenRubric(rubric: Rubric): FlatItem[] {
  return flattenItems(rubric.items);
}

/** The maximum of the 100-point scale: scored + survey areas (bonus and penalty are outside it). */
export function scaleMax(rubric: Rubric): number {
  return flattenRubric(rubric)
    .filter((i) => i.level === 1 && (i.kind === "scored" || i.kind === "survey"))
    .reduce((s, i) => s + i.max, 0);
}

/** Normalised item code for matching: "1.1.", "1.1" and " 1.1 " meet; Roman and letters kept as typed (upper/lower folded). */
export function normaliseCode(code: unknown): string {
  if (code === null || code === undefined) return "";
  let s = String(code).trim();
  if (typeof code === "number") s = String(code);
  return s
    .replace(/^(tiêu chí|tieu chi|lĩnh vực|linh vuc)\s+/i, "")
    .replace(/[)\].:]+$/, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

/** The scores an item's guidance allows, highest first: its levels or band points; null when any value goes. */
export function allowedScores(item: FlatItem): number[] | null {
  const rule = item.item.rule;
  if (!rule) return null;
  const values = rule.type === "levels" ? rule.levels : rule.bands.map((b) => b.points);
  return [...new Set(values.filter((v) => v <= item.max && v >= 0))].sort((a, b) => b - a);
}
