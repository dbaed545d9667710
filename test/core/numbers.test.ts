import { describe, expect, it } from "vitest";
import { fold } from "../../src/core/fold";
import { formatScore, parseNumberText, roundTo, sameAtPrecision, toUnits } from "../../src/core/numbers";

describe("numbers", () => {
  it("reads Vietnamese decimal commas and thousands dots", () => {
    expect(parseNumberText("1,5")).toEqual({ value: 1.5, vietnamese: true });
    expect(parseNumberText("84,85")?.value).toBe(84.85);
    expect(parseNumberText("1.250")?.value).toBe(1250);
    expect(parseNumberText("1.5")?.value).toBe(1.5);
    expect(parseNumberText(" -0,5 ")?.value).toBe(-0.5);
    expect(parseNumberText("2 điểm")).toBeNull();
    expect(parseNumberText("15/01/2024")).toBeNull();
    expect(parseNumberText("")).toBeNull();
  });

  it("adds without float drift and rounds half away from zero", () => {
    expect(toUnits(0.1) + toUnits(0.2)).toBe(toUnits(0.3));
    expect(sameAtPrecision(0.1 + 0.2, 0.3, 3)).toBe(true);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
    expect(roundTo(84.845, 2)).toBe(84.85);
    expect(sameAtPrecision(61.9041, 61.904, 3)).toBe(true);
    expect(sameAtPrecision(61.905, 61.904, 3)).toBe(false);
  });

  it("formats for each language", () => {
    expect(formatScore(84.85, 2, "vi")).toBe("84,85");
    expect(formatScore(84.85, 2, "en")).toBe("84.85");
    expect(formatScore(16, 2, "vi")).toBe("16");
    expect(formatScore(25.65, 3, "en")).toBe("25.65");
  });

  it("folds labels as domain.md says", () => {
    expect(fold("  Hiện đại hoá   HÀNH CHÍNH ")).toBe(fold("hiện đại hóa hành chính"));
    expect(fold("Đơn vị")).toBe("don vi");
  });
});
