/**
 * missing-evidence, evidence-unverifiable, evidence-out-of-period: a claimed score needs a document the
 * appraisers can find (a number, a date or a link) from the assessment year, or an explanation.
 */
import type { ItemEntry } from "../entries";
import { citation, isVerifiable } from "../evidence";
import { msg } from "../messages";
import type { TableRow } from "../recognise";
import type { FlatItem } from "../rubric/tree";
import type { RuleContext } from "./context";

export function checkEvidence(
  ctx: RuleContext,
  item: FlatItem,
  row: TableRow,
  entry: ItemEntry,
  explanation: string | null,
): void {
  if (ctx.table.columns.evidence === undefined || item.kind === "survey" || entry.notApplicable) return;
  const claimed = entry.self ?? 0;
  const address = ctx.addr(row.row, "evidence");
  if (!entry.evidence) {
    if (claimed > 0 && !explanation) {
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
  const cited = citation(entry.evidence);
  if (!isVerifiable(cited)) {
    ctx.add(
      "evidence-unverifiable",
      "warning",
      address,
      item.code,
      msg.evidenceUnverifiable(ctx.named(item.code), entry.evidence),
      { found: entry.evidence },
    );
    return;
  }
  const outside = cited.dates.find((d) => d.year !== ctx.year);
  if (outside) {
    ctx.add(
      "evidence-out-of-period",
      "warning",
      address,
      item.code,
      msg.evidenceOutOfPeriod(ctx.named(item.code), outside.text, ctx.year),
      { found: outside.text, expected: ctx.year },
    );
  }
}
