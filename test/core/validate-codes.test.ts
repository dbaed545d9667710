import { describe, expect, it } from "vitest";
import { parseA1 } from "../../src/core/address";
import { FINDING_CODES, type Finding, type FindingCode } from "../../src/core/finding";
import { toUnits } from "../../src/core/numbers";
import { recogniseWorkbook } from "../../src/core/recognise";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { seedCommuneWorkbook, unitWorkbook } from "../../src/sample";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { validateTable } from "../../src/core/validate";
import { DOC, rubric } from "./rules/table";

/**
 * Every finding code a workbook can raise, each shown on a clean sheet with one cell changed: the
 * change raises exactly that finding on the cell to fix, and the clean sheet raises nothing.
 */
// The same two-area rubric and document as the one-rule tests (test/core/rules/table.ts).
type Cell = { v: CellValue; f?: string };
type Grid = Cell[][];

/** The clean sheet: title, header, two areas with SUM rows, a total; appraised once. */
function clean(): Grid {
  const rows: CellValue[][] = [
    ["Đơn vị: Xã An Bình"],
    ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Điểm thẩm định", "Ý kiến"],
    ["1", "Chỉ đạo điều hành", 3],
    ["1.1", "Kế hoạch", 1, 1, DOC, 1],
    ["1.2", "Báo cáo", 2, 2, DOC, 2],
    ["2", "Điều tra xã hội học", 5],
    ["2.1", "Sự hài lòng", 5, null, null, 4],
    ["", "TỔNG CỘNG", 8],
  ];
  const grid: Grid = rows.map((r) => Array.from({ length: 7 }, (_, j) => ({ v: r[j] ?? null })));
  for (const col of ["D", "F"]) {
    const j = col === "D" ? 3 : 5;
    grid[2][j].f = `=SUM(${col}4:${col}5)`;
    grid[5][j].f = `=SUM(${col}7)`;
    grid[7][j].f = `=SUM(${col}3,${col}6)`;
  }
  return recalc(grid);
}

/** Excel's SUM over the grid's formulas (numbers only, text skipped, errors propagate), bottom-up. */
function recalc(grid: Grid): Grid {
  for (let pass = 0; pass < 3; pass++) {
    for (const row of grid) {
      for (const cell of row) {
        const m = cell.f ? /^=SUM\((.*)\)$/.exec(cell.f) : null;
        if (!m) continue;
        let sum = 0;
        let error: string | null = null;
        for (const part of m[1].split(",")) {
          const [a, b] = part.split(":").map((x) => parseA1(x));
          if (!a) {
            error = "#REF!";
            continue;
          }
          const end = b ?? a;
          for (let r = a.row; r <= end.row; r++) {
            const v = grid[r]?.[a.col]?.v;
            if (typeof v === "number") sum += v;
            else if (typeof v === "string" && v.startsWith("#")) error = v;
          }
        }
        cell.v = error ?? sum;
      }
    }
  }
  return grid;
}

function set(grid: Grid, address: string, v: CellValue, f?: string): Grid {
  const at = parseA1(address) as { row: number; col: number };
  grid[at.row][at.col] = f ? { v, f } : { v };
  return grid;
}

function snapshot(grid: Grid): SheetSnapshot {
  return {
    name: "Biểu",
    origin: { row: 0, col: 0 },
    values: grid.map((r) => r.map((c) => c.v)),
    formulas: grid.map((r) => r.map((c) => c.f ?? null)),
  };
}

function validate(grid: Grid, year?: number) {
  const sheet = snapshot(grid);
  const recognition = recogniseWorkbook({ source: "x.xlsx", sheets: [sheet] }, rubric);
  expect(recognition.tables).toHaveLength(1);
  return validateTable(sheet, recognition.tables[0], rubric, year === undefined ? {} : { year });
}

const brief = (f: Finding) => [f.code, f.severity, f.address, f.item];

