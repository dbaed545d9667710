import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import {
  buildIntake,
  type ExpectedUnit,
  expectedUnitsFromCsv,
  failedSubmission,
  type IntakeSubmission,
  readExpectedUnits,
  sortIntakeRows,
  submissionOf,
} from "../../src/core/intake";
import { rankUnits } from "../../src/core/rank";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { rankingSheetSpec } from "../../src/core/sheets/ranking";
import type { Rubric } from "../../src/core/rubric/schema";
import { intakeSheetSpec } from "../../src/core/sheets/intake";
import { specToSnapshot } from "../../src/core/sheet-spec";
import { cellAt, type WorkbookSnapshot } from "../../src/core/snapshot";
import { generateUnit, unitWorkbook } from "../../src/sample";
import { rankInput, threeAreaRubric } from "./helpers";

const rubric = builtinRubric("example-commune-2024") as Rubric;
const T0 = Date.UTC(2025, 2, 5, 8, 0);

function sub(file: string, titleUnit: string | null, modified = T0, selfTotal = 80): IntakeSubmission {
  return {
    file,
    modified,
    error: null,
    titleUnit,
    sheet: "Tự chấm",
    selfTotal,
    evidencePart: selfTotal - 20,
    errors: 0,
    warnings: 1,
    missingEvidence: 0,
  };
}

const list = (...names: string[]): ExpectedUnit[] => names.map((unit, i) => ({ unit, where: `A${i + 2}` }));

