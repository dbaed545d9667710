// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { countBySeverity, type Finding } from "../../src/core/finding";
import { formatFixed } from "../../src/core/numbers";
import { rankUnits } from "../../src/core/rank";
import { NOTICE_KEY } from "../../src/commands/notices";
import { ExcelServiceError, serviceError } from "../../src/excel/errors";
import { type ParIndexState, useParIndex } from "../../src/taskpane/useParIndex";
import { formatNumber, languageFrom } from "../../src/core/i18n";
import { builtinRubric, builtinRubrics, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { consolidationWorkbook, generateUnit, unitWorkbook } from "../../src/sample";
import { type SheetSpec, specToSnapshot } from "../../src/core/sheet-spec";
import type { ExcelService, ValidateResult } from "../../src/excel/service";
import { type ParSettings, verifySettings } from "../../src/excel/settings";
import {
  NO_USER_SETTINGS,
  resolveSettings,
  settingsDigest,
  type UserSettings,
} from "../../src/excel/settings-rule";
import { App } from "../../src/taskpane/App";
import "../support/resize-observer";

/**
 * The pane against a fake Excel service: what the user sees and what each click asks of Excel.
 * The analysis is real (a generated unit with planted defects), only the Office calls are faked.
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;

function validation(): ValidateResult {
  const unit = generateUnit(rubric, {
    seed: 5,
    index: 0,
    appraisal: 1,
    defects: ["missing-evidence", "score-out-of-range", "number-as-text"],
  });
  const analysis = analyseWorkbook(unitWorkbook(unit), { rubric, source: unit.fileName });
  const findings = [...analysis.findings, ...analysis.units.flatMap((u) => u.findings)];
  return { analysis, counts: countBySeverity(findings), written: ["Báo cáo kiểm tra"], syncs: 2 };
}

const allFindingsOf = (v: ValidateResult) => [
  ...v.analysis.findings,
  ...v.analysis.units.flatMap((u) => u.findings),
];

// Computed once: the fake service answers at once, so what a click starts settles inside act().
const VALIDATION = validation();

function fakeService(
  overrides: Partial<ExcelService> = {},
  stored: unknown = { rubricId: rubric.id },
  user: UserSettings = NO_USER_SETTINGS,
) {
  let settings: unknown = stored;
  const service = {
    validate: vi.fn(async () => VALIDATION),
    buildRanking: vi.fn(),
    writeRanking: vi.fn(async () => "Xếp hạng"),
    selectCell: vi.fn(async () => undefined),
    highlight: vi.fn(async () => 0),
    clearHighlights: vi.fn(async () => 0),
    listSheets: vi.fn(async () => []),
    watchChanges: vi.fn(async () => ({ supported: false, stop: async () => undefined })),
    loadSettings: () => verifySettings(settings).settings,
    saveSettings: vi.fn(async (s: ParSettings) => {
      settings = s;
    }),
    settingsRubric: (s?: ParSettings) => verifySettings(s ?? settings).rubric,
    // The real verification: what the pane shows of settings is what the service would use.
    verifySettings: (s?: ParSettings) => verifySettings(s ?? settings),
    // The real rule, for a user who accepted nothing yet (or what the test says they accepted).
    resolveSettings: () => resolveSettings(settings, user, { rubricId: DEFAULT_RUBRIC_ID }),
    acceptSettings: vi.fn(),
    ...overrides,
  } as unknown as ExcelService & Record<string, ReturnType<typeof vi.fn>>;
  return service;
}

async function renderPane(service: ExcelService, lang: "vi" | "en" = "vi") {
  render(
    <FluentProvider theme={webLightTheme}>
      <App loadService={async () => service} initialLang={lang} />
    </FluentProvider>,
  );
  const button = await screen.findByRole("button", { name: lang === "vi" ? "Kiểm tra" : "Check" });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  return button;
}

afterEach(cleanup);
// The first check generates and analyses a real workbook in jsdom: give async queries time on a busy machine.
configure({ asyncUtilTimeout: 15_000 });

/**
 * A click inside act(): the fake service answers at once, so what the click started (a service call and
 * the dispatches after it) settles before act returns. Lazy tabs and slower work are awaited with findBy.
 */
async function click(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

/** Renders the hook alone, handing out its state after each render (for actions called directly). */
function Probe({ service, onState }: { service: ExcelService; onState: (s: ParIndexState) => void }) {
  onState(useParIndex(service, "vi"));
  return null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The writes live in the card's "Ghi vào sổ ▾" menu: open it, then pick the item. */
async function writeFromMenu(name: string, menu = "Ghi vào sổ") {
  await click(screen.getByRole("button", { name: menu }));
  await click(await screen.findByRole("button", { name }));
}
const findingButtons = () => screen.getAllByRole("button").filter((b) => b.getAttribute("data-code"));

describe("Check tab", () => {
  it("a check only reads: validate is asked not to write, and the summary card comes first", async () => {
    const service = fakeService();
    const check = await renderPane(service);
    await click(check);
    expect(service.validate).toHaveBeenCalledWith(expect.objectContaining({ writeReport: false }));
    const card = await screen.findByRole("region", { name: "Kết quả kiểm tra" });
    const unit = VALIDATION.analysis.units[0];
    expect(card.textContent).toContain(`Đơn vị: ${unit.unit}`);
    expect(card.textContent).toContain(`Bộ chỉ số: ${rubric.name}`);
    const { error, warning } = VALIDATION.counts;
    expect(within(card).getByRole("button", { name: `${error} lỗi` })).toBeTruthy();
    expect(within(card).getByRole("button", { name: `${warning} cảnh báo` })).toBeTruthy();
    // The card sits above every finding in the document order.
    const first = findingButtons()[0];
    expect(card.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("a finding's name is its visible text (address first), and its click selects the cell", async () => {
    const service = fakeService();
    await click(await renderPane(service));
    const buttons = findingButtons();
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) {
      expect(b.getAttribute("aria-label")).toBeNull();
      expect(b.textContent).toMatch(/^[A-Z]+\d+ /);
    }
    const withCell = allFindingsOf(VALIDATION).filter((f) => f.address);
    const target = withCell[0];
    await click(screen.getAllByRole("button", { name: new RegExp(`^${target.address} `) })[0]);
    expect(service.selectCell).toHaveBeenCalledWith(target.sheet, target.address);
  });

  it("next and previous walk the findings, select each cell and mark the current one", async () => {
    const service = fakeService();
    await click(await renderPane(service));
    await click(screen.getByRole("button", { name: "Phát hiện tiếp" }));
    const current = screen.getAllByRole("button").find((b) => b.getAttribute("aria-current") === "true");
    expect(current).toBeTruthy();
    expect(service.selectCell).toHaveBeenCalledTimes(1);
    const address = /^([A-Z]+\d+)/.exec(current?.textContent ?? "")?.[1];
    expect(vi.mocked(service.selectCell).mock.calls[0][1]).toBe(address);
    await click(screen.getByRole("button", { name: "Phát hiện tiếp" }));
    await click(screen.getByRole("button", { name: "Phát hiện trước" }));
    expect(vi.mocked(service.selectCell).mock.calls[2]).toEqual(vi.mocked(service.selectCell).mock.calls[0]);
  });

  it("'Ghi báo cáo vào sổ' writes on request, says what it wrote and offers to go there", async () => {
    const written = { ...VALIDATION, written: ["Báo cáo kiểm tra", "Kết quả"] };
    const service = fakeService({
      validate: vi.fn(async (o?: { writeReport?: boolean }) => (o?.writeReport ? written : VALIDATION)),
    });
    await click(await renderPane(service));
    expect(service.selectCell).not.toHaveBeenCalled();
    await writeFromMenu("Ghi báo cáo vào sổ");
    expect(service.validate).toHaveBeenLastCalledWith(expect.objectContaining({ writeReport: true }));
    expect(vi.mocked(service.validate).mock.lastCall?.[0]?.settingsLines?.[0].vi).toBe(
      `Bộ chỉ số: ${rubric.name}`,
    );
    expect(await screen.findByText('Đã ghi trang "Báo cáo kiểm tra", "Kết quả" vào sổ.')).toBeTruthy();
    expect(service.selectCell).not.toHaveBeenCalled();
    await click(screen.getByRole("button", { name: 'Mở trang "Báo cáo kiểm tra"' }));
    expect(service.selectCell).toHaveBeenCalledWith("Báo cáo kiểm tra", "A1");
  });

  it("writes in the pane's language and says so where the host cannot set the page (before ExcelApi 1.9)", async () => {
    const written = { ...VALIDATION, written: ["Báo cáo kiểm tra"], pageLayout: false };
    const writeSheets = vi.fn(async (specs: readonly SheetSpec[]) => specs.map((x) => x.name));
    const service = fakeService({
      validate: vi.fn(async (o?: { writeReport?: boolean }) => (o?.writeReport ? written : VALIDATION)),
      writeSheets,
      canSetPage: () => false,
    });
    await click(await renderPane(service, "en"));
    await writeFromMenu("Write the report into the workbook", "Write to workbook");
    expect(service.validate).toHaveBeenLastCalledWith(
      expect.objectContaining({ writeReport: true, lang: "en" }),
    );
    expect(
      await screen.findByText(/^Wrote "Báo cáo kiểm tra" into the workbook\. This Excel cannot set/),
    ).toBeTruthy();
    await writeFromMenu("Write the appraisal result into the workbook", "Write to workbook");
    await waitFor(() => expect(writeSheets).toHaveBeenCalledTimes(1));
    // One language per printed sheet: the pane's.
    expect(writeSheets.mock.calls[0][0][0].tables?.[0].headers).toContain("Appraised");
    expect(
      await screen.findByText(
        /^Wrote the "Kết quả thẩm định" sheet for .*This Excel cannot set the printed page/,
      ),
    ).toBeTruthy();
  });

  it("'Ghi kết quả thẩm định vào sổ' writes exactly that sheet for the checked unit, says so, and only 'go there' moves", async () => {
    // A note the test plants on one appraised item: the sheet's note column must carry it.
    const planted = validation();
    const unit = planted.analysis.units[0];
    const noted = unit.score.nodes.find((n) => n.isLeaf && n.appraised !== null);
    expect(noted).toBeTruthy();
    const code = noted?.code as string;
    const entry = unit.entries.get(code);
    if (entry) unit.entries.set(code, { ...entry, note: "Thiếu biên bản họp (ghi chú thử)" });
    const writeSheets = vi.fn(async (specs: readonly SheetSpec[]) => specs.map((x) => x.name));
    const service = fakeService({ validate: vi.fn(async () => planted), writeSheets });
    await click(await renderPane(service));
    expect(writeSheets).not.toHaveBeenCalled();
    await writeFromMenu("Ghi kết quả thẩm định vào sổ");
    await waitFor(() => expect(writeSheets).toHaveBeenCalledTimes(1));
    const specs = writeSheets.mock.calls[0][0];
    expect(specs.map((x) => x.name)).toEqual(["Kết quả thẩm định"]);
    const [spec] = specs;
    expect(spec.cells.find((c) => c.row === 1 && c.col === 1)?.value).toBe(unit.unit);
    const items = spec.tables?.find((x) => x.name === "ThamDinh_TieuChi");
    const row = items?.rows.find((r) => r[0] === noted?.shown);
    expect(row?.[7]).toBe("Thiếu biên bản họp (ghi chú thử)");
    expect(spec.charts).toHaveLength(1);
    // The check covered one unit: no group, so no group average anywhere on the sheet.
    expect(spec.tables?.find((x) => x.name === "ThamDinh_MatDiem")?.rows.every((r) => r[5] === null)).toBe(
      true,
    );
    // No second read of the workbook: the check's analysis is what was written.
    expect(service.validate).toHaveBeenCalledTimes(1);
    expect(
      await screen.findByText(
        new RegExp(`^Đã ghi trang "Kết quả thẩm định" cho đơn vị ${escapeRegExp(unit.unit)} `),
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Chưa có bình quân nhóm/)).toBeTruthy();
    expect(service.selectCell).not.toHaveBeenCalled();
    await click(screen.getByRole("button", { name: 'Mở trang "Kết quả thẩm định"' }));
    expect(service.selectCell).toHaveBeenCalledTimes(1);
    expect(service.selectCell).toHaveBeenCalledWith("Kết quả thẩm định", "A1");
  });

  it("a check over several unit sheets gives the appraisal the group's average over them", async () => {
    const units = [0, 1, 2].map((index) => generateUnit(rubric, { seed: 21, index, appraisal: 1 }));
    const wb = { source: "Tong-hop.xlsx", sheets: consolidationWorkbook(units).map(specToSnapshot) };
    const analysis = analyseWorkbook(wb, { rubric, source: wb.source, allSheets: true });
    expect(analysis.units).toHaveLength(3);
    const several: ValidateResult = { analysis, counts: countBySeverity([]), written: [], syncs: 2 };
    const writeSheets = vi.fn(async (specs: readonly SheetSpec[]) => specs.map((x) => x.name));
    await click(await renderPane(fakeService({ validate: vi.fn(async () => several), writeSheets })));
    await writeFromMenu("Ghi kết quả thẩm định vào sổ");
    await waitFor(() => expect(writeSheets).toHaveBeenCalledTimes(1));
    const area = writeSheets.mock.calls[0][0][0].tables?.find((x) => x.name === "ThamDinh_MatDiem");
    // Area 1's final score is its appraisal, as generated: the average is over the three units.
    const planted = units.map((u) => u.truth.totals["1"].appraised1 as number);
    expect(area?.rows.find((r) => r[0] === "1")?.[5]).toBeCloseTo(
      planted.reduce((sum, v) => sum + v, 0) / 3,
      rubric.precision,
    );
    expect(await screen.findByText(/^Đã ghi trang "Kết quả thẩm định"/)).toBeTruthy();
    expect(screen.queryByText(/Chưa có bình quân nhóm/)).toBeNull();
  });

  it("'Mất điểm ở đâu' opens on the Check tab: each area against the average of the units checked, read only", async () => {
    const units = [0, 1, 2].map((index) => generateUnit(rubric, { seed: 21, index, appraisal: 1 }));
    const wb = { source: "Tong-hop.xlsx", sheets: consolidationWorkbook(units).map(specToSnapshot) };
    const analysis = analyseWorkbook(wb, { rubric, source: wb.source, allSheets: true });
    const several: ValidateResult = { analysis, counts: countBySeverity([]), written: [], syncs: 2 };
    const writeSheets = vi.fn(async (specs: readonly SheetSpec[]) => specs.map((x) => x.name));
    const service = fakeService({ validate: vi.fn(async () => several), writeSheets });
    await click(await renderPane(service));
    // Folded until asked for: no chart yet.
    expect(screen.queryByRole("img", { name: /^Mất điểm ở đâu:/ })).toBeNull();
    const details = screen.getByText("Mất điểm ở đâu").closest("details") as HTMLDetailsElement;
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event("toggle"));
    });
    const chart = await screen.findByRole("img", { name: /^Mất điểm ở đâu:/ });
    // The area codes are page text beside the image (axe-core checks their contrast), not SVG text.
    expect(chart.querySelectorAll("text")).toHaveLength(0);
    expect(chart.previousElementSibling?.textContent).toBe(
      analysis.units[0].score.areas.map((a) => a.shown).join(""),
    );
    // Area 1 of the first unit: its planted appraisal out of the rubric's maximum, and in brackets the
    // mean of the three planted appraisals (vi: decimal comma).
    const shown = (x: number) => formatNumber(x, rubric.precision, "vi");
    const planted = units.map((u) => u.truth.totals["1"].appraised1 as number);
    const max = rubric.items.find((i) => i.code === "1")?.max as number;
    const mean = planted.reduce((sum, v) => sum + v, 0) / 3;
    expect(chart.getAttribute("aria-label")).toContain(
      `1: ${shown(planted[0])}/${shown(max)} (${shown(mean)})`,
    );
    expect(screen.getByText("So với bình quân 3 đơn vị trong lần kiểm tra này.")).toBeTruthy();
    expect(screen.getByRole("list", { name: "Tiêu chí mất nhiều điểm nhất" })).toBeTruthy();
    expect(writeSheets).not.toHaveBeenCalled();
    expect(service.selectCell).not.toHaveBeenCalled();
  });

  it("a user's own 'Kết quả thẩm định' sheet: the write is refused with the bilingual message, nothing moves", async () => {
    // What ExcelService.writeSheets throws when the claim fails (test/excel covers the claim itself).
    const writeSheets = vi.fn(async () => {
      throw serviceError("OwnedSheetTaken", { sheet: "Kết quả thẩm định" });
    });
    const service = fakeService({ writeSheets });
    await click(await renderPane(service));
    await writeFromMenu("Ghi kết quả thẩm định vào sổ");
    expect(await screen.findByText(/Sổ đã có trang "Kết quả thẩm định" không do tiện ích tạo/)).toBeTruthy();
    expect(screen.queryByText(/^Đã ghi trang "Kết quả thẩm định"/)).toBeNull();
    expect(screen.queryByRole("button", { name: 'Mở trang "Kết quả thẩm định"' })).toBeNull();
    expect(service.selectCell).not.toHaveBeenCalled();
  });

  it("the counts on the card filter the list", async () => {
    await click(await renderPane(fakeService()));
    const card = screen.getByRole("region", { name: "Kết quả kiểm tra" });
    await click(within(card).getByRole("button", { name: `${VALIDATION.counts.warning} cảnh báo` }));
    const warnings = allFindingsOf(VALIDATION).filter((f) => f.severity === "warning" && f.address);
    const shown = findingButtons();
    expect(shown.length).toBe(Math.min(warnings.length, 50));
    for (const b of shown) expect(warnings.map((f) => f.code)).toContain(b.getAttribute("data-code"));
    await click(screen.getByRole("button", { name: "Hiện tất cả" }));
    expect(findingButtons().length).toBeGreaterThan(shown.length);
  });

  it("the missing-evidence switch lists only evidence findings", async () => {
    await click(await renderPane(fakeService()));
    await click(screen.getByRole("switch", { name: "Chỉ thiếu tài liệu kiểm chứng" }));
    const shown = findingButtons();
    expect(shown.length).toBeGreaterThan(0);
    for (const b of shown) expect(b.getAttribute("data-code")).toMatch(/^(missing-evidence|evidence-)/);
  });

  it("findings are grouped by kind, named in words, with why / how to fix", async () => {
    await click(await renderPane(fakeService()));
    expect(screen.getAllByText(/Điểm ngoài khoảng cho phép \(\d+\)/).length).toBeGreaterThan(0);
    expect(screen.getByText(/Điểm nhỏ hơn 0 hoặc lớn hơn điểm tối đa/)).toBeTruthy();
    expect(screen.queryByText("score-out-of-range")).toBeNull();
  });

  it("10,000 findings render a bounded list: a large kind starts folded", async () => {
    const base = allFindingsOf(VALIDATION).find((f) => f.address) as Finding;
    const many: Finding[] = Array.from({ length: 10_000 }, (_, i) => ({
      ...base,
      code: "unknown-item",
      severity: "warning",
      address: `B${i + 2}`,
    }));
    const big = {
      ...VALIDATION,
      analysis: { ...VALIDATION.analysis, units: [{ ...VALIDATION.analysis.units[0], findings: many }] },
      counts: { error: 0, warning: 10_000, info: 0 },
    };
    await click(await renderPane(fakeService({ validate: vi.fn(async () => big) })));
    expect(screen.getByText(/10\.000 phát hiện cùng loại — xem/)).toBeTruthy();
    expect(findingButtons().length).toBe(0);
    const details = screen.getByText(/10\.000 phát hiện cùng loại/).closest("details") as HTMLDetailsElement;
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event("toggle"));
    });
    expect(findingButtons().length).toBe(50);
    await click(screen.getByRole("button", { name: "Hiện thêm 200" }));
    expect(findingButtons().length).toBe(250);
  });

  it("one polite status region from the first paint says 'Xong: …' after every check, even unchanged", async () => {
    const check = await renderPane(fakeService());
    const status = screen.getByRole("status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toBe("");
    await click(check);
    const { error, warning } = VALIDATION.counts;
    expect(status.textContent?.trim()).toBe(`Xong: ${error} lỗi, ${warning} cảnh báo`);
    const first = status.textContent;
    await click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    // A re-check also says what changed against the check before: here, nothing.
    expect(status.textContent?.trim()).toBe(`Xong: ${error} lỗi, ${warning} cảnh báo — không có gì thay đổi`);
    expect(status.textContent).not.toBe(first);
    expect(screen.getAllByRole("status")).toHaveLength(1);
  });

  it("the tab list is named and controls a tab panel", async () => {
    await renderPane(fakeService());
    expect(screen.getByRole("tablist", { name: "Các thẻ của Chỉ số CCHC" })).toBeTruthy();
    const panel = screen.getByRole("tabpanel");
    const tab = screen.getByRole("tab", { name: "Kiểm tra" });
    expect(panel.getAttribute("aria-labelledby")).toBe(tab.id);
    expect(tab.getAttribute("aria-controls")).toBe(panel.id);
    // Arrow keys move between tabs (roving focus), and only the selected tab is in the Tab order.
    tab.focus();
    await act(async () => {
      fireEvent.keyDown(tab, { key: "ArrowRight" });
    });
    const ranking = screen.getByRole("tab", { name: "Xếp hạng" });
    expect(document.activeElement).toBe(ranking);
    expect(ranking.getAttribute("aria-selected")).toBe("true");
    expect(tab.getAttribute("tabindex")).toBe("-1");
    await act(async () => {
      fireEvent.keyDown(ranking, { key: "End" });
    });
    expect(screen.getByRole("tab", { name: "So sánh" }).getAttribute("aria-selected")).toBe("true");
    // Four tabs (one row at 320 px); Settings is the header's named button, pressed while open.
    expect(screen.getAllByRole("tab").map((t) => t.textContent)).toEqual([
      "Kiểm tra",
      "Xếp hạng",
      "Tiếp nhận",
      "So sánh",
    ]);
    const settings = screen.getByRole("button", { name: "Cài đặt" });
    expect(settings.getAttribute("aria-pressed")).toBe("false");
    await click(settings);
    expect(settings.getAttribute("aria-pressed")).toBe("true");
    expect(await screen.findByRole("region", { name: "Cài đặt" })).toBeTruthy();
    expect(screen.getByRole("tabpanel", { hidden: true }).hidden).toBe(true);
    await click(screen.getByRole("tab", { name: "Kiểm tra" }));
    expect(screen.queryByRole("region", { name: "Cài đặt" })).toBeNull();
  });

  it("a clean unit gets a success bar; before any check, what to do and a link to help", async () => {
    const clean = { ...VALIDATION, counts: { error: 0, warning: 0, info: 0 } };
    clean.analysis = {
      ...VALIDATION.analysis,
      findings: [],
      units: [{ ...VALIDATION.analysis.units[0], findings: [] }],
    };
    const check = await renderPane(fakeService({ validate: vi.fn(async () => clean) }));
    expect(screen.getByRole("link", { name: "Hướng dẫn sử dụng" }).getAttribute("href")).toBe("help.html");
    await click(check);
    expect(screen.getByText(/biểu sẵn sàng để nộp/)).toBeTruthy();
    expect(screen.queryByRole("switch", { name: "Chỉ thiếu tài liệu kiểm chứng" })).toBeNull();
  });

  it("correcting a recognised column re-checks with the correction, and the card says 'cột đã chỉnh tay'", async () => {
    const service = fakeService();
    await click(await renderPane(service));
    const selfColumn = screen.getByRole("combobox", { name: "điểm tự đánh giá" });
    await act(async () => {
      fireEvent.change(selfColumn, { target: { value: "7" } });
    });
    await waitFor(() =>
      expect(service.validate).toHaveBeenLastCalledWith(
        expect.objectContaining({
          columns: { sheet: VALIDATION.analysis.units[0].sheet, roles: { self: 7 } },
        }),
      ),
    );
    expect(
      within(screen.getByRole("region", { name: "Kết quả kiểm tra" })).getByText("cột đã chỉnh tay"),
    ).toBeTruthy();
  });

  it("switching language changes the strings and the number format", async () => {
    await click(await renderPane(fakeService()));
    const index = VALIDATION.analysis.units[0].score.index.final as number;
    const vi = String(index).replace(".", ",");
    const heading = () =>
      within(screen.getByRole("region", { name: /Kết quả kiểm tra|Check result/ })).getByRole("heading");
    await waitFor(() => expect(heading().textContent).toContain(`chỉ số ${vi}/100`));
    await click(screen.getByRole("button", { name: "English — chuyển sang tiếng Anh" }));
    expect(heading().textContent).toContain(`index ${String(index)}/100`);
    expect(screen.getByRole("tab", { name: "Ranking" })).toBeTruthy();
  });

  it("live re-check waits for a pause in the edits, then checks once, and never writes", async () => {
    let onChange: ((sheet: string) => void) | null = null;
    const stop = vi.fn(async () => undefined);
    const service = fakeService({
      watchChanges: vi.fn(async (cb: (sheet: string) => void) => {
        onChange = cb;
        return { supported: true, stop };
      }),
    });
    await renderPane(service);
    await click(screen.getByRole("switch", { name: "Tự kiểm tra lại khi sửa" }));
    expect(service.watchChanges).toHaveBeenCalledTimes(1);
    const edit = onChange as unknown as (sheet: string) => void;
    vi.useFakeTimers();
    try {
      await act(async () => {
        edit("Xã A");
        await vi.advanceTimersByTimeAsync(300);
        edit("Xã A");
        await vi.advanceTimersByTimeAsync(300);
        edit("Xã A");
        await vi.advanceTimersByTimeAsync(1400);
      });
      expect(service.validate).not.toHaveBeenCalled();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(200);
      });
    } finally {
      vi.useRealTimers();
    }
    expect(service.validate).toHaveBeenCalledTimes(1);
    expect(service.validate).toHaveBeenCalledWith(expect.objectContaining({ writeReport: false }));
    expect(service.selectCell).not.toHaveBeenCalled();
    await click(screen.getByRole("switch", { name: "Tự kiểm tra lại khi sửa" }));
    expect(stop).toHaveBeenCalled();
  });

  it("highlights mark every finding's cell, and switching them off clears them", async () => {
    const service = fakeService();
    const check = await renderPane(service);
    const toggle = screen.getByRole("switch", { name: "Tô màu ô có phát hiện" }) as HTMLInputElement;
    expect(toggle.disabled).toBe(true); // nothing to mark before a check
    await click(check);
    await click(toggle);
    expect(service.highlight).toHaveBeenCalledWith(allFindingsOf(VALIDATION));
    await click(toggle);
    expect(service.clearHighlights).toHaveBeenCalledTimes(1);
    expect(toggle.checked).toBe(false);
  });

  it("where Excel cannot report edits, live re-check says so and stays off", async () => {
    await renderPane(fakeService());
    const live = screen.getByRole("switch", { name: "Tự kiểm tra lại khi sửa" }) as HTMLInputElement;
    await click(live);
    expect(await screen.findByText(/cần ExcelApi 1.9/)).toBeTruthy();
    expect(live.checked).toBe(false);
  });

  it("an Office error is shown in the user's language; the busy button keeps the focus", async () => {
    const failing = fakeService({
      validate: vi.fn(async () => {
        throw new ExcelServiceError("AccessDenied", {
          vi: "Trang tính đang được bảo vệ.",
          en: "The sheet is protected.",
        });
      }),
    });
    const check = await renderPane(failing);
    check.focus();
    await click(check);
    expect((await screen.findByRole("alert")).textContent).toContain("Trang tính đang được bảo vệ.");
    expect(document.activeElement).toBe(check);
  });

  it("a rubric that fits better is named, with one click to switch and re-check", async () => {
    const other = builtinRubrics().find((r) => r.id !== rubric.id) as Rubric;
    const unit = {
      ...VALIDATION.analysis.units[0],
      betterRubric: { id: other.id, name: other.name, fit: 0.93 },
    };
    const suggesting = { ...VALIDATION, analysis: { ...VALIDATION.analysis, units: [unit] } };
    const service = fakeService({ validate: vi.fn(async () => suggesting) });
    await click(await renderPane(service));
    expect(
      screen.getByText(
        new RegExp(`khớp với bộ chỉ số "${escapeRegExp(other.name)}" hơn bộ đang dùng \\(93% khớp\\)`),
      ),
    ).toBeTruthy();
    await click(screen.getByRole("button", { name: `Dùng "${other.name}"` }));
    expect(vi.mocked(service.validate).mock.lastCall?.[0]?.rubric?.id).toBe(other.id);
    expect(screen.getByRole("region", { name: "Kết quả kiểm tra" }).textContent).toContain(
      `Bộ chỉ số: ${other.name}`,
    );
    expect(service.saveSettings).not.toHaveBeenCalled();
  });

  it("settings the workbook carried that cannot be used are listed, with what is used instead", async () => {
    const forged = structuredClone(rubric);
    forged.ratingBands = forged.ratingBands.map((b) => ({ ...b, min: Math.max(0, b.min - 30) }));
    const stored = {
      rubricId: rubric.id,
      customRubric: forged,
      language: "fr",
      columns: { roles: { self: 3, max: 3 } },
    };
    await click(await renderPane(fakeService({}, stored)));
    const bar = screen
      .getByText("Cài đặt lưu trong sổ có phần không dùng được")
      .closest("[role='group'], div") as HTMLElement;
    expect(bar.textContent).toMatch(/ngôn ngữ "fr"/);
    expect(bar.textContent).toMatch(/cột D được gán cho cả/);
    // The forged rubric is not applied (the settings rule): the card names the built-in in use,
    // the workbook's settings bar names the forged one.
    const card = screen.getByRole("region", { name: "Kết quả kiểm tra" });
    expect(card.textContent).toContain(`Bộ chỉ số: ${rubric.name}`);
    expect(card.textContent).not.toContain("(đã sửa)");
    const pending = screen.getByText("Sổ này mang cài đặt riêng chưa được dùng").closest("[role='group']");
    expect(pending?.textContent).toMatch(
      new RegExp(`bộ chỉ số "${escapeRegExp(rubric.name)} \\(đã sửa\\) #[0-9a-f]{8}"`),
    );
  });

  it("a workbook's own settings not applied: the bar shows what they would give, and 'use' applies and remembers them", async () => {
    const forged = structuredClone(rubric);
    forged.ratingBands = forged.ratingBands.map((b) => ({ ...b, min: Math.max(0, b.min - 10) }));
    const stored = { rubricId: rubric.id, customRubric: forged };
    const unit = VALIDATION.analysis.units[0];
    // What the service answers when asked to compare: the workbook's settings would give 89 — Xuất sắc.
    const validate = vi.fn(async (options?: { compare?: unknown }) => ({
      ...VALIDATION,
      ...(options?.compare
        ? {
            compared: [
              {
                sheet: unit.sheet,
                index: 89,
                evidenceOnly: false,
                precision: 2,
                rating: { vi: "Xuất sắc", en: "Excellent" },
              },
            ],
          }
        : {}),
    }));
    const service = fakeService({ validate } as unknown as Partial<ExcelService>, stored);
    const check = await renderPane(service);
    // Said as soon as the settings are read, before any check.
    await screen.findByText("Sổ này mang cài đặt riêng chưa được dùng");
    await click(check);
    // The check ran with the user's choice (the built-in), asking for the workbook's settings beside.
    const first = validate.mock.calls[0]?.[0] as { rubric: Rubric; compare: { rubric: Rubric } };
    expect(first.rubric.ratingBands).toEqual(rubric.ratingBands);
    expect(first.compare.rubric.ratingBands).toEqual(forged.ratingBands);
    const bar = screen
      .getByText("Sổ này mang cài đặt riêng chưa được dùng")
      .closest("[role='group']") as HTMLElement;
    const s = unit.score;
    const current = `${formatNumber(s.index.final ?? s.indexWithoutSurvey.final, s.precision, "vi")}${s.rating ? ` — ${s.rating.label}` : ""}`;
    expect(within(bar).getByTestId("workbook-settings-result").textContent).toBe(
      `Theo cài đặt của sổ: ${formatNumber(89, 2, "vi")} — Xuất sắc (đang dùng: ${current})`,
    );
    expect(bar.textContent).toMatch(/mang mã của bộ có sẵn nhưng nội dung đã sửa/);
    // A built-in's id with other content: the rubric can be remembered too.
    await click(within(bar).getByRole("checkbox", { name: /Ghi nhớ bộ chỉ số này/ }));
    await click(within(bar).getByRole("button", { name: "Dùng cài đặt của sổ" }));
    expect(service.acceptSettings).toHaveBeenCalledWith(
      expect.objectContaining({ identity: expect.objectContaining({ modified: true }) }),
      { rememberRubric: true },
    );
    const second = validate.mock.calls.at(-1)?.[0] as { rubric: Rubric; compare?: unknown };
    expect(second.rubric.ratingBands).toEqual(forged.ratingBands);
    expect(second.compare).toBeUndefined();
    expect(screen.queryByText("Sổ này mang cài đặt riêng chưa được dùng")).toBeNull();
    expect(screen.getByTestId("settings-why").textContent).toMatch(
      /^Dùng cài đặt của sổ: người kiểm tra đã chọn dùng/,
    );
    const card = screen.getByRole("region", { name: "Kết quả kiểm tra" });
    expect(card.textContent).toMatch(
      new RegExp(`Bộ chỉ số: ${escapeRegExp(rubric.name)} \\(đã sửa\\) #[0-9a-f]{8}`),
    );
  });

  it("settings this user saved before are applied with no bar, and the pane says why", async () => {
    const stored = { rubricId: rubric.id, columns: { sheet: "Tự chấm", roles: { self: 4 } } };
    const v = verifySettings(stored);
    const user = { ...NO_USER_SETTINGS, settings: [settingsDigest(v)] };
    await click(await renderPane(fakeService({}, stored, user)));
    expect(screen.queryByText("Sổ này mang cài đặt riêng chưa được dùng")).toBeNull();
    expect(screen.getByTestId("settings-why").textContent).toMatch(/đã lưu hoặc đã chọn dùng/);
  });

  it("a ribbon command's result waiting since the pane was closed is shown once", async () => {
    localStorage.setItem(
      NOTICE_KEY,
      JSON.stringify({
        kind: "error",
        command: "validate",
        at: Date.now(),
        text: { vi: "Sổ bị khoá.", en: "Locked." },
      }),
    );
    await renderPane(fakeService());
    expect(screen.getByText(/Lệnh trên thanh ribbon lúc .*: Sổ bị khoá\./)).toBeTruthy();
    expect(localStorage.getItem(NOTICE_KEY)).toBeNull();
  });
});

