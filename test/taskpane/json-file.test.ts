import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors";
import { readPreviousFile, readRubricFile } from "../../src/taskpane/files";
import { expectedFromFile } from "../../src/taskpane/round-files";

/**
 * A JSON file the pane cannot parse (a rubric, last year's ranking): the Vietnamese text says where, as the
 * command line's side files do, and carries none of the parser's English; the English keeps its words.
 */
describe("the pane's invalid JSON, in each language", () => {
  const cases: [string, string][] = [
    ['{\n  "unit": "Xã A",\n  score: 1\n}', "lỗi cú pháp ở dòng 3, cột 3"],
    ['[{"unit": "Xã A"', "tệp kết thúc giữa chừng"],
  ];
  const readers = [
    ["rubric", readRubricFile],
    ["previous ranking", readPreviousFile],
  ] as const;

  for (const [what, read] of readers) {
    it(`a ${what}: where in Vietnamese, the parser's words in English`, async () => {
      for (const [text, where] of cases) {
        const error = await read(new File([text], "bang.json")).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UserError);
        const { code, text: words } = error as UserError;
        expect(code).toBe("not-json");
        expect(words.vi).toBe(`bang.json: không phải tệp JSON hợp lệ (${where}).`);
        expect(words.en).toMatch(/^bang\.json: not a valid JSON file \((Expected|Unexpected) .+\)\.$/);
      }
    });
  }
});

describe("the round's expected-units list in JSON that does not parse", () => {
  it("is the file's fault, said where in Vietnamese (it was 'a failure of par-index' with the parser's English)", async () => {
    const file = new File(['[{"unit": "Xã A"'], "ds-don-vi.json");
    const list = await expectedFromFile(file);
    expect(list.units).toEqual([]);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0].vi).toBe("ds-don-vi.json: không phải tệp JSON hợp lệ (tệp kết thúc giữa chừng).");
    expect(list.problems[0].en).toMatch(
      /^ds-don-vi\.json: not a valid JSON file \((Expected|Unexpected) .+\)\.$/,
    );
  });
});
