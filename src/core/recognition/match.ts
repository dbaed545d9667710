/** Matching a table's rows to rubric items: by code, by position, by folded label. */
import { foldWords } from "../fold";
import type { Rubric } from "../rubric/schema";
import { normaliseCode, rubricIndex, shownPathKey } from "../rubric/tree";
import { codeTree, positionalPaths, usesPositionalCodes } from "./codes";
import type { TableRow } from "./types";

/**
 * Code first, label as the tie-breaker: a row whose code names an item but whose label names another
 * goes by its label. Codes are compared as written (normalised: "14.3." meets "14.3", "a)" meets "a");
 * a code the rubric uses more than once ("2.1" in every area, "a)" under every criterion) is told apart
 * by the codes above it in the table. A table in Roman/letter codes checked against a rubric in dotted
 * codes (a built-in, say) is matched by the position its codes stand for: "1" under "II" is item 2.1.
 */
export function matchRows(rows: TableRow[], rubric: Rubric): void {
  const index = rubricIndex(rubric);
  const { byCode, byNormalisedCode, byShownPath, byPosition, byLabel, labelKeys } = index;
  // A row showing the rubric's own label for the code it names needs no folding: the key is known.
  const labelKey = (label: string, code: string | undefined): string | undefined =>
    code !== undefined && byCode.get(code)?.label === label ? labelKeys.get(code) : foldWords(label);
  const items = rows.filter((r) => !r.isTotal);
  const codes = items.map((r) => r.code);
  const positional = usesPositionalCodes(codes) && !index.positionalCodes;
  const paths = positional ? positionalPaths(codes) : null;
  const parents = positional ? null : codeTree(codes);
  // Written codes from the top of the table down to each row: only needed where a code repeats.
  const shownPaths: (string[] | undefined)[] = [];
  const shownPathOf = (k: number): string[] => {
    let path = shownPaths[k];
    if (!path) {
      const parent = parents?.[k] ?? null;
      const above = parent === null ? [] : shownPathOf(parent);
      path = items[k].code ? [...above, items[k].code as string] : above;
      shownPaths[k] = path;
    }
    return path;
  };
  const used = new Set<string>();
  // Where one code or label stands for many items (100,000 bullets under one criterion), each list is
  // walked once across the whole table: a cursor per list skips what is used, and used only grows.
  const cursors = new Map<readonly string[], number>();
  const firstUnused = (keys: readonly string[] | undefined): string | undefined => {
    if (!keys || keys.length === 0) return undefined;
    let k = cursors.get(keys) ?? 0;
    while (k < keys.length && used.has(keys[k])) k++;
    cursors.set(keys, k);
    return keys[k] ?? keys[0];
  };
  for (let k = 0; k < items.length; k++) {
    const row = items[k];
    let codeHit: string | undefined;
    if (paths) {
      const path = paths[k];
      codeHit = path ? byPosition.get(path.join(".")) : undefined;
    } else if (row.code) {
      const keys = byNormalisedCode.get(normaliseCode(row.code));
      codeHit =
        keys && keys.length > 1 ? firstUnused(byShownPath.get(shownPathKey(shownPathOf(k)))) : keys?.[0];
    }
    const key = row.label ? labelKey(row.label, codeHit) : undefined;
    const labelHits = (key === undefined ? undefined : byLabel.get(key)) ?? NO_CODES;
    const labelHit = firstUnused(labelHits);
    if (codeHit && (labelHits.length === 0 || labelHits.includes(codeHit))) {
      row.item = codeHit;
      row.matchedBy = "code";
    } else if (labelHit) {
      row.item = labelHit;
      row.matchedBy = "label";
    } else if (codeHit) {
      row.item = codeHit;
      row.matchedBy = "code";
    }
    if (row.item) used.add(row.item);
  }
}

const NO_CODES: readonly string[] = [];
