/**
 * The three Office.js rules of Microsoft's add-in template (`eslint-plugin-office-addins`), written with
 * the TypeScript checker instead of ESLint (the project lints with Biome and adds no ESLint stack for
 * three rules; Biome's GritQL plugins cannot resolve types, which these rules need):
 *
 * - load-before-read: a scalar property of an Excel proxy (`range.values`, `ws.name`, `sheets.items`,
 *   `x.isNullObject`) is read only after a `load` naming it (or loading everything) on the same variable.
 * - sync-before-read: between that load and the read, a `context.sync()` runs — directly, or inside a
 *   function of ours that is awaited there (read.ts' `loadTargets` syncs for its callers).
 * - no-sync-in-loop: no `context.sync()` inside a loop's body (one round trip per item is the classic
 *   Office.js slowness; queue everything, sync once).
 *
 * Scope, as in the ESLint plugin: proxies held in a local variable initialised from an Excel call
 * (`const ws = sheets.getItem(…)`) or a chain off the request context (`context.workbook.worksheets`).
 * Proxies passed in as parameters or stored in objects are the caller's business and not followed.
 */
import ts from "typescript";
import { type CheckOptions, isOfficeDts, programFor } from "./office-api-check";

export interface LintFinding {
  rule: "load-before-read" | "sync-before-read" | "no-sync-in-loop";
  file: string;
  line: number;
  text: string;
}

