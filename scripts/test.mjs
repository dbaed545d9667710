// `npm test`: every suite, then one plain closing line "N passed, N failed" over all of them.
// Suites: vitest (core, files, excel adapter on the fake host, CLI, fuzz) and the browser end-to-end run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const ci = process.env.CI === "true" || process.env.CI === "1";
// One fuzz seed for the whole run: pinned in CI, random on a developer's machine, printed to replay
// (test/support/fuzz-seed.ts has the same policy for a lone `npx vitest`).
const PINNED_CI_SEED = 20261201;
if (!/^-?\d+$/.test(process.env.PAR_FUZZ_SEED ?? "")) {
  process.env.PAR_FUZZ_SEED = String(ci ? PINNED_CI_SEED : Math.floor(Math.random() * 2 ** 31));
}
console.log(
  `fuzz seed ${process.env.PAR_FUZZ_SEED} (replay: PAR_FUZZ_SEED=${process.env.PAR_FUZZ_SEED} npm test)`,
);
mkdirSync("test-output", { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env: process.env });
  return r.status ?? 1;
}

// 0. The CLI tests run the built command line: rebuild it from the current sources (esbuild, ~1 s).
if (run("node", ["scripts/build-cli.mjs"]) !== 0) {
  failed += 1;
  notes.push("the CLI build failed");
}

// 1. vitest (both projects, unit and slow), with a JSON report to count from and the coverage of
//    src/core printed (vitest.config.ts holds the floor: below it, vitest exits non-zero).
const vitestStatus = run("npx", [
  "vitest",
  "run",
  "--coverage",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-output/vitest.json",
]);
try {
  const report = JSON.parse(readFileSync("test-output/vitest.json", "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (vitestStatus !== 0 && report.numFailedTests === 0) {
    failed += 1; // a suite that failed to load counts as a failure, not as nothing
    notes.push(
      "vitest exited non-zero (a test file failed to load, or src/core coverage fell below its floor)",
    );
  }
} catch {
  failed += 1;
  notes.push("vitest produced no report");
}

// 2. Browser end-to-end: the production task pane against the fake Excel host in Debian's chromium.
if (existsSync("test/e2e/run.mjs")) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium) && !ci) {
    skipped += 1;
    notes.push(`e2e skipped: no browser at ${chromium} (apt-get install chromium)`);
  } else {
    if (!existsSync("dist/taskpane.html") && run("npm", ["run", "build", "--silent"]) !== 0) {
      failed += 1;
      notes.push("production build failed, e2e not run");
    } else {
      const r = spawnSync("node", ["test/e2e/run.mjs"], { encoding: "utf8", env: process.env });
      process.stdout.write(r.stdout ?? "");
      process.stderr.write(r.stderr ?? "");
      const m = /^(\d+) passed, (\d+) failed/m.exec(r.stdout ?? "");
      if (m) {
        passed += Number(m[1]);
        failed += Number(m[2]);
      }
      if (!m || (r.status !== 0 && Number(m[2]) === 0)) {
        failed += 1;
        notes.push(`e2e run exited ${r.status} without a result line`);
      }
    }
  }
}

for (const n of notes) console.log(`note: ${n}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
