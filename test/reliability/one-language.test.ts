import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * #24 item 6, the sweep over the source: every message written as `{ vi: …, en: … }` in src (usage errors,
 * refusals, findings, the pane's and the page's strings) says its Vietnamese without English sentence words
 * and its English without Vietnamese letters. Read with TypeScript's own parser; what a message fills in at
 * run time (`${…}`, `{unit}`) is left out here and swept at run time (test/files/error-words.test.ts,
 * test/files/encrypted-words.test.ts, test/files/limit-words.test.ts, the CLI's usage tests).
 */
const ROOT = resolve(__dirname, "../..");
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
/** Words of English sentences, none of them a Vietnamese word written without marks ("byte" is both). */
const ENGLISH =
  /\b(the|is|are|was|of|and|or|not|it|this|that|with|without|for|from|by|its|into|open|save|send|ask|file|files|archive|limit|rows?|columns?|sheets?|bytes|cannot|refused|damaged|encrypted|empty|again|unit|skipped|protect|computer|password|workbook|only|choose|given|twice|found|takes|must|give)\b/i;

/**
 * Words the same in both languages: the user's own (quoted), option names (--by, --columns), the
 * placeholders filled in later, the index's Vietnamese name, the language switch naming the other
 * language, and examples of a province's template lines in the settings (the user's words, not ours).
 */
const SHARED = [
  /"[^"]*"|“[^”]*”|'[^']*'/g,
  /--[a-z][a-z-]*/g,
  /\{[a-zA-Z]+\}/g,
  /Chỉ số CCHC/g,
  /Tiếng Việt/g,
  /Phụ lục 01\|Kèm theo Quyết định số …/g,
  /NGƯỜI LẬP BIỂU\|TM\. …\|…, ngày … tháng … năm …/g,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** A string literal's words; a template's with each `${…}` left out; null for anything computed. */
function words(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => ` ${s.literal.text}`).join("");
  if (ts.isParenthesizedExpression(node)) return words(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = words(node.left);
    const right = words(node.right);
    return left === null || right === null ? null : left + right;
  }
  return null;
}

const ours = (text: string) => SHARED.reduce((t, shared) => t.replace(shared, " "), text);

interface Pair {
  where: string;
  vi: string;
  en: string;
}

/** Every object literal with a `vi` and an `en` written out in the file. */
function pairs(file: string): Pair[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: Pair[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const props = new Map<string, ts.Expression>();
      for (const p of node.properties)
        if (ts.isPropertyAssignment(p)) props.set(p.name.getText(source), p.initializer);
      const vi = props.get("vi");
      const en = props.get("en");
      const viWords = vi && words(vi);
      const enWords = en && words(en);
      if (typeof viWords === "string" && typeof enWords === "string") {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        out.push({ where: `${relative(ROOT, file)}:${line}`, vi: viWords, en: enWords });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A pair's words in the other language, as "file:line: vi has 'the'". */
function mixed(p: Pair): string[] {
  const out: string[] = [];
  const english = ours(p.vi).match(ENGLISH);
  const vietnamese = ours(p.en).match(VIETNAMESE);
  if (english) out.push(`${p.where}: vi has '${english[0]}': ${p.vi.slice(0, 100)}`);
  if (vietnamese) out.push(`${p.where}: en has '${vietnamese[0]}': ${p.en.slice(0, 100)}`);
  return out;
}

describe("every {vi, en} message in src, one language per text", () => {
  const all = sourceFiles(join(ROOT, "src")).flatMap(pairs);

  it("finds the messages (hundreds, in the CLI, the reader, core and the faces)", () => {
    expect(all.length).toBeGreaterThan(500);
    for (const dir of ["src/cli/", "src/files/", "src/core/", "src/taskpane/", "src/standalone/"])
      expect(all.some((p) => p.where.startsWith(dir))).toBe(true);
  });

  it("no Vietnamese text has English sentence words, no English text Vietnamese letters", () => {
    expect(all.flatMap(mixed)).toEqual([]);
  });

  it("the check catches a message in both languages (the old '(chọn tay / set by hand)')", () => {
    const both = { where: "x", vi: "(chọn tay / set by hand)", en: "(chọn tay / set by hand)" };
    expect(mixed(both)).toHaveLength(2);
  });
});
