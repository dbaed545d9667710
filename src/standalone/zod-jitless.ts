/**
 * zod probes `new Function("")` to decide whether to compile its object parsers, and does so when a
 * schema is built — while core/rubric/schema.ts is evaluated. Under the standalone page's CSP (no
 * 'unsafe-eval') the probe fails harmlessly but is still reported as a CSP violation. Jitless mode skips
 * the probe; it must be set before any schema module runs, so engine.ts imports this module first.
 */
import { config } from "zod";

config({ jitless: true });
