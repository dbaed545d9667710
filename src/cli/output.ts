import type { SheetSpec } from "../core/sheet-spec";
import { writeWorkbook } from "../files/write-workbook";
import { checkOutputPath, type SafeWriteOptions, writeFileSafely } from "./safe-write";

/**
 * Writes a workbook the CLI produced (ranking, report, template, samples) through the safe writer: never
 * over an input of the run (however the path reaches it), atomically, and — for the commands that create
 * files — never over an existing file unless `--force`. `inputs` are checked on top of those the run noted.
 */
export async function writeSpecsTo(
  path: string,
  specs: SheetSpec[],
  inputs: readonly string[] = [],
  options: Omit<SafeWriteOptions, "inputs"> = {},
): Promise<void> {
  // Refuse before building the workbook: a wrong -o should fail at once, not after the work.
  await checkOutputPath(path, { ...options, inputs });
  const bytes = await writeWorkbook(specs);
  await writeFileSafely(path, bytes, { ...options, inputs });
}

/** A text output (rubric JSON, CSV) with the same guarantees. */
export async function writeTextTo(path: string, text: string, options: SafeWriteOptions = {}): Promise<void> {
  await writeFileSafely(path, text, options);
}
