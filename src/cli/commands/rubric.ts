import { inLang } from "../../core/i18n";
import { basename, extname } from "node:path";
import { fold } from "../../core/fold";
import { flattenRubric, scaleMax } from "../../core/rubric/tree";
import { type Lang, parseCommandArgs, refuseExtraArguments, UsageError } from "../args";
import { writeTextTo } from "../output";
import { importRubricFile } from "../rubric-import";
import { checkOutputPath } from "../safe-write";

/**
 * `par-index rubric import template.xlsx -o rubric.json [--id …] [--year N] [--province …] [--force]`:
 * a province's blank template becomes a rubric JSON that every other command takes with --rubric.
 * An existing -o file is replaced only with `--force`, and never the template being read.
 */
const USAGE = {
  vi: "par-index rubric import mẫu.xlsx -o rubric.json [--id mã] [--year N] [--province tên]",
  en: "par-index rubric import template.xlsx -o rubric.json [--id id] [--year N] [--province name]",
};

export default async function rubric(argv: string[], lang: Lang): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "import") throw new UsageError({ vi: `Cách dùng: ${USAGE.vi}`, en: `Usage: ${USAGE.en}` });
  const { values, positionals } = parseCommandArgs(rest, {
    output: { type: "string", short: "o" },
    id: { type: "string" },
    year: { type: "string" },
    province: { type: "string" },
    name: { type: "string" },
    force: { type: "boolean" },
  });
  const file = positionals[0];
  refuseExtraArguments(positionals, 1, USAGE);
  if (!file) throw new UsageError({ vi: "Thiếu tệp mẫu .xlsx.", en: "Missing the template .xlsx file." });
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) {
    throw new UsageError({
      vi: `--year phải là số năm (nhận "${values.year}").`,
      en: `--year must be a year (got "${values.year}").`,
    });
  }
  const existing = values.force ? "replace" : "refuse";
  // Refused before the import: a wrong -o should not cost the user the import's warnings first.
  if (values.output) await checkOutputPath(values.output, { existing });
  const id = values.id ?? slug(basename(file, extname(file)));
  const { rubric: imported, warnings } = await importRubricFile(file, {
    id,
    ...(year !== undefined ? { year } : {}),
    ...(values.province ? { province: values.province } : {}),
    ...(values.name ? { name: values.name } : {}),
  });
  for (const w of warnings) console.error(`! ${w[lang]}`);
  const json = `${JSON.stringify(imported, null, 2)}\n`;
  if (values.output) await writeTextTo(values.output, json, { existing });
  else process.stdout.write(json);
  const flat = flattenRubric(imported);
  const summary = inLang(lang, {
    vi: `Bộ chỉ số "${imported.name}": ${flat.filter((i) => i.level === 1).length} lĩnh vực, ${flat.filter((i) => i.isLeaf).length} tiêu chí thành phần, thang ${scaleMax(imported)} điểm${warnings.length ? `, ${warnings.length} điểm cần xem lại` : ""}.`,
    en: `Rubric "${imported.name}": ${flat.filter((i) => i.level === 1).length} areas, ${flat.filter((i) => i.isLeaf).length} sub-criteria, ${scaleMax(imported)}-point scale${warnings.length ? `, ${warnings.length} points to review` : ""}.`,
  });
  console.error(summary);
  return 0;
}

function slug(name: string): string {
  const s = fold(name)
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return /^[a-z0-9]/.test(s) ? s : `rubric-${s || "imported"}`;
}
