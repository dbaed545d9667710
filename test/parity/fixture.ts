// One generated set of submissions for the parity test (issue #22): what a secretariat's folder holds.
// Built from src/sample's generators alone, never by calling the engine; each file comes with the
// modification time the faces are told (the file system's mtime for the CLI, File.lastModified for the
// pane and the page).
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import type { SheetSpec, SpecCell } from "../../src/core/sheet-spec";
import { writeWorkbook } from "../../src/files/write-workbook";
import {
  consolidationWorkbook,
  type GeneratedUnit,
  generateUnit,
  LAYOUT_VARIANTS,
  resubmitUnit,
  templateSpec,
} from "../../src/sample";

export const RUBRIC_ID = "example-commune-2024";
export const rubric = builtinRubric(RUBRIC_ID) as Rubric;

export interface SetFile {
  name: string;
  bytes: Uint8Array;
  /** ms since 1970, whole seconds (file systems keep them exactly). */
  modified: number;
}

const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 0, 10, 8, 0, 0);

/** What the set holds on purpose, so the test can say it covered each case. */
export interface SetPlan {
  files: SetFile[];
  /** The consolidation workbook's file, its unit sheets and its sheets that are not units. */
  consolidation: { file: string; unitSheets: string[]; otherSheets: string[] };
  /** Files of the same unit with two different times: the later one is ranked. */
  duplicate: { older: string; newer: string };
  resubmission: { original: string; resubmitted: string };
  /** A unit not appraised yet: no survey score, so the index cannot rank it and every face must say so. */
  noSurvey: string;
  unreadable: string;
  bonusPenalty: string;
}

const seed = 41;
const unit = (index: number, extra: Partial<Parameters<typeof generateUnit>[1]> = {}): GeneratedUnit =>
  generateUnit(rubric, { seed, index, appraisal: 1, ...extra });

/** A district's consolidation workbook: instructions, the blank template, the communes, a summary of formulas. */
function consolidation(units: readonly GeneratedUnit[]): { specs: SheetSpec[]; unitSheets: string[] } {
  const unitSpecs = consolidationWorkbook(units);
  const instructions: SheetSpec = {
    name: "Hướng dẫn",
    cells: [
      { row: 0, col: 0, value: "HƯỚNG DẪN TỔNG HỢP" },
      { row: 2, col: 0, value: "Mỗi xã một trang; trang Tổng hợp lấy điểm từ các trang xã." },
    ],
  };
  const summaryCells: SpecCell[] = [
    { row: 0, col: 0, value: "TỔNG HỢP ĐIỂM CÁC XÃ" },
    { row: 1, col: 0, value: "Xã" },
    { row: 1, col: 1, value: "Tiêu đề" },
  ];
  unitSpecs.forEach((s, k) => {
    summaryCells.push({ row: k + 2, col: 0, value: s.name });
    const title = s.cells.find((c) => c.row === 0 && c.col === 0);
    summaryCells.push({
      row: k + 2,
      col: 1,
      value: typeof title?.value === "string" ? title.value : null,
      formula: `='${s.name.replace(/'/g, "''")}'!A1`,
    });
  });
  const summary: SheetSpec = { name: "Tổng hợp", cells: summaryCells };
  const blank = templateSpec(rubric, { appraisal: 1, sheetName: "Mẫu trống" });
  return { specs: [instructions, blank, ...unitSpecs, summary], unitSheets: unitSpecs.map((s) => s.name) };
}

export async function generatedSet(): Promise<SetPlan> {
  const files: SetFile[] = [];
  const add = async (name: string, specs: SheetSpec[], modified: number) =>
    files.push({ name, bytes: await writeWorkbook(specs), modified });

  // Layout-zoo-like units: each in a different layout, one with planted defects.
  const variants = [LAYOUT_VARIANTS[0], LAYOUT_VARIANTS[3], LAYOUT_VARIANTS[4]];
  for (const [k, variant] of variants.entries()) {
    const u = unit(k, { variant, defects: k === 1 ? ["missing-evidence", "score-out-of-range"] : [] });
    await add(u.fileName, u.sheets, T0 + k * 60_000);
  }
  // A unit with bonus and penalty points.
  const bp = unit(3, { scores: { "9.1": 1, "10.1": 1 } });
  await add(bp.fileName, bp.sheets, T0);
  // The consolidation workbook of three communes.
  const cons = consolidation([unit(4), unit(5, { defects: ["missing-evidence"] }), unit(6)]);
  const consFile = "Tong-hop-CCHC.xlsx";
  await add(consFile, cons.specs, T0);
  // The same unit twice, identical, with two modification times.
  const dup = unit(7);
  const older = dup.fileName;
  const newer = older.replace(/\.xlsx$/i, " (ban sao).xlsx");
  await add(older, dup.sheets, T0 - 2 * DAY);
  await add(newer, dup.sheets, T0 - DAY);
  // An original and its resubmission with a changed score and evidence.
  const first = { seed, index: 8, appraisal: 1 as const };
  const original = generateUnit(rubric, first);
  const resubmitted = resubmitUnit(rubric, first, [
    { item: "1.1.2", self: 1, evidence: "Kế hoạch số 3/KH-UBND ngày 15/01/2024" },
  ]);
  const originalName = original.fileName;
  const resubmittedName = originalName.replace(/\.xlsx$/i, " - nop lai.xlsx");
  await add(originalName, original.sheets, T0 - 3 * DAY);
  await add(resubmittedName, resubmitted.unit.sheets, T0 + DAY);
  // A unit not appraised yet: the generator enters no survey score (the province scores it, appraisers enter it).
  const pending = unit(9, { appraisal: 0 });
  await add(pending.fileName, pending.sheets, T0);
  // A file that is not a workbook at all.
  const unreadable = "hong.xlsx";
  files.push({ name: unreadable, bytes: new TextEncoder().encode("not a zip"), modified: T0 });
  return {
    files,
    consolidation: {
      file: consFile,
      unitSheets: cons.unitSheets,
      otherSheets: ["Hướng dẫn", "Mẫu trống", "Tổng hợp"],
    },
    duplicate: { older, newer },
    resubmission: { original: originalName, resubmitted: resubmittedName },
    noSurvey: pending.fileName,
    unreadable,
    bonusPenalty: bp.fileName,
  };
}
