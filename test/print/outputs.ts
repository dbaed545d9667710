import { analyseWorkbook, type UnitAnalysis } from "../../src/core/analyse";
import { diffWorkbooks } from "../../src/core/diff";
import { buildIntake, submissionOf } from "../../src/core/intake";
import { type RankInput, rankUnits } from "../../src/core/rank";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { appraisalSheetSpec } from "../../src/core/sheets/appraisal";
import { diffSheetSpec } from "../../src/core/sheets/diff";
import { findingsReportSpec } from "../../src/core/sheets/findings-report";
import { intakeSheetSpec } from "../../src/core/sheets/intake";
import { parseAnnex } from "../../src/core/sheets/annex";
import { rankingSheetSpec } from "../../src/core/sheets/ranking";
import {
  generateUnit,
  generateUnits,
  madeUpLastYear,
  resubmitUnit,
  seedCommuneWorkbook,
  unitWorkbook,
} from "../../src/sample";

/**
 * Every output a secretariat prints, built from generated units (the demo's round: twelve communes,
 * planted mistakes, one resubmission) through the same core sheet specs the CLI and the pane write.
 * Nothing here is checked: the print test judges the printed pages.
 */
export interface PrintedOutput {
  /** File stem: "xep-hang-nam-truoc" → xep-hang-nam-truoc.xlsx / .pdf / -1.png. */
  name: string;
  specs: SheetSpec[];
}

/** The user's own annex text, as `--annex` and `--signature` give it (placeholders a secretariat fills in). */
export const ANNEX = parseAnnex(
  "Phụ lục 01|(Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm 2025 của Ủy ban nhân dân tỉnh)",
  "NGƯỜI LẬP BIỂU|TM. ỦY BAN NHÂN DÂN|…, ngày … tháng … năm 2025",
).annex;

export function printedOutputs(): PrintedOutput[] {
  const rubric = builtinRubric(DEFAULT_RUBRIC_ID) as Rubric;
  const resubmitting = { seed: 2024, index: 11, appraisal: 1 as const };
  const generated = [
    seedCommuneWorkbook(),
    ...generateUnits(rubric, { count: 11, seed: 2024, appraisal: 1, defectRate: 0.4, variantRate: 0.4 }),
    generateUnit(rubric, resubmitting),
  ];
  const analysed = generated.map((g) => ({
    file: g.fileName,
    wb: unitWorkbook(g),
    units: analyseWorkbook(unitWorkbook(g), { rubric, source: g.fileName }).units,
  }));
  const units: (UnitAnalysis & { file: string })[] = analysed.flatMap((a) =>
    a.units.map((u) => ({ ...u, file: a.file })),
  );
  const inputs: RankInput[] = units.map((u) => ({
    unit: u.unit,
    source: u.file,
    sheet: u.sheet,
    score: u.score,
    errors: u.findings.filter((f) => f.severity === "error").length,
  }));
  const thisYear = rankUnits(inputs, { rubric, by: "final" });
  const prevUnits = madeUpLastYear(thisYear, rubric.precision);
  const withPrevious = rankUnits(inputs, {
    rubric,
    by: "final",
    previous: { year: rubric.year - 1, units: prevUnits },
  });

  const expected = [...new Set(units.map((u) => u.unit)), "Xã Chưa Nộp Bài"];
  const intake = buildIntake(
    expected.map((unit) => ({ unit, where: "danh-sach-don-vi.json" })),
    units.map((u) => submissionOf(u.file, Date.UTC(rubric.year, 2, 1), u)),
  );

  // Round 2: the last unit resubmits in another layout, one score raised, evidence and a note added.
  const first = generated[generated.length - 1];
  const leaves = flattenRubric(rubric).filter((i) => i.isLeaf && i.kind === "scored");
  const inArea = (n: number) => leaves.find((i) => i.path[0] === rubric.items[n]?.code) ?? leaves[n];
  const raised = inArea(1);
  const again = resubmitUnit(
    rubric,
    resubmitting,
    [
      { item: inArea(0).code, evidence: `Kế hoạch số 15/KH-UBND ngày 20/01/${rubric.year} (bổ sung)` },
      { item: raised.code, self: raised.max / 2 },
      { item: inArea(2).code, explanation: "Đã bổ sung văn bản theo yêu cầu của Tổ thẩm định" },
    ],
    ["moved-header", "inserted-column"],
  );
  const newWb = unitWorkbook(again.unit);
  const diff = diffWorkbooks(unitWorkbook(first), newWb, { rubric });
  const [appraised] = analyseWorkbook(newWb, { rubric, source: again.unit.fileName }).units;
  const peers = units.map((u) => u.score);

  return [
    { name: "xep-hang", specs: [rankingSheetSpec(thisYear, rubric)] },
    {
      // As attached to the decision: the annex lines above the title, the signature block under it.
      name: "xep-hang-nam-truoc",
      specs: [rankingSheetSpec(withPrevious, rubric, { annex: ANNEX })],
    },
    {
      name: "tiep-nhan",
      specs: [intakeSheetSpec(intake, { precision: rubric.precision })],
    },
    { name: "tham-dinh", specs: [appraisalSheetSpec(appraised, { peers })] },
    {
      name: "bao-cao-kiem-tra",
      specs: [findingsReportSpec(units.map((u) => ({ file: u.file, unit: u.unit, findings: u.findings })))],
    },
    { name: "so-sanh", specs: [diffSheetSpec(diff, { precision: rubric.precision })] },
  ];
}
