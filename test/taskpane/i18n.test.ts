import { describe, expect, it } from "vitest";
import { FINDING_CODES, type FindingCode } from "../../src/core/finding";
import { findingHelp } from "../../src/core/finding-help";
import { findingKind, formatNumber, languageFrom, STRING_KEYS, t, textOf } from "../../src/core/i18n";

/** The pane's one string table: both languages everywhere, the same placeholders, numbers as each language writes them. */
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n table", () => {
  it("every string exists in Vietnamese and English with the same placeholders", () => {
    expect(STRING_KEYS.length).toBeGreaterThan(50);
    for (const key of STRING_KEYS) {
      const vi = t("vi", key);
      const en = t("en", key);
      expect(vi.trim(), key).not.toBe("");
      expect(en.trim(), key).not.toBe("");
      expect(placeholders(vi), key).toEqual(placeholders(en));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("vi", "layoutLine", { sheet: "Xã A", row: 8 })).toBe('Trang "Xã A", dòng tiêu đề 8');
    expect(t("en", "layoutLine", { sheet: "Xã A" })).toBe('Sheet "Xã A", header row {row}');
    expect(textOf("filesChosen", { count: 3 })).toEqual({ vi: "3 tệp đã chọn", en: "3 files chosen" });
  });

  it("names every finding code in both languages", () => {
    for (const code of FINDING_CODES) {
      expect(findingKind("vi", code), code).not.toBe(code);
      expect(findingKind("en", code), code).not.toBe(code);
    }
  });

  it("says why and how to fix every finding code, in both languages, never the generic line", () => {
    const generic = [findingHelp("vi", "x" as FindingCode), findingHelp("en", "x" as FindingCode)];
    for (const code of FINDING_CODES) {
      expect(generic, code).not.toContain(findingHelp("vi", code));
      expect(generic, code).not.toContain(findingHelp("en", code));
    }
  });
});

describe("numbers", () => {
  it("Vietnamese decimal comma, English point, the rubric's decimals with trailing zeros dropped", () => {
    expect(formatNumber(84.85, 2, "vi")).toBe("84,85");
    expect(formatNumber(84.85, 2, "en")).toBe("84.85");
    expect(formatNumber(7.5, 2, "vi")).toBe("7,5");
    expect(formatNumber(20.066, 2, "vi")).toBe("20,07");
    expect(formatNumber(null, 2, "vi")).toBe("–");
  });

  it("the display language picks the pane's language", () => {
    expect(languageFrom("vi-VN")).toBe("vi");
    expect(languageFrom("VI")).toBe("vi");
    expect(languageFrom("en-US")).toBe("en");
    expect(languageFrom("fr-FR")).toBe("en");
    expect(languageFrom(undefined)).toBe("vi");
  });
});
