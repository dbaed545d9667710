import { describe, expect, it } from "vitest";
import { analyseWorkbook, type UnitAnalysis } from "../../src/core/analyse";
import type { Finding } from "../../src/core/finding";
import { importRubricFromWorkbook } from "../../src/core/rubric/import";
import { loadRubric } from "../../src/core/rubric/load";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { appraisalItemRows, appraisalSheetSpec } from "../../src/core/sheets/appraisal";
import { unitResultSheetSpec } from "../../src/core/sheets/unit-result";
import { agencyWorkbook, communeWorkbook, type Grid, toWorkbook, withCells } from "./templates-fixtures";

const loud = (f: Finding) => f.severity !== "info";
const brief = (f: Finding) =>
  `${f.code} ${f.address ?? "-"} ${f.item ?? "-"}${f.itemPath ? ` [${f.itemPath.join(" › ")}]` : ""}`;

function imported(grid: Grid): Rubric {
  const result = importRubricFromWorkbook(toWorkbook("mau.xlsx", grid));
  expect(result.problems.filter((p) => p.address).map((p) => `${p.address}: ${p.message.en}`)).toEqual([]);
  const rubric = result.rubric as Rubric;
  expect(loadRubric(rubric).ok).toBe(true);
  return rubric;
}

function analyse(grid: Grid, rubric: Rubric | null): UnitAnalysis {
  const analysis = analyseWorkbook(toWorkbook("don-vi.xlsx", grid), { rubric, source: "don-vi.xlsx" });
  expect(analysis.units).toHaveLength(1);
  return analysis.units[0];
}

describe("a commune template: Roman areas, criteria numbered across the table, letters, a two-row header", () => {
  const rubric = imported(communeWorkbook("Đơn vị: ……"));

  it("rubric import keeps the codes as the template writes them", () => {
    expect(flattenRubric(rubric).map((i) => `${i.shown}:${i.max}`)).toEqual([
      "I:3",
      "1:1",
      "1.1:1",
      "2:2",
      "2.1:2",
      "a):1",
      "b):1",
      "II:2",
      "3:2",
      "3.1:1",
      "3.2:1",
    ]);
    // Nothing repeats, so nothing needs an internal key.
    expect(flattenRubric(rubric).filter((i) => i.item.key)).toEqual([]);
  });

  it("recognises evidence before the score under 'Điểm tự đánh giá', and the appraisal and note columns", () => {
    const u = analyse(communeWorkbook(), rubric);
    expect(u.table.columns).toEqual({
      code: 0,
      label: 1,
      max: 2,
      evidence: 3,
      self: 4,
      explanation: 5,
      appraised1: 6,
      note: 7,
    });
    expect(u.table.headerRow).toBe(4);
  });

  it("a clean unit: no warning, no error — the column-number row, notes and signatures are not items", () => {
    const u = analyse(communeWorkbook(), rubric);
    expect(u.findings.filter(loud).map(brief)).toEqual([]);
    expect(u.table.rows.filter((r) => !r.isTotal).map((r) => r.code)).toEqual(
      flattenRubric(rubric).map((i) => i.shown),
    );
    expect(u.score.areas.map((a) => [a.code, a.scores.self])).toEqual([
      ["I", 2.5],
      ["II", 1],
    ]);
  });

  it("findings name the template's code: 3.1 over its maximum, b) typed as text", () => {
    const grid = withCells(communeWorkbook(), [
      [16, 4, 2],
      [15, 4, { v: 2, f: "=E17+E18" }],
      [14, 4, { v: 2, f: "=E16" }],
      [13, 4, "0,5"],
    ]);
    const u = analyse(grid, rubric);
    expect(u.findings.filter(loud).map(brief).sort()).toEqual(
      ["number-as-text E14 b)", "score-out-of-range E17 3.1", "total-mismatch E19 -"].sort(),
    );
  });

  it("a code stored as a number keeps its written decimals (1.10 is not 1.1)", () => {
    const grid = withCells(communeWorkbook("Đơn vị: ……"), [[9, 0, { v: 1.1, nf: "0.00" }]]);
    const r = importRubricFromWorkbook(toWorkbook("mau.xlsx", grid)).rubric as Rubric;
    expect(flattenRubric(r).map((i) => i.shown)).toContain("1.10");
  });
});

