import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnits, unitWorkbook } from "../../src/sample";

/**
 * Golden digests: what the engine says about a fixed set of generated unit workbooks (with and without a
 * rubric, clean and with planted defects, 0–2 appraisal rounds, layout variants) — every finding, the
 * recognised table, the entries and the score — hashed per unit and kept in digests.json. A change that
 * claims "behaviour unchanged" must leave this file as it is; a change that means to alter a verdict
 * regenerates it (`UPDATE_GOLDEN=1 npx vitest run test/golden`) and the diff shows which units moved.
 */
const FILE = join(__dirname, "digests.json");
const RUBRICS = ["example-commune-2024", "example-agency-2024"];

function stable(value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [stable(k), stable(v)]);
  if (value instanceof Set) return [...value].map(stable);
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = stable((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

const hash = (value: unknown) =>
  createHash("sha256")
    .update(JSON.stringify(stable(value)))
    .digest("hex")
    .slice(0, 16);

function currentDigests(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of RUBRICS) {
    const rubric = builtinRubric(id) as Rubric;
    for (const appraisal of [0, 1, 2] as const) {
      const units = generateUnits(rubric, {
        count: 12,
        seed: 7 + appraisal,
        appraisal,
        defectRate: 0.6,
        variantRate: 0.5,
      });
      for (const [i, unit] of units.entries()) {
        const wb = unitWorkbook(unit);
        for (const withRubric of [true, false]) {
          const a = analyseWorkbook(wb, { rubric: withRubric ? rubric : null, source: wb.source });
          const key = `${id}/r${appraisal}/${i}/${withRubric ? "rubric" : "own"}`;
          out[key] = hash({
            findings: a.findings,
            units: a.units.map((u) => ({
              unit: u.unit,
              unitFrom: u.unitFrom,
              sheet: u.sheet,
              table: u.table,
              findings: u.findings,
              entries: u.entries,
              score: u.score,
            })),
          });
        }
      }
    }
  }
  return out;
}

describe("golden digests of the engine's verdicts", () => {
  it("match digests.json (regenerate on purpose with UPDATE_GOLDEN=1)", () => {
    const now = currentDigests();
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(FILE)) {
      if (process.env.CI === "true") throw new Error("digests.json is missing or being regenerated in CI");
      writeFileSync(FILE, `${JSON.stringify(now, null, 2)}\n`);
    }
    const kept = JSON.parse(readFileSync(FILE, "utf8")) as Record<string, string>;
    const changed = Object.keys({ ...kept, ...now }).filter((k) => kept[k] !== now[k]);
    expect(changed, `${changed.length} of ${Object.keys(now).length} units changed`).toEqual([]);
    expect(Object.keys(now).length).toBe(2 * 3 * 12 * 2);
  });
});
