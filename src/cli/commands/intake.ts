import { submissionsOfFile } from "../../app/submissions";
import { inLang } from "../../core/i18n";
import { basename, dirname, extname, relative, resolve, sep } from "node:path";
import {
  buildIntake,
  type ExpectedList,
  expectedUnitsFromCsv,
  type Intake,
  type IntakeSubmission,
  readExpectedUnits,
  STATUS_TEXT,
  sortIntakeRows,
} from "../../core/intake";
import { formatFixed } from "../../core/numbers";
import { parseAnnex } from "../../core/sheets/annex";
import { intakeSheetSpec } from "../../core/sheets/intake";
import { FileReadError } from "../../files/errors";
import type { FileResult } from "../analyse-file";
import { analysedFile } from "../file-result";
import { columnsOption, type Lang, parseCommandArgs, UsageError } from "../args";
import { writeSpecsTo } from "../output";
import { noteSkipped } from "../render";
import { resolveRubric } from "../rubric-arg";
import { analyseInputs } from "../run-files";
import { readSideJson, readSideText, readSideWorkbook, refuseOverCount } from "../side-file";
import { rubricLabel } from "../../core/rubric/identity";

/**
 * A province has at most a few hundred units, the whole country some three thousand communes since 2025:
 * more is no list of units, and the intake sheet's writer needs seconds per thousand rows.
 */
export const MAX_EXPECTED_UNITS = 5_000;

/** The list's text, refused before it is parsed when it has more lines than the limit allows (header and a title included). */
function linesWithin(path: string, text: string): string {
  let lines = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
  refuseOverCount(path, "expected", lines, MAX_EXPECTED_UNITS + 50);
  return text;
}

/**
 * `par-index intake <files|folders…> [--expected units.xlsx|csv|json|last-year-ranking] [-o intake.xlsx]
 * [--json] [--rubric …] [--annex "Phụ lục 01|…"] [--signature "NGƯỜI LẬP BIỂU|TM. …|…, ngày …"]`: who has submitted, who has not, which files cannot be read, who sent two.
 * Exit 1 when a unit is missing, a file is unreadable or belongs to no unit on the list.
 */
export default async function intake(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    expected: { type: "string" },
    output: { type: "string", short: "o" },
    json: { type: "boolean" },
    rubric: { type: "string" },
    columns: { type: "string" },
    annex: { type: "string" },
    signature: { type: "string" },
  });
  // The user's column corrections, as validate, score and rank take them: checked before any file is read.
  const columns = columnsOption(values.columns);
  // The annex block (issue #26): only the user's text, checked before any file is read.
  const annex = parseAnnex(values.annex, values.signature);
  if (annex.problem) throw new UsageError(annex.problem);
  const rubric = await resolveRubric(values.rubric, false, lang);
  // The list first: a typo in its name should fail at once, not after reading every submission.
  const expected = values.expected ? await loadExpected(values.expected) : null;
  // A list without units stops the run with its first problem, printed once (as the error), not twice.
  if (expected && expected.units.length === 0) {
    for (const p of expected.problems.slice(1)) console.error(`! ${p[lang]}`);
    throw new UsageError(
      expected.problems[0] ?? {
        vi: `${values.expected}: danh sách không có đơn vị nào.`,
        en: `${values.expected}: the list names no unit.`,
      },
    );
  }
  for (const p of expected?.problems ?? []) console.error(`! ${p[lang]}`);
  const { files, results } = await analyseInputs(positionals, {
    rubric,
    columns,
    lang,
    label: inLang(lang, { vi: "Đang tiếp nhận", en: "Taking in" }),
  });
  noteSkipped(results, lang);
  const submissions = results.flatMap(submissionsOf);
  const result = buildIntake(expected?.units ?? null, submissions);
  const precision = rubric?.precision ?? 2;
  if (values.output) {
    const from = dirname(resolve(values.output));
    const paths = new Map(files.map((f) => [basename(f), relative(from, f).split(sep).join("/")]));
    await writeSpecsTo(
      values.output,
      [intakeSheetSpec(result, { precision, paths, lang, annex: annex.annex, rubric: rubricLabel(rubric) })],
      files,
    );
  }
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(intakeText(result, precision, lang).join("\n"));
    if (values.output)
      console.log(
        inLang(lang, {
          vi: `Đã ghi bảng tiếp nhận: ${values.output}`,
          en: `Intake written to ${values.output}`,
        }),
      );
  }
  const c = result.counts;
  return c.missing + c.unreadable + c["not-on-list"] > 0 ? 1 : 0;
}

/** Every unit sheet of the file as a submission, through the one rule of src/app. */
export function submissionsOf(r: FileResult): IntakeSubmission[] {
  return submissionsOfFile(analysedFile(r));
}

/** The expected units from a workbook (a list or last year's ranking), a CSV list, or JSON. */
async function loadExpected(path: string): Promise<ExpectedList> {
  const ext = extname(path).toLowerCase();
  const name = basename(path);
  try {
    // Size-checked before reading, the encoding detected (side-file.ts); the count bounded after.
    const list =
      ext === ".json"
        ? readExpectedUnits(readSideJson(path, "expected"), name)
        : ext === ".csv" || ext === ".txt"
          ? expectedUnitsFromCsv(linesWithin(path, readSideText(path, "expected")), name)
          : readExpectedUnits(await readSideWorkbook(path, "expected"), name);
    refuseOverCount(path, "expected", list.units.length, MAX_EXPECTED_UNITS);
    return list;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof FileReadError) throw new UsageError(e.text);
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError({ vi: `Không đọc được ${path}: ${why}`, en: `Cannot read ${path}: ${why}` });
  }
}

export function intakeText(result: Intake, precision: number, lang: Lang): string[] {
  const f = (x: number | null | undefined) =>
    x === null || x === undefined ? "–" : formatFixed(x, precision, lang);
  const c = result.counts;
  const out = [
    inLang(lang, {
      vi: `Đã nhận ${c.received}, chưa nộp ${c.missing}, không đọc được ${c.unreadable}, nộp trùng ${c.duplicate}, không có trong danh sách ${c["not-on-list"]}.`,
      en: `Received ${c.received}, missing ${c.missing}, unreadable ${c.unreadable}, duplicate ${c.duplicate}, not on the list ${c["not-on-list"]}.`,
    }),
  ];
  for (const r of sortIntakeRows(result.rows)) {
    const s = r.submission;
    const figures =
      s && !s.error
        ? `  ${f(s.selfTotal).padStart(7)}  ${s.errors} ${inLang(lang, { vi: "lỗi", en: "errors" })}, ${s.warnings} ${inLang(lang, { vi: "cảnh báo", en: "warnings" })}, ${s.missingEvidence} ${inLang(lang, { vi: "thiếu TLKC", en: "missing evidence" })}`
        : "";
    out.push(`  ${STATUS_TEXT[r.status][lang].padEnd(22)} ${r.unit.padEnd(28)} ${s?.file ?? ""}${figures}`);
    if (r.note) out.push(`      ${r.note[lang]}`);
  }
  for (const p of result.problems) out.push(`! ${p[lang]}`);
  return out;
}
