import { inLang } from "../../core/i18n";
import { mkdir, rm, utimes } from "node:fs/promises";
import { basename, join } from "node:path";
import { analyseWorkbook } from "../../core/analyse";
import { diffWorkbooks } from "../../core/diff";
import { buildIntake } from "../../core/intake";
import { flattenRubric } from "../../core/rubric/tree";
import { appraisalSheetSpec } from "../../core/sheets/appraisal";
import { diffSheetSpec } from "../../core/sheets/diff";
import { intakeSheetSpec } from "../../core/sheets/intake";
import { readWorkbookFile } from "../../files/node";
import { type ResubmitChange, resubmitUnit } from "../../sample";
import { diffText } from "./diff";
import { intakeText, submissionsOf } from "./intake";
import { formatFixed } from "../../core/numbers";
import { rankUnits } from "../../core/rank";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../core/rubric/builtin";
import type { Rubric } from "../../core/rubric/schema";
import type { GeneratedUnit } from "../../sample";
import { generateUnit, generateUnits, madeUpLastYear, seedCommuneWorkbook, templateSpec } from "../../sample";
import { findingsReportSpec, type ReportUnit } from "../../core/sheets/findings-report";
import { rankingSheetSpec } from "../../core/sheets/ranking";
import { type Lang, parseCommandArgs, refuseExtraArguments } from "../args";
import { writeSpecsTo, writeTextTo } from "../output";
import { findingLines, summarise, summaryLine } from "../render";
import { analyseInputs } from "../run-files";
import { surveyMaxOf } from "../../core/survey";
import { demoAsset, loadSurvey, rankInputs, rankingText } from "./rank";
import { rubricLabel } from "../../core/rubric/identity";

/**
 * `npm run demo`: what par-index does, on bundled sample data, with no arguments. Writes a blank
 * template and a dozen made-up unit workbooks (some with planted mistakes, one that is not a workbook
 * at all), validates them, scores them and builds the ranking against a made-up last year.
 */
export default async function demo(argv: string[], lang: Lang): Promise<number> {
  // No --count: the demo's story is fixed (the seed commune, eleven made-up units, the one that resubmits,
  // the survey naming them); `par-index sample --count N` makes as many units as wanted.
  const { values, positionals } = parseCommandArgs(argv, { out: { type: "string" } });
  refuseExtraArguments(positionals, 0, {
    vi: "par-index demo [--out thư-mục]",
    en: "par-index demo [--out folder]",
  });
  const out = values.out ?? "demo-output";
  const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
  const say = (vi: string, en: string) => console.log(inLang(lang, { vi, en }));
  const unitsDir = join(out, "units");
  await mkdir(unitsDir, { recursive: true });

  say(
    `1. Bộ chỉ số ví dụ "${rubric.name}" → biểu mẫu trống ${join(out, "bieu-mau-trong.xlsx")}`,
    `1. Example rubric "${rubric.nameEn ?? rubric.name}" → blank template ${join(out, "bieu-mau-trong.xlsx")}`,
  );
  await writeSpecsTo(join(out, "bieu-mau-trong.xlsx"), [templateSpec(rubric, { appraisal: 1 })]);

  // The unit that resubmits in round 2: generated from options the resubmission repeats.
  const resubmitting = { seed: 2024, index: 11, appraisal: 1 as const };
  const units = [
    seedCommuneWorkbook(),
    ...generateUnits(rubric, { count: 11, seed: 2024, appraisal: 1, defectRate: 0.4, variantRate: 0.4 }),
    generateUnit(rubric, resubmitting),
  ];
  for (const u of units) await writeSpecsTo(join(unitsDir, u.fileName), u.sheets);
  // Round 2's resubmission, left by a previous run of the demo: round 1 starts without it, every time.
  await rm(resubmissionPath(unitsDir, units[units.length - 1]), { force: true });
  // A unit that sent the wrong file: the batch must say so and go on.
  await writeTextTo(join(unitsDir, "Xa-Gui-Nham-Tep.xlsx"), "STT;Nội dung;Điểm\n1;Chỉ đạo điều hành;16\n");
  say(
    `2. ${units.length + 1} biểu chấm điểm mẫu (dữ liệu giả lập) trong ${unitsDir}, có lỗi cài sẵn và một tệp gửi nhầm.`,
    `2. ${units.length + 1} sample scoring workbooks (made-up data) in ${unitsDir}, with planted mistakes and one wrong file.`,
  );

  const survey = await demoSurvey(rubric, lang, say);

  const { files, results } = await analyseInputs([unitsDir], {
    rubric,
    lang,
    survey,
    label: inLang(lang, { vi: "Đang kiểm tra", en: "Validating" }),
  });
  await showValidation(results, files, out, rubric, lang);

  const inputs = rankInputs(results);
  // A made-up last year, so the change columns have something to say: this year's groups, scores nudged.
  const thisYear = rankUnits(inputs, { rubric, by: "final" });
  const prevUnits = madeUpLastYear(thisYear, rubric.precision);
  // Recorded like a real ranking's JSON: its basis and scale, so the comparison need not assume them.
  const previous = {
    year: rubric.year - 1,
    basis: thisYear.basis,
    scoreMax: thisYear.scoreMax,
    rubricId: rubric.id,
    units: prevUnits,
  };
  await writeTextTo(join(out, "xep-hang-nam-truoc.json"), `${JSON.stringify(previous, null, 2)}\n`);
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
  await secondRound(out, unitsDir, rubric, units[units.length - 1], resubmitting, lang);
  say(
    "Thử tiếp: npx par-index validate demo-output/units --report bao-cao.xlsx  ·  npx par-index rank demo-output/units -o xep-hang.xlsx --previous demo-output/xep-hang-nam-truoc.json  ·  npx par-index intake demo-output/units --expected demo-output/danh-sach-don-vi.json  ·  npx par-index appraisal demo-output/units -o demo-output/tham-dinh",
    "Next: npx par-index validate demo-output/units --report report.xlsx  ·  npx par-index rank demo-output/units -o ranking.xlsx --previous demo-output/xep-hang-nam-truoc.json  ·  npx par-index intake demo-output/units --expected demo-output/danh-sach-don-vi.json  ·  npx par-index appraisal demo-output/units -o demo-output/tham-dinh",
  );
  return 0;
}

