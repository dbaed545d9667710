import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layers, checked from the source: the engine (src/core) stays pure so every surface — pane, ribbon,
 * CLI, the standalone page — gets the same verdicts; Office.js stays behind src/excel; the file system
 * behind the CLI and the Node reader; and src/core's import graph has no circle (type imports included:
 * a circle of types is where a module ends up knowing its caller).
 */
const ROOT = resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push(m[1] ?? m[2]);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

const rel = (p: string) => relative(ROOT, p);
const files = sourceFiles(join(ROOT, "src"));
const inLayer = (file: string, layer: string) => rel(file).startsWith(`src/${layer}/`);

describe("layers", () => {
  it("src/core imports nothing from the other layers, nothing from Node, no DOM or Office global", () => {
    const offences: string[] = [];
    for (const f of files.filter((x) => inLayer(x, "core"))) {
      for (const spec of importsOf(f)) {
        const target = resolveLocal(f, spec);
        if (target && !inLayer(target, "core")) offences.push(`${rel(f)} imports ${rel(target)}`);
        if (/^node:|^(fs|path|os|zlib|worker_threads|child_process)$/.test(spec))
          offences.push(`${rel(f)} imports ${spec}`);
      }
      const code = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
      const global = /\b(document|window|localStorage|navigator|Office|Excel)\.\w/.exec(code);
      if (global) offences.push(`${rel(f)} uses ${global[0]}`);
    }
    expect(offences).toEqual([]);
  });

  it("src/app (the application layer) imports only src/core and itself: no Node, no DOM, no Office, no face", () => {
    const offences: string[] = [];
    const app = files.filter((x) => inLayer(x, "app"));
    expect(app.length).toBeGreaterThan(3);
    for (const f of app) {
      for (const spec of importsOf(f)) {
        const target = resolveLocal(f, spec);
        if (target && !inLayer(target, "core") && !inLayer(target, "app"))
          offences.push(`${rel(f)} imports ${rel(target)}`);
        if (!spec.startsWith(".")) offences.push(`${rel(f)} imports ${spec}`);
      }
      const code = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
      const global = /\b(document|window|localStorage|navigator|Office|Excel|process)\.\w/.exec(code);
      if (global) offences.push(`${rel(f)} uses ${global[0]}`);
    }
    expect(offences).toEqual([]);
  });

  it("the faces decide no workbook names of their own: the name rule lives in src/app only", () => {
    // A second list of spreadsheet extensions is how the faces came to disagree (issue #22).
    const offences = files
      // The reader (src/files) names the formats it refuses; that is not a rule of which files to read.
      .filter((f) => !inLayer(f, "app") && !inLayer(f, "files"))
      .filter((f) => /\.xlsb\b|xlsb\|/.test(readFileSync(f, "utf8")))
      .map(rel);
    expect(offences).toEqual([]);
  });

  it("only src/excel calls the Excel API; only the CLI and the Node reader touch the file system", () => {
    const offences: string[] = [];
    for (const f of files) {
      const code = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
      if (/\bExcel\.(run|RequestContext|[A-Z]\w*)/.test(code) && !inLayer(f, "excel"))
        offences.push(`${rel(f)} uses Excel`);
      for (const spec of importsOf(f)) {
        if (/^(node:)?fs(\/promises)?$/.test(spec) && !inLayer(f, "cli") && rel(f) !== "src/files/node.ts")
          offences.push(`${rel(f)} imports ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it("the import graph of src/core has no circle", () => {
    const core = files.filter((x) => inLayer(x, "core"));
    const edges = new Map(
      core.map((f) => [f, importsOf(f).flatMap((s) => resolveLocal(f, s) ?? []) as string[]]),
    );
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        circles.push([...path.slice(path.indexOf(f)), f].map(rel).join(" → "));
        return;
      }
      state.set(f, "open");
      for (const t of edges.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, "done");
    };
    for (const f of core) visit(f, []);
    expect(circles).toEqual([]);
  });

  it("finds imports the way the rules above read them (a check that cannot see imports proves nothing)", () => {
    const analyse = join(ROOT, "src/core/analyse.ts");
    const targets = importsOf(analyse).map((s) => resolveLocal(analyse, s));
    expect(targets).toContain(join(ROOT, "src/core/recognise.ts"));
    expect(files.filter((x) => inLayer(x, "core")).length).toBeGreaterThan(20);
  });
});