describe("an agency template: criteria restarting in every area, a three-row header, the total at the top", () => {
  const rubric = imported(agencyWorkbook());

  it("imports codes as written; a repeated code gets an internal key and is told apart by its path", () => {
    const flat = flattenRubric(rubric);
    expect(flat.map((i) => i.shown)).toEqual(["I", "1", "1.1", "1.2", "2", "II", "1", "1.1", "1.2"]);
    const second = flat[7];
    expect(second.shownPath).toEqual(["II", "1", "1.1"]);
    expect(new Set(flat.map((i) => i.code)).size).toBe(flat.length);
  });

  it("recognises the three header rows and the columns under them", () => {
    const u = analyse(agencyWorkbook(), rubric);
    expect(u.table.columns).toEqual({
      code: 0,
      label: 1,
      max: 2,
      self: 3,
      evidence: 4,
      appraised1: 5,
      note: 6,
    });
    expect(u.table.headerRow).toBe(2);
    expect(u.findings.filter(loud).map(brief)).toEqual([]);
    expect(u.score.areas.map((a) => [a.code, a.scores.self])).toEqual([
      ["I", 2],
      ["II", 2],
    ]);
  });

  it("a finding on a repeated code keeps the template's code in item and adds itemPath", () => {
    const grid = withCells(agencyWorkbook(), [
      [14, 3, null],
      [13, 3, { v: 1, f: "=D15+D16" }],
      [12, 3, { v: 1, f: "=D14" }],
      [6, 3, { v: 3, f: "=D8+D13" }],
    ]);
    const u = analyse(grid, rubric);
    const missing = u.findings.find((f) => f.code === "missing-score");
    expect(missing && brief(missing)).toBe("missing-score D15 1.1 [II › 1 › 1.1]");
    expect(missing?.message.en).toContain("II › 1 › 1.1");
  });

  it("checked against its own structure (no rubric), the codes are the template's too", () => {
    const u = analyse(agencyWorkbook(), null);
    expect(u.score.areas.map((a) => a.code)).toEqual(["I", "II"]);
    expect(u.findings.filter(loud).map(brief)).toEqual([]);
  });
});

