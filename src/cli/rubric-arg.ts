import { extname } from "node:path";
import { BUILTIN_RUBRIC_IDS, builtinRubric, DEFAULT_RUBRIC_ID } from "../core/rubric/builtin";
import { loadRubric } from "../core/rubric/load";
import type { Rubric } from "../core/rubric/schema";
import { type Lang, UsageError } from "./args";
import { readSideJson } from "./side-file";

/**
 * `--rubric` takes a built-in id, a rubric .json, or a province's blank template .xlsx (imported on the fly).
 * Absent: the default built-in rubric, unless `allowNone` (validate then uses the workbook's own structure).
 */
export async function resolveRubric(
  arg: string | undefined,
  allowNone = false,
  lang: Lang = "vi",
): Promise<Rubric | null> {
  if (!arg) return allowNone ? null : builtinRubric(DEFAULT_RUBRIC_ID);
  const builtin = builtinRubric(arg);
  if (builtin) return builtin;
  const ext = extname(arg).toLowerCase();
  if (ext === ".json") {
    // Size-checked before reading; a read or syntax error is a usage error naming the file.
    const data = readSideJson(arg, "rubric");
    const res = loadRubric(data);
    if (!res.ok) {
      throw new UsageError({
        vi: `Bộ chỉ số ${arg} không hợp lệ:\n  ${res.problems.map((p) => p.message.vi).join("\n  ")}`,
        en: `Rubric ${arg} is invalid:\n  ${res.problems.map((p) => p.message.en).join("\n  ")}`,
      });
    }
    return res.rubric;
  }
  if (ext === ".xlsx" || ext === ".xlsm") {
    const { importRubricFile } = await import("./rubric-import");
    const imported = await importRubricFile(arg);
    for (const w of imported.warnings) console.error(w[lang]);
    return imported.rubric;
  }
  throw new UsageError({
    vi: `--rubric: "${arg}" không phải mã bộ chỉ số có sẵn (${BUILTIN_RUBRIC_IDS.join(", ")}), tệp .json hay mẫu .xlsx.`,
    en: `--rubric: "${arg}" is not a built-in rubric id (${BUILTIN_RUBRIC_IDS.join(", ")}), a .json file or an .xlsx template.`,
  });
}
