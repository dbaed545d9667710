import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseFuzzSeed, PINNED_CI_SEED } from "./fuzz-seed";

describe("the fuzz seed policy", () => {
  it("is pinned in CI, taken from PAR_FUZZ_SEED when given, random otherwise", () => {
    expect(chooseFuzzSeed({ CI: "true" })).toBe(PINNED_CI_SEED);
    expect(chooseFuzzSeed({ CI: "true", PAR_FUZZ_SEED: "42" })).toBe(42);
    expect(chooseFuzzSeed({ PAR_FUZZ_SEED: "-7" })).toBe(-7);
    const draws = new Set([1, 2, 3, 4, 5].map(() => chooseFuzzSeed({})));
    expect(draws.size).toBeGreaterThan(1);
  });

  it("is fast-check's global seed in every test file (setup.ts)", () => {
    expect(fc.readConfigureGlobal().seed).toBe(Number(process.env.PAR_FUZZ_SEED));
  });
});
