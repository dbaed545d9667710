/**
 * The pipeline every surface calls (task pane, ribbon, CLI): recognise the unit tables in a workbook
 * snapshot, validate them against the rubric, score them. One call, pure, no I/O.
 */
import { a1 } from "./address";
import type { UnitEntries } from "./entries";
import { type Finding, sortFindings } from "./finding";
import {
  matchRows,
  type RecognisedTable,
  type RecogniseOptions,
  recogniseWorkbook,
  sheetOf,
} from "./recognise";
import { betterRubric, type RubricFit } from "./rubric-fit";
import { builtinRubrics } from "./rubric/builtin";
import { importRubricFromTable, importRubricFromWorkbook } from "./rubric/import";
import { msg } from "./messages";
import type { Rubric } from "./rubric/schema";
import { scoreUnit, type UnitScore } from "./score";
import type { WorkbookSnapshot } from "./snapshot";
import { type EvidenceList, findEvidenceList } from "./evidence-list";
import { type PolicyUsed, policyUsed, withPolicy } from "./not-applicable-policy";
import { validateTable } from "./validate";

export type { ColumnRole } from "./columns";

export interface AnalyseOptions {
  /** null: use the workbook's own structure and check it for self-consistency. */
  rubric: Rubric | null;
  /** File name or workbook name; the unit name of last resort. */
  source: string;
  /** Assessment year for evidence dates; defaults to the rubric's year. */
  year?: number;
  /** Recognise every sheet that holds a unit table (consolidation workbooks), not only the best one. */
  allSheets?: boolean;
  /** Columns the user corrected where recognition guessed wrong (see RecogniseOptions.columns). */
  columns?: RecogniseOptions["columns"];
  /** Survey scores already known for this unit (merged from the province's survey table). */
  survey?: number | null;
  /**
   * Rubrics a unit may have been meant for (the built-ins when absent): one that fits the table far
   * better than `rubric` gives a single `wrong-rubric` finding instead of a flood of max-mismatch errors.
   */
  candidates?: readonly Rubric[];
}

export interface UnitAnalysis {
  unit: string;
  /** Where the name came from: the title block ("Đơn vị: …") or, failing that, the file name. */
  unitFrom: "title" | "file";
  sheet: string;
  table: RecognisedTable;
  /** The rubric the unit was checked against: the one given, or the workbook's own structure. */
  rubric: Rubric;
  findings: Finding[];
  entries: UnitEntries;
  score: UnitScore;
  /** A rubric that fits this unit's table far better than the one chosen (the pane offers to switch). */
  betterRubric?: RubricFit;
  /**
   * The not-applicable policy the score used, and whether the rubric or the template's note gave it.
   * Always set by analyseWorkbook; optional only so results made before it (saved, transferred) still type.
   */
  notApplicablePolicy?: PolicyUsed;
}

export interface WorkbookAnalysis {
  source: string;
  units: UnitAnalysis[];
  /** Findings about the workbook as a whole (no table found, a rubric that could not be derived). */
  findings: Finding[];
}

export function analyseWorkbook(wb: WorkbookSnapshot, options: AnalyseOptions): WorkbookAnalysis {
  const recognition = recogniseWorkbook(wb, options.rubric, {
    allSheets: options.allSheets,
    columns: options.columns,
  });
  const units: UnitAnalysis[] = [];
  const findings: Finding[] = [...recognition.findings];
  // Never silent: the file was encrypted (Excel's read-only protection) and was decrypted to be read.
  if (wb.protection === "excel-default-key") findings.push(openedWithDefaultKey(wb.source));
  // Looked for once per workbook, and only when a table has rows to check.
  let list: EvidenceList | null | undefined;
  const evidenceList = () => {
    if (list === undefined) list = findEvidenceList(wb);
    return list;
  };
  for (const table of recognition.tables) {
    const sheet = sheetOf(wb, table);
    if (!sheet) continue;
    const rubric = options.rubric ?? ownRubric(wb, table, options, findings);
    if (!rubric) continue;
    if (!options.rubric) matchRows(table.rows, rubric);
    const year = options.year ?? rubric.year;
    const validation = validateTable(sheet, table, rubric, { year, evidenceList: evidenceList() });
    if (table.columnFindings) validation.findings = [...table.columnFindings, ...validation.findings];
    const better = options.rubric
      ? betterRubric(table, rubric, options.candidates ?? builtinRubrics())
      : null;
    if (better) validation.findings = [wrongRubric(table, rubric, better), ...demoted(validation.findings)];
    const named = table.unitName?.trim();
    const policy = policyUsed(rubric, sheet, table);
    const scoredBy = withPolicy(rubric, policy.policy);
    units.push({
      unit: named || unitFromSource(options.source, table.sheet, recognition.tables.length > 1),
      unitFrom: named ? "title" : "file",
      sheet: table.sheet,
      table,
      rubric: scoredBy,
      findings: sortFindings(validation.findings),
      entries: validation.entries,
      score: scoreUnit(scoredBy, validation.entries, { survey: options.survey ?? null }),
      notApplicablePolicy: policy,
      ...(better ? { betterRubric: better.better } : {}),
    });
  }
  return { source: wb.source, units, findings: sortFindings(findings) };
}