describe("intake matching", () => {
  it("matches renamed spellings by folded name: UBND prefix, case, diacritics, tone placement", () => {
    const intake = buildIntake(list("Xã An Bình", "Phường Hoà Lạc"), [
      sub("a.xlsx", "UBND xã An Bình"),
      sub("b.xlsx", "PHƯỜNG HÒA LẠC"),
    ]);
    expect(intake.rows.map((r) => [r.unit, r.status, r.matchedBy, r.submission?.file])).toEqual([
      ["Xã An Bình", "received", "title", "a.xlsx"],
      ["Phường Hoà Lạc", "received", "title", "b.xlsx"],
    ]);
    expect(intake.problems).toEqual([]);
  });

  it("falls back to the file name when the title is blank or names another unit, and says so", () => {
    const intake = buildIntake(list("Xã Hòa Bình", "Xã Tân Lập"), [
      sub("Xa-Hoa-Binh.xlsx", null),
      sub("Xa-Tan-Lap.xlsx", "Xã Tân Lập Mới"),
    ]);
    expect(intake.rows.map((r) => [r.unit, r.status, r.matchedBy])).toEqual([
      ["Xã Hòa Bình", "received", "file"],
      ["Xã Tân Lập", "received", "file"],
    ]);
    expect(intake.problems.map((p) => p.en)).toEqual([
      'Xa-Hoa-Binh.xlsx: matched to "Xã Hòa Bình" by its file name (its "Đơn vị:" line is blank).',
      'Xa-Tan-Lap.xlsx: matched to "Xã Tân Lập" by its file name; its "Đơn vị:" line says "Xã Tân Lập Mới".',
    ]);
  });

  it("a unit that sent two files: the newer one counts, the row says which and when", () => {
    const older = sub("Xa-An-Binh.xlsx", "Xã An Bình", T0, 70);
    const newer = sub("Xa-An-Binh (bo sung).xlsx", "Xã An Bình", T0 + 3_600_000, 75);
    const intake = buildIntake(list("Xã An Bình"), [older, newer]);
    const [row] = intake.rows;
    expect(row.status).toBe("duplicate");
    expect(row.submission?.file).toBe("Xa-An-Binh (bo sung).xlsx");
    expect(row.others.map((o) => o.file)).toEqual(["Xa-An-Binh.xlsx"]);
    expect(row.note?.en).toContain("Xa-An-Binh (bo sung).xlsx (modified 05/03/2025 09:00) is used");
    expect(intake.counts.duplicate).toBe(1);
    // The order of the files does not decide: time does.
    expect(buildIntake(list("Xã An Bình"), [newer, older]).rows[0].submission?.file).toBe(newer.file);
  });

  it("says 'the newest' only when the times show it; a missing or equal time is said, not guessed", () => {
    const a = sub("Xa-An-Binh.xlsx", "Xã An Bình", T0);
    const b = sub("Xa-An-Binh (2).xlsx", "Xã An Bình", T0 + 60_000);
    const note = (...subs: IntakeSubmission[]) =>
      buildIntake(list("Xã An Bình"), subs).rows[0].note?.en ?? "";
    expect(note(a, b)).toContain("(the newest)");
    // A sheet of the open workbook has no modification time: which is newer cannot be told.
    const sheet = { ...sub("Tong-hop.xlsx", "Xã An Bình"), modified: null };
    expect(note(sheet, b)).toContain("which is newer cannot be told");
    expect(note(sheet, b)).not.toContain("newest");
    // Two copies with the same time stamp: equal times prove nothing either.
    expect(note(a, { ...b, modified: T0 })).toContain("which is newer cannot be told");
    const problems = buildIntake(list("Xã An Bình"), [sheet, b])
      .problems.map((p) => p.vi)
      .join(" ");
    expect(problems).toContain("không rõ tệp nào mới hơn");
  });

  it("a readable file counts before a newer unreadable one of the same unit", () => {
    const good = sub("Xa-An-Binh.xlsx", "Xã An Bình", T0);
    const bad = failedSubmission("Xa-An-Binh.xls", T0 + 1000, { vi: "hỏng", en: "truncated" });
    const row = buildIntake(list("Xã An Bình"), [bad, good]).rows[0];
    expect(row.status).toBe("duplicate");
    expect(row.submission?.file).toBe("Xa-An-Binh.xlsx");
    expect(row.note?.en).toContain("(the only readable one)");
  });

  it("missing units, unreadable files and files of units not on the list each get their row", () => {
    const intake = buildIntake(list("Xã An Bình", "Xã Tân Lập", "Xã Hòa Bình"), [
      sub("a.xlsx", "Xã An Bình"),
      failedSubmission("Xa-Tan-Lap.xlsx", T0, { vi: "Tệp bị cắt cụt", en: "The file is truncated" }),
      sub("c.xlsx", "Xã Lạ"),
    ]);
    expect(intake.rows.map((r) => [r.unit, r.status, r.expected])).toEqual([
      ["Xã An Bình", "received", true],
      ["Xã Tân Lập", "unreadable", true],
      ["Xã Hòa Bình", "missing", true],
      ["Xã Lạ", "not-on-list", false],
    ]);
    expect(intake.rows[1].note?.en).toBe("The file is truncated");
    expect(intake.counts).toEqual({ received: 1, missing: 1, unreadable: 1, duplicate: 0, "not-on-list": 1 });
    expect(intake.problems.map((p) => p.en)).toEqual([
      'Unit "Xã Hòa Bình" has not submitted a scoring workbook.',
      'c.xlsx: unit "Xã Lạ" is not on the list.',
    ]);
    expect(sortIntakeRows(intake.rows).map((r) => r.status)).toEqual([
      "missing",
      "unreadable",
      "not-on-list",
      "received",
    ]);
  });

  it("a name twice on the list is reported, and counted once", () => {
    const intake = buildIntake(list("Xã An Bình", "UBND Xã An Bình"), [sub("a.xlsx", "Xã An Bình")]);
    expect(intake.rows).toHaveLength(1);
    expect(intake.problems[0].en).toContain('"UBND Xã An Bình" more than once (A3)');
  });

  it("without a list, every unit found has a row and nothing is missing or a stranger", () => {
    const intake = buildIntake(null, [
      sub("a.xlsx", "Xã An Bình"),
      sub("b.xlsx", "Xã Lạ"),
      sub("b2.xlsx", "Xã Lạ", T0 + 1),
    ]);
    expect(intake.rows.map((r) => [r.unit, r.status])).toEqual([
      ["Xã An Bình", "received"],
      ["Xã Lạ", "duplicate"],
    ]);
    expect(intake.counts.missing + intake.counts["not-on-list"]).toBe(0);
  });
});

describe("what a submission counts", () => {
  it("self total, evidence part and finding counts come from the analysed unit", () => {
    const unit = generateUnit(rubric, { seed: 7, index: 1, defects: ["missing-evidence", "not-a-number"] });
    const [u] = analyseWorkbook(unitWorkbook(unit), { rubric, source: unit.fileName }).units;
    const s = submissionOf(unit.fileName, T0, u);
    expect(s.titleUnit).toBe(unit.name);
    expect(s.errors).toBe(u.findings.filter((f) => f.severity === "error").length);
    expect(s.errors).toBeGreaterThan(0);
    expect(s.missingEvidence).toBe(u.findings.filter((f) => f.code === "missing-evidence").length);
    expect(s.missingEvidence).toBeGreaterThan(0);
    expect(s.evidencePart).toBe(u.score.evidence.scores.self);
    expect(s.selfTotal).toBe(u.score.indexWithoutSurvey.self);
  });
});

