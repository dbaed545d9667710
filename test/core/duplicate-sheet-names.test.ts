import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit, unitWorkbook } from "../../src/sample";

/**
 * Excel forbids two sheets with one name, but a crafted or broken file can have them (issue #13): the
 * values checked must be those of the sheet whose table was recognised, not of the first sheet so named.
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;

describe("two sheets with the same name", () => {
  it("the unit's values come from the sheet recognised, not from the first one with its name", () => {
    const unit = generateUnit(rubric, { seed: 3, index: 0 });
    const wb = unitWorkbook(unit);
    const real = wb.sheets[0];
    const decoy = {
      name: real.name,
      origin: { row: 0, col: 0 },
      values: [["Hướng dẫn điền biểu"], ["Ghi điểm vào cột Điểm tự đánh giá."]],
    };
    const alone = analyseWorkbook(wb, { rubric, source: wb.source });
    const twice = analyseWorkbook({ ...wb, sheets: [decoy, real] }, { rubric, source: wb.source });
    expect(twice.units).toHaveLength(1);
    expect(twice.units[0].score.index.self).toBe(alone.units[0].score.index.self);
    expect(twice.units[0].findings.map((f) => `${f.code} ${f.address}`)).toEqual(
      alone.units[0].findings.map((f) => `${f.code} ${f.address}`),
    );
  });
});
