/**
 * Whether a sheet is one par-index writes, from its name: the one test recognition (which never reads
 * such a sheet as a unit's table) and the list of sheets that are not units (src/app/units.ts) share.
 * Matched on the folded name's start, so "Kết quả 2" (the page's second result sheet), "KET QUA" or a
 * copy Excel names "Xếp hạng (2)" are ours too.
 */
import { fold } from "../fold";
import { OWNED_SHEETS } from "./style";

const OWNED_FOLDED: readonly string[] = OWNED_SHEETS.map((name) => fold(name));

export function isOwnedSheetName(name: string): boolean {
  const folded = fold(name);
  return OWNED_FOLDED.some((owned) => folded.startsWith(owned));
}