describe("the unit's name beside 'Đơn vị:'", () => {
  it("a file whose template writes the name in the next cell matches by that name, not its file name", () => {
    const own = threeAreaRubric();
    const wb: WorkbookSnapshot = {
      source: "Bao-cao-CCHC-2024.xlsx",
      sheets: [
        {
          name: "Tự chấm",
          origin: { row: 0, col: 0 },
          values: [
            ["Đơn vị:", null, "Xã An Bình", null],
            [null, null, null, null],
            ["STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"],
            ["1", "Chỉ đạo điều hành", 40, 35],
            ["2", "Hiện đại hóa", 30, 25],
            ["3", "Điều tra xã hội học", 30, 20],
          ],
        },
      ],
    };
    const [u] = analyseWorkbook(wb, { rubric: own, source: wb.source }).units;
    expect([u.unit, u.unitFrom]).toEqual(["Xã An Bình", "title"]);
    const s = submissionOf(wb.source, T0, u);
    expect(s.titleUnit).toBe("Xã An Bình");
    const intake = buildIntake(list("Xã An Bình", "Xã Tân Lập"), [s]);
    expect(intake.rows.map((r) => [r.unit, r.status, r.matchedBy, r.submission?.file ?? null])).toEqual([
      ["Xã An Bình", "received", "title", "Bao-cao-CCHC-2024.xlsx"],
      ["Xã Tân Lập", "missing", null, null],
    ]);
    // Only the unit that sent nothing is reported: no "matched by its file name" for Xã An Bình.
    expect(intake.problems.map((p) => p.en)).toEqual([
      'Unit "Xã Tân Lập" has not submitted a scoring workbook.',
    ]);
  });
});

describe("the list of expected units", () => {
  it("reads a table with a unit column, naming the cell of each name", () => {
    const wb = {
      source: "don-vi.xlsx",
      sheets: [
        {
          name: "DS",
          origin: { row: 0, col: 0 },
          values: [["DANH SÁCH"], ["STT", "Tên đơn vị"], [1, "Xã An Bình"], [2, " Xã Tân Lập "], [3, null]],
        },
      ],
    };
    expect(readExpectedUnits(wb, "don-vi.xlsx")).toEqual({
      units: [
        { unit: "Xã An Bình", where: "don-vi.xlsx › DS!B3" },
        { unit: "Xã Tân Lập", where: "don-vi.xlsx › DS!B4" },
      ],
      problems: [],
    });
  });

  it("reads a JSON list of names and last year's ranking JSON; says so when there is nothing", () => {
    expect(readExpectedUnits(["Xã A", "Xã B"], "x.json").units.map((u) => u.unit)).toEqual(["Xã A", "Xã B"]);
    const ranking = { year: 2023, units: [{ unit: "Xã C", rank: 1, score: 90 }] };
    expect(readExpectedUnits(ranking, "r.json").units.map((u) => u.unit)).toEqual(["Xã C"]);
    const none = readExpectedUnits({ foo: 1 }, "bad.json");
    expect(none.units).toEqual([]);
    expect(none.problems[0].en).toContain("bad.json: no list of units found");
  });
});