describe("a clean sheet", () => {
  it("raises nothing at all and reads every entry", () => {
    const v = validate(clean());
    expect(v.findings).toEqual([]);
    expect([...v.entries.values()].map((e) => [e.code, e.self, e.appraised1, e.notApplicable])).toEqual([
      ["1.1", 1, 1, false],
      ["1.2", 2, 2, false],
      ["2.1", null, 4, false],
    ]);
    expect(v.entries.get("1.1")?.addresses).toEqual({ self: "D4", appraised1: "F4", evidence: "E4" });
  });
});

/** code → [change to the clean sheet, the findings expected, a nearby change that must not raise it]. */
const cases: [FindingCode, (g: Grid) => Grid, (string | null)[][], (g: Grid) => Grid][] = [
  [
    "missing-column",
    (g) => set(g, "E2", null),
    [["missing-column", "warning", "A2", null]],
    (g) => set(g, "E2", "TLKC"),
  ],
  [
    "missing-item",
    (g) =>
      recalc(
        set(
          set(set(set(set(set(g, "A5", null), "B5", null), "C5", null), "D5", null), "E5", null),
          "F5",
          null,
        ),
      ),
    [["missing-item", "error", null, "1.2"]],
    (g) => set(g, "B5", "BÁO CÁO"),
  ],
  [
    "unknown-item",
    (g) => [...g, [{ v: "3" }, { v: "Mục không có" }, { v: 1 }, { v: 1 }, { v: DOC }, { v: 1 }, { v: null }]],
    [["unknown-item", "warning", "A9", null]],
    (g) => [
      ...g,
      [
        { v: null },
        { v: "Ghi chú: số liệu đến 30/11" },
        { v: null },
        { v: null },
        { v: null },
        { v: null },
        { v: null },
      ],
    ],
  ],
  [
    "duplicate-item",
    (g) => [...g, [{ v: "1.1" }, { v: "Kế hoạch" }, { v: 1 }, { v: 1 }, { v: DOC }, { v: 1 }, { v: null }]],
    [["duplicate-item", "error", "A9", "1.1"]],
    (g) => g,
  ],
  [
    "max-mismatch",
    (g) => set(g, "C4", 2),
    [["max-mismatch", "error", "C4", "1.1"]],
    (g) => set(g, "C4", 1.0000001),
  ],
  [
    "not-a-number",
    (g) => recalc(set(g, "D4", "đạt")),
    [["not-a-number", "error", "D4", "1.1"]],
    (g) => recalc(set(g, "D4", 1)),
  ],
  [
    "number-as-text",
    (g) => recalc(set(set(g, "D5", "1,5"), "F5", 1.5)),
    [["number-as-text", "warning", "D5", "1.2"]],
    (g) => recalc(set(set(g, "D5", 1.5), "F5", 1.5)),
  ],
  [
    "score-out-of-range",
    (g) => recalc(set(set(g, "D5", 2.5), "F5", -0.5)),
    [
      ["score-out-of-range", "error", "D5", "1.2"],
      ["score-out-of-range", "error", "F5", "1.2"],
      ["appraisal-without-note", "warning", "G5", "1.2"],
    ],
    (g) => recalc(set(set(g, "D5", 2.001), "F5", 2.001)),
  ],
  [
    "score-not-allowed",
    (g) => recalc(set(set(g, "D4", 0.7), "F4", 0.7)),
    [
      ["score-not-allowed", "warning", "D4", "1.1"],
      ["score-not-allowed", "warning", "F4", "1.1"],
    ],
    (g) => recalc(set(set(g, "D4", 0.5), "F4", 0.5)),
  ],
  [
    "missing-score",
    (g) => recalc(set(set(g, "D4", null), "F5", null)),
    [
      ["missing-score", "error", "D4", "1.1"],
      ["missing-score", "warning", "F5", "1.2"],
    ],
    (g) => recalc(set(set(g, "D4", 0), "F4", 0)),
  ],
  [
    "total-mismatch",
    (g) => recalc(set(g, "D3", 1, "=SUM(D4)")),
    [["total-mismatch", "error", "D3", "1"]],
    (g) => set(g, "D3", 3.0000000000000004, "=D4+D5"),
  ],
  [
    "formula-overwritten",
    (g) => set(g, "D3", 3),
    [["formula-overwritten", "warning", "D3", "1"]],
    (g) => set(g, "D3", 3, "=D4+D5"),
  ],
  [
    "formula-error",
    (g) => recalc(set(g, "D4", "#VALUE!", '=1/"x"')),
    [["formula-error", "error", "D4", "1.1"]],
    (g) => recalc(set(g, "D4", 1, "=1/1")),
  ],
  [
    "missing-evidence",
    (g) => set(g, "E4", null),
    [["missing-evidence", "warning", "E4", "1.1"]],
    (g) => recalc(set(set(set(g, "E4", null), "D4", 0), "F4", 0)),
  ],
  [
    "evidence-unverifiable",
    (g) => set(g, "E4", "Đã thực hiện đầy đủ"),
    [["evidence-unverifiable", "warning", "E4", "1.1"]],
    (g) => set(g, "E4", "Xem https://xa-anbinh.gov.vn/kh-cchc"),
  ],
  [
    "evidence-out-of-period",
    (g) => set(g, "E4", "Kế hoạch số 3/KH-UBND ngày 20/12/2022"),
    [["evidence-out-of-period", "warning", "E4", "1.1"]],
    (g) => set(g, "E4", "Kế hoạch số 3/KH-UBND ngày 20 tháng 12 năm 2024"),
  ],
  [
    "appraisal-without-note",
    (g) => recalc(set(g, "F4", 0.5)),
    [["appraisal-without-note", "warning", "G4", "1.1"]],
    (g) => recalc(set(set(g, "F4", 0.5), "G4", "Ban hành chậm")),
  ],
  [
    "self-score-on-survey",
    (g) => recalc(set(g, "D7", 4)),
    [["self-score-on-survey", "warning", "D7", "2.1"]],
    (g) => recalc(set(g, "F7", 5)),
  ],
  [
    "missing-unit-name",
    (g) => set(g, "A1", "Đơn vị: ……"),
    [["missing-unit-name", "warning", "A1", null]],
    (g) => set(g, "A1", "Đơn vị: Thị trấn Phú Minh"),
  ],
];

