import { inLang } from "../../core/i18n";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { columnLetters } from "../../core/address";
import { findingsReportSpec } from "../../core/sheets/findings-report";
import type { FileResult } from "../analyse-file";
import { columnsOption, intOption, type Lang, parseCommandArgs } from "../args";
import { writeSpecsTo } from "../output";
import { findingLines, layoutLine, summarise, summaryLine, workbookLines } from "../render";
import { resolveRubric } from "../rubric-arg";
import { analyseInputs } from "../run-files";
import { scoreTable, totalsJson } from "../score-view";
import { rubricLabel } from "../../core/rubric/identity";

/**
 * `par-index validate <files|folders…> [--rubric …] [--json] [--report report.xlsx] [--year N] [--no-rubric]`
 * Exit 0 when no errors, 1 when any file has errors (or could not be read), 2 for usage errors.
 */
export default async function validate(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    rubric: { type: "string" },
    columns: { type: "string" },
    "no-rubric": { type: "boolean" },
    json: { type: "boolean" },
    report: { type: "string" },
    year: { type: "string" },
    // Accepted and ignored: every unit sheet of every workbook is always checked (see README, "Đơn vị").
    "all-sheets": { type: "boolean" },
  });
  const rubric = values["no-rubric"] ? null : await resolveRubric(values.rubric, false, lang);
  const year = values.year === undefined ? undefined : intOption("year", values.year, 0, 2000, 2100);
  const { files, results } = await analyseInputs(positionals, {
    rubric,
    columns: columnsOption(values.columns),
    year,
    lang,
    label: inLang(lang, { vi: "Đang kiểm tra", en: "Validating" }),
  });
  const summary = summarise(results);
  if (values.report) {
    const from = dirname(resolve(values.report));
    const units = results.flatMap((r) => [
      ...(r.units.length === 0 || r.findings.length
        ? [{ file: basename(r.file), unit: null, findings: r.findings }]
        : []),
      ...r.units.map((u) => ({
        file: basename(r.file),
        unit: u.unit,
        findings: u.findings,
        path: relative(from, r.file).split(sep).join("/"),
      })),
    ]);
    await writeSpecsTo(
      values.report,
      [findingsReportSpec(units, { lang, rubric: rubricLabel(rubric) })],
      files,
    );
  }
  if (values.json) {
    const skipped = results.flatMap((r) => (r.skipped ?? []).map((s) => ({ file: basename(r.file), ...s })));
    console.log(JSON.stringify({ files: results.flatMap(fileJson), skipped, summary }, null, 2));
  } else {
    for (const r of results) console.log(fileText(r, lang).join("\n"));
    console.log(summaryLine(summary, lang));
    if (values.report)
      console.log(inLang(lang, { vi: `Báo cáo: ${values.report}`, en: `Report: ${values.report}` }));
  }
  return summary.error > 0 ? 1 : 0;
}

/**
 * One JSON entry per unit found, each with its own findings; a file's workbook-wide findings (or its
 * error) come once, in an entry of their own with `unit: null` — as the report lists them.
 */
export function fileJson(r: FileResult): Record<string, unknown>[] {
  const file = basename(r.file);
  const whole =
    r.units.length === 0 || r.findings.length
      ? [
          {
            file,
            unit: null,
            sheet: null,
            headerRow: null,
            columns: {},
            totals: null,
            findings: r.findings,
            ...(r.error ? { error: r.error } : {}),
          },
        ]
      : [];
  return [
    ...whole,
    ...r.units.map((u) => ({
      file,
      unit: u.unit,
      unitFrom: u.unitFrom,
      sheet: u.sheet,
      headerRow: u.table.headerRow + 1,
      columns: Object.fromEntries(
        Object.entries(u.table.columns).map(([role, col]) => [role, columnLetters(col as number)]),
      ),
      rubric: u.rubric.id,
      totals: totalsJson(u.score),
      findings: u.findings,
    })),
  ];
}

function fileText(r: FileResult, lang: Lang): string[] {
  const name = basename(r.file);
  if (r.error) return [`✗ ${name}`, `   ${r.error.message[lang]}`];
  if (r.units.length === 0) return [`✗ ${name}`, ...findingLines(r.findings, lang)];
  // The workbook's own findings and its sheets that are not units: once, not once per unit.
  const out: string[] = workbookLines(r, lang);
  for (const u of r.units) {
    const errors = u.findings.filter((f) => f.severity === "error").length;
    out.push(
      `${errors ? "✗" : "✓"} ${name} — ${u.unit}${u.unitFrom === "file" ? inLang(lang, { vi: " (tên lấy từ tên tệp)", en: " (name from the file name)" }) : ""}`,
    );
    out.push(`   ${layoutLine(u, lang)}`);
    out.push(...scoreTable(u, lang));
    out.push(...findingLines(u.findings, lang));
  }
  return out;
}
