import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { FINDING_CODES, type FindingCode } from "../../src/core/finding";
import { findingHelp } from "../../src/core/finding-help";
import { EVIDENCE_FINDING_CODES, FINDING_SPECS, type MessageKey } from "../../src/core/finding-registry";
import { fill, findingKind } from "../../src/core/i18n";
import { msg } from "../../src/core/messages";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { DEFECT_KINDS, generateUnit, unitWorkbook } from "../../src/sample";

/** The registry: every code has every field, in both languages, and the engine keeps to what it declares. */
describe("finding-code registry", () => {
  it("has exactly one entry per code, in the codes' order (append-only list)", () => {
    expect(Object.keys(FINDING_SPECS)).toEqual([...FINDING_CODES]);
  });

  it.each([...FINDING_CODES])("%s: kind and help in Vietnamese and English, distinct", (code) => {
    const spec = FINDING_SPECS[code];
    for (const text of [spec.kind, { vi: findingHelp("vi", code), en: findingHelp("en", code) }]) {
      expect(text.vi.trim(), code).not.toBe("");
      expect(text.en.trim(), code).not.toBe("");
      expect(text.vi, code).not.toBe(text.en);
    }
    expect(findingKind("vi", code)).toBe(spec.kind.vi);
    expect(spec.severities.length).toBeGreaterThan(0);
  });

  it("every message builder belongs to exactly one code; a module named as wording exists", () => {
    const owners = new Map<string, FindingCode[]>();
    for (const code of FINDING_CODES) {
      const w = FINDING_SPECS[code].wording;
      if ("module" in w) expect(existsSync(w.module), `${code}: ${w.module}`).toBe(true);
      else for (const k of w) owners.set(k, [...(owners.get(k) ?? []), code]);
    }
    for (const key of Object.keys(msg) as MessageKey[]) expect(owners.get(key), key).toHaveLength(1);
  });

  it("the missing-evidence view is the codes the registry marks", () => {
    expect(EVIDENCE_FINDING_CODES).toEqual(FINDING_CODES.filter((c) => FINDING_SPECS[c].missingEvidence));
    expect(EVIDENCE_FINDING_CODES).toContain("missing-evidence");
  });

  it("generated units raise each code only with a severity its entry declares", () => {
    const rubric = builtinRubric("example-commune-2024") as Rubric;
    const seen = new Set<string>();
    for (const kind of DEFECT_KINDS) {
      const g = generateUnit(rubric, { seed: 5, index: 1, appraisal: 2, defects: [kind] });
      const a = analyseWorkbook(unitWorkbook(g), { rubric, source: g.fileName });
      for (const f of [...a.findings, ...a.units.flatMap((u) => u.findings)]) {
        expect(FINDING_SPECS[f.code].severities as readonly string[], `${kind}: ${f.code}`).toContain(
          f.severity,
        );
        seen.add(f.code);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});

describe("fill: the one fill-in function", () => {
  it("fills known placeholders and leaves unknown ones visible", () => {
    expect(fill("{n} trên {max}", { n: 3, max: 5 })).toBe("3 trên 5");
    expect(fill("{n} of {max}", { n: 3 })).toBe("3 of {max}");
  });
});
