import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors";
import type { ValidateResult } from "../../src/excel/service";
import {
  changesText,
  checkReducer,
  findingChanges,
  findingKey,
  initialCheck,
} from "../../src/taskpane/state/check";
import { initialPane, paneReducer } from "../../src/taskpane/state/pane";
import { initialRanking, type RankOutcome, rankingReducer } from "../../src/taskpane/state/ranking";
import { initialSettings, settingsReducer } from "../../src/taskpane/state/settings";

/** The pane's state transitions, without React: one reducer per tab plus the shared status. */
const result = (written: string[] = []): ValidateResult =>
  ({
    analysis: { source: "x.xlsx", units: [], findings: [] },
    counts: { error: 2, warning: 8, info: 0 },
    written,
    syncs: 1,
  }) as ValidateResult;

describe("check tab reducer", () => {
  it("each finished check counts, so the same counts are announced again", () => {
    const once = checkReducer(initialCheck, { type: "check/done", validation: result() });
    const twice = checkReducer(once, { type: "check/done", validation: result() });
    expect([once.checks, twice.checks]).toEqual([1, 2]);
  });

  it("the explicit write records the sheets written; a later check makes that note stale", () => {
    const wrote = checkReducer(initialCheck, {
      type: "check/written",
      validation: result(["Báo cáo kiểm tra", "Kết quả"]),
    });
    expect(wrote.written).toEqual(["Báo cáo kiểm tra", "Kết quả"]);
    expect(checkReducer(wrote, { type: "check/done", validation: result() }).written).toBeNull();
  });

  it("the appraisal write records its sheet and unit, leaves the report note alone; a later check clears it", () => {
    const checked = checkReducer(initialCheck, {
      type: "check/written",
      validation: result(["Báo cáo kiểm tra"]),
    });
    const written = { sheet: "Kết quả thẩm định", unit: "Xã A", pending: 2, peers: 0 };
    const wrote = checkReducer(checked, { type: "check/appraisalWritten", written });
    expect(wrote.appraisal).toEqual(written);
    expect(wrote.written).toEqual(["Báo cáo kiểm tra"]);
    expect(wrote.checks).toBe(checked.checks);
    expect(checkReducer(wrote, { type: "check/done", validation: result() }).appraisal).toBeNull();
  });

  it("live re-check cannot be on where the host cannot report edits", () => {
    const off = checkReducer(initialCheck, { type: "check/live", on: true, supported: false });
    expect(off).toMatchObject({ live: false, liveSupported: false });
    expect(checkReducer(off, { type: "check/live", on: true }).live).toBe(false);
    const on = checkReducer(initialCheck, { type: "check/live", on: true, supported: true });
    expect(on.live).toBe(true);
  });
});

describe("ranking tab reducer", () => {
  it("progress, then the outcome (which clears progress and counts the run)", () => {
    const going = rankingReducer(initialRanking, { type: "rank/progress", done: 3, total: 10 });
    expect(going.progress).toEqual({ done: 3, total: 10 });
    const outcome = { sheet: "Xếp hạng", fileErrors: [], ranking: {} } as unknown as RankOutcome;
    const done = rankingReducer(going, { type: "rank/done", outcome });
    expect(done).toMatchObject({ progress: null, runs: 1, outcome });
  });
});

describe("settings tab reducer", () => {
  it("a column correction belongs to one sheet: another sheet starts a new map", () => {
    let s = settingsReducer(initialSettings("vi"), {
      type: "settings/column",
      sheet: "A",
      role: "self",
      col: 4,
    });
    s = settingsReducer(s, { type: "settings/column", sheet: "A", role: "max", col: 3 });
    expect(s.settings.columns).toEqual({ sheet: "A", roles: { self: 4, max: 3 } });
    s = settingsReducer(s, { type: "settings/column", sheet: "B", role: "note", col: 9 });
    expect(s.settings.columns).toEqual({ sheet: "B", roles: { note: 9 } });
    expect(settingsReducer(s, { type: "settings/clearColumns" }).settings.columns).toBeUndefined();
  });

  it("any change marks the settings unsaved; saving marks them saved", () => {
    const saved = settingsReducer(initialSettings("vi"), { type: "settings/saved", at: 5 });
    expect(saved.savedAt).toBe(5);
    expect(
      settingsReducer(saved, { type: "settings/update", settings: { rubricId: null } }).savedAt,
    ).toBeNull();
  });

  it("workbook settings pending: 'use' makes them the settings in use; a later edit drops the 'why' line", () => {
    const why = { vi: "chưa dùng", en: "not used" };
    const pending = {
      settings: { rubricId: "x", columns: { roles: { self: 4 } } },
      differences: [],
      customRubric: false,
    };
    let s = settingsReducer(initialSettings("vi"), {
      type: "settings/loaded",
      settings: { rubricId: null },
      problems: [],
      pending,
      why,
    });
    // Still pending: an edit of the user's own keeps the line (their choice is what the check uses).
    s = settingsReducer(s, { type: "settings/update", settings: { rubricId: "y" } });
    expect(s.why).toEqual(why);
    const used = { vi: "đã chọn dùng", en: "chose to use" };
    s = settingsReducer(s, { type: "settings/useWorkbook", why: used });
    expect(s).toMatchObject({ settings: pending.settings, pending: null, why: used });
    expect(settingsReducer(s, { type: "settings/clearColumns" }).why).toBeNull();
    expect(settingsReducer(s, { type: "settings/column", sheet: "A", role: "self", col: 2 }).why).toBeNull();
    // Nothing pending: "use" changes nothing.
    expect(settingsReducer(s, { type: "settings/useWorkbook", why })).toBe(s);
  });

  it("loaded settings bring their language and the problems found in them", () => {
    const problem = { vi: "x", en: "y" };
    const s = settingsReducer(initialSettings("vi"), {
      type: "settings/loaded",
      settings: { rubricId: null, language: "en" },
      problems: [problem],
    });
    expect(s.lang).toBe("en");
    expect(s.problems).toEqual([problem]);
    const l = settingsReducer(s, { type: "settings/lang", lang: "vi" });
    expect(l).toMatchObject({ lang: "vi", settings: { language: "vi" } });
  });
});

