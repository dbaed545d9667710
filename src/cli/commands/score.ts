import { noUnitReason } from "../../app/rank-inputs";
import { inLang } from "../../core/i18n";
import { basename } from "node:path";
import { analysedFile } from "../file-result";
import { columnsOption, type Lang, parseCommandArgs } from "../args";
import { resolveRubric } from "../rubric-arg";
import { analyseInputs } from "../run-files";
import { scoreTable, totalsJson } from "../score-view";

/** `par-index score <files…> [--rubric …] [--json]`: just the summary table per unit. */
export default async function score(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    rubric: { type: "string" },
    columns: { type: "string" },
    json: { type: "boolean" },
  });
  const rubric = await resolveRubric(values.rubric, false, lang);
  const { results } = await analyseInputs(positionals, {
    rubric,
    columns: columnsOption(values.columns),
    lang,
    label: inLang(lang, { vi: "Đang tính điểm", en: "Scoring" }),
  });
  if (values.json) {
    const units = results.flatMap((r): Record<string, unknown>[] =>
      r.units.length
        ? r.units.map((u) => ({
            file: basename(r.file),
            unit: u.unit,
            sheet: u.sheet,
            totals: totalsJson(u.score),
          }))
        : [
            {
              file: basename(r.file),
              unit: null,
              error: r.error ?? { reason: "table-not-found", message: noUnitReason(analysedFile(r)) },
            },
          ],
    );
    const skipped = results.flatMap((r) => (r.skipped ?? []).map((x) => ({ file: basename(r.file), ...x })));
    console.log(JSON.stringify({ units, skipped }, null, 2));
  } else {
    for (const r of results) {
      if (r.units.length === 0) {
        console.log(`✗ ${basename(r.file)}: ${noUnitReason(analysedFile(r))[lang]}`);
        continue;
      }
      for (const x of r.skipped ?? []) console.log(`– ${basename(r.file)}: ${x.message[lang]}`);
      for (const u of r.units) {
        console.log(`${u.unit} (${basename(r.file)})`);
        console.log(scoreTable(u, lang).join("\n"));
      }
    }
  }
  return results.some((r) => r.error || r.units.length === 0) ? 1 : 0;
}
