import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { SheetSpec } from "../core/sheet-spec";
import { writeWorkbook } from "../files/write-workbook";
import { UsageError } from "./args";

/**
 * Writes a workbook the CLI produced (ranking, report, template, samples). Refuses to write over one of
 * the input files: a unit's workbook is never replaced by our output, whatever the user typed.
 */
export async function writeSpecsTo(
  path: string,
  specs: SheetSpec[],
  inputs: readonly string[] = [],
): Promise<void> {
  const target = resolve(path);
  if (inputs.some((f) => resolve(f) === target)) {
    throw new UsageError({
      vi: `Không ghi đè lên tệp đầu vào ${path}; hãy chọn tên tệp kết quả khác (-o).`,
      en: `Refusing to overwrite the input file ${path}; choose another output name (-o).`,
    });
  }
  const bytes = await writeWorkbook(specs);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, bytes);
}