describe("Ranking and Settings tabs", () => {
  const ranked = () => {
    const units = [1, 2, 3].map((i) => generateUnit(rubric, { seed: 8, index: i, appraisal: 1 }));
    const analysed = units.flatMap(
      (u) => analyseWorkbook(unitWorkbook(u), { rubric, source: u.fileName }).units,
    );
    const r = rankUnits(
      analysed.map((a, i) => ({
        unit: a.unit,
        source: "",
        sheet: a.sheet,
        score: a.score,
        errors: i === 0 ? 2 : 0,
      })),
      { rubric },
    );
    return { analysed, r };
  };
  const sheets = [
    { name: "Xã A", hidden: false },
    { name: "Xã B", hidden: true },
    { name: "Phường C", hidden: false },
  ];

  it("building from the workbook's sheets shows the result, padded to the decimals, errors flagged", async () => {
    const { analysed, r } = ranked();
    const service = fakeService({
      buildRanking: vi.fn(async () => ({
        analysis: { source: "", units: analysed, findings: [] },
        ranking: r,
        rankedUnits: 3,
        unranked: 0,
        written: ["Xếp hạng"],
        syncs: 3,
      })),
      listSheets: vi.fn(async () => sheets),
    });
    await renderPane(service);
    await click(screen.getByRole("tab", { name: "Xếp hạng" }));
    const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" });
    await screen.findByRole("checkbox", { name: "Xã B (đang ẩn)" });
    await click(build);
    expect(vi.mocked(service.buildRanking).mock.calls[0][0]).not.toHaveProperty("sheets");
    const heading = await screen.findByText(/Đã ghi trang "Xếp hạng": 3 đơn vị được xếp hạng/);
    expect(document.activeElement).toBe(heading);
    const firstScore = r.groups[0].units[0].score;
    expect(screen.getAllByText(formatFixed(firstScore, r.precision, "vi")).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/\(có lỗi\)/)).toHaveLength(1);
    expect(screen.getAllByRole("img", { name: /^Biểu đồ điểm theo nhóm/ }).length).toBeGreaterThan(0);
    // "Mở trang" after the write, as for every other write; writing itself moved nobody.
    expect(service.selectCell).not.toHaveBeenCalled();
    await click(screen.getByRole("button", { name: 'Mở trang "Xếp hạng"' }));
    expect(service.selectCell).toHaveBeenCalledWith("Xếp hạng", "A1");
    await click(screen.getByRole("checkbox", { name: "Xã B (đang ẩn)" }));
    await click(build);
    expect(service.buildRanking).toHaveBeenLastCalledWith(
      expect.objectContaining({ sheets: ["Xã A", "Phường C"], by: "final", groupBy: "rubric" }),
    );
  });

  it.each([
    [false, true],
    [true, false],
  ])("the ranking written where the page set is %s: the by-hand note shown %s", async (pageLayout, shown) => {
    const { analysed, r } = ranked();
    const service = fakeService({
      buildRanking: vi.fn(async () => ({
        analysis: { source: "", units: analysed, findings: [] },
        ranking: r,
        rankedUnits: 3,
        unranked: 0,
        written: ["Xếp hạng"],
        syncs: 3,
        pageLayout,
      })),
      listSheets: vi.fn(async () => sheets),
    });
    await renderPane(service);
    await click(screen.getByRole("tab", { name: "Xếp hạng" }));
    const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" });
    await screen.findByRole("checkbox", { name: "Xã B (đang ẩn)" });
    await click(build);
    await screen.findByText(/Đã ghi trang "Xếp hạng": 3 đơn vị được xếp hạng/);
    expect(screen.queryByText(/^Excel này chưa hỗ trợ đặt trang in \(cần ExcelApi 1\.9\)/) !== null).toBe(
      shown,
    );
  });

  it("select none / all act on the sheets, and nothing chosen cannot build", async () => {
    await renderPane(fakeService({ listSheets: vi.fn(async () => sheets) }));
    await click(screen.getByRole("tab", { name: "Xếp hạng" }));
    const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" });
    await screen.findByRole("checkbox", { name: "Xã A" });
    await click(screen.getByRole("button", { name: "Bỏ chọn tất cả" }));
    expect(screen.getByText("Đã chọn 0/3 trang")).toBeTruthy();
    expect(build.getAttribute("aria-disabled")).toBe("true");
    await click(screen.getByRole("button", { name: "Chọn tất cả" }));
    expect(screen.getByText("Đã chọn 3/3 trang")).toBeTruthy();
  });

  it("a custom pattern is checked before use: '(xa|phuong' is refused with the reason", async () => {
    const service = fakeService({ listSheets: vi.fn(async () => sheets) });
    await renderPane(service);
    await click(screen.getByRole("tab", { name: "Xếp hạng" }));
    const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" });
    await act(async () => {
      fireEvent.change(screen.getByRole("combobox", { name: "Nhóm đơn vị" }), {
        target: { value: "pattern" },
      });
    });
    expect(build.getAttribute("aria-disabled")).toBe("true");
    await act(async () => {
      fireEvent.change(screen.getByRole("textbox", { name: /^Mẫu/ }), { target: { value: "(xa|phuong" } });
    });
    expect(screen.getByText(/Mẫu "\(xa\|phuong" không phải biểu thức chính quy hợp lệ/)).toBeTruthy();
    await click(build);
    expect(service.buildRanking).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.change(screen.getByRole("textbox", { name: /^Mẫu/ }), { target: { value: "^(xa|phuong)" } });
    });
    await click(build);
    expect(service.buildRanking).toHaveBeenLastCalledWith(
      expect.objectContaining({ groupBy: "^(xa|phuong)" }),
    );
  });

  it("the ranking action itself refuses an invalid group rule (not only the form)", async () => {
    let state: ParIndexState | null = null;
    const service = fakeService();
    render(
      <Probe
        service={service}
        onState={(s) => {
          state = s;
        }}
      />,
    );
    await waitFor(() => expect(state?.ready).toBe(true));
    await act(async () => {
      await state?.rank({ source: "sheets", by: "final", groupBy: "(xa|phuong", dense: false });
    });
    expect(service.buildRanking).not.toHaveBeenCalled();
    expect((state as ParIndexState | null)?.error?.vi).toMatch(/không phải biểu thức chính quy hợp lệ/);
  });

  it("a preset group rule is passed as its pattern", async () => {
    const service = fakeService({ listSheets: vi.fn(async () => sheets) });
    await renderPane(service);
    await click(screen.getByRole("tab", { name: "Xếp hạng" }));
    const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" });
    await act(async () => {
      fireEvent.change(screen.getByRole("combobox", { name: "Nhóm đơn vị" }), {
        target: { value: "commune" },
      });
    });
    await click(build);
    // Since 2025: xã / phường / đặc khu; "thị trấn" still recognised for earlier years (#27).
    expect(service.buildRanking).toHaveBeenLastCalledWith(
      expect.objectContaining({ groupBy: "^(xa|phuong|dac khu|thi tran)" }),
    );
    expect(screen.getByRole("option", { name: "Xã / phường / đặc khu" })).toBeTruthy();
    expect(screen.getByRole("option", { name: "Sở, ban, ngành" })).toBeTruthy();
  });

  it("the basis choice: the index by default (left to the engine), the evidence part when chosen (#27)", async () => {
    const service = fakeService({ listSheets: vi.fn(async () => sheets) });
    await renderPane(service);
    await click(screen.getByRole("tab", { name: "Xếp hạng" }));
    const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" });
    await click(build);
    expect(vi.mocked(service.buildRanking).mock.calls[0][0]?.basis).toBeUndefined();
    await act(async () => {
      fireEvent.change(screen.getByRole("combobox", { name: "Cơ sở xếp hạng" }), {
        target: { value: "evidence" },
      });
    });
    await click(build);
    expect(service.buildRanking).toHaveBeenLastCalledWith(expect.objectContaining({ basis: "evidence" }));
  });

  it("rating names and thresholds are edited in one line and saved with the rubric copy (#23 item 4)", async () => {
    const service = fakeService();
    await renderPane(service);
    await click(screen.getByRole("button", { name: "Cài đặt" }));
    const field = await screen.findByRole("textbox", { name: "Tên và ngưỡng xếp loại" });
    expect((field as HTMLInputElement).value).toBe("Xuất sắc=90,Tốt=80,Khá=70,Trung bình=50,Yếu=0");
    await act(async () => {
      fireEvent.change(field, { target: { value: "Tốt 80" } });
      fireEvent.blur(field);
    });
    expect(screen.getByText(/"Tốt 80" không có dạng tên=điểm/)).toBeTruthy();
    await act(async () => {
      fireEvent.change(field, {
        target: { value: "Hoàn thành xuất sắc=92,Hoàn thành tốt=75,Không hoàn thành=0" },
      });
      fireEvent.blur(field);
    });
    await click(await screen.findByRole("button", { name: "Lưu vào sổ làm việc" }));
    const saved = vi.mocked(service.saveSettings).mock.calls.at(-1)?.[0] as { customRubric?: Rubric };
    expect(saved.customRubric?.ratingBands.map((b) => [b.label, b.min])).toEqual([
      ["Hoàn thành xuất sắc", 92],
      ["Hoàn thành tốt", 75],
      ["Không hoàn thành", 0],
    ]);
  });

  it("settings are saved with the workbook", async () => {
    const service = fakeService();
    await renderPane(service);
    await click(screen.getByRole("button", { name: "Cài đặt" }));
    expect(await screen.findByText("Chưa lưu vào sổ")).toBeTruthy();
    await click(await screen.findByRole("button", { name: "Lưu vào sổ làm việc" }));
    expect(service.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ rubricId: rubric.id, language: "vi" }),
    );
    expect(await screen.findByText(/Đã lưu/)).toBeTruthy();
  });

  it("file pickers are worded in the pane's language", async () => {
    await renderPane(fakeService());
    await click(screen.getByRole("button", { name: "Cài đặt" }));
    expect((await screen.findAllByRole("button", { name: "Chọn tệp…" })).length).toBe(2);
    expect(screen.getAllByText("Chưa chọn tệp")).toHaveLength(2);
  });
});

