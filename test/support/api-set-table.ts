/**
 * The fake host's member → requirement-set table ("Range.getMergedAreasOrNullObject" → "1.13"), extracted
 * at test time from `@types/office-js` (office-api-sets.ts) and cached in test-output/ keyed by the type
 * file's size and date, so only the first test run on a machine pays the ~4 s parse. Installed by the test
 * setup as `globalThis.__PAR_API_SETS__`, read lazily by the fake host (test/fake-excel/host.ts); the e2e
 * run hands the same table to the browser.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { excelApiSets, officeDtsPath } from "./office-api-sets";

/** "1.9" for ExcelApi members; "ExcelApiDesktop 1.1" etc. for the sets only some hosts have. */
export type ApiSetTable = Record<string, string>;

const CACHE = resolve(dirname(fileURLToPath(import.meta.url)), "../../test-output/office-api-sets.json");

export function apiSetTable(): ApiSetTable {
  const dts = officeDtsPath();
  const { size, mtimeMs } = statSync(dts);
  const key = `${size}:${Math.round(mtimeMs)}`;
  try {
    const cached = JSON.parse(readFileSync(CACHE, "utf8")) as { key: string; table: ApiSetTable };
    if (cached.key === key) return cached.table;
  } catch {
    // no cache yet, or a broken one: extract again
  }
  const table: ApiSetTable = {};
  for (const [member, set] of excelApiSets(dts))
    table[member] = set.name === "ExcelApi" ? set.version : `${set.name} ${set.version}`;
  mkdirSync(join(CACHE, ".."), { recursive: true });
  // Written aside then renamed: test files running in parallel never read half a cache.
  const tmp = `${CACHE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ key, table }));
  renameSync(tmp, CACHE);
  return table;
}

/** Defines `globalThis.__PAR_API_SETS__`, computed on first read. */
export function installApiSetTable(): void {
  let table: ApiSetTable | null = null;
  Object.defineProperty(globalThis, "__PAR_API_SETS__", {
    configurable: true,
    get: () => {
      table ??= apiSetTable();
      return table;
    },
  });
}