/** Step 3 of the demo: each unit's verdict, the details of one flawed unit, and the report written. */
async function showValidation(
  results: Awaited<ReturnType<typeof analyseInputs>>["results"],
  files: Awaited<ReturnType<typeof analyseInputs>>["files"],
  out: string,
  rubric: Rubric,
  lang: Lang,
): Promise<void> {
  const say = (vi: string, en: string) => console.log(inLang(lang, { vi, en }));
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
        `   ${e ? "✗" : "✓"} ${u.unit.padEnd(24)} ${inLang(lang, { vi: "chỉ số", en: "index" })} ${(index === null ? "–" : formatFixed(index, rubric.precision, lang)).padStart(6)}  ${e} ${inLang(lang, { vi: "lỗi", en: "errors" })}, ${w} ${inLang(lang, { vi: "cảnh báo", en: "warnings" })}`,
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
        { lang, rubric: rubricLabel(rubric) },
      ),
    ],
    files,
  );
  say(`   Báo cáo kiểm tra: ${reportPath}`, `   Validation report: ${reportPath}`);
}

/**
 * Round 2 of the appraisal: one unit resubmits after being asked to explain ("giải trình, bổ sung") —
 * laid out differently, one score changed, evidence rewritten, an explanation added. The demo shows its
 * diff against the first version, the intake of the whole folder (the resubmission is the newer of two
 * files; one listed unit never sent anything) and the appraisal sheet that goes back to the unit.
 */
