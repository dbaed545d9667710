import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { Text } from "../../core/finding";
import { formatFixed } from "../../core/numbers";
import { parsePreviousRanking, type PreviousRanking } from "../../core/previous";
import { groupRuleProblem, type RankInput, type Ranking, rankUnits } from "../../core/rank";
import { rankingSheetSpec } from "../../core/sheets/ranking";
import { mergeSurvey, readSurveyTable, type SurveyRow } from "../../core/survey";
import { FileReadError } from "../../files/errors";
import { readWorkbookFile } from "../../files/node";
import type { FileResult } from "../analyse-file";
import { columnsOption, type Lang, oneOf, parseCommandArgs, UsageError } from "../args";
import { writeSpecsTo } from "../output";
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
  const previous = values.previous ? await loadPrevious(values.previous) : null;
  const surveyRows = values.survey ? await loadSurvey(values.survey, lang) : null;
  const { files, results } = await analyseInputs(positionals, {
    rubric,
    columns: columnsOption(values.columns),
    allSheets: true,
    survey: surveyRows,
    lang,
    label: lang === "vi" ? "Đang đọc các đơn vị" : "Reading units",
  });
  const inputs = rankInputs(results);
  if (surveyRows) reportSurveyMismatches(inputs, surveyRows, lang);
  const ranking = rankUnits(inputs, { rubric, by, groupBy, dense: values.dense, previous });
  if (values.output) await writeSpecsTo(values.output, [rankingSheetSpec(ranking, rubric)], files);
  if (values.json) console.log(JSON.stringify(ranking, null, 2));
  else {
    console.log(rankingText(ranking, lang).join("\n"));
    if (values.output)
      console.log(
        lang === "vi" ? `Đã ghi bảng xếp hạng: ${values.output}` : `Ranking written to ${values.output}`,
      );
  }
  return ranking.unranked.length > 0 ? 1 : 0;
}

export function rankInputs(results: readonly FileResult[]): RankInput[] {
  return results.flatMap((r): RankInput[] => {
    const source = basename(r.file);
    if (r.units.length === 0) {
      // The reader's messages already name the file; the unit column shows it too.
      const reason: Text = r.error?.message ??
        r.findings[0]?.message ?? { vi: "không tìm thấy bảng chấm điểm", en: "no scoring table found" };
      return [{ unit: source, source, sheet: null, score: null, errors: 1, reason }];
    }
    return r.units.map((u) => ({
      unit: u.unit,
      source,
      sheet: u.sheet,
      score: u.score,
      errors: u.findings.filter((f) => f.severity === "error").length,
    }));
  });
}

/** The survey was merged into each unit while it was analysed; here the names that did not meet are said. */
function reportSurveyMismatches(inputs: readonly RankInput[], rows: SurveyRow[], lang: Lang): void {
  const merge = mergeSurvey(
    inputs.filter((i) => i.score).map((i) => i.unit),
    rows,
  );
  for (const u of merge.unitsWithoutSurvey) {
    console.error(
      lang === "vi" ? `! Không có điểm điều tra cho đơn vị "${u}".` : `! No survey score for unit "${u}".`,
    );
  }
  for (const r of merge.rowsWithoutUnit) {
    console.error(
      lang === "vi"
        ? `! Dòng điều tra "${r.unit}" (${r.where ?? ""}) không khớp đơn vị nào.`
        : `! Survey row "${r.unit}" (${r.where ?? ""}) matches no unit.`,
    );
  }
}

async function loadPrevious(path: string): Promise<PreviousRanking> {
  let data: unknown;
  try {
    data =
      extname(path).toLowerCase() === ".json"
        ? JSON.parse(await readFile(path, "utf8"))
        : await readWorkbookFile(path);
  } catch (e) {
    throw sideFileError(path, e);
  }
  const parsed = parsePreviousRanking(data);
  if (!parsed.ok) throw new UsageError(parsed.problem);
  return parsed.ranking;
}

