import { afterEach, describe, expect, it, vi } from "vitest";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit } from "../../src/sample";
import { RANKING_SHEET, REPORT_SHEET } from "../../src/core/sheets/style";
import { type CommandEvent, lastNotices, makeCommands, registerCommands } from "../../src/commands/commands";
import { NOTICE_KEY, type NoticeStore, takeStoredNotice } from "../../src/commands/notices";
import type { ExcelService } from "../../src/excel/service";
import { createExcelService } from "../../src/excel/service";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";

const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
let installed: InstalledOffice | null = null;
afterEach(() => {
  installed?.uninstall();
  installed = null;
});

function setup(
  specs = [0, 1].map((index) => ({
    ...generateUnit(rubric, { seed: 21, index, defects: ["missing-evidence"] }).sheets[0],
    name: `Đơn vị ${index + 1}`,
  })),
) {
  const host = FakeExcelHost.fromSpecs(specs);
  installed = installFakeOffice(host);
  registerCommands(globalThis.Office, createExcelService(host.run));
  return { host, office: installed };
}

/** An event whose completed() records what the workbook looked like at that moment. */
function event(host: FakeExcelHost) {
  const calls: string[][] = [];
  const e: CommandEvent = { completed: () => calls.push(host.sheets.map((s) => s.name)) };
  return { e, calls };
}

describe("ribbon commands", () => {
  it("registers exactly the manifest's FunctionNames", () => {
    const { office } = setup();
    expect([...office.actions.keys()].sort()).toEqual(["buildRanking", "validate"]);
  });

  it("validate writes the report, selects its counts, notifies with the counts, then completes once", async () => {
    const { host, office } = setup();
    const { e, calls } = event(host);
    await office.actions.get("validate")?.(e);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain(REPORT_SHEET);
    expect(host.selection).toEqual({ sheet: REPORT_SHEET, address: "A2" });
    const notice = lastNotices[lastNotices.length - 1];
    expect(notice.kind).toBe("warning");
    // Both unit sheets, as the ranking below ranks both (issue #22: every unit, everywhere).
    expect(notice.text.vi).toMatch(
      /^Đã kiểm tra 2 đơn vị: \d+ lỗi, \d+ cảnh báo, \d+ lưu ý\. Đã ghi trang "Báo cáo kiểm tra"\.$/,
    );
    expect(notice.text.en).toMatch(/^Checked 2 units/);
  });

  it("buildRanking writes the ranking and names how many units were ranked", async () => {
    const { host, office } = setup();
    const { e, calls } = event(host);
    await office.actions.get("buildRanking")?.(e);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain(RANKING_SHEET);
    expect(lastNotices[lastNotices.length - 1].text.vi).toBe("Đã xếp hạng 2 đơn vị.");
  });

  it("completes after a failure too, with a friendly bilingual notice", async () => {
    const { host, office } = setup([{ name: "Trống", cells: [] }]);
    const { e, calls } = event(host);
    await office.actions.get("buildRanking")?.(e);
    expect(calls).toHaveLength(1);
    const notice = lastNotices[lastNotices.length - 1];
    expect(notice.kind).toBe("error");
    expect(notice.text.vi).toMatch(/Không tìm thấy/);
    expect(notice.text.en).toMatch(/No sheet/);
  });

  it("a failed command leaves its notice for the pane's next open, shown once", async () => {
    const { host, office } = setup([{ name: "Trống", cells: [] }]);
    const store = memoryStore();
    vi.stubGlobal("localStorage", store);
    try {
      await office.actions.get("buildRanking")?.(event(host).e);
    } finally {
      vi.unstubAllGlobals();
    }
    const notice = takeStoredNotice(store);
    expect(notice?.command).toBe("buildRanking");
    expect(notice?.kind).toBe("error");
    expect(notice?.text.vi).toMatch(/Không tìm thấy/);
    expect(takeStoredNotice(store)).toBeNull();
  });

  it("an unexpected failure is worded by the error contract, in both languages, not as a raw string", async () => {
    const service = { validate: async () => Promise.reject(new TypeError("x is undefined")) };
    const completed = vi.fn();
    await makeCommands(service as unknown as ExcelService).validate({ completed });
    const notice = lastNotices[lastNotices.length - 1];
    expect(notice.kind).toBe("error");
    expect(notice.text.vi).toMatch(/^Lỗi ngoài dự kiến: x is undefined\./);
    expect(notice.text.en).toMatch(/^Unexpected error: x is undefined\./);
    expect(completed).toHaveBeenCalledOnce();
  });

  it("a stored notice that is not ours is ignored", () => {
    const store = memoryStore();
    store.setItem(NOTICE_KEY, '{"kind":"error","text":"<b>hi</b>"}');
    expect(takeStoredNotice(store)).toBeNull();
    store.setItem(NOTICE_KEY, "not json");
    expect(takeStoredNotice(store)).toBeNull();
  });
});

function memoryStore(): NoticeStore {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}
