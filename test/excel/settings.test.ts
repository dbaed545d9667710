import { describe, expect, it } from "vitest";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import {
  annexOf,
  contentHash,
  settingsLines,
  verifyColumnMap,
  verifySettings,
} from "../../src/excel/settings";

/**
 * What a workbook carries is data to verify: each of these settings was once taken as it came and
 * changed an appraiser's result without a word (issue 13, "settings that cannot lie").
 */
const commune = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;

describe("verifySettings", () => {
  it("a built-in rubric saved unchanged keeps the built-in's name and no hash", () => {
    const v = verifySettings({ rubricId: commune.id, customRubric: structuredClone(commune) });
    expect(v.identity).toMatchObject({ kind: "builtin", hash: null, modified: false });
    expect(v.identity.label.vi).toBe(commune.name);
    expect(v.problems).toEqual([]);
  });

  it("a custom rubric under a built-in's id but with other content is shown as '<name> (đã sửa) #hash'", () => {
    const forged = structuredClone(commune);
    forged.ratingBands = forged.ratingBands.map((b) => ({ ...b, min: Math.max(0, b.min - 20) }));
    const v = verifySettings({ rubricId: commune.id, customRubric: forged });
    expect(v.identity.kind).toBe("custom");
    expect(v.identity.modified).toBe(true);
    expect(v.identity.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(v.identity.label.vi).toBe(`${commune.name} (đã sửa) #${v.identity.hash}`);
    expect(v.identity.label.en).toContain("(modified)");
    expect(v.rubric?.ratingBands[0].min).toBe(forged.ratingBands[0].min);
    expect(settingsLines(v)[0].vi).toBe(`Bộ chỉ số: ${v.identity.label.vi}`);
  });

  it("the hash depends on content, not on key order", () => {
    const reordered = Object.fromEntries(Object.entries(commune).reverse());
    expect(contentHash(reordered)).toBe(contentHash(commune));
    expect(contentHash({ ...commune, precision: commune.precision + 1 })).not.toBe(contentHash(commune));
  });

  it("a saved rubric that no longer loads is reported with its reason and the fallback named", () => {
    const broken = { ...structuredClone(commune), items: "not a list" };
    const v = verifySettings({ rubricId: commune.id, customRubric: broken });
    expect(v.rubric?.id).toBe(commune.id);
    expect(v.settings.customRubric).toBeUndefined();
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0].vi).toMatch(/^Bộ chỉ số đã lưu trong sổ không còn dùng được \(.+\); đang dùng /);
    expect(v.problems[0].vi).toContain(commune.name);
    expect(v.problems[0].en).toContain(commune.nameEn ?? commune.name);
  });

  it("rubricId null is kept and shown as the workbook's own structure", () => {
    const v = verifySettings({ rubricId: null });
    expect(v.rubric).toBeNull();
    expect(v.identity.kind).toBe("own");
    expect(settingsLines(v)[0].vi).toBe("Bộ chỉ số: cấu trúc của chính biểu (không dùng bộ chỉ số)");
  });

  it("an unknown built-in id falls back to the default and says so", () => {
    const v = verifySettings({ rubricId: "no-such-rubric" });
    expect(v.rubric?.id).toBe(DEFAULT_RUBRIC_ID);
    expect(v.problems[0].vi).toContain('"no-such-rubric"');
  });

  it("an unknown language falls back to Office's, with a word about it", () => {
    const v = verifySettings({ rubricId: commune.id, language: "fr" });
    expect(v.settings.language).toBeUndefined();
    expect(v.problems[0].en).toMatch(/language "fr"/);
    expect(verifySettings({ rubricId: commune.id, language: "en" }).settings.language).toBe("en");
  });

  it("a column map pointing self at the maximum column is rejected; a valid one is kept and flagged", () => {
    const lying = verifySettings({ rubricId: commune.id, columns: { roles: { max: 3, self: 3 } } });
    expect(lying.settings.columns).toBeUndefined();
    expect(lying.manualColumns).toBe(false);
    expect(lying.problems[0].vi).toMatch(/cột D được gán cho cả/);
    const fixed = verifySettings({ rubricId: commune.id, columns: { sheet: "Tự chấm", roles: { self: 4 } } });
    expect(fixed.manualColumns).toBe(true);
    expect(fixed.problems).toEqual([]);
    expect(settingsLines(fixed)[1].vi).toMatch(/^Cột đã chỉnh tay: .+ → E$/);
  });

  it("column maps out of range, of unknown roles or of the wrong shape are rejected whole", () => {
    for (const bad of [
      { roles: { self: -1 } },
      { roles: { self: 16_384 } },
      { roles: { self: 2.5 } },
      { roles: { self: "E" } },
      { roles: { teacher: 2 } },
      { roles: { self: 4, evidence: 4 } },
      { sheet: 3, roles: {} },
      [],
      "E",
    ]) {
      expect(verifyColumnMap(bad), JSON.stringify(bad)).toHaveProperty("problem");
    }
    expect(verifyColumnMap({ roles: { self: 4, evidence: null, note: 9 } })).toEqual({
      map: { roles: { self: 4, evidence: null, note: 9 } },
    });
  });

  it("a saved group pattern that is not a valid regular expression is dropped with the reason", () => {
    const v = verifySettings({ rubricId: commune.id, groupBy: "(xa|phuong" });
    expect(v.settings.groupBy).toBeUndefined();
    expect(v.problems[0].vi).toContain("(xa|phuong");
  });

  it("a saved annex and signature are kept when parseAnnex accepts them, dropped with why when not", () => {
    const ok = verifySettings({
      rubricId: commune.id,
      annex: "Phụ lục 01|Kèm theo QĐ số 12",
      signature: "A|B|C",
    });
    expect(ok.problems).toEqual([]);
    expect(annexOf(ok.settings)).toEqual({
      heading: ["Phụ lục 01", "Kèm theo QĐ số 12"],
      signature: { left: "A", right: "B", placeDate: "C" },
    });
    const long = verifySettings({ rubricId: commune.id, annex: "1|2|3|4|5|6|7", signature: "A" });
    expect(long.settings.annex).toBeUndefined();
    expect(long.settings.signature).toBeUndefined();
    expect(long.problems[0].en).toMatch(/annex.*at most 6 lines.*ignored/);
    const notText = verifySettings({ rubricId: commune.id, signature: { left: "x" } });
    expect(notText.settings.signature).toBeUndefined();
    expect(notText.problems[0].vi).toContain("không phải chữ");
    expect(annexOf({})).toBeNull();
    expect(annexOf({ annex: "  ", signature: "" })).toBeNull();
  });

  it("anything at all as stored settings gives the defaults, never a throw", () => {
    for (const raw of [null, undefined, 42, "x", [], { rubricId: 5 }, { customRubric: "x".repeat(10) }]) {
      const v = verifySettings(raw);
      expect(v.rubric?.id, JSON.stringify(raw)).toBe(DEFAULT_RUBRIC_ID);
    }
  });
});
