/**
 * How a unit left out of the ranking is named with its reason, the same on every face (the CLI's "Not
 * ranked" lines, the pane's and the page's lists). A file that could not be read comes back with the file
 * name as its unit and a reason that already names the file (the reader's and `failureOf`'s messages
 * start with it): the name is said once, never "hong.xlsx: hong.xlsx: …".
 */
import type { Lang } from "../core/i18n";
import type { UnrankedUnit } from "../core/rank";

export function unrankedLabel(u: Pick<UnrankedUnit, "unit" | "reason">, lang: Lang): string {
  const reason = u.reason[lang];
  return reason.startsWith(`${u.unit}:`) ? reason : `${u.unit}: ${reason}`;
}
