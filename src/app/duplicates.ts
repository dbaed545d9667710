/**
 * The same unit sent twice (an original and its resubmission): which copy counts. One rule for every
 * face and command, the one ranking and intake apply (core/rank.ts, core/intake.ts): the copy modified
 * last, when every copy's time is known and one is strictly newest; otherwise none can be told apart and
 * the user confirms with the unit. A face hands over the times it knows: the file system's mtime in the
 * CLI, the browser's File.lastModified in the pane and on the page — never 0 for "unknown".
 */

/** Index of the copy that counts, or null when which is newest cannot be told. */
export function newestCopy(times: readonly (number | null | undefined)[]): number | null {
  if (times.length === 0) return null;
  if (times.length === 1) return 0;
  if (!times.every((t): t is number => typeof t === "number" && Number.isFinite(t))) return null;
  const newest = Math.max(...times);
  const at = times.indexOf(newest);
  return times.indexOf(newest, at + 1) === -1 ? at : null;
}

/** A browser File's or a stat's time as the engine takes it: a finite number of ms, else unknown. */
export function knownTime(ms: number | null | undefined): number | null {
  return typeof ms === "number" && Number.isFinite(ms) && ms > 0 ? ms : null;
}
