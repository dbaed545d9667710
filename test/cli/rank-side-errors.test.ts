import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { UsageError } from "../../src/cli/args";
import { loadSurvey } from "../../src/cli/commands/rank";
import { isUserError } from "../../src/core/errors";

// A parser that trips on a bug of ours, to see what the command makes of it.
vi.mock("../../src/core/survey", async (original) => ({
  ...(await original<typeof import("../../src/core/survey")>()),
  surveyTableFromCsvTable: () => {
    throw new TypeError("a bug of ours");
  },
}));

/**
 * One side-file error path (cli/side-file.ts): rank kept its own `sideFileError`, which also turned a bug
 * in the survey parser into a usage error blaming the user's file (exit 2) instead of a bug (exit 3).
 */
const dir = mkdtempSync(join(tmpdir(), "par-index-side-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("rank's survey table", () => {
  it("a bug while parsing is ours: not a usage error", async () => {
    const csv = join(dir, "survey.csv");
    writeFileSync(csv, "Đơn vị,Điểm\nXã A,20\n");
    const e = await loadSurvey(csv, 35, "en").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TypeError);
    expect(isUserError(e)).toBe(false);
  });

  it("a file that cannot be read is still a usage error naming the survey table and the file", async () => {
    const missing = join(dir, "missing.csv");
    const e = await loadSurvey(missing, 35, "en").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).text.en).toMatch(/missing\.csv/);
  });
});
