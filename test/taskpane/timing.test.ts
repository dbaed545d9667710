import { describe, expect, it } from "vitest";
import { CHECK_DONE_MARK, mark } from "../../src/taskpane/timing";

describe("the pane's User Timing marks", () => {
  it("keep one entry per name however many checks run (live re-check marks on every edit)", () => {
    for (let i = 0; i < 50; i++) mark(CHECK_DONE_MARK);
    expect(performance.getEntriesByName(CHECK_DONE_MARK)).toHaveLength(1);
  });
});
