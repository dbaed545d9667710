import { rankInputsOf } from "../../app/rank-inputs";
import { inLang } from "../../core/i18n";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatFixed } from "../../core/numbers";
import { parsePreviousRanking, type PreviousRanking } from "../../core/previous";
import {
  groupRuleProblem,
  type RankedUnit,
  type RankInput,
  type Ranking,
  rankUnits,
  type UnrankedUnit,
  type VanishedUnit,
} from "../../core/rank";
import type { Rubric } from "../../core/rubric/schema";
import { rankingSheetSpec } from "../../core/sheets/ranking";
import {
  mergeSurvey,
  readSurveyTable,
  type SurveyRow,
  type SurveyTable,
  surveyMaxOf,
  surveyMergeProblems,
  surveyTableFromCsv,
  surveyTableFromJson,
} from "../../core/survey";
import { FileReadError } from "../../files/errors";
import { readWorkbookFile } from "../../files/node";
import type { FileResult } from "../analyse-file";
import { analysedFile } from "../file-result";
import { columnsOption, type Lang, oneOf, parseCommandArgs, UsageError } from "../args";
import { writeSpecsTo } from "../output";
import { noteSkipped } from "../render";
import { resolveRubric } from "../rubric-arg";
import { analyseInputs } from "../run-files";

/**
 * `par-index rank <files|folders…> [--rubric …] [--by self|appraised|final] [--group-by rubric|none|<regex>]
 *   [--previous last-year.xlsx|json] [--survey survey.xlsx|csv|json] [--dense] [-o ranking.xlsx] [--json]`
 */
export default async function rank(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    rubric: { type: "string" },
    columns: { type: "string" },
    by: { type: "string" },
    "group-by": { type: "string" },
    previous: { type: "string" },
    survey: { type: "string" },
    dense: { type: "boolean" },
    output: { type: "string", short: "o" },
    json: { type: "boolean" },
  });
  const by = oneOf("by", values.by, ["self", "appraised", "final"] as const, "final");
  const groupBy = values["group-by"] ?? "rubric";
  const groupProblem = groupRuleProblem(groupBy);
  if (groupProblem) throw new UsageError(groupProblem);
  const rubric = await resolveRubric(values.rubric, false, lang);
  if (!rubric) return 2;
  // Read the side files first: a typo there should fail in a second, not after a 1,000-file batch.
  const previous = values.previous ? await loadPrevious(values.previous, maxIndexOf(rubric), lang) : null;
  const surveyRows = values.survey ? await loadSurvey(values.survey, surveyMaxOf(rubric), lang) : null;
  const { files, results } = await analyseInputs(positionals, {
    rubric,
    columns: columnsOption(values.columns),
    survey: surveyRows,
    lang,
    label: inLang(lang, { vi: "Đang đọc các đơn vị", en: "Reading units" }),
  });
  noteSkipped(results, lang);
  const inputs = rankInputs(results);
  if (surveyRows) reportSurveyMismatches(inputs, surveyRows, lang);
  const ranking = rankUnits(inputs, { rubric, by, groupBy, dense: values.dense, previous });
  if (values.output) await writeSpecsTo(values.output, [rankingSheetSpec(ranking, rubric)], files);
  printRanking(ranking, { json: values.json === true, written: values.output ?? null }, lang);
  return ranking.unranked.length > 0 ? 1 : 0;
}

/** On stdout: the ranking as JSON (nothing else, so it can be piped), or as text with where the sheet went. */
function printRanking(ranking: Ranking, how: { json: boolean; written: string | null }, lang: Lang): void {
  if (how.json) {
    console.log(JSON.stringify(ranking, null, 2));
    return;
  }
  console.log(rankingText(ranking, lang).join("\n"));
  if (how.written)
    console.log(
      inLang(lang, { vi: `Đã ghi bảng xếp hạng: ${how.written}`, en: `Ranking written to ${how.written}` }),
    );
}

/** Every unit of every file as a ranking input, through the one rule of src/app (mtime settles copies). */
export function rankInputs(results: readonly FileResult[]): RankInput[] {
  return rankInputsOf(results.map(analysedFile));
}

/** The survey was merged into each unit while it was analysed; here the names that did not meet are said. */
function reportSurveyMismatches(inputs: readonly RankInput[], rows: SurveyRow[], lang: Lang): void {
  const merge = mergeSurvey(
    inputs.filter((i) => i.score).map((i) => i.unit),
    rows,
  );
  // Units without a row, rows without a unit, and a unit's second row (the first one counts).
  for (const p of surveyMergeProblems(merge)) console.error(`! ${p[lang]}`);
}

async function loadPrevious(path: string, maxScore: number, lang: Lang): Promise<PreviousRanking> {
  let data: unknown;
  try {
    data =
      extname(path).toLowerCase() === ".json"
        ? JSON.parse(await readFile(path, "utf8"))
        : await readWorkbookFile(path);
  } catch (e) {
    throw sideFileError(path, e);
  }
  const parsed = parsePreviousRanking(data, { maxScore });
  if (!parsed.ok) throw new UsageError(parsed.problem);
  for (const f of parsed.findings) console.error(`! ${f.message[lang].replace(/^JSON/, basename(path))}`);
  return parsed.ranking;
}

