/**
 * The static API-set check: every Office.js member the sources use, resolved by the TypeScript checker to
 * its declaration in `@types/office-js`, with the requirement set Microsoft annotates it with, and whether
 * the use sits under an `isSetSupported("ExcelApi", "1.x")` guard of that set.
 *
 * A guard is any call of `isSetSupported("ExcelApi", v)`, or of a function of ours that passes one of its
 * parameters to it (`isExcelApiSupported("1.9")`, write.ts' `supports("1.9")`), found by reading that
 * function's body — no list of wrapper names to keep in step. A use is guarded when it is
 *   - in the true branch of an `if`/`?:`/`&&` whose condition holds the guard (`a && guard(v)`), or in the
 *     false branch of one whose condition is `!guard(v)`;
 *   - after an early exit `if (!guard(v)) return …;` / `throw …` in an enclosing block (closures written
 *     after it count: they only exist once the guard passed);
 *   - after a guard called as a statement of its own (`requireExcelApi("1.9");`: its result unused, its
 *     only possible effect is to throw).
 */
import { dirname } from "node:path";
import ts from "typescript";
import { type ApiSet, compareVersions, jsDocOf, parseApiSet } from "../support/office-api-sets";

export interface MemberUse {
  /** "Excel.Range.values", "Office.Context.requirements". */
  member: string;
  /** null when the declaration carries no "[Api set: …]" annotation (inherited load/sync, Common API). */
  set: ApiSet | null;
  /** For members of the Common API (`Office.*`): the "**Requirement set**" words, if any. */
  requirement: string | null;
  file: string;
  line: number;
  /** The highest ExcelApi version a guard around this use establishes; null when unguarded. */
  guardedBy: string | null;
}

export interface CheckOptions {
  /** tsconfig.json to take compiler options from. */
  tsconfig: string;
  /** Files to walk (absolute paths). */
  files: readonly string[];
  /** Extra in-memory sources (absolute path → text), for the checker's own tests. */
  virtual?: Record<string, string>;
}

function compilerOptions(tsconfig: string): ts.CompilerOptions {
  const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig)).options;
}

export function programFor(options: CheckOptions): ts.Program {
  const compiler = compilerOptions(options.tsconfig);
  const host = ts.createCompilerHost(compiler, true);
  const virtual = options.virtual ?? {};
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    name in virtual
      ? ts.createSourceFile(name, virtual[name], lang, true)
      : getSourceFile(name, lang, onError, create);
  host.fileExists = (name) => name in virtual || fileExists(name);
  host.readFile = (name) => (name in virtual ? virtual[name] : readFile(name));
  return ts.createProgram([...options.files, ...Object.keys(virtual)], compiler, host);
}

export const isOfficeDts = (f: ts.SourceFile) =>
  /[\\/]@types[\\/]office-js[\\/]index\.d\.ts$/.test(f.fileName);

