/**
 * Which requirement set each Office.js member belongs to, read from the "[Api set: ExcelApi 1.x]"
 * annotations of `@types/office-js` (Microsoft's own type definitions, ~8,400 of them for Excel) — never
 * written by hand. Used by the static API-set test (test/reliability/office-api-sets.test.ts, through the
 * TypeScript checker) and by the fake host (test/fake-excel), which refuses members above the version it
 * claims, as Excel does.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type TS from "typescript";

// Loaded on first use only: the fake host's table usually comes from the cache (api-set-table.ts), and a
// test file that never asks should not pay for loading the compiler.
let loaded: typeof TS | null = null;
function typescript(): typeof TS {
  loaded ??= createRequire(import.meta.url)("typescript") as typeof TS;
  return loaded;
}

export interface ApiSet {
  /** "ExcelApi", "ExcelApiDesktop", "ExcelApiOnline"… */
  name: string;
  /** The version that introduced the member ("1.9"); the lowest one named when the note has several. */
  version: string;
  /** The annotation as written, for the printed table ("1.1 for get, 1.8 for set"). */
  note: string;
}

/** Path of `@types/office-js/index.d.ts` as the project resolves it. */
export function officeDtsPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@types/office-js/package.json")), "index.d.ts");
}

/** "[Api set: ExcelApi 1.1 for get, 1.8 for set]" → { ExcelApi, 1.1 }; null for a member with none. */
export function parseApiSet(doc: string): ApiSet | null {
  const m = /\[Api set: (\w+) (\d+\.\d+)([^\]]*)\]/.exec(doc);
  if (!m) return null;
  return { name: m[1], version: m[2], note: `${m[1]} ${m[2]}${m[3]}`.trim() };
}

/** -1, 0 or 1, comparing "1.9" with "1.13" as versions (1.9 < 1.13), not as text. */
export function compareVersions(a: string, b: string): number {
  const [a1, a2 = 0] = a.split(".").map(Number);
  const [b1, b2 = 0] = b.split(".").map(Number);
  return Math.sign(a1 - b1 || a2 - b2);
}

/** The last JSDoc block written before a declaration (its own documentation). */
export function jsDocOf(node: TS.Node, text = node.getSourceFile().text): string {
  const ranges = typescript().getLeadingCommentRanges(text, node.pos) ?? [];
  const doc = ranges.filter((r) => text.startsWith("/**", r.pos)).pop();
  return doc ? text.slice(doc.pos, doc.end) : "";
}

/**
 * Every member of every class and interface of the `Excel` namespace with its API set, keyed
 * "Range.values" (the `Excel.Interfaces` load/update shapes are skipped: they are not called). The
 * members without an annotation (inherited `load`, `toJSON`, `context`…) are absent.
 */
export function excelApiSets(dtsPath = officeDtsPath()): Map<string, ApiSet> {
  const ts = typescript();
  const text = readFileSync(dtsPath, "utf8");
  const file = ts.createSourceFile(dtsPath, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const table = new Map<string, ApiSet>();
  for (const top of file.statements) {
    if (!ts.isModuleDeclaration(top) || top.name.getText(file) !== "Excel") continue;
    const body = top.body;
    if (!body || !ts.isModuleBlock(body)) continue;
    for (const decl of body.statements) {
      if (!(ts.isClassDeclaration(decl) || ts.isInterfaceDeclaration(decl)) || !decl.name) continue;
      const owner = decl.name.text;
      for (const member of decl.members) {
        const name = member.name && ts.isIdentifier(member.name) ? member.name.text : null;
        if (!name) continue;
        const set = parseApiSet(jsDocOf(member, text));
        if (!set) continue;
        const key = `${owner}.${name}`;
        const had = table.get(key);
        // Overloads: the member exists from its earliest overload on.
        if (!had || compareVersions(set.version, had.version) < 0) table.set(key, set);
      }
    }
  }
  return table;
}