describe("each finding code, positive and negative", () => {
  it("covers every code a workbook can raise", () => {
    const covered = new Set([...cases.map((c) => c[0]), "table-not-found"]);
    // Codes about files, imported tables and the ranking, not about a unit's workbook (tested in files/,
    // survey-import, rank-honest); wrong-rubric compares rubrics in analyse (templates.test.ts);
    // ambiguous-column is recognition's (recognise-meaning.test.ts).
    expect(FINDING_CODES.filter((c) => !covered.has(c))).toEqual([
      "unreadable-file",
      "number-format-ambiguous",
      "unusable-row",
      "duplicate-unit",
      "wrong-rubric",
      "ambiguous-column",
      // Evidence list citations need a second sheet: test/core/rules/evidence-list.test.ts.
      "evidence-not-listed",
      "evidence-list-uncited",
      // Raised by the pane's reader (a sheet of more text cells than it asks links of): test/excel/hyperlinks.test.ts.
      "links-not-read",
      // Raised for a file decrypted with Excel's built-in password: test/files/decrypt.test.ts.
      "opened-with-default-key",
    ]);
  });

  it.each(cases)("%s", (_code, change, expected, harmless) => {
    expect(validate(change(clean())).findings.map(brief)).toEqual(expected);
    expect(validate(harmless(clean())).findings.map(brief)).toEqual([]);
  });

  it("table-not-found when the workbook has no scoring table", () => {
    const sheet = snapshot([[{ v: "Danh sách" }], [{ v: "Nguyễn Văn A" }]]);
    const r = recogniseWorkbook({ source: "x.xlsx", sheets: [sheet] }, rubric);
    expect(r.findings.map(brief)).toEqual([["table-not-found", "error", null, null]]);
    expect(recogniseWorkbook({ source: "x.xlsx", sheets: [snapshot(clean())] }, rubric).findings).toEqual([]);
  });

  it("messages are bilingual and name the cell's values", () => {
    const f = validate(recalc(set(set(clean(), "D5", "1,5"), "F5", 1.5))).findings[0];
    expect(f.message.vi).toContain('"1,5"');
    expect(f.message.en).toContain("1.5");
    expect([f.found, f.expected, f.column]).toEqual(["1,5", 1.5, "self"]);
  });
});

