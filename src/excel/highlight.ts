/**
 * Highlights of cells with findings, made only through conditional formats the add-in owns: each carries
 * a marker in its formula, so clearing removes exactly ours and leaves the user's values, formats and
 * conditional formats as they were.
 */
import type { Finding } from "../core/finding";
import { serviceError } from "./errors";

/** A formula that is always true and names its owner; Excel keeps it verbatim. */
export const HIGHLIGHT_FORMULA = '=N("PAR-INDEX")=0';
const FILL = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" } as const;

/**
 * One sync: the protection of every sheet the findings point at (ExcelApi 1.2). A protected sheet refuses
 * conditional formats, and Excel keeps the operations of a batch that ran before the refusal: asking
 * first means a refused highlight marks no cell at all, and the error names the sheet.
 */
export async function refuseProtected(
  context: Excel.RequestContext,
  findings: readonly Finding[],
): Promise<void> {
  const names = [...new Set(findings.flatMap((f) => (f.sheet && f.address ? [f.sheet] : [])))];
  if (names.length === 0) return;
  const checks = names.map((sheet) => {
    const protection = context.workbook.worksheets.getItem(sheet).protection;
    protection.load("protected");
    return { sheet, protection };
  });
  await context.sync();
  const locked = checks.find((c) => c.protection.protected);
  if (locked) throw serviceError("SheetProtected", { sheet: locked.sheet });
}

/** Queues one conditional format per finding cell (worst severity wins); the caller syncs once. */
export function queueHighlights(context: Excel.RequestContext, findings: readonly Finding[]): number {
  const worst = new Map<string, Finding>();
  const rank = { error: 0, warning: 1, info: 2 };
  for (const f of findings) {
    if (!f.sheet || !f.address) continue;
    const key = `${f.sheet}\u0000${f.address}`;
    const had = worst.get(key);
    if (!had || rank[f.severity] < rank[had.severity]) worst.set(key, f);
  }
  for (const f of worst.values()) {
    const range = context.workbook.worksheets.getItem(f.sheet as string).getRange(f.address as string);
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = HIGHLIGHT_FORMULA;
    cf.custom.format.fill.color = FILL[f.severity];
  }
  return worst.size;
}

/** Two syncs: find our conditional formats on every sheet, then delete them. Returns how many went. */
export async function clearHighlights(context: Excel.RequestContext): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const collections = sheets.items.map((ws) => {
    const cfs = ws.getRange().conditionalFormats;
    // `custom` throws for other kinds of conditional format; the OrNullObject twin does not.
    cfs.load("items/type,items/customOrNullObject/rule/formula");
    return cfs;
  });
  await context.sync();
  let removed = 0;
  for (const cfs of collections) {
    for (const cf of cfs.items) {
      const custom = cf.customOrNullObject;
      if (cf.type === "Custom" && !custom.isNullObject && custom.rule.formula === HIGHLIGHT_FORMULA) {
        cf.delete();
        removed++;
      }
    }
  }
  if (removed) await context.sync();
  return removed;
}
