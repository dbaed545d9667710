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
  packages: "external",
  sourcemap: true,
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
});