async function secondRound(
  out: string,
  unitsDir: string,
  rubric: Rubric,
  first: GeneratedUnit,
  options: { seed: number; index: number; appraisal: 1 },
  lang: Lang,
): Promise<void> {
  const say = (vi: string, en: string) => console.log(inLang(lang, { vi, en }));
  const leaves = flattenRubric(rubric).filter((i) => i.isLeaf && i.kind === "scored");
  const inArea = (n: number) => leaves.find((i) => i.path[0] === rubric.items[n]?.code) ?? leaves[n];
  const raised = inArea(1);
  const was = first.truth.scores[raised.code]?.self ?? 0;
  const changes: ResubmitChange[] = [
    { item: inArea(0).code, evidence: `Kế hoạch số 15/KH-UBND ngày 20/01/${rubric.year} (bổ sung)` },
    { item: raised.code, self: was < raised.max ? raised.max : raised.max / 2 },
    { item: inArea(2).code, explanation: "Đã bổ sung văn bản theo yêu cầu của Tổ thẩm định" },
  ];
  const again = resubmitUnit(rubric, options, changes, ["moved-header", "inserted-column"]);
  const firstFile = join(unitsDir, first.fileName);
  const newFile = resubmissionPath(unitsDir, first);
  await writeSpecsTo(newFile, again.unit.sheets, [firstFile]);
  // The first version was sent an hour earlier: the intake counts the newer file.
  const hourAgo = (Date.now() - 3_600_000) / 1000;
  await utimes(firstFile, hourAgo, hourAgo);
  say(
    `5. Vòng 2: ${first.name} nộp lại ${basename(newFile)} (bố cục khác, ${changes.length} ô thay đổi). So sánh với bản trước:`,
    `5. Round 2: ${first.name} resubmits ${basename(newFile)} (another layout, ${changes.length} cells changed). Compared with the first version:`,
  );
  const [oldWb, newWb] = await Promise.all([readWorkbookFile(firstFile), readWorkbookFile(newFile)]);
  const diff = diffWorkbooks(oldWb, newWb, { rubric });
  console.log(
    diffText(diff, rubric.precision, lang)
      .map((l) => `   ${l}`)
      .join("\n"),
  );
  const diffPath = join(out, "so-sanh-ban-nop-lai.xlsx");
  await writeSpecsTo(
    diffPath,
    [diffSheetSpec(diff, { precision: rubric.precision, lang, rubric: rubricLabel(rubric) })],
    [firstFile, newFile],
  );
  say(`   Đã ghi ${diffPath}`, `   Written to ${diffPath}`);

  const { files, results } = await analyseInputs([unitsDir], {
    rubric,
    lang,
    label: inLang(lang, { vi: "Đang tiếp nhận", en: "Taking in" }),
  });
  const expected = [...new Set(results.flatMap((r) => r.units.map((u) => u.unit)))];
  expected.push("Xã Chưa Nộp Bài");
  const listPath = join(out, "danh-sach-don-vi.json");
  await writeTextTo(listPath, `${JSON.stringify(expected, null, 2)}\n`);
  const submissions = results.flatMap(submissionsOf);
  const intake = buildIntake(
    expected.map((unit) => ({ unit, where: basename(listPath) })),
    submissions,
  );
  const intakePath = join(out, "tiep-nhan.xlsx");
  const paths = new Map(files.map((f) => [basename(f), `units/${basename(f)}`]));
  await writeSpecsTo(
    intakePath,
    [intakeSheetSpec(intake, { precision: rubric.precision, paths, lang, rubric: rubricLabel(rubric) })],
    files,
  );
  say(`6. Tiếp nhận (danh sách ${listPath}):`, `6. Intake (list ${listPath}):`);
  console.log(
    intakeText(intake, rubric.precision, lang)
      .map((l) => `   ${l}`)
      .join("\n"),
  );
  say(`   Đã ghi ${intakePath}`, `   Written to ${intakePath}`);

  const [unit] = analyseWorkbook(newWb, { rubric, source: basename(newFile) }).units;
  if (!unit) return;
  const peers = results.flatMap((r) => r.units.map((u) => u.score));
  const appraisalPath = join(
    out,
    "tham-dinh",
    `${first.fileName.replace(/\.xlsx$/, "")} - Ket qua tham dinh.xlsx`,
  );
  await writeSpecsTo(
    appraisalPath,
    [appraisalSheetSpec(unit, { peers, lang, rubric: rubricLabel(rubric) })],
    files,
  );
  say(
    `7. Kết quả thẩm định gửi lại ${unit.unit} (mất điểm ở đâu, so với bình quân ${peers.length} đơn vị): ${appraisalPath}`,
    `7. Appraisal result sent back to ${unit.unit} (where points were lost, against the average of ${peers.length} units): ${appraisalPath}`,
  );
}

/** Where round 2 writes the unit's second version ("… (bo sung).xlsx", as units name a supplement). */
function resubmissionPath(unitsDir: string, unit: GeneratedUnit): string {
  return join(unitsDir, unit.fileName.replace(/\.xlsx$/, " (bo sung).xlsx"));
}

/**
 * The province's survey scores, as secretariats receive them: exported from Vietnamese Excel (";",
 * decimal comma, Windows-1258) and from English Excel (",", decimal point, quoted names with commas).
 * Both must read to the same scores (the demo says whether they do); the demo ranks with the first.
 */
async function demoSurvey(rubric: Rubric, lang: Lang, say: (vi: string, en: string) => void) {
  const survey = await loadSurvey(demoAsset("dieu-tra-xhh-2024-excel-vi.csv"), surveyMaxOf(rubric), lang);
  const surveyEn = await loadSurvey(demoAsset("survey-2024-excel-en.csv"), surveyMaxOf(rubric), lang);
  const same =
    survey.length === surveyEn.length &&
    survey.every((r) => surveyEn.some((e) => e.unit === r.unit && e.score === r.score));
  say(
    `   Điểm điều tra xã hội học: ${survey.length} đơn vị từ tệp CSV kiểu Excel tiếng Việt (;, dấu phẩy thập phân), ${surveyEn.length} từ tệp kiểu tiếng Anh — ${same ? "đọc ra cùng điểm" : "KHÁC NHAU"}.`,
    `   Social-survey scores: ${survey.length} units from a Vietnamese-Excel CSV (;, decimal comma), ${surveyEn.length} from an English one — ${same ? "the same scores" : "DIFFERENT"}.`,
  );
  return survey;
}