/** The most an index can be: the 100-point scale plus the bonus caps (a total above 100 is legal). */
function maxIndexOf(rubric: Rubric): number {
  return rubric.items.filter((i) => i.kind !== "penalty").reduce((s, i) => s + i.max, 0);
}

/**
 * The province's survey table (.json, .csv, or a workbook): every score range-checked against the rubric's
 * survey maximum, the decimal mark decided per file; every row not used is printed with its reason.
 */
export async function loadSurvey(path: string, max: number | undefined, lang: Lang): Promise<SurveyRow[]> {
  const ext = extname(path).toLowerCase();
  const source = basename(path);
  let table: SurveyTable;
  try {
    if (ext === ".json")
      table = surveyTableFromJson(JSON.parse(await readFile(path, "utf8")), source, { max });
    else if (ext === ".csv" || ext === ".txt" || ext === ".tsv")
      table = surveyTableFromCsv(new Uint8Array(await readFile(path)), source, { max });
    else table = readSurveyTable(await readWorkbookFile(path), { max });
  } catch (e) {
    throw sideFileError(path, e);
  }
  for (const p of table.problems) console.error(`! ${p[lang]}`);
  return table.rows;
}

/**
 * A file shipped in assets/demo (the demo's survey tables), found from wherever this code runs: the
 * bundle in build/cli or the sources under src/cli/commands.
 */
export function demoAsset(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "assets", "demo", name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join("assets", "demo", name);
}

/** The ranking as the terminal prints it: the basis note, what needs review, each group, then what is left out. */
export function rankingText(r: Ranking, lang: Lang): string[] {
  const out: string[] = [];
  if (r.basisNote) out.push(`(${r.basisNote[lang]})`);
  for (const f of r.findings) out.push(`! ${f.message[lang]}`);
  for (const g of r.groups) {
    out.push(`${inLang(lang, { vi: g.label, en: g.labelEn })} (${g.units.length})`);
    for (const u of g.units) out.push(rankedLine(u, r.precision, lang));
  }
  out.push(...unrankedLines(r.unranked, lang), ...vanishedLines(r.vanished, lang));
  return out;
}

/** One ranked unit in fixed columns (rank, name, score, rating), then last year's change, tie and errors. */
function rankedLine(u: RankedUnit, precision: number, lang: Lang): string {
  const f = (x: number | null) => (x === null ? "–" : formatFixed(x, precision, lang));
  const rating = u.rating ? inLang(lang, { vi: u.rating.label, en: u.rating.labelEn }) : "";
  const tie = u.tied ? inLang(lang, { vi: "  (đồng hạng)", en: "  (tied)" }) : "";
  const errs = u.errors ? inLang(lang, { vi: `  [${u.errors} lỗi]`, en: `  [${u.errors} errors]` }) : "";
  return `  ${String(u.rank).padStart(3)}  ${u.unit.padEnd(30)} ${f(u.score).padStart(7)}  ${rating.padEnd(10)}${lastYearNote(u, f, lang)}${tie}${errs}`;
}

/** How the unit moved since last year, with the score's change signed ("+1,50"); empty without last year. */
function lastYearNote(u: RankedUnit, f: (x: number | null) => string, lang: Lang): string {
  if (!u.previous) return "";
  const delta = u.previous.delta;
  return `  ${u.previous.change[lang]}${delta !== null ? ` (${delta >= 0 ? "+" : ""}${f(delta)})` : ""}`;
}

/** Units not ranked, each with its reason (not repeating the name when the reason already starts with it). */
function unrankedLines(unranked: readonly UnrankedUnit[], lang: Lang): string[] {
  if (!unranked.length) return [];
  const out = [
    inLang(lang, { vi: `Chưa xếp hạng (${unranked.length}):`, en: `Not ranked (${unranked.length}):` }),
  ];
  for (const u of unranked) {
    const lastRank = u.previous?.rank;
    const was =
      lastRank != null
        ? inLang(lang, { vi: ` (năm trước hạng ${lastRank})`, en: ` (last year ${lastRank})` })
        : "";
    const reason = u.reason[lang];
    out.push(`  ${reason.startsWith(u.unit) ? reason : `${u.unit}: ${reason}`}${was}`);
  }
  return out;
}

/** Units in last year's ranking that sent nothing this year: listed, never dropped in silence. */
function vanishedLines(vanished: readonly VanishedUnit[], lang: Lang): string[] {
  if (!vanished.length) return [];
  return [
    inLang(lang, {
      vi: `Có năm trước, không có năm nay (${vanished.length}):`,
      en: `In last year's ranking, not this year (${vanished.length}):`,
    }),
    ...vanished.map((u) => `  ${u.unit}`),
  ];
}

/** A side file (previous ranking, survey table) that cannot be read is a usage error naming it. */
function sideFileError(path: string, e: unknown): UsageError {
  if (e instanceof FileReadError) return new UsageError(e.text);
  const why = e instanceof Error ? e.message : String(e);
  return new UsageError({ vi: `Không đọc được ${path}: ${why}`, en: `Cannot read ${path}: ${why}` });
}
