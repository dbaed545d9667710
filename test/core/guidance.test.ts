import { describe, expect, it } from "vitest";
import { parseGuidance } from "../../src/core/rubric/guidance";
import { RuleSchema } from "../../src/core/rubric/schema";

describe("parseGuidance", () => {
  it.each([
    ["kịp thời 1 điểm; chậm 0,5 điểm; không 0 điểm", [1, 0.5, 0]],
    ["Ban hành kịp thời: 1; ban hành chậm: 0,5; không ban hành: 0", [1, 0.5, 0]],
    ["Đầy đủ: 2đ\nKhông đầy đủ: 1đ\nKhông thực hiện: 0đ", [2, 1, 0]],
    ["Có: 1; Không: 0", [1, 0]],
    ["kịp thời 1; chậm 0,5; không 0", [1, 0.5, 0]],
  ])("levels: %s", (text, levels) => {
    const rule = parseGuidance(text);
    expect(rule).toEqual({ type: "levels", levels });
    expect(RuleSchema.safeParse(rule).success).toBe(true);
  });

  it("bands with open and closed ends", () => {
    expect(parseGuidance("Trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0")).toEqual({
      type: "bands",
      bands: [
        { min: 90, minInclusive: false, max: null, maxInclusive: false, points: 2 },
        { min: 70, minInclusive: true, max: 90, maxInclusive: true, points: 1 },
        { min: null, minInclusive: false, max: 70, maxInclusive: false, points: 0 },
      ],
    });
    expect(parseGuidance("Đạt 100%: 3; từ 80% trở lên: 1,5; dưới 80%: 0")).toEqual({
      type: "bands",
      bands: [
        { min: 100, minInclusive: true, max: null, maxInclusive: false, points: 3 },
        { min: 80, minInclusive: true, max: null, maxInclusive: false, points: 1.5 },
        { min: null, minInclusive: false, max: 80, maxInclusive: false, points: 0 },
      ],
    });
  });

  it("a range with one percent sign, '70–90%' or '70 - 90%', is a closed band", () => {
    const expected = {
      type: "bands",
      bands: [
        { min: 90, minInclusive: false, max: null, maxInclusive: false, points: 2 },
        { min: 70, minInclusive: true, max: 90, maxInclusive: true, points: 1 },
        { min: null, minInclusive: false, max: 70, maxInclusive: false, points: 0 },
      ],
    };
    expect(parseGuidance("trên 90%: 2; 70–90%: 1; dưới 70%: 0")).toEqual(expected);
    expect(parseGuidance("Trên 90%: 2 điểm; 70 - 90%: 1 điểm; dưới 70%: 0 điểm")).toEqual(expected);
  });

  it.each([
    ["Căn cứ Nghị định 61; Thông tư 01"],
    ["Theo Kế hoạch 12; Báo cáo 5"],
    ["Điều 5; khoản 2"],
    ["Căn cứ kết quả kiểm tra của Sở Nội vụ"],
    ["Thực hiện tốt: 1"],
    ["Trên 90%: 2; làm chậm: 1"],
    [""],
  ])("prose or a lone level is no rule: %j", (text) => {
    expect(parseGuidance(text)).toBeNull();
  });
});