describe("pane reducer", () => {
  it("routes each action to its tab's slice and leaves the others alone", () => {
    const start = initialPane("vi");
    const next = paneReducer(start, { type: "check/done", validation: result() });
    expect(next.check.checks).toBe(1);
    expect(next.ranking).toBe(start.ranking);
    expect(next.settings).toBe(start.settings);
  });

  it("an action starting hides the last error; an error is worded by the error contract", () => {
    const failed = paneReducer(initialPane("vi"), {
      type: "error/set",
      error: new UserError("x", { vi: "Trang bị khoá.", en: "Sheet locked." }),
    });
    expect(failed.error).toEqual({ vi: "Trang bị khoá.", en: "Sheet locked." });
    expect(paneReducer(failed, { type: "busy/start", kind: "check" })).toMatchObject({
      busy: "check",
      error: null,
    });
    const bug = paneReducer(initialPane("vi"), { type: "error/set", error: new TypeError("boom") });
    expect(bug.error?.vi).toMatch(/^Lỗi ngoài dự kiến: boom\./);
    expect(bug.error?.en).toMatch(/^Unexpected error: boom\./);
  });

  it("the end of an action clears the busy flag and the ranking's progress", () => {
    let s = paneReducer(initialPane("vi"), { type: "busy/start", kind: "rank" });
    s = paneReducer(s, { type: "rank/progress", done: 1, total: 2 });
    s = paneReducer(s, { type: "busy/end" });
    expect(s.busy).toBeNull();
    expect(s.ranking.progress).toBeNull();
  });
});

describe("what a re-check changed (issue #25)", () => {
  const finding = (code: string, address: string, severity: "error" | "warning" = "error") =>
    ({ code, severity, sheet: "Xã A", address, item: "4.1", message: { vi: address, en: address } }) as never;
  const withFindings = (findings: unknown[], sheets: string[] = ["Xã A"]): ValidateResult =>
    ({
      analysis: {
        source: "x.xlsx",
        findings: [],
        units: sheets.map((sheet, i) => ({ sheet, findings: i === 0 ? findings : [] })),
      },
      counts: { error: 0, warning: 0, info: 0 },
      written: [],
      syncs: 1,
    }) as unknown as ValidateResult;

  it("counts new and fixed findings by severity, as multisets, and keys the new ones", () => {
    const before = withFindings([
      finding("over-max", "E36"),
      finding("over-max", "E36"),
      finding("x", "B2", "warning"),
    ]);
    const after = withFindings([finding("over-max", "E36"), finding("over-max", "E40")]);
    const c = findingChanges(before, after);
    expect(c.added).toEqual({ error: 1, warning: 0, info: 0 });
    expect(c.fixed).toEqual({ error: 1, warning: 1, info: 0 });
    expect(c.newKeys).toEqual([findingKey(finding("over-max", "E40"))]);
    expect(changesText("vi", c)).toBe("1 lỗi mới, 1 lỗi đã sửa, 1 cảnh báo đã hết");
    expect(changesText("en", c)).toBe("1 new error, 1 error fixed, 1 warning gone");
    expect(changesText("vi", findingChanges(after, after))).toBe("không có gì thay đổi");
  });

  it("the first check has no changes; each later check is set against the one before", () => {
    const first = checkReducer(initialCheck, { type: "check/done", validation: withFindings([]) });
    expect(first.changes).toBeNull();
    const second = checkReducer(first, {
      type: "check/done",
      validation: withFindings([finding("a", "C3")]),
    });
    expect(second.changes?.added.error).toBe(1);
  });

  it("the picked unit stays picked across checks while its sheet is still checked, else falls back", () => {
    const two = withFindings([], ["Xã A", "Xã B"]);
    const picked = checkReducer(checkReducer(initialCheck, { type: "check/done", validation: two }), {
      type: "check/unit",
      sheet: "Xã B",
    });
    expect(checkReducer(picked, { type: "check/done", validation: two }).unit).toBe("Xã B");
    expect(
      checkReducer(picked, { type: "check/done", validation: withFindings([], ["Xã A"]) }).unit,
    ).toBeNull();
  });
});