/** Every use of an Office.js member in the given files, in file order. */
export function officeMemberUses(options: CheckOptions): MemberUse[] {
  const program = programFor(options);
  const checker = program.getTypeChecker();
  const guards = new GuardReader(checker);
  const uses: MemberUse[] = [];
  const wanted = new Set([...options.files, ...Object.keys(options.virtual ?? {})]);
  for (const file of program.getSourceFiles()) {
    if (!wanted.has(file.fileName)) continue;
    const visit = (node: ts.Node): void => {
      const symbol = memberSymbol(checker, node);
      if (symbol) {
        const use = describe(checker, symbol, node, guards);
        if (use) uses.push(use);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

/** The symbol a property access (`range.values`) or an object-literal key typed by Office.js names. */
function memberSymbol(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  if (ts.isPropertyAccessExpression(node)) return checker.getSymbolAtLocation(node.name);
  if (
    (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
    ts.isIdentifier(node.name) &&
    ts.isObjectLiteralExpression(node.parent)
  ) {
    const type = checker.getContextualType(node.parent);
    return type?.getProperty(node.name.text);
  }
  return undefined;
}

function describe(
  checker: ts.TypeChecker,
  symbol: ts.Symbol,
  node: ts.Node,
  guards: GuardReader,
): MemberUse | null {
  const decls = (symbol.declarations ?? []).filter((d) => isOfficeDts(d.getSourceFile()));
  if (decls.length === 0) return null;
  let set: ApiSet | null = null;
  let requirement: string | null = null;
  for (const d of decls) {
    const doc = jsDocOf(d);
    const s = parseApiSet(doc);
    if (s && (!set || compareVersions(s.version, set.version) < 0)) set = s;
    const req = /\*\*Requirement set\*\*:\s*(?:\{@link [^|}]*\|\s*)?([^}\n]+)/.exec(doc);
    if (req && !requirement) requirement = req[1].trim();
  }
  const file = node.getSourceFile();
  return {
    member: checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, ""),
    set,
    requirement,
    file: file.fileName,
    line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
    guardedBy: guards.around(node),
  };
}

/** Finds the guards around a node (see the file's comment for what counts). */
class GuardReader {
  private wrappers = new Map<ts.Declaration, number | null>();
  constructor(private readonly checker: ts.TypeChecker) {}

  /** The highest ExcelApi version established at `node`, or null. */
  around(node: ts.Node): string | null {
    let best: string | null = null;
    const take = (vs: string[]) => {
      for (const v of vs) if (!best || compareVersions(v, best) > 0) best = v;
    };
    let child: ts.Node = node;
    for (let p = node.parent; p; child = p, p = p.parent) {
      if (ts.isIfStatement(p) || ts.isConditionalExpression(p)) {
        const cond = ts.isIfStatement(p) ? p.expression : p.condition;
        const yes = ts.isIfStatement(p) ? p.thenStatement : p.whenTrue;
        const no = ts.isIfStatement(p) ? p.elseStatement : p.whenFalse;
        if (child === yes) take(this.whenTrue(cond));
        if (child === no) take(this.whenFalse(cond));
      } else if (ts.isBinaryExpression(p) && child === p.right) {
        if (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) take(this.whenTrue(p.left));
        if (p.operatorToken.kind === ts.SyntaxKind.BarBarToken) take(this.whenFalse(p.left));
      } else if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p)) {
        for (const s of p.statements) {
          if (s === child) break;
          take(this.before(s));
        }
      }
    }
    return best;
  }

  /** Versions a statement establishes for the statements after it. */
  private before(s: ts.Statement): string[] {
    if (ts.isExpressionStatement(s)) {
      const e = unwrap(s.expression);
      return ts.isCallExpression(e) ? this.versionOf(e) : [];
    }
    if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement))
      return this.whenFalse(s.expression);
    return [];
  }

  /** Versions known supported when `e` is true. */
  private whenTrue(e: ts.Expression): string[] {
    e = unwrap(e);
    if (ts.isCallExpression(e)) return this.versionOf(e);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
      return [...this.whenTrue(e.left), ...this.whenTrue(e.right)];
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken)
      return this.whenFalse(e.operand);
    return [];
  }

  /** Versions known supported when `e` is false. */
  private whenFalse(e: ts.Expression): string[] {
    e = unwrap(e);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken)
      return this.whenTrue(e.operand);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
      return [...this.whenFalse(e.left), ...this.whenFalse(e.right)];
    return [];
  }

  /** The ExcelApi version a call checks: isSetSupported itself, or a wrapper of ours around it. */
  private versionOf(call: ts.CallExpression): string[] {
    const callee = unwrap(call.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
    if (name === "isSetSupported") {
      const [set, version] = call.arguments;
      if (!set || this.literal(set) !== "ExcelApi") return [];
      const v = version ? this.literal(version) : "1.1";
      return v ? [v] : [];
    }
    let symbol = this.checker.getSymbolAtLocation(
      ts.isPropertyAccessExpression(callee) ? callee.name : callee,
    );
    // An imported wrapper (`import { isExcelApiSupported } from "./errors"`) is an alias: follow it.
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const decl = symbol?.valueDeclaration;
    if (!decl) return [];
    const index = this.wrapperParameter(decl);
    if (index === null) return [];
    const arg = call.arguments[index];
    const param = functionOf(decl)?.parameters[index];
    const v = arg ? this.literal(arg) : param?.initializer ? this.literal(param.initializer) : null;
    return v ? [v] : [];
  }

  /** Index of the parameter a function passes as the version of isSetSupported("ExcelApi", …), or null. */
  private wrapperParameter(decl: ts.Declaration): number | null {
    if (this.wrappers.has(decl)) return this.wrappers.get(decl) ?? null;
    this.wrappers.set(decl, null);
    const fn = functionOf(decl);
    if (!fn?.body) return null;
    const params = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ""));
    let found: number | null = null;
    const visit = (n: ts.Node): void => {
      if (found !== null) return;
      if (ts.isCallExpression(n)) {
        const callee = unwrap(n.expression);
        const [set, version] = n.arguments;
        if (
          ts.isPropertyAccessExpression(callee) &&
          callee.name.text === "isSetSupported" &&
          set &&
          this.literal(set) === "ExcelApi" &&
          version &&
          ts.isIdentifier(version) &&
          params.includes(version.text)
        ) {
          found = params.indexOf(version.text);
          return;
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(fn.body);
    this.wrappers.set(decl, found);
    return found;
  }

  /** A string the checker knows at compile time: a literal, or a const of a literal type. */
  private literal(e: ts.Expression): string | null {
    e = unwrap(e);
    if (ts.isStringLiteralLike(e)) return e.text;
    const type = this.checker.getTypeAtLocation(e);
    return type.isStringLiteral() ? type.value : null;
  }
}

function functionOf(decl: ts.Declaration): ts.FunctionLikeDeclaration | null {
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) return decl;
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = unwrap(decl.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return null;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e))
    e = e.expression;
  if (
    ts.isCallExpression(e) &&
    ts.isIdentifier(e.expression) &&
    e.expression.text === "Boolean" &&
    e.arguments[0]
  )
    return unwrap(e.arguments[0]);
  return e;
}

/** A statement that never falls through: return, throw, or a block ending in one. */
function exits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  if (ts.isBlock(s)) {
    const last = s.statements[s.statements.length - 1];
    return Boolean(last && exits(last));
  }
  return false;
}
