/**
 * What the pane reads from files the user picks (never uploaded): units' workbooks to rank, a rubric
 * (JSON or a blank template) and last year's ranking. Loaded on demand: the reader and the importer are
 * not part of the pane's first paint. Every refusal is a `UserError` worded in both languages.
 */
import { failureOf } from "../app/failure";
import type { AnalysedFile } from "../app/rank-inputs";
import { UserError } from "../core/errors";
import type { Text } from "../core/finding";
import { t, textOf } from "../core/i18n";
import { parseJsonFile } from "../core/json-why";
import type { PreviousRanking } from "../core/previous";
import type { RankInput } from "../core/rank";
import type { UnitMap } from "../core/unit-map";
import type { Rubric } from "../core/rubric/schema";
import type { SurveyRow } from "../core/survey";

/**
 * Reads each unit's file into ranking inputs through src/app: every unit sheet, the file's lastModified
 * (the same unit picked twice is ranked from the newest copy), a file that yields no unit stays in as
 * "not ranked" with why.
 */
export async function rankInputsFromFiles(
  files: readonly Pick<File, "name" | "lastModified" | "arrayBuffer">[],
  rubric: Rubric,
  onProgress: (done: number, total: number) => void,
  /** The province's survey rows (the survey import), scored into each unit as `rank --survey` does. */
  survey: readonly SurveyRow[] | null = null,
): Promise<{ inputs: RankInput[]; fileErrors: { file: string; message: Text }[] }> {
  const [{ readWorkbookBytes }, { analyseUnits }, { rankInputsOf }, { withSurveyScores }] = await Promise.all(
    [
      import("../files/read-workbook-bytes"),
      import("../app/units"),
      import("../app/rank-inputs"),
      import("../app/survey"),
    ],
  );
  const analysed: AnalysedFile[] = [];
  const fileErrors: { file: string; message: Text }[] = [];
  for (const [i, file] of files.entries()) {
    onProgress(i, files.length);
    try {
      const wb = await readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), file.name);
      const analysis = analyseUnits(wb, { rubric, source: file.name });
      const units = survey ? withSurveyScores(analysis.units, survey) : analysis.units;
      analysed.push({ ...analysis, units, source: file.name, modified: file.lastModified, error: null });
      if (analysis.units.length === 0)
        fileErrors.push({
          file: file.name,
          message: analysis.findings[0]?.message ?? textOf("noTableInFile", { file: file.name }),
        });
    } catch (e) {
      const { message } = failureOf(e, file.name);
      fileErrors.push({ file: file.name, message });
      analysed.push({
        source: file.name,
        modified: file.lastModified,
        units: [],
        findings: [],
        error: message,
      });
    }
    // Let the progress bar paint between files.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { inputs: rankInputsOf(analysed), fileErrors };
}

/** A rubric from a JSON file or a province's blank template, checked as any rubric is. */
export async function readRubricFile(file: File): Promise<{ data: unknown; rubric: Rubric }> {
  let data: unknown;
  if (/\.json$/i.test(file.name)) data = parseJsonFile(await file.text(), file.name);
  else {
    const [{ readWorkbookBytes }, { importRubricFromWorkbook }] = await Promise.all([
      import("../files/read-workbook-bytes"),
      import("../core/rubric/import"),
    ]);
    const imported = importRubricFromWorkbook(
      await readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), file.name),
    );
    if (!imported.rubric) {
      throw new UserError(
        "rubric-not-imported",
        imported.problems[0]?.message ?? textOf("rubricNotImported", { file: file.name }),
      );
    }
    data = imported.rubric;
  }
  const { loadRubric } = await import("../core/rubric/load");
  const loaded = loadRubric(data);
  if (!loaded.ok) {
    const why = loaded.problems[0]?.message ?? { vi: "", en: "" };
    throw new UserError("rubric-invalid", {
      vi: t("vi", "rubricInvalid", { why: why.vi }),
      en: t("en", "rubricInvalid", { why: why.en }),
    });
  }
  return { data, rubric: loaded.rubric };
}

export async function readPreviousFile(file: File): Promise<PreviousRanking> {
  let data: unknown;
  if (/\.json$/i.test(file.name)) data = parseJsonFile(await file.text(), file.name);
  else {
    const { readWorkbookBytes } = await import("../files/read-workbook-bytes");
    data = await readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  }
  const { parsePreviousRanking } = await import("../core/previous");
  const parsed = parsePreviousRanking(data);
  if (!parsed.ok) throw new UserError("previous-invalid", parsed.problem);
  return parsed.ranking;
}

/**
 * The pane's `--previous-map`: "đơn vị cũ; đơn vị mới" rows from a CSV or a workbook's first sheet with
 * rows. Rows not used are refused with their reasons, so the user fixes the table before ranking.
 */
export async function readUnitMapFile(file: File): Promise<UnitMap> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { unitMapFromRows, unitMapRowsOf } = await import("../core/unit-map");
  let rows: Parameters<typeof unitMapFromRows>[0];
  let csvProblems: Text[] = [];
  if (/\.(csv|txt|tsv)$/i.test(file.name)) {
    const { readCsv } = await import("../core/csv");
    const table = readCsv(bytes);
    // An encoding not read (UTF-32, binary) or a limit passed: said with what was found, as the CLI's
    // side-file reader does — not an empty map that reads as "no old; new row".
    if (table.refused) {
      throw new UserError("unit-map-invalid", {
        vi: `Không đọc bảng đối chiếu tên đơn vị ${file.name}: ${table.refused.vi}.`,
        en: `Not reading the unit-name map ${file.name}: ${table.refused.en}.`,
      });
    }
    // A line the CSV reader could not use is refused with the rows below, not dropped in silence.
    csvProblems = table.problems.map((p) => ({
      vi: `${file.name}: ${p.message.vi}`,
      en: `${file.name}: ${p.message.en}`,
    }));
    rows = table.rows;
  } else {
    const { readWorkbookBytes } = await import("../files/read-workbook-bytes");
    rows = unitMapRowsOf(await readWorkbookBytes(bytes, file.name));
  }
  const read = unitMapFromRows(rows, file.name);
  const found = [...csvProblems, ...read.problems];
  if (found.length || read.map.successor.size === 0) {
    const problems = found.length
      ? found
      : [
          {
            vi: `${file.name}: không có dòng "đơn vị cũ; đơn vị mới" nào.`,
            en: `${file.name}: no "old unit; new unit" row.`,
          },
        ];
    throw new UserError("unit-map-invalid", {
      vi: problems.map((p) => p.vi).join(" "),
      en: problems.map((p) => p.en).join(" "),
    });
  }
  return read.map;
}
