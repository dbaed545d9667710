import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * No function in src longer than MAX_LINES: past that a unit does several jobs and nobody can test them
 * apart (the pane's hook, the table import, the scorer and the sample generator all were). Measured with
 * TypeScript's own parser, so nested functions count on their own and comments inside count as lines.
 */
const MAX_LINES = 120;
const ROOT = resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

function longFunctions(file: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > max) {
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : "(anonymous)";
        out.push(`${relative(ROOT, file)}:${start + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe("function size", () => {
  it(`no function in src is longer than ${MAX_LINES} lines`, () => {
    const long = sourceFiles(join(ROOT, "src")).flatMap((f) =>
      longFunctions(f, readFileSync(f, "utf8"), MAX_LINES),
    );
    expect(long).toEqual([]);
  });

  it("the measure sees a long function (a check that cannot fail proves nothing)", () => {
    const body = Array.from({ length: 10 }, (_, i) => `  const a${i} = ${i};`).join("\n");
    expect(longFunctions(join(ROOT, "x.ts"), `function big() {\n${body}\n}\n`, 5)).toEqual([
      "x.ts:1 big (12 lines)",
    ]);
    expect(longFunctions(join(ROOT, "x.ts"), `const f = () => {\n${body}\n};\n`, 20)).toEqual([]);
  });
});
