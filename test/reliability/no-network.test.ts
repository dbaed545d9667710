import dns from "node:dns";
import { readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { rankUnits } from "../../src/core/rank";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnits } from "../../src/sample/generate";
import { rankingSheetSpec } from "../../src/core/sheets/ranking";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";

/**
 * Unit workbooks hold officials' names and internal documents: core and files must never reach the
 * network. Two proofs: no network API is named in their source, and a full run with every network
 * entry point of Node and the web platform booby-trapped completes without touching one.
 */
const NETWORK_NAMES =
  /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\s*\(|from\s+["'](node:)?(http|https|net|dns|tls|dgram|http2)["']/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe("no network in core and files", () => {
  it("names no network API in the source", () => {
    const offenders = ["src/core", "src/files"]
      .flatMap(sourceFiles)
      .filter((f) => NETWORK_NAMES.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  const attempts: string[] = [];
  const saved = {
    fetch: globalThis.fetch,
    connect: net.Socket.prototype.connect,
    lookup: dns.lookup,
  };
  beforeAll(() => {
    const trap = (what: string) =>
      function trapped(): never {
        attempts.push(what);
        throw new Error(`network call attempted: ${what}`);
      };
    globalThis.fetch = trap("fetch") as typeof fetch;
    net.Socket.prototype.connect = trap("net.connect") as typeof net.Socket.prototype.connect;
    (dns as { lookup: unknown }).lookup = trap("dns.lookup");
  });
  afterAll(() => {
    globalThis.fetch = saved.fetch;
    net.Socket.prototype.connect = saved.connect;
    (dns as { lookup: unknown }).lookup = saved.lookup;
  });

  it("generates, writes, reads, validates, scores and ranks with the network trapped", async () => {
    const rubric = builtinRubric("example-commune-2024") as Rubric;
    const units = generateUnits(rubric, { count: 3, seed: 7 });
    const analysed = [];
    for (const u of units) {
      const bytes = await writeWorkbook(u.sheets);
      const wb = readWorkbook(bytes, u.fileName);
      analysed.push(...analyseWorkbook(wb, { rubric, source: u.fileName }).units);
    }
    expect(analysed).toHaveLength(3);
    const ranking = rankUnits(
      analysed.map((a) => ({ unit: a.unit, source: a.unit, sheet: a.sheet, score: a.score, errors: 0 })),
      { rubric, by: "final" },
    );
    const bytes = await writeWorkbook([rankingSheetSpec(ranking, rubric)]);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(attempts).toEqual([]);
  });
});
