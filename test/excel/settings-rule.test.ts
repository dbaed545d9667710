import { describe, expect, it } from "vitest";
import { builtinRubric, builtinRubrics, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import {
  MAX_ACCEPTED,
  NO_USER_SETTINGS,
  parseUserSettings,
  resolveSettings,
  rubricDigest,
  settingsDigest,
  type UserSettings,
  withAccepted,
} from "../../src/excel/settings-rule";
import { type ParSettings, verifySettings } from "../../src/excel/settings";
import { userSettingsStore } from "../../src/excel/user-store";

/**
 * The appraiser's settings rule (issue #24 item 7), as a table: what a workbook carries, what this user
 * accepted before → whether the check uses the workbook's settings, and what it says.
 */
const DEFAULTS: ParSettings = { rubricId: DEFAULT_RUBRIC_ID };
const commune = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
const other = builtinRubrics().find((r) => r.id !== DEFAULT_RUBRIC_ID) as Rubric;
const forged = structuredClone(commune);
forged.ratingBands = forged.ratingBands.map((b) => ({ ...b, min: Math.max(0, b.min - 20) }));
const custom = { ...structuredClone(commune), id: "tinh-x-2025", name: "Bộ chỉ số tỉnh X" };
const columns = { sheet: "Tự chấm", roles: { self: 4 } };

const resolve = (stored: unknown, user: UserSettings = NO_USER_SETTINGS) =>
  resolveSettings(stored, user, DEFAULTS);

describe("the settings rule", () => {
  it("a built-in rubric, unchanged, no column corrections: applied without asking, and said why", () => {
    const r = resolve({ rubricId: other.id });
    expect(r.decision).toEqual({ apply: true, because: "builtin" });
    expect(r.used.rubric?.id).toBe(other.id);
    expect(r.lines.at(-1)?.vi).toBe("Dùng cài đặt của sổ: bộ chỉ số có sẵn, không sửa, không chỉnh cột.");
    // A copy of the built-in saved as a custom rubric is the built-in.
    expect(resolve({ rubricId: commune.id, customRubric: structuredClone(commune) }).decision.apply).toBe(
      true,
    );
  });

  it("a built-in's id with other content: not applied, the user's choice used, the difference named", () => {
    const r = resolve({ rubricId: commune.id, customRubric: forged });
    expect(r.decision.apply).toBe(false);
    expect(r.workbook.identity.modified).toBe(true);
    expect(r.used.rubric?.ratingBands).toEqual(commune.ratingBands);
    expect(r.used.identity.kind).toBe("builtin");
    const hash = r.workbook.identity.hash;
    if (r.decision.apply) throw new Error("applied");
    expect(r.decision.differences[0].vi).toBe(
      `bộ chỉ số "${commune.name} (đã sửa) #${hash}": mang mã của bộ có sẵn nhưng nội dung đã sửa`,
    );
    expect(r.lines[0].vi).toBe(`Bộ chỉ số: ${commune.name}`);
    expect(r.lines.at(-1)?.vi).toMatch(/^Cài đặt riêng của sổ chưa được dùng \(bộ chỉ số .+đã sửa/);
  });

  it("a custom rubric: not applied until accepted; an accepted one (by content) is applied", () => {
    expect(resolve({ rubricId: null, customRubric: custom }).decision.apply).toBe(false);
    const digest = rubricDigest(verifySettings({ customRubric: custom })) as string;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const user = { ...NO_USER_SETTINGS, rubrics: [digest] };
    const r = resolve({ rubricId: null, customRubric: custom }, user);
    expect(r.decision).toEqual({ apply: true, because: "accepted-rubric" });
    expect(r.used.rubric?.name).toBe("Bộ chỉ số tỉnh X");
    // One point moved is another rubric: the acceptance does not carry over.
    const changed = structuredClone(custom);
    changed.ratingBands[0].min -= 1;
    expect(resolve({ customRubric: changed }, user).decision.apply).toBe(false);
  });

  it("any column correction: not applied, even with a built-in or an accepted rubric", () => {
    const r = resolve({ rubricId: commune.id, columns });
    expect(r.decision.apply).toBe(false);
    expect(r.used.settings.columns).toBeUndefined();
    expect(r.used.manualColumns).toBe(false);
    if (r.decision.apply) throw new Error("applied");
    expect(r.decision.differences.map((d) => d.en)).toEqual([
      expect.stringMatching(/^columns corrected by hand \(.+ → E\)$/),
    ]);
    const digest = rubricDigest(verifySettings({ customRubric: custom })) as string;
    expect(
      resolve({ customRubric: custom, columns }, { ...NO_USER_SETTINGS, rubrics: [digest] }).decision.apply,
    ).toBe(false);
  });

  it("settings this user saved or applied count as accepted: the clerk's own correction is not asked about", () => {
    const stored = { rubricId: commune.id, customRubric: forged, columns };
    const before = resolve(stored);
    expect(before.decision.apply).toBe(false);
    const user = { ...NO_USER_SETTINGS, settings: [settingsDigest(before.workbook)] };
    const after = resolve(stored, user);
    expect(after.decision).toEqual({ apply: true, because: "accepted-settings" });
    expect(after.used.settings.columns).toEqual(columns);
    expect(after.used.identity.modified).toBe(true);
    // Another column corrected is not what the user saved.
    expect(resolve({ ...stored, columns: { roles: { self: 5 } } }, user).decision.apply).toBe(false);
  });

  it("the workbook's settings equal to the user's own choice are applied as 'same'", () => {
    const user = { ...NO_USER_SETTINGS, choice: { rubricId: null, customRubric: custom } };
    const r = resolve({ rubricId: null, customRubric: custom }, user);
    expect(r.decision).toEqual({ apply: true, because: "same" });
    // Nothing to say: the lines are the settings' own, no "whose and why".
    expect(r.why).toBeNull();
    expect(r.lines).toEqual(r.used.lines);
  });

  it("a workbook that saves no rubric and no column correction leaves the user's own choice in use", () => {
    const user = { ...NO_USER_SETTINGS, choice: { rubricId: null, customRubric: custom } };
    for (const stored of [
      null,
      {},
      { language: "en", groupBy: "none" },
      { customRubric: null, columns: null },
    ]) {
      const r = resolve(stored, user);
      expect(r.decision, JSON.stringify(stored)).toEqual({ apply: true, because: "none" });
      expect(r.used.rubric?.name).toBe("Bộ chỉ số tỉnh X");
      expect(r.why).toBeNull();
    }
    expect(resolve({ language: "en" }, user).used.settings.language).toBe("en");
    // Without a choice of their own: the default.
    expect(resolve(null).used.rubric?.id).toBe(DEFAULT_RUBRIC_ID);
  });

  it("the workbook's own structure (no rubric) is not applied unless it is the user's choice", () => {
    const r = resolve({ rubricId: null });
    expect(r.decision.apply).toBe(false);
    expect(r.used.rubric?.id).toBe(DEFAULT_RUBRIC_ID);
    expect(resolve({ rubricId: null }, { ...NO_USER_SETTINGS, choice: { rubricId: null } }).decision).toEqual(
      {
        apply: true,
        because: "same",
      },
    );
  });

  it("keeps the workbook's other parts (language, ranking options, annex) when its rubric is not applied", () => {
    const r = resolve({
      rubricId: commune.id,
      customRubric: forged,
      language: "en",
      groupBy: "none",
      dense: true,
    });
    expect(r.decision.apply).toBe(false);
    expect(r.used.settings).toMatchObject({
      language: "en",
      groupBy: "none",
      dense: true,
      rubricId: commune.id,
    });
    expect(r.used.settings.customRubric).toBeUndefined();
  });
});

describe("the per-user store", () => {
  it("keeps only well-formed digests and a rubric choice, whatever was stored", () => {
    const d = "a".repeat(64);
    expect(parseUserSettings({ rubrics: [d, "x", 3], settings: "no", choice: { rubricId: 5 } })).toEqual({
      rubrics: [d],
      settings: [],
      choice: null,
    });
    for (const raw of [null, 1, "x", [], { choice: [] }])
      expect(parseUserSettings(raw)).toEqual(NO_USER_SETTINGS);
  });

  it("caps each list, newest kept, and never throws on a blocked or damaged storage", () => {
    let list: string[] = [];
    for (let i = 0; i < MAX_ACCEPTED + 10; i++) list = withAccepted(list, i.toString(16).padStart(64, "0"));
    expect(list).toHaveLength(MAX_ACCEPTED);
    expect(list.at(-1)).toBe((MAX_ACCEPTED + 9).toString(16).padStart(64, "0"));
    const map = new Map<string, string>();
    const store = userSettingsStore({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v) });
    store.write({ ...NO_USER_SETTINGS, rubrics: list });
    expect(store.read().rubrics).toEqual(list);
    map.set("parIndex.userSettings", "{not json");
    expect(store.read()).toEqual(NO_USER_SETTINGS);
    const blocked = userSettingsStore({
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("full");
      },
    });
    expect(blocked.read()).toEqual(NO_USER_SETTINGS);
    expect(() => blocked.write(NO_USER_SETTINGS)).not.toThrow();
  });
});
