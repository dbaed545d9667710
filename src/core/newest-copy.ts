/**
 * The same unit sent twice (an original and its resubmission): which copy counts. The copy modified last,
 * when every copy's time is known and one is strictly newest; otherwise none can be told apart and the
 * user confirms with the unit. Ranking (core/rank.ts) applies it, and every face through src/app.
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
