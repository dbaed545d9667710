// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { basisReasonFor } from "../../src/core/basis-words";
import { type RankBasis, type Ranking, type RankPart, rankUnits } from "../../src/core/rank";
import { rankingText } from "../../src/cli/commands/rank";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit, unitWorkbook } from "../../src/sample";
import { checkBytes, type RankChoice, rankFiles } from "../../src/standalone/check";
import { StandaloneApp } from "../../src/standalone/App";
import { RankingResult } from "../../src/standalone/RankingResult";
import { surveyMaxOf } from "../../src/core/survey";
import { writeWorkbook } from "../../src/files/write-workbook";
import "../support/resize-observer";
import { NOT_A_ZIP, commune, unitFile } from "./helpers";

/**
 * The standalone page's ranking card (issues #24, #25): the basis choice as the pane offers it, which basis
 * the ranking used (always), a provisional ranking and units without a survey score said as warnings.
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;
const analysedOf = (index: number, appraisal: 0 | 1) =>
  analyseWorkbook(unitWorkbook(generateUnit(rubric, { seed: 8, index, appraisal })), {
    rubric,
    source: `u${index}.xlsx`,
  }).units;
const appraised = [1, 2, 3].flatMap((index) => analysedOf(index, 1));
// Not appraised yet: the generator enters no survey score for it (the province scores the survey).
const notAppraised = generateUnit(rubric, { seed: 8, index: 4, appraisal: 0 });
const withoutSurvey = analysedOf(4, 0);
const ranking = (by: RankBasis, units = appraised, basis?: RankPart) =>
  rankUnits(
    units.map((a) => ({ unit: a.unit, source: "", sheet: a.sheet, score: a.score, errors: 0 })),
    // As the page's rankFiles asks: the basis words name what the page offers (core/basis-words.ts).
    { rubric, by, basis, face: "page" },
  );

afterEach(cleanup);

function show(by: RankBasis, units = appraised, part: RankPart = "index") {
  const r = ranking(by, units, part === "evidence" ? "evidence" : undefined);
  const onChoice = vi.fn<(next: RankChoice) => void>();
  render(
    <FluentProvider theme={webLightTheme}>
      <RankingResult
        ranking={r}
        lang="vi"
        choice={{ by, part, groupBy: "rubric", dense: false }}
        onChoice={onChoice}
        note={null}
        onDownload={() => undefined}
        busy={false}
      />
    </FluentProvider>,
  );
  return { r, onChoice };
}

const partSelect = () => screen.getByRole("combobox", { name: "Cơ sở xếp hạng" }) as HTMLSelectElement;

describe("standalone ranking card", () => {
  it("on provisional scores (self-assessment, no survey) it says it is provisional and why the rating is empty", () => {
    const { r } = show("self");
    expect(r.withoutSurvey).toBe(true);
    const bar = screen.getByRole("group", { name: /^Xếp hạng tạm tính/ });
    expect(bar.textContent).toContain(r.basisReason.vi);
    expect(bar.textContent).toContain("Cột xếp loại để trống");
    const rows = screen.getAllByRole("row").filter((row) => row.hasAttribute("data-unit"));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(within(row).getByText("chưa xếp loại")).toBeTruthy();
  });

  it("on the full index there is no warning, every unit has its rating, and the basis is still said", () => {
    const { r } = show("final");
    expect(r.withoutSurvey).toBe(false);
    expect(screen.queryByRole("group")).toBeNull();
    expect(screen.queryByText("chưa xếp loại")).toBeNull();
    expect(screen.getByTestId("ranking-basis").textContent).toBe(r.basisReason.vi);
    expect(r.basisReason.vi).toMatch(/^Xếp theo Chỉ số CCHC/);
  });

  it("a unit without its survey score: a warning names it, and it is listed apart with its evidence part", () => {
    const { r } = show("final", [...appraised, ...withoutSurvey]);
    const name = notAppraised.truth.unitName as string;
    expect(r.basis).toBe("index");
    const bar = screen.getByRole("group", { name: /^Có đơn vị chưa có điểm điều tra xã hội học/ });
    expect(bar.textContent).toContain(name);
    // The page's hint, not the CLI's: no --basis option here; this card's survey import, the survey rows
    // of each workbook, and this card's choice.
    expect(bar.textContent).toContain(r.basisReason.vi);
    expect(r.basisReason.vi).toContain('chọn "Nhập điểm điều tra" trên thẻ xếp hạng này');
    expect(r.basisReason.en).toContain('choose "Import survey scores" on this ranking card');
    expect(r.basisReason.vi).not.toContain("--survey");
    expect(r.basisReason.vi).toContain('"Cơ sở xếp hạng"');
    expect(r.basisReason.vi).not.toContain("--basis");
    expect(r.basisReason.vi).not.toContain("trong ngăn tác vụ");
    expect(r.basisReason.en).not.toContain("the pane's survey import");
    expect(bar.textContent).not.toContain("Cột xếp loại để trống");
    expect(
      [...document.querySelectorAll("tr[data-unit]")].map((tr) => tr.getAttribute("data-unit")),
    ).not.toContain(name);
    const apart = screen.getByText(
      (_, el) => el?.tagName === "LI" && (el.textContent ?? "").startsWith(`${name}:`),
    );
    expect(apart.textContent).toMatch(/\(phần kiểm chứng \d+(,\d+)?\)$/);
  });

  it("offers the ranking basis as the pane does: the choice goes back to the page, a self ranking is evidence only", () => {
    const { onChoice } = show("final");
    expect(partSelect().value).toBe("index");
    expect(partSelect().disabled).toBe(false);
    fireEvent.change(partSelect(), { target: { value: "evidence" } });
    expect(onChoice).toHaveBeenCalledWith({ by: "final", part: "evidence", groupBy: "rubric", dense: false });
    cleanup();
    show("self");
    expect(partSelect().value).toBe("evidence");
    expect(partSelect().disabled).toBe(true);
  });

  it("on the evidence part as chosen, every unit is ranked, provisionally, and the card says it was chosen", () => {
    const { r } = show("final", [...appraised, ...withoutSurvey], "evidence");
    expect(r.basisSource).toBe("option");
    expect(document.querySelectorAll("tr[data-unit]")).toHaveLength(4);
    const bar = screen.getByRole("group", { name: /^Xếp hạng tạm tính/ });
    expect(bar.textContent).toContain(r.basisReason.vi);
    expect(bar.textContent).toContain('như người dùng chọn (ô "Cơ sở xếp hạng"');
    expect(bar.textContent).not.toContain("--basis");
  });
});

describe("standalone ranking card: what the CLI's rank says of the inputs (issue #24)", () => {
  const render2 = (r: Ranking) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <RankingResult
          ranking={r}
          lang="vi"
          choice={{ by: "final", part: "index", groupBy: "rubric", dense: false }}
          onChoice={() => undefined}
          note={null}
          onDownload={() => undefined}
          busy={false}
        />
      </FluentProvider>,
    );
  const CHOICE = { by: "final", part: "index", groupBy: "rubric", dense: false } as const;

  it("a unit picked twice: the card says which copy counts, in the words `rank` prints; an unreadable file is named once", async () => {
    const [a, b] = await Promise.all([unitFile(2), unitFile(3)]);
    const checked = await Promise.all([
      checkBytes(a.bytes, "Xa-A-lan1.xlsx", commune, 1_000),
      checkBytes(a.bytes, "Xa-A-lan2.xlsx", commune, 2_000),
      checkBytes(b.bytes, b.unit.fileName, commune, 1_000),
      checkBytes(NOT_A_ZIP, "hong.xlsx", commune),
    ]);
    const r = rankFiles(checked, commune, CHOICE);
    render2(r);
    // The CLI's own lines for the same ranking: its "!" lines are the ranking's findings.
    const cli = rankingText(r, "vi");
    const warnings = cli.filter((l) => l.startsWith("! ")).map((l) => l.slice(2));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("Xa-A-lan2.xlsx");
    const bar = within(screen.getByTestId("ranking-findings")).getByRole("group", {
      name: /^Cần xem lại \(1\)/,
    });
    expect(bar.textContent).toContain(warnings[0]);
    // "Not ranked": the older copy and the unreadable file, each line as the CLI words it, the name once.
    const start = cli.findIndex((l) => l.startsWith("Chưa xếp hạng"));
    const cliUnranked = cli.slice(start + 1).map((l) => l.trim());
    const items = [...document.querySelectorAll("li")].map((li) => li.textContent ?? "");
    const unrankedItems = items.filter(
      (t) => t.startsWith("hong.xlsx") || t.startsWith(a.unit.truth.unitName as string),
    );
    expect(unrankedItems.sort()).toEqual([...cliUnranked].sort());
    const broken = unrankedItems.find((t) => t.startsWith("hong.xlsx")) as string;
    expect(broken).not.toContain("hong.xlsx: hong.xlsx");
    expect(broken.split("hong.xlsx")).toHaveLength(2);
  });

  it("two copies with no time to tell them apart: an error, and neither copy is ranked", async () => {
    const a = await unitFile(2);
    const r = rankFiles(
      await Promise.all([
        checkBytes(a.bytes, "A1.xlsx", commune, null),
        checkBytes(a.bytes, "A2.xlsx", commune, null),
      ]),
      commune,
      CHOICE,
    );
    render2(r);
    expect(r.findings.map((f) => f.severity)).toEqual(["error"]);
    const box = screen.getByTestId("ranking-findings");
    expect(box.textContent).toContain(r.findings[0].message.vi);
    expect(within(box).getByText(r.findings[0].message.vi).getAttribute("data-code")).toBe("duplicate-unit");
  });

  it("a ranking built for another face is still said with the page's hint (the card words the facts itself)", () => {
    const r = rankUnits(
      [...appraised, ...withoutSurvey].map((a) => ({
        unit: a.unit,
        source: "",
        sheet: a.sheet,
        score: a.score,
        errors: 0,
      })),
      { rubric, by: "final" },
    );
    expect(r.basisReason.vi).toContain("--basis evidence");
    render2(r);
    const shown = screen.getByTestId("ranking-basis").textContent ?? "";
    expect(shown).toContain(basisReasonFor(r.basisFacts, "page").vi);
    expect(shown).not.toContain("--basis evidence");
  });

  it("no finding, no box", () => {
    render2(ranking("final"));
    expect(screen.queryByTestId("ranking-findings")).toBeNull();
  });
});

/**
 * The page's "Nhập điểm điều tra" (the CLI's `rank --survey`), through the whole page: real workbooks
 * picked, a survey table picked on the ranking card, the ranking rebuilt with its scores; what matched,
 * what did not and the rows not used are said; a refused table is said naming the file.
 */
