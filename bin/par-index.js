#!/usr/bin/env node
// Launcher: runs the CLI that `npm install` built (see scripts/build-cli.mjs). Plain JavaScript so that
// `node bin/par-index.js` and `npx par-index` work without a TypeScript loader.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const main = join(dirname(fileURLToPath(import.meta.url)), "..", "build", "cli", "main.mjs");
if (!existsSync(main)) {
  console.error(
    "par-index: chưa build CLI — hãy chạy `npm install` (hoặc `npm run build:cli`).\n" +
      "par-index: the CLI is not built yet — run `npm install` (or `npm run build:cli`).",
  );
  process.exit(2);
}
const { run } = await import(pathToFileURL(main).href);
process.exitCode = await run(process.argv.slice(2));