async function loadSurvey(path: string, lang: Lang): Promise<SurveyRow[]> {
  const ext = extname(path).toLowerCase();
  try {
    if (ext === ".json") {
      const data = JSON.parse(await readFile(path, "utf8")) as unknown;
      const list = Array.isArray(data)
        ? data
        : Object.entries(data as Record<string, unknown>).map(([unit, score]) => ({ unit, score }));
      return list
        .filter(
          (x): x is { unit: string; score: number } =>
            typeof x?.unit === "string" && typeof x?.score === "number",
        )
        .map((x) => ({ unit: x.unit, score: x.score, where: null }));
    }
    if (ext === ".csv") return csvSurvey(await readFile(path, "utf8"), basename(path));
    const table = readSurveyTable(await readWorkbookFile(path));
    for (const p of table.problems) console.error(`! ${p[lang]}`);
    return table.rows;
  } catch (e) {
    throw sideFileError(path, e);
  }
}

/** "unit,score" lines; the Vietnamese "Xã A;25,5" with semicolons works too. */
function csvSurvey(text: string, source: string): SurveyRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const sep = lines[0]?.includes(";") ? ";" : ",";
  const snapshot = {
    source,
    sheets: [
      {
        name: source,
        origin: { row: 0, col: 0 },
        values: lines.map((l) => l.split(sep).map((c) => c.trim().replace(/^"|"$/g, ""))),
      },
    ],
  };
  return readSurveyTable(snapshot).rows;
}

export function rankingText(r: Ranking, lang: Lang): string[] {
  const f = (x: number | null) => (x === null ? "–" : formatFixed(x, r.precision, lang));
  const out: string[] = [];
  if (r.withoutSurvey) {
    out.push(
      lang === "vi"
        ? "(Chưa có điểm điều tra xã hội học: xếp theo phần tài liệu.)"
        : "(No social-survey scores yet: ranked on the evidence part.)",
    );
  }
  for (const g of r.groups) {
    out.push(`${lang === "vi" ? g.label : g.labelEn} (${g.units.length})`);
    for (const u of g.units) {
      const change = u.previous
        ? `  ${u.previous.change[lang]}${u.previous.delta !== null ? ` (${u.previous.delta >= 0 ? "+" : ""}${f(u.previous.delta)})` : ""}`
        : "";
      const rating = u.rating ? (lang === "vi" ? u.rating.label : u.rating.labelEn) : "";
      const tie = u.tied ? (lang === "vi" ? "  (đồng hạng)" : "  (tied)") : "";
      const errs = u.errors ? (lang === "vi" ? `  [${u.errors} lỗi]` : `  [${u.errors} errors]`) : "";
      out.push(
        `  ${String(u.rank).padStart(3)}  ${u.unit.padEnd(30)} ${f(u.score).padStart(7)}  ${rating.padEnd(10)}${change}${tie}${errs}`,
      );
    }
  }
  if (r.unranked.length) {
    out.push(lang === "vi" ? `Chưa xếp hạng (${r.unranked.length}):` : `Not ranked (${r.unranked.length}):`);
    for (const u of r.unranked)
      out.push(`  ${u.reason[lang].startsWith(u.unit) ? u.reason[lang] : `${u.unit}: ${u.reason[lang]}`}`);
  }
  if (r.vanished.length) {
    out.push(
      lang === "vi"
        ? `Có năm trước, không có năm nay (${r.vanished.length}):`
        : `In last year's ranking, not this year (${r.vanished.length}):`,
    );
    for (const u of r.vanished) out.push(`  ${u.unit}`);
  }
  return out;
}

/** A side file (previous ranking, survey table) that cannot be read is a usage error naming it. */
function sideFileError(path: string, e: unknown): UsageError {
  if (e instanceof FileReadError) return new UsageError(e.text);
  const why = e instanceof Error ? e.message : String(e);
  return new UsageError({ vi: `Không đọc được ${path}: ${why}`, en: `Cannot read ${path}: ${why}` });
}
