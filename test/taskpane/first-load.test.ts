import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The pane's first load, checked from the source without a build: what src/taskpane/index.tsx reaches
 * through static value imports is what webpack puts in the initial chunk (splitChunks is "async": only
 * `import()` makes a lazy chunk). One value import of ../excel/settings from useParIndex once pulled zod,
 * the rubrics, ranking and re2js into it (263.8 KB gzipped). The e2e (test/e2e/standalone.mjs) measures
 * the real build against the 200 KB budget; this fails first, naming the chain of imports.
 */
const ROOT = resolve(__dirname, "../..");
const ENTRY = join(ROOT, "src/taskpane/index.tsx");

/** Packages and engine modules the first paint never needs: each is reached through import() only. */
const NOT_AT_FIRST_LOAD: { what: string; test: (spec: string, file: string | null) => boolean }[] = [
  { what: "re2js", test: (spec) => spec === "re2js" },
  { what: "zod", test: (spec) => spec === "zod" || spec.startsWith("zod/") },
  { what: "exceljs", test: (spec) => spec === "exceljs" },
  { what: "src/core/group-pattern.ts", test: (_, f) => f === "src/core/group-pattern.ts" },
  { what: "src/core/rubric/load.ts", test: (_, f) => f === "src/core/rubric/load.ts" },
  { what: "src/core/rank.ts", test: (_, f) => f === "src/core/rank.ts" },
  { what: "src/excel/settings.ts", test: (_, f) => f === "src/excel/settings.ts" },
  { what: "src/excel/service.ts", test: (_, f) => f === "src/excel/service.ts" },
  { what: "src/standalone/", test: (_, f) => f?.startsWith("src/standalone/") ?? false },
];

/** `import …` / `export … from` statements, not `import()`; type-only ones are erased by the compiler. */
const STATIC =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']/g;

function valueImports(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const out: string[] = [];
  for (const m of text.matchAll(STATIC)) {
    if (m[5]) {
      out.push(m[5]); // a bare `import "x"` runs x
      continue;
    }
    if (m[2]) continue; // import type / export type
    const clause = m[3] ?? "";
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    // `import { type A, type B }` brings no value; a default or namespace import, or any plain name, does.
    if (named) {
      const names = named[1]
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (names.every((n) => n.startsWith("type "))) continue;
    }
    out.push(m[4]);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Every module the entry reaches statically, with the chain that reached it (breadth first: the shortest). */
function firstLoad(): { spec: string; file: string | null; chain: string[] }[] {
  const rel = (p: string) => relative(ROOT, p);
  const seen = new Map<string, string[]>([[ENTRY, [rel(ENTRY)]]]);
  const reached: { spec: string; file: string | null; chain: string[] }[] = [];
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const chain = seen.get(file) as string[];
    if (!/\.tsx?$/.test(file)) continue; // JSON and the like import nothing
    for (const spec of valueImports(file)) {
      const target = resolveLocal(file, spec);
      reached.push({ spec, file: target && rel(target), chain: [...chain, target ? rel(target) : spec] });
      if (target && !seen.has(target)) {
        seen.set(target, [...chain, rel(target)]);
        queue.push(target);
      }
    }
  }
  return reached;
}

describe("the pane's first load (static imports of src/taskpane/index.tsx)", () => {
  const reached = firstLoad();

  it("reaches the pane and its Check tab, so the walk is real", () => {
    const files = new Set(reached.map((r) => r.file));
    for (const f of ["src/taskpane/boot.tsx", "src/taskpane/App.tsx", "src/taskpane/CheckView.tsx"])
      expect(files).toContain(f);
    expect(reached.some((r) => r.spec === "react-dom/client")).toBe(true);
  });

  it("never reaches re2js, zod, ExcelJS, the settings verifiers, ranking, the service or the standalone page", () => {
    const offences = NOT_AT_FIRST_LOAD.flatMap(({ what, test }) => {
      const hit = reached.find((r) => test(r.spec, r.file));
      return hit ? [`${what}: ${hit.chain.join(" → ")}`] : [];
    });
    expect(offences).toEqual([]);
  });
});
