import { beforeAll, describe, expect, it } from "vitest";
import { diffEveryUnit } from "../../src/app/diff";
import { newestCopy } from "../../src/app/duplicates";
import { failureOf } from "../../src/app/failure";
import { rankInputsOf } from "../../src/app/rank-inputs";
import { resultRows } from "../../src/app/result-rows";
import { analyseUnits, type WorkbookUnits } from "../../src/app/units";
import { isWorkbookName } from "../../src/app/workbook-names";
import { UserError } from "../../src/core/errors";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";
import { generatedSet, rubric, type SetPlan } from "../parity/fixture";

/** The application layer (issue #22): which files are workbooks, which sheets are units, which copy counts. */
describe("which names are workbooks", () => {
  it("keeps spreadsheet names in any case, never Excel's lock files or hidden files", () => {
    const names = [
      "b.xlsx",
      "a.XLSX",
      "cu.xls",
      "nhi-phan.xlsb",
      "macro.xlsm",
      "bang.csv",
      "libre.ods",
      "mau.xltx",
      "ghi-chu.txt",
      "~$b.xlsx",
      ".an.xlsx",
      "thu-muc/c.xlsx",
      "thu-muc\\.d.xlsx",
      "xlsx",
    ];
    expect(names.filter(isWorkbookName)).toEqual([
      "b.xlsx",
      "a.XLSX",
      "cu.xls",
      "nhi-phan.xlsb",
      "macro.xlsm",
      "bang.csv",
      "libre.ods",
      "mau.xltx",
      "thu-muc/c.xlsx",
    ]);
  });
});

describe("every unit sheet of a consolidation workbook", () => {
  let plan: SetPlan;
  let analysis: WorkbookUnits;
  beforeAll(async () => {
    plan = await generatedSet();
    const file = plan.files.find((f) => f.name === plan.consolidation.file);
    if (!file) throw new Error("no consolidation workbook in the set");
    analysis = analyseUnits(readWorkbook(file.bytes, file.name), { rubric, source: file.name });
  }, 60_000);

  it("gives one unit per commune sheet, by the sheet's own name", () => {
    expect(analysis.units.map((u) => u.sheet)).toEqual(plan.consolidation.unitSheets);
  });

  it("lists each other sheet once, with why, naming it in both languages", () => {
    expect(analysis.skipped.map((s) => [s.sheet, s.reason])).toEqual([
      ["Hướng dẫn", "no-table"],
      ["Mẫu trống", "blank-template"],
      ["Tổng hợp", "summary"],
    ]);
    for (const s of analysis.skipped) {
      expect(s.message.vi).toContain(`"${s.sheet}"`);
      expect(s.message.en).toContain(`"${s.sheet}"`);
    }
  });

  it("a sheet par-index wrote and an empty sheet are said as such", async () => {
    const file = plan.files.find((f) => f.name === plan.bonusPenalty);
    if (!file) throw new Error("no unit file");
    const wb = readWorkbook(file.bytes, file.name);
    const extra = readWorkbook(
      await writeWorkbook([
        { name: "Kết quả", cells: [{ row: 0, col: 0, value: "KẾT QUẢ" }] },
        { name: "Trống", cells: [] },
      ]),
      "x.xlsx",
    );
    const a = analyseUnits({ ...wb, sheets: [...wb.sheets, ...extra.sheets] }, { rubric, source: file.name });
    expect(a.units).toHaveLength(1);
    expect(a.skipped.map((s) => [s.sheet, s.reason])).toEqual([
      ["Kết quả", "own-sheet"],
      ["Trống", "empty"],
    ]);
  });

  it("stays linear in sheets: 400 unit sheets are 400 units, each skipped sheet said once", () => {
    const one = analysis.units[0];
    const wb = readWorkbook(
      plan.files.find((f) => f.name === plan.consolidation.file)?.bytes as Uint8Array,
      plan.consolidation.file,
    );
    const unitSheet = wb.sheets.find((s) => s.name === one.sheet);
    if (!unitSheet) throw new Error("unit sheet missing");
    const many = Array.from({ length: 400 }, (_, k) => ({ ...unitSheet, name: `Xã ${k + 1}` }));
    const notes = Array.from({ length: 400 }, (_, k) => ({ ...wb.sheets[0], name: `Ghi chú ${k + 1}` }));
    const started = performance.now();
    const a = analyseUnits(
      { source: "lon.xlsx", sheets: [...many, ...notes] },
      { rubric, source: "lon.xlsx" },
    );
    const ms = performance.now() - started;
    expect(a.units).toHaveLength(400);
    expect(a.skipped).toHaveLength(400);
    expect(new Set(a.skipped.map((s) => s.sheet)).size).toBe(400);
    // Generous: what matters is that it is not quadratic (a square of 800 sheets' scans would be minutes).
    expect(ms).toBeLessThan(30_000);
  });
});

