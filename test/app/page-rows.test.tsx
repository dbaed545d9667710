// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { checkBytes } from "../../src/standalone/check";
import { FileResult } from "../../src/standalone/FileResult";
import { generatedSet, rubric } from "../parity/fixture";
import "../support/resize-observer";

/** The standalone page renders what src/app decides: every unit, skipped sheets once, bonus and penalty rows. */
afterEach(cleanup);
async function renderFile(pick: (plan: Awaited<ReturnType<typeof generatedSet>>) => string) {
  const plan = await generatedSet();
  const file = plan.files.find((f) => f.name === pick(plan));
  if (!file) throw new Error("file missing from the set");
  const result = await checkBytes(file.bytes, file.name, rubric, file.modified);
  render(
    <FluentProvider theme={webLightTheme}>
      <FileResult result={result} lang="en" rubricName={rubric.name} onDownload={() => {}} busy={false} />
    </FluentProvider>,
  );
  return { plan, result };
}

describe("the standalone page's result", () => {
  it("shows each unit sheet of a consolidation workbook, and each other sheet once", async () => {
    const { plan } = await renderFile((p) => p.consolidation.file);
    expect(document.querySelectorAll("[data-unit]")).toHaveLength(plan.consolidation.unitSheets.length);
    const skipped = screen.getByTestId("skipped-sheets");
    // The blank template is said by its finding above; the instructions and the summary here, once each.
    expect(
      within(skipped)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringContaining('Sheet "Hướng dẫn" is not a unit'),
      expect.stringContaining('Sheet "Tổng hợp" is not a unit'),
    ]);
    expect(document.body.textContent?.match(/Sheet "Mẫu trống"/g)).toHaveLength(1);
  }, 60_000);

  it("shows the bonus, penalty and total rows, so the rows add up to the index", async () => {
    await renderFile((p) => p.bonusPenalty);
    expect(document.querySelector('[data-row="bonus"]')).not.toBeNull();
    expect(document.querySelector('[data-row="penalty"]')).not.toBeNull();
    expect(document.querySelector('[data-row="total"]')?.textContent).toMatch(/^Total/);
  }, 60_000);
});
