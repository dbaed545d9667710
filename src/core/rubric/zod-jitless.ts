/**
 * zod probes `new Function("")` to decide whether to compile its object parsers, and does so when a
 * schema is built — while schema.ts is evaluated. Under the pages' CSP (no 'unsafe-eval': the pane and
 * the standalone checker) the probe fails harmlessly but is still reported as a CSP violation. Jitless
 * mode skips the probe; it must be set before any schema is built, so schema.ts imports this module
 * first (imports run before the importing module's body). Rubrics are parsed once each: the compiled
 * parsers would save nothing measurable.
 */
import { config } from "zod";

config({ jitless: true });
