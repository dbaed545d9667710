// Builds the command line into build/cli so that `node bin/par-index.js` (and `npx par-index`) runs
// right after `npm install`: package.json's "prepare" script calls this. esbuild takes a second.
import { build } from "esbuild";

await build({
  entryPoints: { main: "src/cli/main.ts", worker: "src/cli/worker.ts" },
  outdir: "build/cli",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // The small runtime dependencies go into the bundle: resolving zod's many modules from node_modules
  // cost each thread ~0.1 s at start. ExcelJS stays outside: big, and only loaded to write a workbook.
  external: ["exceljs"],
  sourcemap: true,
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
});
