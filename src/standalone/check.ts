/**
 * What the standalone page does with a picked file, without React and without the DOM: bytes in,
 * the same analysis as the pane and the CLI out (src/core/analyse.ts on the lean reader's snapshot),
 * then the same sheet specs as the add-in writes, rendered to .xlsx in the browser. The page imports
 * this module lazily, so the engine never weighs on a first paint.
 */
import { knownTime } from "../app/duplicates";
import { failureOf } from "../app/failure";
import { askedPart } from "../app/rank-choice";
import { rankInputsOf } from "../app/rank-inputs";
import { type SurveyOutcome, surveyMatchOf, surveyOutcomeOf, withSurveyScores } from "../app/survey";
import { type PickedFile, readSurveyFile, type SurveyFile } from "../app/survey-file";
import { analyseUnits, type WorkbookUnits } from "../app/units";
import { type Finding, type Text, unreadableFileFinding } from "../core/finding";
import type { Lang } from "../core/i18n";
import { type RankBasis, type RankInput, type Ranking, type RankPart, rankUnits } from "../core/rank";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../core/rubric/builtin";
import { rubricLabel, rubricLine } from "../core/rubric/identity";
import type { Rubric } from "../core/rubric/schema";
import type { SheetSpec } from "../core/sheet-spec";
import { type SurveyRow, surveyMaxOf } from "../core/survey";
import { findingsReportSpec } from "../core/sheets/findings-report";
import { rankingSheetSpec } from "../core/sheets/ranking";
import { RESULT_SHEET } from "../core/sheets/style";
import { unitResultSheetSpec } from "../core/sheets/unit-result";
import { readWorkbookBytes } from "../files/read-workbook-bytes";

/**
 * A browser tab holds every picked file in memory at once: a file larger than this is refused before
 * it is read (a unit's scoring workbook is a few hundred KB; 50 MB is already a workbook full of images).
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface CheckedFile {
  /** The file's name as picked (the user's own words). */
  file: string;
  /** The browser's File.lastModified (ms): the same unit picked twice is ranked from the newest copy. */
  modified: number | null;
  /** Null when the file could not be read at all; `error` says why. Every unit sheet, and the skipped ones. */
  analysis: WorkbookUnits | null;
  error: Text | null;
  /** Every finding of the file: workbook-wide ones (or the unreadable-file finding), then each unit's. */
  findings: Finding[];
  /** The rubric the file was checked against (null: its own structure); absent when it was not read. */
  rubric?: Rubric | null;
}

/**
 * Reads and analyses one file. Never throws: a bad file fails alone, with its reason as a finding.
 * @param modified The browser's File.lastModified, so duplicates are settled as the CLI settles them.
 */
export async function checkBytes(
  bytes: Uint8Array,
  file: string,
  rubric: Rubric | null,
  modified: number | null = null,
): Promise<CheckedFile> {
  try {
    if (bytes.byteLength > MAX_FILE_BYTES) return fileTooLarge(file, bytes.byteLength, modified);
    const wb = await readWorkbookBytes(bytes, file);
    // Every sheet holding a unit table counts: a consolidation workbook checks all its units at once.
    const analysis = analyseUnits(wb, { rubric, source: file });
    return {
      file,
      modified: knownTime(modified),
      analysis,
      error: null,
      findings: [...analysis.findings, ...analysis.units.flatMap((u) => u.findings)],
      rubric,
    };
  } catch (e) {
    const failure = failureOf(e, file);
    return failed(file, failure.message, failure.reason, modified);
  }
}

/** A file refused on its size alone, before its bytes are read into memory. */
export function fileTooLarge(file: string, bytes: number, modified: number | null = null): CheckedFile {
  return failed(file, tooLarge(file, bytes), "too-large", modified);
}

function tooLarge(file: string, bytes: number): Text {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
  return {
    vi: `${file}: tệp ${mb(bytes)} MB, quá lớn để kiểm tra trong trình duyệt (tối đa ${mb(MAX_FILE_BYTES)} MB). Hãy xoá hình ảnh hoặc trang thừa rồi lưu lại.`,
    en: `${file}: the file is ${mb(bytes)} MB, too large to check in the browser (at most ${mb(MAX_FILE_BYTES)} MB). Remove images or extra sheets and save it again.`,
  };
}

function failed(file: string, message: Text, reason: string, modified: number | null): CheckedFile {
  return {
    file,
    modified: knownTime(modified),
    analysis: null,
    error: message,
    findings: [unreadableFileFinding(message, reason)],
  };
}

export interface RankChoice {
  by: RankBasis;
  /** The index or the evidence part (the pane's "Cơ sở xếp hạng", the CLI's `--basis`); see app/rank-choice.ts. */
  part: RankPart;
  /** "rubric", "none" or a regular expression on folded names (see core/rank.ts). */
  groupBy: string;
  dense: boolean;
}

