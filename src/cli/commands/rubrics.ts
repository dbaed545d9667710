import { inLang } from "../../core/i18n";
import { builtinRubrics } from "../../core/rubric/builtin";
import { flattenRubric, scaleMax } from "../../core/rubric/tree";
import { type Lang, parseCommandArgs, refuseExtraArguments } from "../args";

/** `par-index rubrics [--json]`: the built-in rubrics, labelled as examples. */
export default async function rubrics(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: "boolean" } });
  refuseExtraArguments(positionals, 0, {
    vi: "par-index rubrics [--json]",
    en: "par-index rubrics [--json]",
  });
  const list = builtinRubrics().map((r) => {
    const flat = flattenRubric(r);
    return {
      id: r.id,
      name: inLang(lang, { vi: r.name, en: r.nameEn ?? r.name }),
      year: r.year,
      unitLevel: r.unitLevel,
      precision: r.precision,
      areas: flat.filter((i) => i.level === 1).length,
      items: flat.filter((i) => i.isLeaf).length,
      max: scaleMax(r),
      example: r.example === true,
    };
  });
  if (values.json) {
    console.log(JSON.stringify(list, null, 2));
    return 0;
  }
  for (const r of list) {
    const tag = r.example
      ? inLang(lang, {
          vi: " [ví dụ, không phải văn bản chính thức]",
          en: " [example, not an official text]",
        })
      : "";
    console.log(`${r.id}  ${r.name}${tag}`);
    console.log(
      inLang(lang, {
        vi: `    năm ${r.year}, cấp ${r.unitLevel}, ${r.areas} lĩnh vực, ${r.items} tiêu chí thành phần, thang ${r.max} điểm, ${r.precision} chữ số thập phân`,
        en: `    year ${r.year}, level ${r.unitLevel}, ${r.areas} areas, ${r.items} sub-criteria, ${r.max}-point scale, ${r.precision} decimals`,
      }),
    );
  }
  return 0;
}
