import { describe, expect, it } from "vitest";
import { fold, foldWords } from "../../src/core/fold";
import { roundUnits, toUnits } from "../../src/core/numbers";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { allowedScores, flattenRubric, normaliseCode, rubricIndex } from "../../src/core/rubric/tree";

const commune = builtinRubric("example-commune-2024") as Rubric;
const agency = builtinRubric("example-agency-2024") as Rubric;

/** What the index replaces, computed the way the pipeline computed it per file before the cache. */
function uncached(rubric: Rubric) {
  const flat = flattenRubric(rubric);
  const byLabel = new Map<string, string[]>();
  for (const i of flat) byLabel.set(foldWords(i.label), [...(byLabel.get(foldWords(i.label)) ?? []), i.code]);
  return {
    flat,
    byCode: new Map(flat.map((i) => [i.code, i])),
    byNormalisedCode: new Map(flat.map((i) => [normaliseCode(i.shown), [i.code]])),
    byLabel,
    areaCodes: flat.filter((i) => i.level === 1).map((i) => i.code),
    markers: rubric.notApplicable.markers.map((m) => fold(m)),
    anyMarkedNotApplicable: flat.some((i) => i.item.notApplicableAllowed === true),
  };
}

describe("rubricIndex", () => {
  for (const rubric of [commune, agency]) {
    it(`equals the uncached derivations (${rubric.id})`, () => {
      const index = rubricIndex(rubric);
      const plain = uncached(rubric);
      expect(index.flat).toEqual(plain.flat);
      expect(index.bottomUp).toEqual([...plain.flat].reverse());
      expect([...index.byCode.keys()]).toEqual([...plain.byCode.keys()]);
      for (const [code, item] of plain.byCode) expect(index.byCode.get(code)).toEqual(item);
      expect([...index.byNormalisedCode]).toEqual([...plain.byNormalisedCode]);
      expect([...index.byLabel]).toEqual([...plain.byLabel]);
      expect(index.areaCodes).toEqual(plain.areaCodes);
      expect(index.markers).toEqual(plain.markers);
      expect(index.anyMarkedNotApplicable).toBe(plain.anyMarkedNotApplicable);
      for (const item of index.flat) {
        expect(index.allowed(item)).toEqual(allowedScores(item));
        expect(index.allowedUnits(item)).toEqual(
          (allowedScores(item) ?? []).map((a) => roundUnits(toUnits(a), rubric.precision)),
        );
        expect(index.childCodes(item)).toEqual((item.item.children ?? []).map((c) => c.code));
        expect(index.labelKeys.get(item.code)).toBe(foldWords(plain.byCode.get(item.code)?.label));
        expect(index.subtree(item.code)).toEqual(plain.flat.filter((i) => i.path.includes(item.code)));
      }
      // Position paths: "1.1" is the first child of the first area, whatever the codes say.
      const first = rubric.items[0];
      expect(index.byPosition.get("1")).toBe(first.code);
      if (first.children?.length) expect(index.byPosition.get("1.1")).toBe(first.children[0].code);
    });
  }

  it("is computed once per rubric object and returns the same index afterwards", () => {
    expect(rubricIndex(commune)).toBe(rubricIndex(commune));
    expect(rubricIndex(commune).allowed(rubricIndex(commune).flat[2])).toBe(
      rubricIndex(commune).allowed(rubricIndex(commune).flat[2]),
    );
  });

  it("never shares derived data between two rubrics, even copies that share items", () => {
    const copy: Rubric = { ...commune, notApplicable: { ...commune.notApplicable, markers: ["mien"] } };
    const a = rubricIndex(commune);
    const b = rubricIndex(copy);
    expect(b).not.toBe(a);
    expect(b.flat).not.toBe(a.flat);
    expect(b.markers).toEqual(["mien"]);
    expect(a.markers).not.toContain("mien");
    expect(rubricIndex(agency).byCode).not.toBe(a.byCode);
    const shorter: Rubric = { ...commune, items: commune.items.slice(0, 1) };
    expect(rubricIndex(shorter).areaCodes).toEqual([commune.items[0].code]);
    expect(rubricIndex(commune).areaCodes.length).toBe(commune.items.length);
  });
});

describe("normaliseCode", () => {
  /** The general rule, without the shortcut for dotted numbers. */
  const general = (code: unknown) =>
    (typeof code === "number" ? String(code) : String(code).trim())
      .replace(/^(tiêu chí|tieu chi|lĩnh vực|linh vuc)\s+/i, "")
      .replace(/[)\].:]+$/, "")
      .replace(/\s+/g, "")
      .toLowerCase();

  it.each([
    "1",
    "1.1",
    "1.1.",
    " 1.2.3 ",
    "10.2..",
    "...",
    ".",
    "1..2",
    "",
    " ",
    "1.1)",
    "a)",
    "II.",
    "Tiêu chí 1.1",
    "1. 1",
    2.5,
    3,
  ])("%j as the general rule has it", (code) => {
    expect(normaliseCode(code)).toBe(general(code));
  });
});
