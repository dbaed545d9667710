import { defineConfig } from "vitest/config";

// Slow suites (real CLI runs on generated folders, fuzzing, hostile and external files, the layout zoo)
// live in their own project: `npm run test:unit` runs the fast ones in seconds while editing, `npm test`
// runs both (and coverage).
const SLOW = [
  "test/cli/**",
  "test/reliability/pipeline-fuzz*",
  "test/zoo/**",
  "test/files/hostile*",
  "test/files/corpus*",
  "test/print/**",
  "test/parity/**",
];

export default defineConfig({
  test: {
    exclude: ["test/e2e/**", "node_modules/**"],
    environment: "node",
    testTimeout: 60_000,
    pool: "forks",
    setupFiles: ["test/support/setup.ts"],
    coverage: {
      provider: "v8",
      include: ["src/core/**"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "coverage",
      // The engine is where a missed branch becomes a wrong verdict: keep it covered.
      thresholds: { lines: 90 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          exclude: [...SLOW, "test/e2e/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "slow",
          include: SLOW.map((g) => (g.endsWith("*") ? `${g}.test.ts` : `${g}/*.test.ts`)),
        },
      },
    ],
  },
});
