import { describe, expect, it } from "vitest";
import { patternProblem } from "../../src/core/group-pattern";

/**
 * A pattern RE2 cannot parse is refused in the user's language only: RE2's English ("missing closing ):
 * `(a`") went into the Vietnamese message as it was. The piece of the pattern it quotes is the user's.
 */
describe("an invalid group pattern, in each language", () => {
  const cases: [string, string, string][] = [
    ["(xa|phuong", 'thiếu dấu đóng ")": `(xa|phuong`', "missing closing ): `(xa|phuong`"],
    ["[xa", 'thiếu dấu đóng "]": `[xa`', "missing closing ]: `[xa`"],
    ["xa)", 'dấu ")" thừa: `xa)`', "unexpected ): `xa)`"],
    [
      "*xa",
      "phép lặp (*, +, ?, {n}) không đứng sau gì cả: `*`",
      "missing argument to repetition operator: `*`",
    ],
    ["xa**", "hai phép lặp liền nhau: `**`", "invalid nested repetition operator: `**`"],
    ["[z-a]", "khoảng ký tự ngược hoặc không hợp lệ: `z-a`", "invalid character class range: `z-a`"],
  ];
  it.each(cases)("%s", (pattern, vi, en) => {
    const problem = patternProblem(pattern);
    expect(problem?.vi).toBe(`Mẫu "${pattern}" không phải biểu thức chính quy hợp lệ (${vi}).`);
    expect(problem?.en).toBe(`Pattern "${pattern}" is not a valid regular expression (${en}).`);
    // No English word of RE2's in the Vietnamese text (the quoted pattern aside).
    expect(problem?.vi.replace(/`[^`]*`|"[^"]*"/g, "")).not.toMatch(
      /missing|closing|invalid|unexpected|argument/,
    );
  });
});
