// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { type RankBasis, rankUnits } from "../../src/core/rank";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit, unitWorkbook } from "../../src/sample";
import { RankingResult } from "../../src/standalone/RankingResult";
import "../support/resize-observer";

/** The standalone page's ranking card (issue #25): a provisional ranking says so and why it has no rating. */
const rubric = builtinRubric("example-commune-2024") as Rubric;
const analysed = [1, 2, 3].flatMap(
  (index) =>
    analyseWorkbook(unitWorkbook(generateUnit(rubric, { seed: 8, index, appraisal: 1 })), {
      rubric,
      source: `u${index}.xlsx`,
    }).units,
);
const ranking = (by: RankBasis) =>
  rankUnits(
    analysed.map((a) => ({ unit: a.unit, source: "", sheet: a.sheet, score: a.score, errors: 0 })),
    { rubric, by },
  );

afterEach(cleanup);

function show(by: RankBasis) {
  const r = ranking(by);
  render(
    <FluentProvider theme={webLightTheme}>
      <RankingResult
        ranking={r}
        lang="vi"
        choice={{ by, groupBy: "rubric", dense: false }}
        onChoice={() => undefined}
        note={null}
        onDownload={() => undefined}
        busy={false}
      />
    </FluentProvider>,
  );
  return r;
}

describe("standalone ranking card", () => {
  it("on provisional scores (self-assessment, no survey) it says it is provisional and why the rating is empty", () => {
    const r = show("self");
    expect(r.withoutSurvey).toBe(true);
    const bar = screen.getByRole("group", { name: /^Xếp hạng tạm tính/ });
    expect(bar.textContent).toContain("Cột xếp loại để trống");
    const rows = screen.getAllByRole("row").filter((row) => row.hasAttribute("data-unit"));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(within(row).getByText("chưa xếp loại")).toBeTruthy();
  });

  it("on the full index there is no such note and every unit has its rating", () => {
    const r = show("final");
    expect(r.withoutSurvey).toBe(false);
    expect(screen.queryByText(/Xếp hạng tạm tính/)).toBeNull();
    expect(screen.queryByText("chưa xếp loại")).toBeNull();
  });
});