describe("standalone ranking card: the survey import", () => {
  const max = surveyMaxOf(commune) as number;
  const vn = (x: number) => String(x).replace(".", ",");
  /** jsdom's File has no arrayBuffer(); `reads` counts how often the bytes were asked for. */
  const fileOf = (bytes: Uint8Array, name: string, reads = { count: 0 }) => {
    const f = new File([bytes as BlobPart], name);
    Object.defineProperty(f, "arrayBuffer", {
      value: async () => {
        reads.count++;
        return bytes.slice().buffer;
      },
    });
    return f;
  };
  // Not appraised: the generator enters no survey score (the province scores the survey).
  const pending = [1, 2].map((index) => generateUnit(commune, { seed: 8, index, appraisal: 0 }));

  async function pageWithUnits() {
    render(
      <FluentProvider theme={webLightTheme}>
        <StandaloneApp context="site" initialLang="vi" storage={null} />
      </FluentProvider>,
    );
    const files = await Promise.all(
      pending.map(async (u) => fileOf(await writeWorkbook(u.sheets), u.fileName)),
    );
    const picker = await waitFor(
      () => {
        const button = screen.getByRole("button", { name: "Chọn tệp .xlsx…" });
        expect(button.hasAttribute("disabled")).toBe(false);
        return document.querySelector<HTMLInputElement>('input[data-picker="files"]') as HTMLInputElement;
      },
      { timeout: 30_000 },
    );
    await act(async () => fireEvent.change(picker, { target: { files } }));
    await screen.findByTestId("ranking-summary", undefined, { timeout: 30_000 });
  }

  async function importSurvey(file: File) {
    await act(async () =>
      fireEvent.change(screen.getByLabelText(/^Nhập điểm điều tra/), { target: { files: [file] } }),
    );
  }

  it("ranks with the table's scores and says what matched and what did not", async () => {
    await pageWithUnits();
    // Before: no unit has a survey score, so both are ranked on the evidence part (core's "no-survey").
    expect(screen.getByTestId("ranking-summary").textContent).toBe(
      "2 đơn vị được xếp hạng, 0 chưa xếp hạng.",
    );
    const score = Math.round(max * 0.8 * 100) / 100;
    const csv = [
      "Đơn vị;Điểm điều tra xã hội học",
      `UBND ${pending[1].name.toUpperCase()};${vn(score)}`,
      `Xã Không Có Thật;${vn(score)}`,
      `Xã Quá Điểm;${vn(max + 5)}`,
    ].join("\n");
    await importSurvey(fileOf(new TextEncoder().encode(csv), "dieu-tra.csv"));
    const box = await screen.findByTestId("survey-summary", undefined, { timeout: 15_000 });
    expect(screen.getByTestId("ranking-summary").textContent).toBe(
      "1 đơn vị được xếp hạng, 1 chưa xếp hạng.",
    );
    expect([...document.querySelectorAll("tr[data-unit]")].map((tr) => tr.getAttribute("data-unit"))).toEqual(
      [pending[1].name],
    );
    expect(box.textContent).toContain("Điểm điều tra từ dieu-tra.csv: 2 dòng dùng được, 1 đơn vị khớp.");
    expect(within(box).getByTestId("survey-matched").textContent).toContain(
      `${pending[1].name}: ${vn(score)}`,
    );
    const mismatches = within(box).getByTestId("survey-mismatches").textContent ?? "";
    expect(mismatches).toContain(`Không có điểm điều tra xã hội học cho đơn vị "${pending[0].name}".`);
    expect(mismatches).toContain('Điểm điều tra của "Xã Không Có Thật" (B3) không khớp đơn vị nào.');
    expect(within(box).getByTestId("survey-rows-not-used").textContent).toMatch(
      /dieu-tra\.csv › B4: điểm điều tra của "Xã Quá Điểm".*ngoài khoảng 0–/,
    );
  }, 90_000);

  it("a refused table is said naming the file, and the ranking stays without it", async () => {
    await pageWithUnits();
    await importSurvey(fileOf(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), "khao-sat.csv"));
    const problem = await screen.findByTestId("survey-problem", undefined, { timeout: 15_000 });
    expect(problem.textContent).toMatch(/Không đọc bảng khảo sát khao-sat\.csv: mã hoá UTF-32/);
    expect(screen.queryByTestId("survey-summary")).toBeNull();
    expect(screen.getByTestId("ranking-summary").textContent).toBe(
      "2 đơn vị được xếp hạng, 0 chưa xếp hạng.",
    );
    // Over the CLI's workbook cap (20 MB): refused from its size, before a byte is read.
    const reads = { count: 0 };
    const big = fileOf(new Uint8Array(1), "lon.xlsx", reads);
    Object.defineProperty(big, "size", { value: 20_000_001 });
    await importSurvey(big);
    await waitFor(() =>
      expect(screen.getByTestId("survey-problem").textContent).toMatch(
        /Không đọc bảng khảo sát lon\.xlsx: tệp .* MB lớn quá giới hạn/,
      ),
    );
    expect(reads.count).toBe(0);
  }, 90_000);
});
