// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { countBySeverity } from "../../src/core/finding";
import { languageFrom } from "../../src/core/i18n";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit, unitWorkbook } from "../../src/sample";
import type { ExcelService, ValidateResult } from "../../src/excel/service";
import type { ParSettings } from "../../src/excel/settings";
import { App } from "../../src/taskpane/App";

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

function fakeService(overrides: Partial<ExcelService> = {}) {
  let settings: ParSettings = { rubricId: rubric.id };
  const service = {
    validate: vi.fn(async () => VALIDATION),
    buildRanking: vi.fn(),
    writeRanking: vi.fn(async () => "Xếp hạng"),
    selectCell: vi.fn(async () => undefined),
    highlight: vi.fn(async () => 0),
    clearHighlights: vi.fn(async () => 0),
    listSheets: vi.fn(async () => []),
    watchChanges: vi.fn(async () => ({ supported: false, stop: async () => undefined })),
    loadSettings: () => settings,
    saveSettings: vi.fn(async (s: ParSettings) => {
      settings = s;
    }),
    settingsRubric: () => rubric,
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
 * A click, and time for what it started (a service call, a lazy tab) to settle inside act(): updates
 * that land outside act are not flushed in React's test environment.
 */
async function click(element: HTMLElement, settle = 250) {
  await act(async () => {
    fireEvent.click(element);
    await new Promise((resolve) => setTimeout(resolve, settle));
  });
}

// jsdom has no ResizeObserver; Fluent's MessageBar watches its own width with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

describe("Check tab", () => {
  it("shows findings grouped by severity with their counts, and a finding's click selects its cell", async () => {
    const service = fakeService();
    const check = await renderPane(service);
    await click(check);
    const expected = VALIDATION;
    const findings = expected.analysis.units[0].findings;
    const errors = findings.filter((f) => f.severity === "error");
    const group = await screen.findByRole("group", { name: `Lỗi (${errors.length})` });
    // The counts sit in a status region, so a screen reader announces them after each check.
    const allErrors = allFindingsOf(expected).filter((f) => f.severity === "error").length;
    expect(screen.getByRole("status").textContent).toContain(`Lỗi: ${allErrors}`);
    const first = errors.find((f) => f.address) ?? errors[0];
    const button = within(group).getByRole("button", { name: new RegExp(`Chọn ô ${first.address}`) });
    await click(button);
    expect(service.selectCell).toHaveBeenCalledWith(first.sheet, first.address);
    // The area totals come from the score, with the Vietnamese decimal comma.
    expect(screen.getByRole("table", { name: "Điểm theo lĩnh vực" })).toBeTruthy();
  });

  it("correcting a recognised column re-checks with the correction", async () => {
    const service = fakeService();
    const check = await renderPane(service);
    await click(check);
    const selfColumn = screen.getByRole("combobox", { name: "điểm tự đánh giá" });
    await act(async () => {
      fireEvent.change(selfColumn, { target: { value: "7" } });
      await new Promise((resolve) => setTimeout(resolve, 250));
    });
    expect(service.validate).toHaveBeenLastCalledWith(
      expect.objectContaining({ columns: { sheet: VALIDATION.analysis.units[0].sheet, roles: { self: 7 } } }),
    );
  });

  it("the missing-evidence view lists only evidence findings", async () => {
    const service = fakeService();
    const check = await renderPane(service);
    await click(check);
    await screen.findByRole("group", { name: /^Lỗi/ });
    const views = screen.getAllByRole("combobox");
    await act(async () => {
      // The view picker is the last of the filters (the layout editor's pickers come before them).
      fireEvent.change(views[views.length - 1], { target: { value: "evidence" } });
    });
    const shown = screen.getAllByRole("button").filter((b) => b.getAttribute("data-code"));
    expect(shown.length).toBeGreaterThan(0);
    for (const b of shown) expect(b.getAttribute("data-code")).toMatch(/^(missing-evidence|evidence-)/);
  });

  it("the kind and severity filters narrow the list; kinds are named, not shown as codes", async () => {
    const service = fakeService();
    const check = await renderPane(service);
    await click(check);
    const kind = screen.getByRole("combobox", { name: "Loại" }) as HTMLSelectElement;
    const names = [...kind.options].map((o) => o.textContent);
    expect(names).toContain("Điểm ngoài khoảng cho phép");
    expect(names).not.toContain("score-out-of-range");
    await act(async () => {
      fireEvent.change(kind, { target: { value: "score-out-of-range" } });
    });
    const shown = () => screen.getAllByRole("button").filter((b) => b.getAttribute("data-code"));
    expect(shown().length).toBeGreaterThan(0);
    for (const b of shown()) expect(b.getAttribute("data-code")).toBe("score-out-of-range");
    await act(async () => {
      fireEvent.change(kind, { target: { value: "all" } });
      fireEvent.change(screen.getByRole("combobox", { name: "Mức độ" }), { target: { value: "warning" } });
    });
    const warnings = allFindingsOf(VALIDATION).filter((f) => f.severity === "warning");
    expect(warnings.length).toBeGreaterThan(0);
    expect(shown().length).toBe(warnings.length);
  });

  it("switching language changes the strings and the number format", async () => {
    const service = fakeService();
    const check = await renderPane(service);
    await click(check);
    const index = VALIDATION.analysis.units[0].score.index.final as number;
    const vi = String(index).replace(".", ",");
    expect(await screen.findByText(new RegExp(`Chỉ số: ${vi}`))).toBeTruthy();
    await click(screen.getByRole("button", { name: "English — chuyển sang tiếng Anh" }));
    expect(screen.getByText(new RegExp(`Index: ${String(index)}`))).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Ranking" })).toBeTruthy();
  });

  it("live re-check waits for a pause in the edits, then checks once", async () => {
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
    await act(async () => {
      edit("Xã A");
      await new Promise((resolve) => setTimeout(resolve, 300));
      edit("Xã A");
      await new Promise((resolve) => setTimeout(resolve, 300));
      edit("Xã A");
    });
    expect(service.validate).not.toHaveBeenCalled();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1700));
    });
    expect(service.validate).toHaveBeenCalledTimes(1);
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
    const service = fakeService();
    await renderPane(service);
    const live = screen.getByRole("switch", { name: "Tự kiểm tra lại khi sửa" }) as HTMLInputElement;
    await click(live);
    expect(await screen.findByText(/cần ExcelApi 1.9/)).toBeTruthy();
    expect(live.checked).toBe(false);
  });

  it("an Office error is shown to the user in their language, not swallowed", async () => {
    const failing = fakeService({
      validate: vi.fn(async () => {
        throw Object.assign(new Error("AccessDenied"), {
          text: { vi: "Trang tính đang được bảo vệ.", en: "The sheet is protected." },
        });
      }),
    });
    const check = await renderPane(failing);
    await click(check);
    expect((await screen.findByRole("alert")).textContent).toContain("Trang tính đang được bảo vệ.");
  });
});

