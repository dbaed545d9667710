import { basename } from "node:path";
import type { Text } from "../core/finding";
import { importRubricFromWorkbook } from "../core/rubric/import";
import type { Rubric } from "../core/rubric/schema";
import { FileReadError } from "../files/errors";
import { readWorkbookFile } from "../files/node";
import { UsageError } from "./args";

export interface ImportedRubric {
  rubric: Rubric;
  /** What could not be understood, for the user to check (the rubric was still built). */
  warnings: Text[];
}

/** A province's blank template → rubric; a template that yields no valid rubric is a usage error naming why. */
export async function importRubricFile(
  path: string,
  meta: Parameters<typeof importRubricFromWorkbook>[1] = {},
): Promise<ImportedRubric> {
  let wb: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    wb = await readWorkbookFile(path);
  } catch (e) {
    if (e instanceof FileReadError) throw new UsageError(e.text);
    throw e;
  }
  const result = importRubricFromWorkbook(wb, meta);
  const where = (p: (typeof result.problems)[number]): Text => ({
    vi: `${basename(path)}${p.sheet ? ` › ${p.sheet}` : ""}${p.address ? ` › ${p.address}` : ""}: ${p.message.vi}`,
    en: `${basename(path)}${p.sheet ? ` › ${p.sheet}` : ""}${p.address ? ` › ${p.address}` : ""}: ${p.message.en}`,
  });
  const warnings = result.problems.map(where);
  if (!result.rubric) {
    throw new UsageError({
      vi: `Không nhập được bộ chỉ số từ ${path}:\n  ${warnings.map((w) => w.vi).join("\n  ") || "không tìm thấy bảng chỉ số."}`,
      en: `Could not import a rubric from ${path}:\n  ${warnings.map((w) => w.en).join("\n  ") || "no rubric table found."}`,
    });
  }
  return { rubric: result.rubric, warnings };
}