describe("language", () => {
  it("follows Office's display language", () => {
    expect(languageFrom("vi-VN")).toBe("vi");
    expect(languageFrom("en-US")).toBe("en");
    expect(languageFrom("fr-FR")).toBe("en");
  });
});

describe("the compact Check tab (issue #25)", () => {
  const card = () => screen.getByRole("region", { name: "Kết quả kiểm tra" });

  it("after a check the focus is on the card's heading: 'unit · index/100 · rating' in one heading", async () => {
    const check = await renderPane(fakeService());
    check.focus();
    await click(check);
    const heading = within(card()).getByRole("heading", { level: 2 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const s = VALIDATION.analysis.units[0].score;
    const index = formatNumber(s.index.final, s.precision, "vi");
    // On screen "Xã A · 86,09/100 · Tốt"; the words before each part are there for screen readers.
    expect(heading.textContent).toBe(
      `Đơn vị: ${VALIDATION.analysis.units[0].unit} · chỉ số ${index}/100${s.rating ? ` · xếp loại ${s.rating.label}` : ""}`,
    );
    // The rubric on one line, its whole name kept for hover and screen readers.
    expect(within(card()).getByTitle(rubric.name).textContent).toBe(`Bộ chỉ số: ${rubric.name}`);
  });

  it("a zero count is a mark, not a button; a count above zero filters", async () => {
    const unit = generateUnit(rubric, { seed: 5, index: 0, appraisal: 1, defects: ["missing-evidence"] });
    const analysis = analyseWorkbook(unitWorkbook(unit), { rubric, source: unit.fileName });
    const findings = [...analysis.findings, ...analysis.units.flatMap((u) => u.findings)];
    const counts = countBySeverity(findings);
    expect(counts.error).toBe(0);
    const v: ValidateResult = { analysis, counts, written: [], syncs: 1 };
    await click(await renderPane(fakeService({ validate: vi.fn(async () => v) })));
    expect(within(card()).getByText("0 lỗi").closest("button")).toBeNull();
    expect(within(card()).getByRole("button", { name: `${counts.warning} cảnh báo` })).toBeTruthy();
  });

  it("the writes are one menu after the card; no appraisal write for a unit with no appraisal columns", async () => {
    const unit = generateUnit(rubric, { seed: 5, index: 0, appraisal: 0 });
    const analysis = analyseWorkbook(unitWorkbook(unit), { rubric, source: unit.fileName });
    expect(analysis.units[0].table.columns.appraised1).toBeUndefined();
    const v: ValidateResult = { analysis, counts: countBySeverity([]), written: [], syncs: 1 };
    const check = await renderPane(fakeService({ validate: vi.fn(async () => v) }));
    expect(screen.queryByRole("button", { name: "Ghi vào sổ" })).toBeNull();
    await click(check);
    const menu = within(card()).getByRole("button", { name: "Ghi vào sổ" });
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    await click(menu);
    expect(menu.getAttribute("aria-expanded")).toBe("true");
    const list = document.getElementById(menu.getAttribute("aria-controls") ?? "") as HTMLElement;
    const items = within(list)
      .getAllByRole("button")
      .map((i) => i.textContent);
    expect(items).toEqual(["Ghi báo cáo vào sổ"]);
    // Escape closes the list and gives the focus back to its button.
    fireEvent.keyDown(list, { key: "Escape" });
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(menu);
  });

  it("on a consolidation workbook a picker lists every unit; the card, the list and the appraisal write follow it", async () => {
    const units = [0, 1, 2].map((index) =>
      generateUnit(rubric, {
        seed: 21,
        index,
        appraisal: 1,
        defects: index === 1 ? ["score-out-of-range"] : [],
      }),
    );
    const wb = { source: "Tong-hop.xlsx", sheets: consolidationWorkbook(units).map(specToSnapshot) };
    const analysis = analyseWorkbook(wb, { rubric, source: wb.source, allSheets: true });
    const all = [...analysis.findings, ...analysis.units.flatMap((u) => u.findings)];
    const several: ValidateResult = { analysis, counts: countBySeverity(all), written: [], syncs: 2 };
    const writeSheets = vi.fn(async (specs: readonly SheetSpec[]) => specs.map((x) => x.name));
    await click(await renderPane(fakeService({ validate: vi.fn(async () => several), writeSheets })));
    const picker = screen.getByRole("combobox", { name: /^Đơn vị \(3 trang đơn vị\)/ });
    const options = within(picker).getAllByRole("option");
    expect(options.map((o) => o.getAttribute("value"))).toEqual(analysis.units.map((u) => u.sheet));
    const second = analysis.units[1];
    expect(within(card()).getByRole("heading").textContent).toContain(analysis.units[0].unit);
    await act(async () => {
      fireEvent.change(picker, { target: { value: second.sheet } });
    });
    expect(within(card()).getByRole("heading").textContent).toContain(second.unit);
    // The list shows the picked unit's findings: every finding button is on its sheet's cells.
    const errors = second.findings.filter((f) => f.severity === "error" && f.address).length;
    expect(errors).toBeGreaterThan(0);
    expect(
      within(card()).getByRole("button", { name: tCountVi(countBySeverity(second.findings).error) }),
    ).toBeTruthy();
    await writeFromMenu("Ghi kết quả thẩm định vào sổ");
    await waitFor(() => expect(writeSheets).toHaveBeenCalledTimes(1));
    const spec = writeSheets.mock.calls[0][0][0];
    // The written sheet is the picked unit's: its name is on it, the first unit's is not.
    expect(JSON.stringify(spec)).toContain(second.unit);
    expect(JSON.stringify(spec)).not.toContain(`"${analysis.units[0].unit}"`);
    expect(await screen.findByText(new RegExp(`cho đơn vị ${escapeRegExp(second.unit)}`))).toBeTruthy();
  });

  it("each finding is two lines (cell · item · what is wrong, then the label); the help is behind a button", async () => {
    await click(await renderPane(fakeService()));
    const button = findingButtons()[0];
    const lines = button.querySelectorAll(":scope > span > span");
    expect(lines.length).toBe(2);
    const f = allFindingsOf(VALIDATION).find(
      (x) => x.address === button.textContent?.match(/^[A-Z]+\d+/)?.[0],
    );
    expect(lines[0].textContent).toBe(`${f?.address} · ${f?.item} · ${f?.message.vi}`);
    const help = screen.getAllByRole("button", { name: /^Vì sao, sửa thế nào: / })[0];
    const text = document.getElementById(help.getAttribute("aria-controls") ?? "") as HTMLElement;
    expect(text.hidden).toBe(true);
    await click(help);
    expect(text.hidden).toBe(false);
    expect(help.getAttribute("aria-expanded")).toBe("true");
  });

  it("a re-check says what changed and marks the new finding", async () => {
    const base = allFindingsOf(VALIDATION).find((f) => f.address && f.severity === "error") as Finding;
    const added: Finding = { ...base, address: "Z99" };
    const unit0 = VALIDATION.analysis.units[0];
    const next: ValidateResult = {
      ...VALIDATION,
      analysis: {
        ...VALIDATION.analysis,
        units: [{ ...unit0, findings: [...unit0.findings.filter((f) => f !== base), added] }],
      },
    };
    const validate = vi.fn(async () => VALIDATION);
    await click(await renderPane(fakeService({ validate })));
    validate.mockImplementation(async () => next);
    await click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    expect(screen.getByRole("status").textContent).toMatch(/— 1 lỗi mới, 1 lỗi đã sửa\s*$/);
    expect(screen.getByTestId("changes").textContent).toBe("1 lỗi mới, 1 lỗi đã sửa");
    const marked = findingButtons().filter((b) => b.getAttribute("data-new") === "true");
    expect(marked.map((b) => b.textContent?.slice(0, 3))).toEqual(["Z99"]);
    expect(marked[0].textContent).toContain("mới");
  });
});

const tCountVi = (n: number) => `${n} lỗi`;

describe("names for screen readers (issue #25 item 9)", () => {
  it("every aria-labelledby points at an element that exists, message bars included", async () => {
    const service = fakeService();
    await click(await renderPane(service));
    await writeFromMenu("Ghi báo cáo vào sổ");
    await screen.findByRole("button", { name: 'Mở trang "Báo cáo kiểm tra"' });
    const labelled = [...document.querySelectorAll("[aria-labelledby]")];
    expect(labelled.length).toBeGreaterThan(1);
    for (const el of labelled)
      for (const id of (el.getAttribute("aria-labelledby") ?? "").split(/\s+/))
        expect(document.getElementById(id), `${el.tagName} → #${id}`).not.toBeNull();
    // The success bar is a group named by what it says.
    expect(screen.getByRole("group", { name: /^Đã ghi trang/ })).toBeTruthy();
  });
});
