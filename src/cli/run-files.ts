import type { Rubric } from "../core/rubric/schema";
import type { SurveyRow } from "../core/survey";
import type { FileResult } from "./analyse-file";
import type { ColumnCorrections, Lang } from "./args";
import { UsageError } from "./args";
import { runBatch } from "./batch";
import { collectInputFiles } from "../files/node";
import { FileReadError } from "../files/errors";
import { progressBar } from "./progress";

/** Files and folders from the command line → analysed results in input order, with a progress bar on batches. */
export async function analyseInputs(
  paths: string[],
  options: {
    rubric: Rubric | null;
    year?: number;
    allSheets?: boolean;
    survey?: SurveyRow[] | null;
    columns?: ColumnCorrections;
    lang: Lang;
    label: string;
  },
): Promise<{ files: string[]; results: FileResult[] }> {
  if (paths.length === 0) {
    throw new UsageError({ vi: "Chưa chỉ ra tệp hoặc thư mục nào.", en: "No files or folders given." });
  }
  let files: string[];
  try {
    files = await collectInputFiles(paths);
  } catch (e) {
    if (e instanceof FileReadError) throw new UsageError(e.text);
    throw e;
  }
  if (files.length === 0) {
    throw new UsageError({
      vi: `Không có tệp bảng tính nào trong ${paths.join(", ")}.`,
      en: `No spreadsheet files in ${paths.join(", ")}.`,
    });
  }
  const bar = progressBar(options.label);
  const results = await runBatch(
    files,
    {
      rubric: options.rubric,
      year: options.year,
      allSheets: options.allSheets,
      survey: options.survey,
      columns: options.columns,
    },
    {
      onProgress: (done, total) => bar.update(done, total),
    },
  );
  return { files, results };
}