describe("values as they count", () => {
  it('"1,5" typed as text is counted as 1.5', () => {
    const v = validate(recalc(set(set(clean(), "D5", "1,5"), "F5", 1.5)));
    expect(v.entries.get("1.2")?.self).toBe(1.5);
  });

  it("an over-max score is counted as written, not capped", () => {
    const v = validate(recalc(set(clean(), "D5", 2.5)));
    expect(v.entries.get("1.2")?.self).toBe(2.5);
  });

  it("'không phát sinh' in the score cell of an item that allows it: not applicable, nothing to fix", () => {
    const v = validate(recalc(set(set(clean(), "D5", "Không phát sinh"), "F5", "N/A")));
    expect(v.findings).toEqual([]);
    expect(v.entries.get("1.2")).toMatchObject({ notApplicable: true, self: null });
  });

  it("'không áp dụng' in the note of an item that allows it counts too", () => {
    const g = recalc(set(set(set(set(clean(), "D5", null), "F5", null), "G5", "Không áp dụng"), "E5", null));
    const v = validate(g);
    expect(v.findings).toEqual([]);
    expect(v.entries.get("1.2")?.notApplicable).toBe(true);
  });

  it("'không áp dụng' on an item the rubric does not allow is an error on that cell, counted as nothing", () => {
    const v = validate(recalc(set(clean(), "D4", "Không áp dụng")));
    expect(v.findings.map(brief)).toEqual([["score-not-allowed", "error", "D4", "1.1"]]);
    expect(v.entries.get("1.1")).toMatchObject({ notApplicable: false, self: null });
  });

  it("the assessment year comes from the options before the rubric", () => {
    const g = set(set(clean(), "E4", "Kế hoạch số 3/KH-UBND ngày 20/12/2022"), "E5", "Báo cáo ngày 3/1/2022");
    expect(validate(g, 2022).findings).toEqual([]);
    expect(validate(g).findings.map((f) => [f.code, f.address, f.expected])).toEqual([
      ["evidence-out-of-period", "E4", 2024],
      ["evidence-out-of-period", "E5", 2024],
    ]);
    expect(validate(clean(), 2025).findings.map((f) => [f.code, f.address, f.expected])).toEqual([
      ["evidence-out-of-period", "E4", 2025],
      ["evidence-out-of-period", "E5", 2025],
    ]);
  });
});

describe("domain.md seed commune", () => {
  it("reads back as entries whose areas add up to 16/19, 6/6, 15/15, 6/6, 10/10, 6/6, 13/13", () => {
    const commune = builtinRubric("example-commune-2024") as Rubric;
    const wb = unitWorkbook(seedCommuneWorkbook());
    const table = recogniseWorkbook(wb, commune).tables[0];
    const sheet = wb.sheets.find((s) => s.name === table.sheet) as SheetSnapshot;
    const v = validateTable(sheet, table, commune, {});
    expect(v.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const flat = flattenRubric(commune);
    const areas = flat.filter((i) => i.level === 1 && i.kind === "scored");
    const got = areas.map((area) => {
      let units = 0;
      for (const leaf of flat.filter((i) => i.isLeaf && i.path[0] === area.code)) {
        const e = v.entries.get(leaf.code);
        const final = e?.appraised2 ?? e?.appraised1 ?? e?.self ?? null;
        units += e?.notApplicable ? toUnits(leaf.max) : toUnits(final ?? 0);
      }
      return `${units / 10_000}/${area.max}`;
    });
    expect(got).toEqual(["16/19", "6/6", "15/15", "6/6", "10/10", "6/6", "13/13"]);
  });
});