/** What a wrong rubric makes of every row: symptoms, kept as notes under the one finding that explains them. */
const SYMPTOMS = new Set<Finding["code"]>([
  "max-mismatch",
  "missing-item",
  "unknown-item",
  "duplicate-item",
  "total-mismatch",
  "score-out-of-range",
  "score-not-allowed",
]);

function demoted(findings: Finding[]): Finding[] {
  return findings.map((f) =>
    SYMPTOMS.has(f.code) && f.severity !== "info" ? { ...f, severity: "info" } : f,
  );
}

function wrongRubric(
  table: RecognisedTable,
  chosen: Rubric,
  found: { chosenFit: number; better: RubricFit },
): Finding {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const { better, chosenFit } = found;
  return {
    code: "wrong-rubric",
    severity: "error",
    sheet: table.sheet,
    address: a1(table.headerRow, table.columns.label ?? 0),
    item: null,
    message: {
      vi: `Biểu này khớp bộ chỉ số "${better.name}" (${better.id}, ${pct(better.fit)} số dòng khớp mã và điểm tối đa) hơn hẳn bộ đang chọn "${chosen.name}" (${pct(chosenFit)}): có thể đã chọn nhầm bộ chỉ số. Hãy chọn "${better.name}" rồi kiểm tra lại. Các phát hiện do chọn nhầm gây ra (sai điểm tối đa, thiếu/thừa/trùng tiêu chí, sai tổng, điểm ngoài khoảng) được hạ thành lưu ý.`,
      en: `This table fits the rubric "${better.name}" (${better.id}, ${pct(better.fit)} of rows match code and maximum) far better than the chosen "${chosen.name}" (${pct(chosenFit)}): the wrong rubric was probably chosen. Choose "${better.name}" and check again. The findings the wrong rubric causes (max-mismatch, missing/unknown/duplicate items, total-mismatch, scores out of range or not allowed) are shown as notes.`,
    },
    found: chosen.id,
    expected: better.id,
  };
}

/** No rubric given: the workbook's own tree becomes the rubric, and what does not add up is reported. */
function ownRubric(
  wb: WorkbookSnapshot,
  table: RecognisedTable,
  options: AnalyseOptions,
  findings: Finding[],
): Rubric | null {
  const sheet = sheetOf(wb, table);
  const own = { source: wb.source, sheets: sheet ? [sheet] : [] };
  const meta = { id: "workbook", name: options.source };
  // Reading the sheet as a rubric finds the table recognised here (same header, rows read without a
  // rubric) unless the user corrected its columns, which the rubric import does not apply.
  const imported =
    sheet && !correctsColumns(options.columns, table.sheet)
      ? importRubricFromTable(own, table, meta)
      : importRubricFromWorkbook(own, meta);
  // Only problems in the unit's own cells (maxima that do not add up) are the unit's to fix.
  const inCells = imported.problems.filter((x) => x.address);
  for (const p of inCells) {
    findings.push({
      code: p.code ?? "max-mismatch",
      severity: imported.rubric ? "warning" : "error",
      sheet: p.sheet ?? table.sheet,
      address: p.address ?? null,
      item: null,
      message: p.message,
    });
  }
  // A table that yields no rubric is never dropped in silence: say why, on its header.
  if (!imported.rubric && inCells.length === 0) findings.push(noOwnRubric(table, imported.problems));
  return imported.rubric;
}

/** Whether the user's column corrections apply to the sheet (as recognition applies them). */
function correctsColumns(columns: AnalyseOptions["columns"], sheet: string): boolean {
  return !!columns && (!columns.sheet || columns.sheet === sheet);
}

/** "Xa-An-Binh.xlsx" → "Xa-An-Binh"; in a consolidation workbook the sheet names the unit. */
function unitFromSource(source: string, sheet: string, bySheet: boolean): string {
  if (bySheet) return sheet;
  return source.replace(/\.[a-z0-9]+$/i, "") || sheet;
}

function noOwnRubric(table: RecognisedTable, problems: { message: { vi: string; en: string } }[]): Finding {
  const why = problems[problems.length - 1]?.message ?? { vi: "không rõ lý do", en: "no reason given" };
  return {
    code: "table-not-found",
    severity: "error",
    sheet: table.sheet,
    address: a1(table.headerRow, table.columns.label ?? 0),
    item: null,
    message: {
      vi: `Không dựng được cấu trúc tiêu chí từ bảng ở dòng ${table.headerRow + 1} (${why.vi}); hãy chọn một bộ chỉ số để kiểm tra.`,
      en: `No rubric could be built from the table at row ${table.headerRow + 1} (${why.en}); choose a rubric to validate against.`,
    },
  };
}

function openedWithDefaultKey(file: string): Finding {
  return {
    code: "opened-with-default-key",
    severity: "info",
    sheet: null,
    address: null,
    item: null,
    message: msg.openedWithDefaultKey(file),
  };
}