describe("Ranking and Settings tabs", () => {
  it("building from the workbook's sheets shows a preview of the written ranking", async () => {
    const ranking = await import("../../src/core/rank");
    const units = [1, 2, 3].map((i) => generateUnit(rubric, { seed: 8, index: i, appraisal: 1 }));
    const analysed = units.flatMap(
      (u) => analyseWorkbook(unitWorkbook(u), { rubric, source: u.fileName }).units,
    );
    const r = ranking.rankUnits(
      analysed.map((a) => ({ unit: a.unit, source: "", sheet: a.sheet, score: a.score, errors: 0 })),
      { rubric },
    );
    const service = fakeService({
      buildRanking: vi.fn(async () => ({
        analysis: { source: "", units: analysed, findings: [] },
        ranking: r,
        rankedUnits: 3,
        unranked: 0,
        written: ["Xếp hạng"],
        syncs: 3,
      })),
      listSheets: vi.fn(async () => [
        { name: "Xã A", hidden: false },
        { name: "Xã B", hidden: true },
        { name: "Xã C", hidden: false },
      ]),
    });
    await renderPane(service);
    await click(screen.getByRole("tab", { name: "Xếp hạng" }), 500);
    const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" }, { timeout: 10_000 });
    // Every sheet ticked: the service picks the sheets itself (and skips the ones it owns).
    await screen.findByRole("checkbox", { name: "Xã B (đang ẩn)" });
    await click(build);
    expect(service.buildRanking).toHaveBeenCalledTimes(1);
    expect(vi.mocked(service.buildRanking).mock.calls[0][0]).not.toHaveProperty("sheets");
    expect(await screen.findByText(/Đã ghi trang "Xếp hạng": 3 đơn vị được xếp hạng/)).toBeTruthy();
    for (const a of analysed) expect(screen.getByText(a.unit)).toBeTruthy();
    // Unticking a sheet leaves it out.
    await click(screen.getByRole("checkbox", { name: "Xã B (đang ẩn)" }));
    await click(build);
    expect(service.buildRanking).toHaveBeenLastCalledWith(
      expect.objectContaining({ sheets: ["Xã A", "Xã C"], by: "final", groupBy: "rubric" }),
    );
  });

  it("a group pattern is passed to the ranking, and an empty pattern cannot build", async () => {
    const service = fakeService({
      buildRanking: vi.fn(async () => {
        throw Object.assign(new Error("NoUnits"), {
          text: { vi: "Không có trang đơn vị nào.", en: "No unit sheet." },
        });
      }),
      listSheets: vi.fn(async () => [{ name: "Xã A", hidden: false }]),
    });
    await renderPane(service);
    await click(screen.getByRole("tab", { name: "Xếp hạng" }), 500);
    const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" }, { timeout: 10_000 });
    await act(async () => {
      fireEvent.change(screen.getByRole("combobox", { name: "Nhóm đơn vị" }), {
        target: { value: "pattern" },
      });
    });
    expect((build as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.change(screen.getByRole("textbox", { name: /^Mẫu/ }), { target: { value: "^(xa|phuong)" } });
    });
    await click(build);
    expect(service.buildRanking).toHaveBeenLastCalledWith(
      expect.objectContaining({ groupBy: "^(xa|phuong)" }),
    );
    // The service's refusal reaches the user.
    expect((await screen.findByRole("alert")).textContent).toContain("Không có trang đơn vị nào.");
  });

  it("settings are saved with the workbook", async () => {
    const service = fakeService();
    await renderPane(service);
    await click(screen.getByRole("tab", { name: "Cài đặt" }), 500);
    await click(await screen.findByRole("button", { name: "Lưu vào sổ làm việc" }, { timeout: 10_000 }));
    expect(service.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ rubricId: rubric.id, language: "vi" }),
    );
    expect(await screen.findByText(/Đã lưu/)).toBeTruthy();
  });
});

describe("language", () => {
  it("follows Office's display language", () => {
    expect(languageFrom("vi-VN")).toBe("vi");
    expect(languageFrom("en-US")).toBe("en");
    expect(languageFrom("fr-FR")).toBe("en");
  });
});