export function lintOffice(options: CheckOptions): LintFinding[] {
  const program = programFor(options);
  const checker = program.getTypeChecker();
  const wanted = new Set([...options.files, ...Object.keys(options.virtual ?? {})]);
  const syncs = new SyncFinder(checker);
  const out: LintFinding[] = [];
  for (const file of program.getSourceFiles()) {
    if (!wanted.has(file.fileName)) continue;
    const report = (rule: LintFinding["rule"], node: ts.Node) =>
      out.push({
        rule,
        file: file.fileName,
        line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
        text: node.getText(file),
      });
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && syncs.isSyncCall(node) && insideLoop(node))
        report("no-sync-in-loop", node);
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
        const rule = checkRead(checker, syncs, node);
        if (rule) report(rule, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return out;
}

/** An Excel/OfficeExtension proxy type: it has `load` and `context`. */
function isProxy(type: ts.Type): boolean {
  return Boolean(type.getProperty("load") && type.getProperty("context"));
}

/** A property that leads to another Office.js object (`ws.format`, `ws.freezePanes`, `sheets.onChanged`). */
function isNavigation(type: ts.Type): boolean {
  const decl = type.getSymbol()?.declarations?.[0];
  return Boolean(decl && ts.isClassDeclaration(decl) && isOfficeDts(decl.getSourceFile()));
}

/** Whether `inner` is `outer` or lies inside it. */
function within(inner: ts.Node, outer: ts.Node): boolean {
  for (let p: ts.Node | undefined = inner; p; p = p.parent) if (p === outer) return true;
  return false;
}

function checkRead(
  checker: ts.TypeChecker,
  syncs: SyncFinder,
  node: ts.PropertyAccessExpression,
): LintFinding["rule"] | null {
  const prop = node.name.text;
  if (prop === "load" || prop === "context" || prop === "toJSON") return null;
  // A write (`ws.tabColor = …`) needs no load.
  if (ts.isBinaryExpression(node.parent) && node.parent.left === node) return null;
  const symbol = checker.getSymbolAtLocation(node.name);
  const decl = symbol?.declarations?.[0];
  if (!symbol || !decl || !isOfficeDts(decl.getSourceFile())) return null;
  if (symbol.flags & ts.SymbolFlags.Method) return null;
  // Navigation (`ws.format`, `context.workbook`) returns another proxy: nothing to load.
  if (isNavigation(checker.getTypeAtLocation(node))) return null;
  const variable = trackedVariable(checker, node.expression as ts.Identifier);
  if (!variable) return null;
  const scope = enclosingFunction(variable) ?? variable.getSourceFile();
  const reader = enclosingFunction(node) ?? node.getSourceFile();
  // Loads that run on the way to the read: in its function or one around it, or in a callback handed to
  // a call on that way (read.ts' `alsoLoad`: the callee queues it into its own sync). That call then
  // stands for the load.
  const loads = loadsOf(checker, scope, node.expression as ts.Identifier)
    .filter((l) => l.props === null || l.props.includes(prop))
    .map((l) => ({ load: l.node, at: anchorOf(l.node, reader) }))
    .filter((l) => l.at !== null && l.at.getEnd() <= node.getStart());
  if (loads.length === 0) return "load-before-read";
  // A read inside a callback defined here runs later, after the caller's sync (ownership.ts hands its
  // reader back to be called once the shared read sync is done): its sync is the caller's to make.
  if (reader !== scope) return null;
  const last = loads[loads.length - 1];
  // After a direct load, a later sync; a call that ran the load in its callback may itself be the sync.
  const from = last.at === last.load ? last.load.getEnd() : (last.at as ts.Node).getStart();
  return syncs.syncBetween(scope, from, node.getStart()) ? null : "sync-before-read";
}

/**
 * Where a load takes effect for a read in `reader`: the load itself when it runs in `reader` or a
 * function around it; the call a callback holding it is passed to; null when it runs elsewhere.
 */
function anchorOf(load: ts.CallExpression, reader: ts.Node): ts.Node | null {
  let fn = enclosingFunction(load);
  let anchor: ts.Node = load;
  while (fn && !within(reader, fn)) {
    const call = fn.parent;
    if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return null;
    anchor = call;
    fn = enclosingFunction(call);
  }
  return anchor;
}

/** The variable declaration a proxy identifier names, when it is one the rules follow (see above). */
function trackedVariable(checker: ts.TypeChecker, id: ts.Identifier): ts.VariableDeclaration | null {
  const decl = checker.getSymbolAtLocation(id)?.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return null;
  if (!isProxy(checker.getTypeAtLocation(decl.name))) return null;
  let init: ts.Expression = decl.initializer;
  if (ts.isCallExpression(init)) return decl;
  while (ts.isPropertyAccessExpression(init)) init = init.expression;
  return ts.isIdentifier(init) && init.text === "context" ? decl : null;
}

interface Load {
  node: ts.CallExpression;
  end: number;
  /** Properties named; null when everything is loaded (no argument, or one not known statically). */
  props: string[] | null;
}

function loadsOf(checker: ts.TypeChecker, scope: ts.Node, id: ts.Identifier): Load[] {
  const target = checker.getSymbolAtLocation(id);
  const loads: Load[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === "load" &&
      ts.isIdentifier(n.expression.expression) &&
      checker.getSymbolAtLocation(n.expression.expression) === target
    ) {
      loads.push({
        node: n,
        end: n.getEnd(),
        props: n.arguments[0] ? propsOf(checker, n.arguments[0]) : null,
      });
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return loads;
}

/** "name,items/visibility" → ["name", "items"]; arrays, consts of arrays and object literals too. */
function propsOf(checker: ts.TypeChecker, arg: ts.Expression): string[] | null {
  const heads = (s: string) => s.split(",").map((p) => p.trim().split("/")[0]);
  if (ts.isStringLiteralLike(arg)) return heads(arg.text);
  if (ts.isArrayLiteralExpression(arg)) {
    const out: string[] = [];
    for (const e of arg.elements) {
      if (!ts.isStringLiteralLike(e)) return null;
      out.push(...heads(e.text));
    }
    return out;
  }
  if (ts.isObjectLiteralExpression(arg))
    return arg.properties.flatMap((p) => (p.name && ts.isIdentifier(p.name) ? [p.name.text] : []));
  if (ts.isIdentifier(arg)) {
    const decl = checker.getSymbolAtLocation(arg)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return propsOf(checker, decl.initializer);
  }
  return null;
}

/** Finds `sync()` calls on a request context, and our functions that make one. */
class SyncFinder {
  private syncing = new Map<ts.Node, boolean>();
  constructor(private readonly checker: ts.TypeChecker) {}

  isSyncCall(call: ts.CallExpression): boolean {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "sync") return false;
    const decl = this.checker.getSymbolAtLocation(callee.name)?.declarations?.[0];
    return Boolean(decl && isOfficeDts(decl.getSourceFile()));
  }

  /** A sync (direct, or through a function of ours that syncs) between two positions of `scope`. */
  syncBetween(scope: ts.Node, from: number, to: number): boolean {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found || n.getEnd() < from || n.getStart() > to) return;
      if (ts.isCallExpression(n) && n.getStart() >= from && (this.isSyncCall(n) || this.callsSync(n)))
        found = true;
      ts.forEachChild(n, visit);
    };
    visit(scope);
    return found;
  }

  /** A call of a function declared in our sources whose body syncs (followed a few levels deep). */
  private callsSync(call: ts.CallExpression, depth = 0): boolean {
    if (depth > 4) return false;
    const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
    let symbol = this.checker.getSymbolAtLocation(callee);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const decl = symbol?.valueDeclaration;
    if (!decl || decl.getSourceFile().isDeclarationFile) return false;
    const had = this.syncing.get(decl);
    if (had !== undefined) return had;
    this.syncing.set(decl, false);
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n) && (this.isSyncCall(n) || this.callsSync(n, depth + 1))) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(decl);
    this.syncing.set(decl, found);
    return found;
  }
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | null {
  for (let p = node.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return p as ts.FunctionLikeDeclaration;
  return null;
}

/** Inside the body of a loop of the same function (a callback's own body is another function). */
function insideLoop(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isFunctionLike(p)) return false;
    if (ts.isIterationStatement(p, false) && child === p.statement) return true;
  }
  return false;
}
