/**
 * The same unit sent twice (an original and its resubmission): which copy counts. One rule for every
 * face and command, kept in core (core/newest-copy.ts) because ranking applies it there: the copy
 * modified last, when every copy's time is known and one is strictly newest; otherwise none can be told
 * apart and the user confirms with the unit. A face hands over the times it knows: the file system's
 * mtime in the CLI, the browser's File.lastModified in the pane and on the page — never 0 for "unknown".
 */
export { newestCopy } from "../core/newest-copy";

/** A browser File's or a stat's time as the engine takes it: a finite number of ms, else unknown. */
export function knownTime(ms: number | null | undefined): number | null {
  return typeof ms === "number" && Number.isFinite(ms) && ms > 0 ? ms : null;
}
