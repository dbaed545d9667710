import { rankInputsOf } from "../../app/rank-inputs";
import { surveyMatchOf } from "../../app/survey";
import { unrankedLabel } from "../../app/unranked";
import { inLang } from "../../core/i18n";
import { existsSync } from "node:fs";
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
import { parseRatingOption } from "../../core/ratings";
import type { Rubric } from "../../core/rubric/schema";
import { parseAnnex } from "../../core/sheets/annex";
import { rankingSheetSpec } from "../../core/sheets/ranking";
import {
  readSurveyTable,
  type SurveyRow,
  type SurveyTable,
  surveyMaxOf,
  surveyTableFromCsvTable,
  surveyTableFromJson,
} from "../../core/survey";
import { type UnitMap, unitMapFromRows, unitMapRowsOf } from "../../core/unit-map";
import type { FileResult } from "../analyse-file";
import { analysedFile } from "../file-result";
import { columnsOption, type Lang, oneOf, parseCommandArgs, UsageError } from "../args";
import { writeSpecsTo } from "../output";
import { noteSkipped } from "../render";
import { resolveRubric } from "../rubric-arg";
import { analyseInputs } from "../run-files";
import { MAX_SIDE_ROWS, readSideCsv, readSideJson, readSideWorkbook, refuseOverCount } from "../side-file";

/**
 * `par-index rank <files|folders…> [--rubric …] [--by self|appraised|final] [--basis index|evidence]
 *   [--group-by rubric|none|<regex>] [--previous last-year.xlsx|json] [--previous-map map.csv|xlsx]
 *   [--survey survey.xlsx|csv|json] [--rating "Xuất sắc=90,Tốt=80,…"] [--dense] [-o ranking.xlsx] [--json]
 *   [--annex "Phụ lục 01|Kèm theo Quyết định số …"] [--signature "NGƯỜI LẬP BIỂU|TM. …|…, ngày … tháng … năm …"]`
 */
export default async function rank(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    rubric: { type: "string" },
    columns: { type: "string" },
    by: { type: "string" },
    basis: { type: "string" },
    "group-by": { type: "string" },
    previous: { type: "string" },
    "previous-map": { type: "string" },
    rating: { type: "string" },
    survey: { type: "string" },
    dense: { type: "boolean" },
    output: { type: "string", short: "o" },
    json: { type: "boolean" },
    annex: { type: "string" },
    signature: { type: "string" },
  });
  // The annex block (issue #26): only the user's text, checked before the batch runs.
  const annex = parseAnnex(values.annex, values.signature);
  if (annex.problem) throw new UsageError(annex.problem);
  const by = oneOf("by", values.by, ["self", "appraised", "final"] as const, "final");
  const basis =
    values.basis === undefined
      ? undefined
      : oneOf("basis", values.basis, ["index", "evidence"] as const, "index");
  if (basis === "index" && by === "self")
    throw new UsageError({
      vi: "--basis index không đi cùng --by self: điều tra xã hội học do tỉnh chấm, không có điểm tự đánh giá.",
      en: "--basis index does not go with --by self: the social survey is the province's score, never self-scored.",
    });
  const ratingBands = values.rating === undefined ? null : ratingOption(values.rating);
  const groupBy = values["group-by"] ?? "rubric";
  const groupProblem = groupRuleProblem(groupBy);
  if (groupProblem) throw new UsageError(groupProblem);
  const rubric = await resolveRubric(values.rubric, false, lang);
  if (!rubric) return 2;
  // Read the side files first: a typo there should fail in a second, not after a 1,000-file batch.
  const previous = values.previous ? await loadPrevious(values.previous, maxIndexOf(rubric), lang) : null;
  const unitMap = values["previous-map"] ? await loadUnitMap(values["previous-map"], lang) : null;
  if (unitMap && !previous)
    console.error(
      `! ${inLang(lang, {
        vi: "--previous-map chỉ dùng khi có --previous (bảng xếp hạng năm trước); bỏ qua.",
        en: "--previous-map is used only with --previous (last year's ranking); ignored.",
      })}`,
    );
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
  const ranking = rankUnits(inputs, {
    rubric,
    by,
    basis,
    groupBy,
    dense: values.dense,
    previous,
    unitMap,
    ratingBands,
  });
  if (values.output)
    await writeSpecsTo(values.output, [rankingSheetSpec(ranking, rubric, { annex: annex.annex })], files);
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
  // Units without a row, rows without a unit, and a unit's second row (the first one counts): the
  // pane's and the page's survey import list the same (app/survey.ts).
  for (const p of surveyMatchOf(inputs, rows).problems) console.error(`! ${p[lang]}`);
}

