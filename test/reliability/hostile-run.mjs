// Runs the built command line on one file in this process and reports, as the last line on stderr, the
// time it took and the process's peak resident memory: the hostile-file test and the bench start one of
// these per file (with a capped heap), so that each file's cost is measured alone and a file that took
// the process down would fail only its own test.
import { pathToFileURL } from "node:url";

const [, , cli, ...args] = process.argv;
const { run } = await import(pathToFileURL(cli).href);
const start = performance.now();
const code = await run(args);
const ms = performance.now() - start;
// maxRSS is in kilobytes.
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stderr.write(`\n@@measure ${JSON.stringify({ code, ms, rssMb })}\n`);
process.exitCode = code;