describe("which copy of a unit counts", () => {
  it("the one modified last, when every time is known and one is strictly newest", () => {
    expect(newestCopy([1000, 3000, 2000])).toBe(1);
    expect(newestCopy([5])).toBe(0);
    expect(newestCopy([3000, 3000])).toBeNull();
    expect(newestCopy([3000, null])).toBeNull();
    expect(newestCopy([Number.NaN, 1])).toBeNull();
  });

  it("ranking inputs carry each file's time and come in name order whatever the pick order", () => {
    const score = {} as never;
    const file = (source: string, modified: number | null) => ({
      source,
      modified,
      units: [{ unit: "Xã A", sheet: "S", score, findings: [] }],
      findings: [],
      error: null,
    });
    const inputs = rankInputsOf([file("b.xlsx", 2000), file("a.xlsx", 0)]);
    expect(inputs.map((i) => [i.source, i.modified])).toEqual([
      ["a.xlsx", null],
      ["b.xlsx", 2000],
    ]);
    const none = rankInputsOf([{ source: "c.xlsx", modified: 1, units: [], findings: [], error: null }]);
    expect(none[0]).toMatchObject({ unit: "c.xlsx", score: null, reason: { en: "no scoring table found" } });
  });
});

describe("failure wording", () => {
  it("a refused file says what is wrong with it; our bug says it is ours, never 'could not be read'", () => {
    const refused = failureOf(new UserError("legacy-xls", { vi: "tệp .xls cũ", en: "an old .xls" }), "a.xls");
    expect(refused).toEqual({ reason: "legacy-xls", message: { vi: "tệp .xls cũ", en: "an old .xls" } });
    const bug = failureOf(new TypeError("x is undefined"), "b.xlsx");
    expect(bug.reason).toBe("internal-error");
    expect(bug.message.en).toMatch(/^b\.xlsx: par-index failed on this file \(x is undefined\)/);
    expect(bug.message.vi).toContain("lỗi của par-index");
    expect(bug.message.en).not.toMatch(/could not be read/);
  });
});

describe("the rows of a result", () => {
  it("areas, then bonus and penalty, then the total: the rows add up to the index", async () => {
    const plan = await generatedSet();
    const file = plan.files.find((f) => f.name === plan.bonusPenalty);
    if (!file) throw new Error("no bonus/penalty unit");
    const [unit] = analyseUnits(readWorkbook(file.bytes, file.name), { rubric, source: file.name }).units;
    const rows = resultRows(unit.score);
    expect(rows.map((r) => r.kind)).toEqual([
      ...unit.score.areas.map(() => "area"),
      "bonus",
      "penalty",
      "total",
    ]);
    const value = (kind: string) =>
      rows.filter((r) => r.kind === kind).reduce((n, r) => n + (r.final ?? 0), 0);
    expect(value("bonus")).toBeGreaterThan(0);
    expect(value("penalty")).toBeGreaterThan(0);
    const total = rows[rows.length - 1];
    expect(total.label.en).toBe("Total");
    expect(value("area") + value("bonus") - value("penalty")).toBeCloseTo(total.final ?? Number.NaN, 6);
  }, 60_000);
});

describe("diff of two versions, unit by unit", () => {
  it("compares every unit sheet with the same unit; a unit in one version only is said", async () => {
    const plan = await generatedSet();
    const file = plan.files.find((f) => f.name === plan.consolidation.file);
    if (!file) throw new Error("no consolidation workbook");
    const before = readWorkbook(file.bytes, file.name);
    const [first, second, third] = plan.consolidation.unitSheets;
    const after = { ...before, source: "moi.xlsx", sheets: before.sheets.filter((s) => s.name !== third) };
    const diffs = diffEveryUnit(before, after, { rubric });
    expect(diffs.map((d) => [d.old.sheet, d.new.sheet])).toEqual([
      [first, first],
      [second, second],
    ]);
    for (const d of diffs) expect(d.items).toEqual([]);
    expect(diffs[0].problems.map((p) => p.en)).toEqual([
      expect.stringMatching(new RegExp(`sheet "${third}"\\) is only in ${file.name}, not in moi\\.xlsx`)),
    ]);
  }, 60_000);

  it("one unit against one unit is the single comparison it always was", async () => {
    const plan = await generatedSet();
    const read = (name: string) => {
      const f = plan.files.find((x) => x.name === name);
      if (!f) throw new Error(name);
      return readWorkbook(f.bytes, f.name);
    };
    const diffs = diffEveryUnit(read(plan.resubmission.original), read(plan.resubmission.resubmitted), {
      rubric,
    });
    expect(diffs).toHaveLength(1);
    // The changed item and the parents whose totals it changed.
    expect(diffs[0].items.filter((i) => i.status === "changed").map((i) => i.item)).toEqual([
      "1",
      "1.1",
      "1.1.2",
    ]);
  }, 60_000);
});
