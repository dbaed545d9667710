import { inLang } from "../../core/i18n";
import { templateSpec } from "../../sample/template";
import { type Lang, parseCommandArgs, refuseExtraArguments, UsageError } from "../args";
import { writeSpecsTo } from "../output";
import { resolveRubric } from "../rubric-arg";

/**
 * `par-index template --rubric <id|file> -o blank.xlsx [--appraisal] [--force]`: the blank workbook a
 * province sends out. An existing file is replaced only with `--force` (and never the rubric it reads).
 */
export default async function template(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    rubric: { type: "string" },
    output: { type: "string", short: "o" },
    appraisal: { type: "boolean" },
    force: { type: "boolean" },
  });
  refuseExtraArguments(positionals, 0, {
    vi: "par-index template --rubric <mã|tệp> -o blank.xlsx [--appraisal] [--force]",
    en: "par-index template --rubric <id|file> -o blank.xlsx [--appraisal] [--force]",
  });
  if (!values.output) {
    throw new UsageError({
      vi: "Thiếu -o <tệp.xlsx> (nơi ghi biểu mẫu).",
      en: "Missing -o <file.xlsx> (where to write the template).",
    });
  }
  const rubric = await resolveRubric(values.rubric, false, lang);
  if (!rubric) return 2;
  await writeSpecsTo(values.output, [templateSpec(rubric, { appraisal: values.appraisal ? 1 : 0 })], [], {
    existing: values.force ? "replace" : "refuse",
  });
  console.log(
    inLang(lang, {
      vi: `Đã ghi biểu mẫu trống ${values.output} (${rubric.id}).`,
      en: `Wrote blank template ${values.output} (${rubric.id}).`,
    }),
  );
  return 0;
}
