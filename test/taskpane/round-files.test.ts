import { describe, expect, it } from "vitest";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { writeWorkbook } from "../../src/files/write-workbook";
import { generateUnit, resubmitUnit } from "../../src/sample";
import { diffFromFiles, intakeFromFiles, spreadsheetFiles } from "../../src/taskpane/round-files";

/** The pane's intake and diff on picked files (Node's File, as the browser hands them over). */
const rubric = builtinRubric("example-commune-2024") as Rubric;
const T0 = Date.UTC(2025, 2, 10, 2, 0);
const first = { seed: 41, index: 0, appraisal: 1 as const };

async function fileOf(
  sheets: Parameters<typeof writeWorkbook>[0],
  name: string,
  lastModified = T0,
): Promise<File> {
  return new File([new Uint8Array(await writeWorkbook(sheets))], name, { lastModified });
}

describe("intake of picked files", () => {
  it("the newer resubmission counts, a file that is not a workbook fails alone, a listed unit is missing", async () => {
    const a = generateUnit(rubric, first);
    const b = generateUnit(rubric, { seed: 41, index: 1, appraisal: 1 });
    const again = resubmitUnit(rubric, first, [
      { item: "2.2", evidence: "Quyết định số 7/QĐ-UBND ngày 03/03/2024" },
    ]);
    const files = [
      await fileOf(a.sheets, a.fileName),
      await fileOf(again.unit.sheets, "bo-sung.xlsx", T0 + 60_000),
      await fileOf(b.sheets, b.fileName),
      new File(["not a workbook"], "gui-nham.xlsx", { lastModified: T0 }),
    ];
    const list = new File([`Đơn vị\n${a.name}\n${b.name}\nXã Vắng Mặt\n`], "ds.csv");
    const { intake, listProblems } = await intakeFromFiles(files, list, rubric);
    expect(listProblems).toEqual([]);
    const byUnit = Object.fromEntries(
      intake.rows.map((r) => [r.unit, [r.status, r.submission?.file ?? null]]),
    );
    expect(byUnit).toEqual({
      [a.name]: ["duplicate", "bo-sung.xlsx"],
      [b.name]: ["received", b.fileName],
      "Xã Vắng Mặt": ["missing", null],
      "gui-nham": ["unreadable", "gui-nham.xlsx"],
    });
  });

  it("a folder's files are filtered to spreadsheets, lock files left out", () => {
    const names = ["a.xlsx", "~$a.xlsx", "ghi-chu.docx", ".DS_Store", "b.XLSX", "c.csv"];
    const picked = names.map((n) => new File([""], n));
    expect(spreadsheetFiles(picked).map((f) => f.name)).toEqual(["a.xlsx", "b.XLSX", "c.csv"]);
  });
});

describe("diff of two picked versions", () => {
  it("finds the changed cell by item across a changed layout", async () => {
    const a = generateUnit(rubric, first);
    const again = resubmitUnit(rubric, first, [{ item: "3.1", explanation: "Đã bổ sung" }], "moved-header");
    const result = await diffFromFiles(
      await fileOf(a.sheets, a.fileName),
      await fileOf(again.unit.sheets, "moi.xlsx"),
      rubric,
    );
    if (!("diff" in result)) throw new Error(result.error.en);
    expect(result.diff.items.map((i) => [i.item, i.changes.map((c) => [c.field, c.new])])).toEqual([
      ["3.1", [["explanation", "Đã bổ sung"]]],
    ]);
    // "moved-header" puts the table lower and one column to the right: every column moved, rows too.
    expect(new Set(result.diff.structure.map((s) => s.kind))).toEqual(
      new Set(["column-moved", "rows-moved"]),
    );
  });

  it("an unreadable version is said, naming the file", async () => {
    const a = generateUnit(rubric, first);
    const result = await diffFromFiles(
      await fileOf(a.sheets, a.fileName),
      new File([""], "rong.xlsx"),
      rubric,
    );
    expect("error" in result && result.error.en).toContain("rong.xlsx");
  });
});
