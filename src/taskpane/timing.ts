/**
 * User Timing marks around the check's result reaching the screen. The pane never reads them; `npm run
 * bench` does (scripts/bench.ts via test/e2e/measure.mjs), so the render of a big result is measured
 * apart from the reading and analysing before it. A mark costs microseconds and nothing leaves the page.
 */
export const CHECK_DONE_MARK = "par-index:check-done";
export const RESULTS_SHOWN_MARK = "par-index:results-shown";

/** Replaces the last mark of that name: live re-check marks on every edit, and the buffer must not grow. */
export function mark(name: string): void {
  globalThis.performance?.clearMarks?.(name);
  globalThis.performance?.mark?.(name);
}