/** `--rating`: the province's names and thresholds; a wrong one stops before any file is read. */
function ratingOption(text: string): ReturnType<typeof parseRatingOption>["bands"] {
  const read = parseRatingOption(text);
  if (read.problems.length) throw new UsageError(read.problems[0]);
  return read.bands;
}

/**
 * `--previous-map`: "đơn vị cũ; đơn vị mới" rows from a CSV or a workbook's first sheet with rows. Kept
 * to this one function so the bounded side-file reader can replace the reading alone.
 */
async function loadUnitMap(path: string, lang: Lang): Promise<UnitMap> {
  const ext = extname(path).toLowerCase();
  let rows: Parameters<typeof unitMapFromRows>[0];
  // Read as every side file is (cli/side-file.ts): size-checked before a byte is read, encodings detected.
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") {
    const table = readSideCsv(path, "map");
    for (const p of table.problems) console.error(`! ${basename(path)}, ${p.line}: ${p.message[lang]}`);
    rows = table.rows;
  } else {
    const wb = await readSideWorkbook(path, "map");
    rows = unitMapRowsOf(wb);
  }
  const read = unitMapFromRows(rows, basename(path));
  for (const p of read.problems) console.error(`! ${p[lang]}`);
  if (read.map.successor.size === 0)
    throw new UsageError({
      vi: `${basename(path)}: không có dòng "đơn vị cũ; đơn vị mới" nào dùng được.`,
      en: `${basename(path)}: no usable "old unit; new unit" row.`,
    });
  return read.map;
}

async function loadPrevious(path: string, maxScore: number, lang: Lang): Promise<PreviousRanking> {
  // The side-file readers refuse what cannot be read with a usage error naming the file and its limit.
  const data: unknown =
    extname(path).toLowerCase() === ".json"
      ? readSideJson(path, "previous")
      : await readSideWorkbook(path, "previous");
  const parsed = parsePreviousRanking(data, { maxScore });
  if (!parsed.ok) throw new UsageError(parsed.problem);
  refuseOverCount(path, "previous", parsed.ranking.units.length, MAX_SIDE_ROWS);
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
  // Size-checked before reading, the encoding detected, a field over its limit refused (side-file.ts),
  // each as a usage error naming the file. Anything else thrown here is a bug of ours (exit 3), never
  // blamed on the user's file as a usage error.
  if (ext === ".json") table = surveyTableFromJson(readSideJson(path, "survey"), source, { max });
  else if (ext === ".csv" || ext === ".txt" || ext === ".tsv")
    table = surveyTableFromCsvTable(readSideCsv(path, "survey"), source, { max });
  else table = readSurveyTable(await readSideWorkbook(path, "survey"), { max });
  refuseOverCount(path, "survey", table.rows.length, MAX_SIDE_ROWS);
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
  out.push(`(${r.basisReason[lang]})`);
  if (r.comparison?.reason)
    out.push(
      `(${inLang(lang, { vi: "So sánh với năm trước", en: "Comparison with last year" })}: ${r.comparison.reason[lang]})`,
    );
  for (const f of r.findings) out.push(`! ${f.message[lang]}`);
  for (const g of r.groups) {
    const counts = g.ratingCounts
      .map((c) => `${inLang(lang, { vi: c.label, en: c.labelEn })}: ${c.count}`)
      .join("; ");
    out.push(
      `${inLang(lang, { vi: g.label, en: g.labelEn })} (${g.units.length})${counts ? ` — ${counts}` : ""}`,
    );
    for (const u of g.units) out.push(rankedLine(u, r.precision, lang));
  }
  out.push(...unrankedLines(r.unranked, r.precision, lang), ...vanishedLines(r.vanished, lang));
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
  const note = u.previous.note ? ` — ${u.previous.note[lang]}` : "";
  return `  ${u.previous.change[lang]}${delta !== null ? ` (${delta >= 0 ? "+" : ""}${f(delta)})` : ""}${note}`;
}

/** Units not ranked, each with its reason, the name said once (app/unranked.ts, as the pane and the page say it). */
function unrankedLines(unranked: readonly UnrankedUnit[], precision: number, lang: Lang): string[] {
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
    const evidence =
      u.evidenceScore != null
        ? inLang(lang, {
            vi: ` (phần tài liệu kiểm chứng: ${formatFixed(u.evidenceScore, precision, "vi")})`,
            en: ` (evidence part: ${formatFixed(u.evidenceScore, precision, "en")})`,
          })
        : "";
    out.push(`  ${unrankedLabel(u, lang)}${evidence}${was}`);
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