describe("never silent", () => {
  it("a header whose self-score column is not recognised: missing-column naming what was found and how to fix it", () => {
    // "Kết quả" is not a self-score header: only the appraisal column is recognised.
    const grid = withCells(communeWorkbook(), [
      [4, 3, "Kết quả"],
      [5, 4, "Số"],
    ]);
    const rubric = imported(communeWorkbook("Đơn vị: ……"));
    const u = analyse(grid, rubric);
    const f = u.findings.find((x) => x.code === "missing-column" && x.severity === "error");
    expect(f?.expected).toBe("self");
    expect(f?.message.en).toMatch(/Recognised: .*appraised score = G/);
    expect(f?.message.en).toContain("--columns self=");
    expect(f?.message.vi).toContain("Sửa cột");
  });

  it("the user's correction (--columns self=E) makes the same workbook count", () => {
    const grid = withCells(communeWorkbook(), [
      [4, 3, "Kết quả"],
      [5, 4, "Số"],
    ]);
    const rubric = imported(communeWorkbook("Đơn vị: ……"));
    const analysis = analyseWorkbook(toWorkbook("x.xlsx", grid), {
      rubric,
      source: "x.xlsx",
      columns: { roles: { self: 4, evidence: 3 } },
    });
    expect(analysis.units[0].score.index.self).not.toBeNull();
    expect(
      analysis.units[0].findings.filter((x) => x.code === "missing-column" && x.severity === "error"),
    ).toEqual([]);
  });

  it("whenever a total is null, a finding says why", () => {
    const rubric = imported(communeWorkbook("Đơn vị: ……"));
    const blankScores: [number, number, null][] = [9, 12, 13, 16, 17].map((r) => [r, 4, null]);
    const cases: Grid[] = [
      communeWorkbook(),
      withCells(communeWorkbook(), [
        [4, 3, "Kết quả"],
        [5, 4, "Số"],
      ]),
      withCells(communeWorkbook(), blankScores),
      withCells(agencyWorkbook(), [
        [4, 3, "Số"],
        [3, 3, "Kết quả"],
      ]),
    ];
    let nulls = 0;
    for (const grid of cases) {
      const analysis = analyseWorkbook(toWorkbook("x.xlsx", grid), { rubric, source: "x.xlsx" });
      const units = analysis.units;
      if (units.length === 0) {
        expect(analysis.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
        nulls++;
        continue;
      }
      for (const u of units) {
        const nullAreas = u.score.areas.filter((a) => a.scores.self === null);
        if (u.score.index.self === null || nullAreas.length) {
          nulls++;
          expect(
            u.findings.filter((f) => f.severity === "error").map(brief).length,
            grid.name,
          ).toBeGreaterThan(0);
        }
      }
    }
    // The cases above do produce null totals: the assertion is exercised.
    expect(nulls).toBeGreaterThanOrEqual(3);
  });
});

describe("consolidation workbooks", () => {
  it("the blank template beside the unit sheets is not a unit, and says so in a note", () => {
    const rubric = imported(communeWorkbook("Đơn vị: ……"));
    const blank = withCells(
      communeWorkbook("Đơn vị: ……"),
      [
        [9, 4, null],
        [12, 4, null],
        [13, 4, null],
        [16, 4, null],
        [17, 4, 0 as never],
      ],
      "Mẫu biểu",
    );
    const blankRows = blank.rows.map((r, i) => (i === 17 ? r.map((c, j) => (j === 4 ? null : c)) : r));
    const analysis = analyseWorkbook(
      toWorkbook("tong-hop.xlsx", { ...blank, rows: blankRows }, communeWorkbook(), {
        ...agencyWorkbook(),
        name: "Khác",
      }),
      { rubric, source: "tong-hop.xlsx", allSheets: true },
    );
    expect(analysis.units.map((u) => u.sheet)).toEqual(["Biểu tự chấm", "Khác"]);
    expect(analysis.findings.map((f) => [f.severity, f.sheet])).toEqual([["info", "Mẫu biểu"]]);
  });
});

describe("wrong rubric, said once", () => {
  const commune = imported(communeWorkbook("Đơn vị: ……"));
  const agency = imported(agencyWorkbook());

  it("an agency's workbook checked against the commune rubric: one wrong-rubric error naming the better match", () => {
    const analysis = analyseWorkbook(toWorkbook("pnv.xlsx", agencyWorkbook()), {
      rubric: commune,
      source: "pnv.xlsx",
      candidates: [commune, { ...agency, id: "agency-2024", name: "Bộ chỉ số cơ quan 2024" }],
    });
    const u = analysis.units[0];
    const errors = u.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.code} ${f.address}`)).toEqual(["wrong-rubric B3"]);
    expect(errors[0].message.vi).toContain("Bộ chỉ số cơ quan 2024");
    expect(errors[0].message.en).toContain("shown as notes");
    expect(u.betterRubric).toEqual({ id: "agency-2024", name: "Bộ chỉ số cơ quan 2024", fit: 1 });
    // The symptoms are still there, as notes.
    expect(u.findings.some((f) => f.code === "max-mismatch" && f.severity === "info")).toBe(true);
  });

  it("the right rubric, or a unit with a few wrong maxima, gets no wrong-rubric finding", () => {
    const candidates = [commune, agency];
    const right = analyseWorkbook(toWorkbook("x.xlsx", agencyWorkbook()), {
      rubric: agency,
      source: "x",
      candidates,
    });
    expect(right.units[0].betterRubric).toBeUndefined();
    const oldVersion = withCells(agencyWorkbook(), [[9, 2, 1.5]]);
    const few = analyseWorkbook(toWorkbook("x.xlsx", oldVersion), {
      rubric: agency,
      source: "x",
      candidates,
    });
    expect(few.units[0].findings.filter((f) => f.severity === "error").map((f) => f.code)).toEqual([
      "max-mismatch",
    ]);
  });
});

describe("the engine's internal keys never reach the user", () => {
  // The agency template restarts its criteria in every area: "1", "1.1" are written twice.
  const grid = withCells(agencyWorkbook(), [
    [14, 3, null],
    [13, 3, { v: 1, f: "=D15+D16" }],
    [12, 3, { v: 1, f: "=D14" }],
    [6, 3, { v: 3, f: "=D8+D13" }],
  ]);
  const rubric = imported(agencyWorkbook());
  const u = analyse(grid, rubric);

  it("scores show the written code and its path; only repeated codes have a key apart from it", () => {
    const repeated = u.score.nodes.filter((n) => n.code !== n.shown);
    expect(repeated.map((n) => n.shownPath.join(" › ")).sort()).toEqual([
      "I › 1",
      "I › 1 › 1.1",
      "I › 1 › 1.2",
      "II › 1",
      "II › 1 › 1.1",
      "II › 1 › 1.2",
    ]);
    for (const n of u.score.nodes) expect(n.shownPath[n.shownPath.length - 1]).toBe(n.shown);
  });

  it("the appraisal sheet names items by the template's codes and attaches each finding to its own item", () => {
    const rows = appraisalItemRows({ unit: u.unit, sheet: u.sheet, score: u.score, findings: u.findings });
    const codes = rows.map((r) => `${r.area}/${r.code}`);
    expect(codes).toContain("II/1.1");
    expect(codes).toContain("I/1.1");
    const withMissing = rows.filter((r) => r.findings.some((f) => f.startsWith("[missing-score]")));
    expect(withMissing.map((r) => `${r.area}/${r.code}`)).toEqual(["II/1.1"]);
  });

  it("no cell of the unit result or appraisal sheet shows an engine key", () => {
    const keys = u.score.nodes.filter((n) => n.code !== n.shown).map((n) => n.code);
    const specs = [
      unitResultSheetSpec(u.unit, u.score),
      appraisalSheetSpec({ unit: u.unit, sheet: u.sheet, score: u.score, findings: u.findings }),
    ];
    const shown = specs.flatMap((s) => [
      ...s.cells.map((c) => String(c.value)),
      ...(s.tables ?? []).flatMap((t) => t.rows.flat().map(String)),
    ]);
    for (const key of keys) expect(shown).not.toContain(key);
  });
});
