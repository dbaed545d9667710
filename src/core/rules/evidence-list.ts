/**
 * Evidence cited from the workbook's evidence list sheet ("TL 05; TL 06"): evidence-not-listed for a
 * number the list lacks (at the citing cell), the usual checks (a number or date, in the year) on the
 * documents the list gives, and evidence-list-uncited — one note — for list entries no row cites.
 */
import { a1 } from "../address";
import { citation, isVerifiable } from "../evidence";
import { citedNumbers, type EvidenceList, listNumberAtLink } from "../evidence-list";
import { msg } from "../messages";
import type { FlatItem } from "../rubric/tree";
import type { RuleContext } from "./context";
import { checkPeriod } from "./evidence-period";

/**
 * Check a cell that cites the list, by "TL …" numbers in its text or a link to a row of the list; false
 * when it cites no list number (then it is checked as plain evidence).
 */
export function checkListCitation(
  ctx: RuleContext,
  list: EvidenceList,
  item: FlatItem,
  address: string | null,
  text: string,
  link: string | null,
): boolean {
  const linked = link ? listNumberAtLink(list, link) : null;
  const numbers = citedNumbers(text) ?? (linked === null ? null : [linked]);
  if (!numbers) return false;
  ctx.citesList = true;
  const missing = numbers.filter((n) => !list.entries.has(n));
  for (const n of numbers) if (list.entries.has(n)) ctx.cited.add(n);
  if (missing.length) {
    ctx.add(
      "evidence-not-listed",
      "warning",
      address,
      item.code,
      msg.evidenceNotListed(ctx.named(item.code), missing, list.sheet),
      { found: text, expected: list.sheet },
    );
  }
  const listed = numbers.flatMap((n) => list.entries.get(n) ?? []);
  const unverifiable = listed.find((d) => !d.date && !isVerifiable(citation(d.text)));
  if (unverifiable) {
    ctx.add(
      "evidence-unverifiable",
      "warning",
      address,
      item.code,
      msg.evidenceUnverifiable(ctx.named(item.code), `TL ${unverifiable.no}: ${unverifiable.text}`),
      { found: `${text} → ${unverifiable.text}` },
    );
    return true;
  }
  checkPeriod(
    ctx,
    item,
    address,
    listed.flatMap((d) => (d.date ? [d.date] : citation(d.text).dates)),
  );
  return true;
}

/** One note for the list entries no row of this table cites, at the first of them. */
export function checkUncitedList(ctx: RuleContext): void {
  const list = ctx.evidenceList;
  // A table that cites no list number (its evidence written out) is not using the list: no note.
  if (!list || !ctx.citesList) return;
  const uncited = [...list.entries.values()].filter((d) => !ctx.cited.has(d.no));
  if (!uncited.length) return;
  ctx.findings.push({
    code: "evidence-list-uncited",
    severity: "info",
    sheet: list.sheet,
    address: a1(uncited[0].row, uncited[0].col),
    item: null,
    message: msg.evidenceListUncited(
      list.sheet,
      uncited.map((d) => d.no),
    ),
    found: uncited.length,
  });
}
