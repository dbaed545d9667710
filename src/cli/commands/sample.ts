import { inLang } from "../../core/i18n";
import { join } from "node:path";
import { generateUnits } from "../../sample/generate";
import { intOption, type Lang, parseCommandArgs, refuseExtraArguments, UsageError } from "../args";
import { writeSpecsTo } from "../output";
import { checkOutputPath } from "../safe-write";
import { resolveRubric } from "../rubric-arg";

/**
 * `par-index sample -o folder [--count N] [--seed N] [--rubric …] [--appraisal 0|1|2] [--defects] [--force]`.
 * Never replaces a file already in the folder (it may be a real unit's workbook) unless `--force`.
 */
export default async function sample(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    output: { type: "string", short: "o" },
    count: { type: "string" },
    seed: { type: "string" },
    rubric: { type: "string" },
    appraisal: { type: "string" },
    defects: { type: "boolean" },
    force: { type: "boolean" },
  });
  refuseExtraArguments(positionals, 0, {
    vi: "par-index sample -o thư-mục [--count N] [--seed N] [--rubric …] [--appraisal 0|1|2] [--defects] [--force]",
    en: "par-index sample -o folder [--count N] [--seed N] [--rubric …] [--appraisal 0|1|2] [--defects] [--force]",
  });
  if (!values.output) throw new UsageError({ vi: "Thiếu -o <thư mục>.", en: "Missing -o <folder>." });
  const count = intOption("count", values.count, 10, 1, 100_000);
  const seed = intOption("seed", values.seed, 2024, 0, 2 ** 31 - 1);
  const appraisal = intOption("appraisal", values.appraisal, 0, 0, 2) as 0 | 1 | 2;
  const rubric = await resolveRubric(values.rubric, false, lang);
  if (!rubric) return 2;
  const files = await writeSampleUnits(values.output, rubric, {
    count,
    seed,
    appraisal,
    defects: values.defects === true,
    force: values.force === true,
  });
  console.log(
    inLang(lang, {
      vi: `Đã tạo ${files.length} biểu chấm điểm mẫu trong ${values.output} (dữ liệu giả lập, không phải số liệu thật).`,
      en: `Wrote ${files.length} sample scoring workbooks to ${values.output} (made-up data, not real figures).`,
    }),
  );
  return 0;
}

export async function writeSampleUnits(
  folder: string,
  rubric: Parameters<typeof generateUnits>[0],
  options: { count: number; seed: number; appraisal: 0 | 1 | 2; defects: boolean; force?: boolean },
): Promise<string[]> {
  const units = generateUnits(rubric, {
    count: options.count,
    seed: options.seed,
    appraisal: options.appraisal,
    defectRate: options.defects ? 0.3 : 0,
  });
  const existing = options.force ? "replace" : "refuse";
  const files = units.map((u) => join(folder, u.fileName));
  // Every name is checked before the first is written: a refusal leaves the folder as it was.
  for (const path of files) await checkOutputPath(path, { existing });
  for (const [i, u] of units.entries()) await writeSpecsTo(files[i], u.sheets, [], { existing });
  return files;
}
