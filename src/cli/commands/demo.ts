import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { formatFixed, roundTo } from "../../core/numbers";
import { rankUnits } from "../../core/rank";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../core/rubric/builtin";
import type { Rubric } from "../../core/rubric/schema";
import { generateUnits, seedCommuneWorkbook, templateSpec } from "../../sample";
import { findingsReportSpec, type ReportUnit } from "../../core/sheets/findings-report";
import { rankingSheetSpec } from "../../core/sheets/ranking";
import { type Lang, parseCommandArgs } from "../args";
import { writeSpecsTo } from "../output";
import { findingLines, summarise, summaryLine } from "../render";
import { analyseInputs } from "../run-files";
import { rankInputs, rankingText } from "./rank";

/**
 * `npm run demo`: what par-index does, on bundled sample data, with no arguments. Writes a blank
 * template and a dozen made-up unit workbooks (some with planted mistakes, one that is not a workbook
 * at all), validates them, scores them and builds the ranking against a made-up last year.
 */
export default async function demo(argv: string[], lang: Lang): Promise<number> {
  const { values } = parseCommandArgs(argv, { out: { type: "string" }, count: { type: "string" } });
  const out = values.out ?? "demo-output";
  const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
  const say = (vi: string, en: string) => console.log(lang === "vi" ? vi : en);
  const unitsDir = join(out, "units");
  await mkdir(unitsDir, { recursive: true });

  say(
    `1. Bộ chỉ số ví dụ "${rubric.name}" → biểu mẫu trống ${join(out, "bieu-mau-trong.xlsx")}`,
    `1. Example rubric "${rubric.nameEn ?? rubric.name}" → blank template ${join(out, "bieu-mau-trong.xlsx")}`,
  );
  await writeSpecsTo(join(out, "bieu-mau-trong.xlsx"), [templateSpec(rubric, { appraisal: 1 })]);

  const units = [
    seedCommuneWorkbook(),
    ...generateUnits(rubric, { count: 11, seed: 2024, appraisal: 1, defectRate: 0.4, variantRate: 0.4 }),
  ];
  for (const u of units) await writeSpecsTo(join(unitsDir, u.fileName), u.sheets);
  // A unit that sent the wrong file: the batch must say so and go on.
  await writeFile(join(unitsDir, "Xa-Gui-Nham-Tep.xlsx"), "STT;Nội dung;Điểm\n1;Chỉ đạo điều hành;16\n");
  say(
    `2. ${units.length + 1} biểu chấm điểm mẫu (dữ liệu giả lập) trong ${unitsDir}, có lỗi cài sẵn và một tệp gửi nhầm.`,
    `2. ${units.length + 1} sample scoring workbooks (made-up data) in ${unitsDir}, with planted mistakes and one wrong file.`,
  );

  const { files, results } = await analyseInputs([unitsDir], {
    rubric,
    lang,
    label: lang === "vi" ? "Đang kiểm tra" : "Validating",
  });
  say("3. Kiểm tra từng tệp:", "3. Validation, file by file:");
  for (const r of results) {
    const name = basename(r.file);
    if (r.units.length === 0) {
      console.log(`   ✗ ${(r.error?.message ?? r.findings[0]?.message)?.[lang] ?? name}`);
      continue;
    }
    for (const u of r.units) {
      const e = u.findings.filter((f) => f.severity === "error").length;
      const w = u.findings.filter((f) => f.severity === "warning").length;
      const index = u.score.index.final ?? u.score.indexWithoutSurvey.final;
      console.log(
        `   ${e ? "✗" : "✓"} ${u.unit.padEnd(24)} ${lang === "vi" ? "chỉ số" : "index"} ${(index === null ? "–" : formatFixed(index, rubric.precision, lang)).padStart(6)}  ${e} ${lang === "vi" ? "lỗi" : "errors"}, ${w} ${lang === "vi" ? "cảnh báo" : "warnings"}`,
      );
    }
  }
  const flawed = results.find((r) => r.units.some((u) => u.findings.some((f) => f.severity !== "info")));
  if (flawed) {
    const u = flawed.units[0];
    say(
      `   Chi tiết ${basename(flawed.file)} (${u.unit}):`,
      `   Details of ${basename(flawed.file)} (${u.unit}):`,
    );
    console.log(findingLines(u.findings, lang, "     ").slice(0, 14).join("\n"));
  }
  console.log(`   ${summaryLine(summarise(results), lang)}`);
  const reportPath = join(out, "bao-cao-kiem-tra.xlsx");
  await writeSpecsTo(
    reportPath,
    [
      findingsReportSpec(
        results.flatMap((r): ReportUnit[] =>
          r.units.length
            ? r.units.map((u) => ({ file: basename(r.file), unit: u.unit, findings: u.findings }))
            : [{ file: basename(r.file), unit: null, findings: r.findings }],
        ),
      ),
    ],
    files,
  );
  say(`   Báo cáo kiểm tra: ${reportPath}`, `   Validation report: ${reportPath}`);

  const inputs = rankInputs(results);
  // A made-up last year, so the change columns have something to say: this year's groups, scores nudged.
  const thisYear = rankUnits(inputs, { rubric, by: "final" });
  const prevUnits = thisYear.groups.flatMap((g) =>
    g.units
      .map((u, k) => ({ unit: u.unit, score: roundTo(u.score + ((k * 7) % 5) - 2.5, rubric.precision) }))
      .sort((a, b) => b.score - a.score)
      .map((u, k) => ({ ...u, rank: k + 1 })),
  );
  prevUnits.push({ unit: "Xã Đã Sáp Nhập", score: 80.5, rank: 3 });
  const previous = { year: rubric.year - 1, units: prevUnits };
  await writeFile(join(out, "xep-hang-nam-truoc.json"), `${JSON.stringify(previous, null, 2)}\n`);
  const ranking = rankUnits(inputs, { rubric, by: "final", previous });
  const rankingPath = join(out, "xep-hang.xlsx");
  await writeSpecsTo(rankingPath, [rankingSheetSpec(ranking, rubric)], files);
  say("4. Bảng xếp hạng (so với năm trước giả lập):", "4. Ranking (against a made-up last year):");
  console.log(
    rankingText(ranking, lang)
      .map((l) => `   ${l}`)
      .join("\n"),
  );
  say(`   Đã ghi ${rankingPath}`, `   Written to ${rankingPath}`);
  say(
    "Thử tiếp: npx par-index validate demo-output/units --report bao-cao.xlsx  ·  npx par-index rank demo-output/units -o xep-hang.xlsx --previous demo-output/xep-hang-nam-truoc.json",
    "Next: npx par-index validate demo-output/units --report report.xlsx  ·  npx par-index rank demo-output/units -o ranking.xlsx --previous demo-output/xep-hang-nam-truoc.json",
  );
  return 0;
}
