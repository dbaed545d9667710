/**
 * missing-evidence, evidence-unverifiable, evidence-out-of-period: a claimed score needs a document the
 * appraisers can find (a number, a date or a link) from the assessment year, or an explanation. A cell
 * citing the workbook's evidence list ("TL 05") is checked on the documents the list gives (evidence-list.ts);
 * a hyperlink on the cell is a cited document whatever the cell's text says ("Xem tài liệu").
 */
import type { ItemEntry } from "../entries";
import { citation, isVerifiable } from "../evidence";
import { fold } from "../fold";
import { msg } from "../messages";
import type { TableRow } from "../recognise";
import type { FlatItem } from "../rubric/tree";
import { hyperlinkAt } from "../snapshot";
import type { RuleContext } from "./context";
import { checkListCitation } from "./evidence-list";
import { checkPeriod } from "./evidence-period";

export function checkEvidence(
  ctx: RuleContext,
  item: FlatItem,
  row: TableRow,
  entry: ItemEntry,
  explanation: string | null,
): void {
  const col = ctx.table.columns.evidence;
  if (col === undefined) return;
  const link = hyperlinkAt(ctx.sheet, row.row, col);
  if (link) entry.evidenceLink = link;
  if (item.kind === "survey" || entry.notApplicable) return;
  const address = ctx.addr(row.row, "evidence");
  const before = ctx.findings.length;
  checkCell(ctx, item, entry, address, explanation, link);
  // Every finding at a linked evidence cell names the target: the text alone does not say where it points.
  if (link) for (const f of ctx.findings.slice(before)) if (f.address === address) f.link = link;
}

function checkCell(
  ctx: RuleContext,
  item: FlatItem,
  entry: ItemEntry,
  address: string | null,
  explanation: string | null,
  link: string | null,
): void {
  const claimed = entry.self ?? 0;
  if (!entry.evidence) {
    if (claimed > 0 && !explanation && !link) {
      ctx.add(
        "missing-evidence",
        "warning",
        address,
        item.code,
        msg.missingEvidence(ctx.named(item.code), claimed),
        { found: null, expected: "tài liệu kiểm chứng" },
      );
    }
    return;
  }
  if (ctx.evidenceList && checkListCitation(ctx, ctx.evidenceList, item, address, entry.evidence, link))
    return;
  const cited = citation(entry.evidence);
  if (!link && !isVerifiable(cited)) {
    // "TL 05" with no list to look it up in: say what is missing, not only that it cannot be checked.
    const listCitation = !ctx.evidenceList && /\b(?:tl|tlkc)\s*[-.]?\s*\d/.test(fold(entry.evidence));
    ctx.add(
      "evidence-unverifiable",
      "warning",
      address,
      item.code,
      listCitation
        ? msg.evidenceListMissing(ctx.named(item.code), entry.evidence)
        : msg.evidenceUnverifiable(ctx.named(item.code), entry.evidence),
      { found: entry.evidence },
    );
    return;
  }
  checkPeriod(ctx, item, address, cited.dates);
}
