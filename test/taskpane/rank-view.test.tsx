// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rankingText } from "../../src/cli/commands/rank";
import { analyseWorkbook } from "../../src/core/analyse";
import { basisReasonFor } from "../../src/core/basis-words";
import { type RankInput, type Ranking, rankUnits } from "../../src/core/rank";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import type { ExcelService } from "../../src/excel/service";
import { FileReadError } from "../../src/files/errors";
import { generateUnit, unitWorkbook } from "../../src/sample";
import { App } from "../../src/taskpane/App";
import "../support/resize-observer";
import { settingsMethods, sheetMethods } from "../support/service-stub";

/**
 * The pane's ranking card (issue #24): what the CLI's `rank` says about the inputs — a unit sent twice and
 * which copy counts — is said here too, in the same words, and a file that could not be read is named once.
 * The ranking is core's, the Excel service is faked (the card shows what `buildRanking` hands back).
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;

const analysed = [1, 2].flatMap(
  (i) =>
    analyseWorkbook(unitWorkbook(generateUnit(rubric, { seed: 8, index: i, appraisal: 1 })), {
      rubric,
      source: `u${i}.xlsx`,
    }).units,
);
const input = (k: number, source: string, modified: number | null): RankInput => ({
  unit: analysed[k].unit,
  source,
  sheet: analysed[k].sheet,
  score: analysed[k].score,
  errors: 0,
  modified,
});
// The reader's own refusal: its message starts with the file's name, as every face gets it.
const unreadable = new FileReadError("not-a-zip", "hong.xlsx").text;

function fakeService(ranking: Ranking) {
  return {
    validate: vi.fn(),
    buildRanking: vi.fn(async () => ({
      analysis: { source: "", units: analysed, findings: [] },
      ranking,
      rankedUnits: ranking.groups.reduce((n, g) => n + g.units.length, 0),
      unranked: ranking.unranked.length,
      written: ["Xếp hạng"],
      syncs: 3,
    })),
    writeRanking: vi.fn(async () => "Xếp hạng"),
    ...sheetMethods(),
    ...settingsMethods({ rubricId: rubric.id }),
  } as unknown as ExcelService;
}

async function showRanking(ranking: Ranking) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App loadService={async () => fakeService(ranking)} initialLang="vi" />
    </FluentProvider>,
  );
  await act(async () => {
    fireEvent.click(await screen.findByRole("tab", { name: "Xếp hạng" }));
  });
  const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" });
  await waitFor(() => expect(build.getAttribute("aria-disabled")).not.toBe("true"));
  await act(async () => {
    fireEvent.click(build);
  });
  await screen.findByText(/^Đã ghi trang "Xếp hạng"/);
}

afterEach(cleanup);
configure({ asyncUtilTimeout: 15_000 });

describe("pane ranking card: what `rank` says of the inputs", () => {
  it("a unit sent twice: the card says which copy counts in the CLI's words; an unreadable file is named once", async () => {
    const r = rankUnits(
      [
        input(0, "Xa-A-lan1.xlsx", 1_000),
        input(0, "Xa-A-lan2.xlsx", 2_000),
        input(1, "u2.xlsx", 1_000),
        { unit: "hong.xlsx", source: "hong.xlsx", sheet: null, score: null, errors: 1, reason: unreadable },
      ],
      { rubric },
    );
    await showRanking(r);
    const cli = rankingText(r, "vi");
    const warnings = cli.filter((l) => l.startsWith("! ")).map((l) => l.slice(2));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("Xa-A-lan2.xlsx");
    const box = screen.getByTestId("ranking-findings");
    expect(within(box).getByRole("group", { name: /^Cần xem lại \(1\)/ }).textContent).toContain(warnings[0]);
    // "Not ranked" as the CLI words it: the older copy, and the unreadable file with its name once.
    const cliUnranked = cli
      .slice(cli.findIndex((l) => l.startsWith("Chưa xếp hạng")) + 1)
      .map((l) => l.trim());
    const items = [...document.querySelectorAll("li")]
      .map((li) => li.textContent ?? "")
      .filter((t) => t.startsWith("hong.xlsx") || t.startsWith(analysed[0].unit));
    expect(items.sort()).toEqual([...cliUnranked].sort());
    const broken = items.find((t) => t.startsWith("hong.xlsx")) as string;
    expect(broken).toBe(unreadable.vi);
    expect(broken).not.toContain("hong.xlsx: hong.xlsx");
  }, 60_000);

  it("copies that cannot be told apart: an error naming both, and no box when nothing was found", async () => {
    const r = rankUnits([input(0, "A1.xlsx", null), input(0, "A2.xlsx", null), input(1, "u2.xlsx", null)], {
      rubric,
    });
    await showRanking(r);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([["duplicate-unit", "error"]]);
    const box = screen.getByTestId("ranking-findings");
    expect(within(box).getByText(r.findings[0].message.vi).getAttribute("data-code")).toBe("duplicate-unit");
    expect(box.textContent).toMatch(/A1\.xlsx.*A2\.xlsx/);
    cleanup();
    await showRanking(rankUnits([input(0, "u1.xlsx", null), input(1, "u2.xlsx", null)], { rubric }));
    expect(screen.queryByTestId("ranking-findings")).toBeNull();
  }, 60_000);

  it("the basis line names what the pane offers: its card's choice and survey import, not the CLI's options", async () => {
    // Not appraised yet: the generator enters no survey score for it (the province scores the survey).
    const pending = analyseWorkbook(unitWorkbook(generateUnit(rubric, { seed: 8, index: 4, appraisal: 0 })), {
      rubric,
      source: "u4.xlsx",
    }).units[0];
    const r = rankUnits(
      [
        input(0, "u1.xlsx", null),
        input(1, "u2.xlsx", null),
        { unit: pending.unit, source: "u4.xlsx", sheet: pending.sheet, score: pending.score, errors: 0 },
      ],
      { rubric },
    );
    // What the Excel service hands back was built without a face: the card words the facts itself.
    expect(r.basisReason.vi).toContain("--basis evidence");
    await showRanking(r);
    const words = basisReasonFor(r.basisFacts, "pane").vi;
    const line = screen.getByText(words);
    expect(line.textContent).toContain(pending.unit);
    expect(words).toContain("1/3 đơn vị chưa có điểm điều tra xã hội học");
    expect(words).toContain("rồi lập lại bảng xếp hạng");
    // The card's own survey import, not the CLI's --survey (issue: the pane's survey import).
    expect(words).toContain('chọn "Nhập điểm điều tra" trên thẻ này');
    expect(basisReasonFor(r.basisFacts, "pane").en).toContain('choose "Import survey scores" on this card');
    expect(words).not.toContain("--survey");
    expect(words).toContain('chọn ô "Cơ sở xếp hạng"');
    expect(words).not.toContain("--basis");
    expect(words).not.toContain("trong ngăn tác vụ");
    expect(screen.queryByText(/--basis evidence/)).toBeNull();
  }, 60_000);
});
