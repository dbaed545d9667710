import { fold, foldWords } from "../fold";
import { memoize } from "../memo";
import { codeStyle } from "../recognition/codes";
import { roundUnits, toUnits, type Units } from "../numbers";
import type { ItemKind, Rubric, RubricItem } from "./schema";

/** An item with what the tree around it says: level, parent, effective kind. */
export interface FlatItem {
  /**
   * The item's unique key: its `key` where the template's code repeats, else its code. Every map keyed
   * by item uses it (entries, sums, matching); users are shown `shown` and `shownPath`.
   */
  code: string;
  /** The code as the template writes it ("a)", "2.1"). */
  shown: string;
  /** Written codes from the root down to this item (["III", "2.1"]): what tells a repeated code apart. */
  shownPath: string[];
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

/** The unique key an item is known by inside the engine (its code unless the code repeats). */
export function itemKey(item: RubricItem): string {
  return item.key ?? item.code;
}

/** Depth-first, in rubric order, with kinds inherited from ancestors ("scored" at the roots by default). */
export function flattenItems(items: readonly RubricItem[]): FlatItem[] {
  const out: FlatItem[] = [];
  const walk = (list: readonly RubricItem[], level: number, parent: FlatItem | null) => {
    for (const item of list) {
      const code = item.key ?? item.code;
      const flat: FlatItem = {
        code,
        shown: item.code,
        shownPath: [...(parent?.shownPath ?? []), item.code],
        label: item.label,
        max: item.max,
        kind: item.kind ?? parent?.kind ?? "scored",
        level,
        parent: parent?.code ?? null,
        path: [...(parent?.path ?? []), code],
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
  // Most codes are dotted numbers ("1.2.3", "1.1."): only their trailing dots go, without four regexes.
  if (isDottedNumber(s)) return s.replace(TRAILING_DOTS, "");
  return s
    .replace(/^(tiêu chí|tieu chi|lĩnh vực|linh vuc)\s+/i, "")
    .replace(/[)\].:]+$/, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

const TRAILING_DOTS = /\.+$/;

function isDottedNumber(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 46 && (c < 48 || c > 57)) return false;
  }
  return true;
}

/** The scores an item's guidance allows, highest first: its levels or band points; null when any value goes. */
export function allowedScores(item: FlatItem): number[] | null {
  const rule = item.item.rule;
  if (!rule) return null;
  const values = rule.type === "levels" ? rule.levels : rule.bands.map((b) => b.points);
  return [...new Set(values.filter((v) => v <= item.max && v >= 0))].sort((a, b) => b - a);
}

/**
 * Everything recognition, validation and scoring derive from the rubric alone. A batch checks a thousand
 * workbooks against one rubric: deriving these once per rubric instead of once per file (and, for the
 * allowed scores, once per leaf) was a third of the analysis time. Rubrics are treated as immutable
 * once used (loadRubric and the importer build new objects; nothing edits one in place), so the cache is
 * keyed by the rubric object and never goes stale; a WeakMap lets a discarded rubric take its index along.
 * Callers must not modify what it returns.
 */
export interface RubricIndex {
  /** flattenRubric(rubric). */
  readonly flat: readonly FlatItem[];
  /** The same reversed, so each item comes after everything below it (scoring sums children first). */
  readonly bottomUp: readonly FlatItem[];
  /** Code → item (the last one when a code repeats, as `new Map(flat.map(…))` would have it). */
  readonly byCode: ReadonlyMap<string, FlatItem>;
  /** normaliseCode(written code) → the keys of the items written so, in rubric order. */
  readonly byNormalisedCode: ReadonlyMap<string, readonly string[]>;
  /** The written codes from the root, each normalised, joined by "/" → keys (what tells repeated codes apart). */
  readonly byShownPath: ReadonlyMap<string, readonly string[]>;
  /** Whether any item's written code is Roman or a letter (a template's own codes, not dotted ones). */
  readonly positionalCodes: boolean;
  /** 1-based position path ("2.1.3") → code, for Roman/letter tables. */
  readonly byPosition: ReadonlyMap<string, string>;
  /** Code → foldWords of the label of `byCode`'s item. */
  readonly labelKeys: ReadonlyMap<string, string>;
  /** foldWords(label) → codes with that label, in rubric order. */
  readonly byLabel: ReadonlyMap<string, readonly string[]>;
  /** Level-1 codes, in order. */
  readonly areaCodes: readonly string[];
  /** The not-applicable markers, folded. */
  readonly markers: readonly string[];
  /** Whether the rubric marks any item as allowed to be not applicable. */
  readonly anyMarkedNotApplicable: boolean;
  /** allowedScores(item), computed once per item. */
  allowed(item: FlatItem): readonly number[] | null;
  /** The allowed scores in integer units rounded to the rubric's precision (empty when any value goes). */
  allowedUnits(item: FlatItem): readonly Units[];
  /** The codes of an item's children, in order. */
  childCodes(item: FlatItem): readonly string[];
  /** The items whose path contains `code` (the item and all below it). */
  subtree(code: string): readonly FlatItem[];
}

const indexes = new WeakMap<Rubric, RubricIndex>();

export function rubricIndex(rubric: Rubric): RubricIndex {
  let index = indexes.get(rubric);
  if (!index) {
    index = buildIndex(rubric);
    indexes.set(rubric, index);
  }
  return index;
}

function buildIndex(rubric: Rubric): RubricIndex {
  const flat = flattenRubric(rubric);
  const byLabel = new Map<string, string[]>();
  // Each label folded once: a rubric of 100,000 items outgrows the fold cache, so a second pass would fold again.
  const labelKeys = new Map<string, string>();
  for (const i of flat) {
    const k = foldWords(i.label);
    labelKeys.set(i.code, k);
    const codes = byLabel.get(k);
    if (codes) codes.push(i.code);
    else byLabel.set(k, [i.code]);
  }
  const allowed = memoize(allowedScores);
  const byNormalisedCode = new Map<string, string[]>();
  const byShownPath = new Map<string, string[]>();
  let positionalCodes = false;
  for (const i of flat) {
    const n = normaliseCode(i.shown);
    const keys = byNormalisedCode.get(n);
    if (keys) keys.push(i.code);
    else byNormalisedCode.set(n, [i.code]);
    const path = shownPathKey(i.shownPath);
    const same = byShownPath.get(path);
    if (same) same.push(i.code);
    else byShownPath.set(path, [i.code]);
    const style = codeStyle(i.shown);
    if (style === "roman" || style === "letter") positionalCodes = true;
  }
  // Depth-first order puts an item's subtree right after it: one bottom-up pass gives every range.
  const index = new Map<string, number>();
  for (let k = 0; k < flat.length; k++) index.set(flat[k].code, k);
  const end = flat.map((_, k) => k + 1);
  for (let k = flat.length - 1; k >= 0; k--) {
    const parent = flat[k].parent;
    if (parent === null) continue;
    const p = index.get(parent) as number;
    if (end[k] > end[p]) end[p] = end[k];
  }
  return {
    flat,
    bottomUp: [...flat].reverse(),
    byCode: new Map(flat.map((i) => [i.code, i])),
    byNormalisedCode,
    byShownPath,
    positionalCodes,
    byPosition: positionsOf(rubric.items),
    byLabel,
    labelKeys,
    areaCodes: flat.filter((i) => i.level === 1).map((i) => i.code),
    markers: rubric.notApplicable.markers.map((m) => fold(m)),
    anyMarkedNotApplicable: flat.some((i) => i.item.notApplicableAllowed === true),
    allowed,
    allowedUnits: memoize((item: FlatItem) =>
      (allowed(item) ?? []).map((a) => roundUnits(toUnits(a), rubric.precision)),
    ),
    childCodes: memoize((item: FlatItem) => (item.item.children ?? []).map(itemKey)),
    subtree: (code: string) => {
      const k = index.get(code);
      return k === undefined ? [] : flat.slice(k, end[k]);
    },
  };
}

/** A path of written codes as matching compares it: each code normalised ("a)" → "a", "14.3." → "14.3"). */
export function shownPathKey(path: readonly (string | null)[]): string {
  return path.map((c) => normaliseCode(c)).join("/");
}

/** "2.1.3" (1-based child positions) → the code of the item there. */
function positionsOf(items: readonly RubricItem[], prefix = "", out = new Map<string, string>()) {
  items.forEach((item, i) => {
    const key = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    out.set(key, itemKey(item));
    if (item.children) positionsOf(item.children, key, out);
  });
  return out;
}