describe("the intake sheet", () => {
  it("is one table, chase-first order, with links to unit sheets of this workbook and to files", () => {
    const here = { ...sub("Tong-hop.xlsx", null), sheet: "Xã Tân Lập", inWorkbook: true };
    const intake = buildIntake(list("Xã An Bình", "Xã Tân Lập", "Xã Hoà"), [
      sub("a.xlsx", "Xã An Bình"),
      here,
    ]);
    const spec = intakeSheetSpec(intake, { linkSheets: true, paths: new Map([["a.xlsx", "units/a.xlsx"]]) });
    expect(spec.tables).toHaveLength(1);
    const t = spec.tables?.[0];
    expect(t?.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ["Chưa nộp", "Xã Hoà", ""],
      ["Đã nhận", "Xã An Bình", "a.xlsx"],
      ["Đã nhận", "Xã Tân Lập", "Tong-hop.xlsx › Xã Tân Lập"],
    ]);
    // Only the unit that is a sheet of this workbook links to its sheet; a picked file's sheet is elsewhere.
    expect(t?.links?.[1]).toEqual([null, null, "#'Xã Tân Lập'!A1"]);
    expect(t?.links?.[2]).toEqual([null, "units/a.xlsx", null]);
    const snap = specToSnapshot(spec);
    expect(cellAt(snap, 6, 4)).toBe(80);
    expect(cellAt(snap, 1, 0)).toBe(
      "Đã nhận 2, chưa nộp 1, không đọc được 0, nộp trùng 0, không có trong danh sách 0.",
    );
  });
});

describe("units that are sheets of this workbook", () => {
  it("match the list by their sheet name when the title is blank, and are named by workbook › sheet", () => {
    const sheetOf = (sheet: string, titleUnit: string | null) => ({
      ...sub("Tong-hop.xlsx", titleUnit),
      sheet,
      inWorkbook: true,
    });
    const intake = buildIntake(list("Xã An Bình", "Xã Tân Lập"), [
      sheetOf("Xa An Binh", null),
      sheetOf("Xã Tân Lập", "Xã Tân Lập"),
      sheetOf("Ghi chú", "Phường Lạ"),
    ]);
    expect(intake.rows.map((r) => [r.unit, r.status, r.submission?.sheet])).toEqual([
      ["Xã An Bình", "received", "Xa An Binh"],
      ["Xã Tân Lập", "received", "Xã Tân Lập"],
      ["Phường Lạ", "not-on-list", "Ghi chú"],
    ]);
    expect(intake.problems.map((p) => p.en)).toContain(
      'Tong-hop.xlsx › Xa An Binh: matched to "Xã An Bình" by its sheet name (its "Đơn vị:" line is blank).',
    );
    expect(intake.rows[2].note?.en).toContain("sheet name: Ghi chú");
  });
});

describe("an unreadable file that matches nobody", () => {
  it("stays unreadable (the reason first), marked as not on the list", () => {
    const intake = buildIntake(list("Xã An Bình"), [
      sub("a.xlsx", "Xã An Bình"),
      failedSubmission("gui-nham.xlsx", T0, { vi: "Không phải tệp Excel.", en: "Not an Excel file." }),
    ]);
    const row = intake.rows.find((r) => r.submission?.file === "gui-nham.xlsx");
    expect(row?.status).toBe("unreadable");
    expect(row?.expected).toBe(false);
    expect(row?.note?.en).toBe("Not an Excel file. Its file name matches no unit on the list either.");
  });
});

describe("last year's ranking as the list", () => {
  it("reads every unit of our own ranking sheet, across groups, and no group title", () => {
    const r3 = threeAreaRubric();
    const ranking = rankUnits(
      [
        rankInput(r3, "Phường Một", { self: [30, 20], survey: 25 }),
        rankInput(r3, "Xã Hai", { self: [35, 25], survey: 20 }),
        rankInput(r3, "Xã Ba", { self: [20, 20], survey: 20 }),
      ],
      { rubric: r3, by: "final" },
    );
    const wb = { source: "xep-hang-2023.xlsx", sheets: [specToSnapshot(rankingSheetSpec(ranking, r3))] };
    const list = readExpectedUnits(wb, wb.source);
    expect(list.units.map((u) => u.unit).sort()).toEqual(["Phường Một", "Xã Ba", "Xã Hai"]);
  });
});

describe("a CSV list", () => {
  it("with a header (either separator) or a bare list of names", () => {
    const semi = expectedUnitsFromCsv('\uFEFFSTT;Tên đơn vị\r\n1;Xã An Bình\r\n2;"Xã Tân Lập"\r\n', "ds.csv");
    expect(semi.units.map((u) => u.unit)).toEqual(["Xã An Bình", "Xã Tân Lập"]);
    const bare = expectedUnitsFromCsv("Xã An Bình\nXã Tân Lập\n", "ds.csv");
    expect(bare.units.map((u) => u.unit)).toEqual(["Xã An Bình", "Xã Tân Lập"]);
    expect(expectedUnitsFromCsv("", "rong.csv").problems[0].en).toContain("rong.csv: no list of units found");
  });
});