/**
 * The rubric a ranking is built on: the chosen one, or, when files are checked against their own
 * structure, the default built-in (areas and groups need a rubric; the page says which one it used).
 */
export function rankingRubric(rubric: Rubric | null): Rubric {
  const r = rubric ?? builtinRubric(DEFAULT_RUBRIC_ID);
  if (!r) throw new Error(`built-in rubric ${DEFAULT_RUBRIC_ID} missing`);
  return r;
}

/**
 * Every file comes back in the ranking: ranked units, or "not ranked" with the reason; the same unit
 * picked twice is ranked from the copy modified last (src/app, as the CLI does). The choice reaches core
 * as the pane's does, so the same choice ranks on the same basis as `rank --by … [--basis evidence]`.
 */
export function rankFiles(
  files: readonly CheckedFile[],
  rubric: Rubric,
  choice: RankChoice,
  survey: readonly SurveyRow[] | null = null,
): Ranking {
  const inputs = inputsOf(files, survey);
  return rankUnits(inputs, {
    rubric,
    by: choice.by,
    basis: askedPart(choice.by, choice.part),
    groupBy: choice.groupBy,
    dense: choice.dense,
    // The downloaded sheet's basis line names what this page offers, not the CLI's options.
    face: "page",
  });
}

/**
 * The ranking's inputs, each unit with its survey row scored in when a survey table was imported (the
 * page's "Nhập điểm điều tra", by the CLI's rule in app/survey.ts); the checked files stay as they were.
 */
function inputsOf(files: readonly CheckedFile[], survey: readonly SurveyRow[] | null): RankInput[] {
  return rankInputsOf(
    files.map((f) => {
      const units = f.analysis?.units ?? [];
      return {
        source: f.file,
        modified: f.modified,
        units: survey ? withSurveyScores(units, survey) : units,
        findings: f.analysis?.findings ?? f.findings,
        error: f.error,
      };
    }),
  );
}

/** The survey table against the checked files' units, as `rank --survey` reports it (app/survey.ts). */
export function surveyOfFiles(files: readonly CheckedFile[], survey: SurveyFile): SurveyOutcome {
  return surveyOutcomeOf(survey.file, survey.table, surveyMatchOf(inputsOf(files, null), survey.table.rows));
}

/**
 * The ranking card's survey table ("Nhập điểm điều tra"), read as `rank --survey` reads it: the CLI's
 * limits, scores range-checked against the survey part of the ranking's rubric.
 */
export function readSurvey(picked: PickedFile, rubric: Rubric): Promise<SurveyFile> {
  return readSurveyFile(picked, surveyMaxOf(rubric), readWorkbookBytes);
}

/**
 * The check report ("Báo cáo kiểm tra") of the given files, followed — when `results` — by one
 * "Kết quả" sheet per unit, numbered from the second on so a consolidation workbook keeps them all.
 * `lang` is the page's language: the report is written in it, as the CLI's `validate --report` and the
 * pane write theirs in the user's.
 */
export function reportSpecs(
  files: readonly CheckedFile[],
  options: { results: boolean; lang: Lang },
): SheetSpec[] {
  const units = files.flatMap((f) => [
    ...(!f.analysis || f.analysis.units.length === 0 || f.analysis.findings.length
      ? [{ file: f.file, unit: null, findings: f.analysis ? f.analysis.findings : f.findings }]
      : []),
    ...(f.analysis?.units ?? []).map((u) => ({ file: f.file, unit: u.unit, findings: u.findings })),
  ]);
  // Every written sheet names the rubric its figures come from, as the CLI's and the pane's do. Files checked
  // against different rubrics (the choice changed between picks) are each named: never one name for all.
  const read = files.filter((f) => f.analysis);
  const labels = [
    ...new Map(read.map((f) => [JSON.stringify(rubricLabel(f.rubric)), rubricLabel(f.rubric)])).values(),
  ];
  const rubric =
    labels.length === 0
      ? undefined
      : { vi: labels.map((l) => l.vi).join("; "), en: labels.map((l) => l.en).join("; ") };
  const specs = [findingsReportSpec(units, { lang: options.lang, rubric })];
  if (!options.results) return specs;
  const all = read.flatMap((f) => (f.analysis?.units ?? []).map((u) => ({ u, rubric: f.rubric })));
  all.forEach(({ u, rubric: used }, i) => {
    const spec = unitResultSheetSpec(u.unit, u.score, {
      sheet: u.sheet,
      rubric: rubricLine(rubricLabel(used), options.lang),
    });
    specs.push(i === 0 ? spec : { ...spec, name: `${RESULT_SHEET} ${i + 1}` });
  });
  return specs;
}

export function rankingSpecs(ranking: Ranking, rubric: Rubric): SheetSpec[] {
  return [rankingSheetSpec(ranking, rubric)];
}

export { writeWorkbook } from "../files/write-workbook";
