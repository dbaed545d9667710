import { describe, expect, it } from "vitest";
import { a1 } from "../../src/core/address";
import { analyseWorkbook } from "../../src/core/analyse";
import { diffWorkbooks, MOVED_BLOCKS_SHOWN, structureCount } from "../../src/core/diff";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { requireRubric } from "../../src/core/rubric/load";
import type { Rubric } from "../../src/core/rubric/schema";
import { diffSheetSpec } from "../../src/core/sheets/diff";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { generateUnit, unitWorkbook } from "../../src/sample";

const rubric = builtinRubric("example-commune-2024") as Rubric;

/** A fresh copy of a generated unit's workbook, as a reader would see it. */
function version(): WorkbookSnapshot {
  const unit = generateUnit(rubric, { seed: 11, index: 3, appraisal: 1 });
  const wb = unitWorkbook(unit);
  return structuredClone(wb);
}

/** The table as the engine recognises it: item → 0-based row, role → 0-based column. */
function layout(wb: WorkbookSnapshot) {
  const [u] = analyseWorkbook(wb, { rubric, source: wb.source }).units;
  const rowOf = (item: string) => u.table.rows.find((r) => r.item === item)?.row as number;
  return {
    u,
    rowOf,
    cols: u.table.columns,
    sheet: wb.sheets.find((s) => s.name === u.sheet) as SheetSnapshot,
  };
}

function grids(s: SheetSnapshot): (CellValue[] | (string | null)[])[][] {
  return [s.values, ...(s.formulas ? [s.formulas] : []), ...(s.numberFormats ? [s.numberFormats] : [])];
}

/** Inserts `n` blank rows above 0-based sheet row `at`, as Excel's "Insert row" does. */
function insertRows(s: SheetSnapshot, at: number, n: number): void {
  for (const g of grids(s)) {
    const width = g[0]?.length ?? 0;
    g.splice(at - s.origin.row, 0, ...Array.from({ length: n }, () => new Array(width).fill(null)));
  }
}

function deleteRow(s: SheetSnapshot, at: number): void {
  for (const g of grids(s)) g.splice(at - s.origin.row, 1);
}

/** Moves column `from` to position `to` (0-based), shifting the ones between. */
function moveColumn(s: SheetSnapshot, from: number, to: number): void {
  for (const g of grids(s)) {
    for (const row of g) {
      const [cell] = row.splice(from - s.origin.col, 1);
      row.splice(to - s.origin.col, 0, cell as never);
    }
  }
  s.merges = [];
}

function setCell(s: SheetSnapshot, row: number, col: number, value: CellValue): void {
  s.values[row - s.origin.row][col - s.origin.col] = value;
  if (s.formulas) s.formulas[row - s.origin.row][col - s.origin.col] = null;
}

const opts = { rubric };

describe("resubmission diff", () => {
  it("two identical versions: nothing changed, every item matched", () => {
    const d = diffWorkbooks(version(), version(), opts);
    expect(d.items).toEqual([]);
    expect(d.structure).toEqual([]);
    expect(d.problems).toEqual([]);
    expect(d.unchanged).toBe(layout(version()).u.table.rows.filter((r) => r.item && !r.isTotal).length);
  });

  it("rows inserted above items: told as structure, and the content changes keep their own cells", () => {
    const old = version();
    const neu = version();
    const { rowOf, cols, sheet } = layout(neu);
    const oldSelf = sheet.values[rowOf("3.2") - sheet.origin.row][(cols.self as number) - sheet.origin.col];
    const oldRow32 = rowOf("3.2");
    // The unit inserts two rows before item 2.1, then raises its self score on 3.2 and rewrites 1.1's evidence.
    insertRows(sheet, rowOf("2.1"), 2);
    const after = layout(neu);
    setCell(sheet, after.rowOf("3.2"), cols.self as number, 0.25);
    setCell(sheet, after.rowOf("1.1"), cols.evidence as number, "Kế hoạch số 9/KH-UBND ngày 02/02/2024");

    const d = diffWorkbooks(old, neu, opts);
    expect(d.items.map((i) => [i.item, i.status, i.changes.map((c) => c.field)])).toEqual([
      ["1.1", "changed", ["evidence"]],
      ["3.2", "changed", ["self"]],
    ]);
    const self = d.items[1].changes[0];
    expect(self).toEqual({
      field: "self",
      old: oldSelf,
      new: 0.25,
      oldCell: a1(oldRow32, cols.self as number),
      newCell: a1(oldRow32 + 2, cols.self as number),
    });
    expect(d.structure.map((s) => [s.kind, s.item])).toEqual([["rows-moved", "2.1"]]);
    expect(d.structure[0].message.en).toContain("2 row(s) inserted above");
  });

  it("columns moved: structure only, no item reported as changed", () => {
    const old = version();
    const neu = version();
    const { cols, sheet } = layout(neu);
    // Evidence moved to the left of the self score.
    moveColumn(sheet, cols.evidence as number, cols.self as number);
    const d = diffWorkbooks(old, neu, opts);
    expect(d.items).toEqual([]);
    const moved = d.structure.filter((s) => s.kind === "column-moved").map((s) => s.role);
    expect(moved).toContain("evidence");
    expect(moved).toContain("self");
    expect(d.structure.some((s) => s.kind === "rows-moved")).toBe(false);
  });

  it("a removed row is an item removed, and the totals before and after differ by its score", () => {
    const old = version();
    const neu = version();
    const { rowOf, sheet, u } = layout(neu);
    const removed = u.table.rows.find((r) => r.item === "2.1");
    expect(removed).toBeDefined();
    deleteRow(sheet, rowOf("2.1"));
    const d = diffWorkbooks(old, neu, opts);
    expect(d.items.map((i) => [i.item, i.status, i.oldRow, i.newRow])).toEqual([
      ["2.1", "removed", rowOf("2.1") + 1, null],
    ]);
    expect(d.structure.map((s) => s.kind)).toEqual(["rows-moved"]);
    const overall = d.totals[d.totals.length - 1];
    const leaf = u.score.nodes.find((n) => n.code === "2.1");
    expect(overall.old.self).toBe(u.score.summary.self);
    expect(overall.new.self).toBeCloseTo((u.score.summary.self as number) - (leaf?.scores.self as number), 6);
  });

  it("an item added (a row the old version lacked) is reported as added", () => {
    const old = version();
    const { rowOf, sheet } = layout(old);
    deleteRow(sheet, rowOf("4.1"));
    const d = diffWorkbooks(old, version(), opts);
    expect(d.items.filter((i) => i.status === "added").map((i) => i.item)).toEqual(["4.1"]);
  });

  it("a file with no table cannot be compared, and says which", () => {
    const empty: WorkbookSnapshot = {
      source: "trong.xlsx",
      sheets: [{ name: "S", origin: { row: 0, col: 0 }, values: [["x"]] }],
    };
    const d = diffWorkbooks(empty, version(), opts);
    expect(d.problems.map((p) => p.en)).toEqual(["trong.xlsx: no scoring table found; nothing to compare."]);
  });

  it("the sheet lists one row per changed cell, then totals", () => {
    const old = version();
    const neu = version();
    const { rowOf, cols, sheet } = layout(neu);
    setCell(sheet, rowOf("1.1"), cols.note as number, "Đã bổ sung");
    const spec = diffSheetSpec(diffWorkbooks(old, neu, opts));
    const items = spec.tables?.find((t) => t.name === "SoSanh_TieuChi");
    expect(items?.rows.map((r) => [r[0], r[3], r[5]])).toEqual([["1.1", "Ghi chú", "Đã bổ sung"]]);
  });
});

/** The sheet row (0-based) whose code cell reads `code`, found in the planted layout (not by the engine). */
function plantedRow(s: SheetSnapshot, codeCol: number, code: string): number {
  const i = s.values.findIndex((r) => String(r[codeCol - s.origin.col] ?? "").trim() === code);
  if (i < 0) throw new Error(`no row for ${code}`);
  return i + s.origin.row;
}

/** Swaps two sheet rows (0-based) in every grid, as cut-and-paste of whole rows would. */
function swapRows(s: SheetSnapshot, x: number, y: number): void {
  for (const g of grids(s)) {
    const i = x - s.origin.row;
    const j = y - s.origin.row;
    [g[i], g[j]] = [g[j], g[i]];
  }
}

/** Two fresh copies of one generated unit's workbook, with where its rows were planted. */
function plantedPair(r: Rubric, seed = 11) {
  const unit = generateUnit(r, { seed, index: 3, appraisal: 1 });
  const wb = unitWorkbook(unit);
  const neu = structuredClone(wb);
  const sheet = neu.sheets.find((s) => s.name === unit.truth.sheet) as SheetSnapshot;
  return {
    old: structuredClone(wb),
    neu,
    sheet,
    truth: unit.truth,
    codeCol: unit.truth.columns.code as number,
  };
}

describe("moved rows are told as blocks", () => {
  it("N rows inserted above an area: one block line with the planted range and shift", () => {
    const { old, neu, sheet, truth, codeCol } = plantedPair(rubric);
    const from = plantedRow(sheet, codeCol, "3");
    const lastCode = String(
      sheet.values[truth.lastDataRow - sheet.origin.row][codeCol - sheet.origin.col],
    ).trim();
    const N = 4;
    insertRows(sheet, from, N);
    const d = diffWorkbooks(old, neu, opts);
    expect(d.items).toEqual([]);
    const moved = d.structure.filter((s) => s.kind.startsWith("rows-moved"));
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({
      kind: "rows-moved",
      item: "3",
      lastItem: lastCode,
      order: "same",
      by: N,
      oldRows: { first: from + 1, last: truth.lastDataRow + 1 },
      newRows: { first: from + 1 + N, last: truth.lastDataRow + 1 + N },
    });
    expect(moved[0].message.en).toBe(
      `Rows ${from + 1}–${truth.lastDataRow + 1} (items 3 … ${lastCode}) moved down by ${N}: ${N} row(s) inserted above.`,
    );
    expect(moved[0].message.vi).toBe(
      `Khối dòng ${from + 1}–${truth.lastDataRow + 1} (tiêu chí 3 … ${lastCode}) chuyển xuống ${N} dòng: thêm ${N} dòng phía trên.`,
    );
  });

  it("two rows swapped: one block in reverse order, nothing else moved", () => {
    const { old, neu, sheet, codeCol } = plantedPair(rubric);
    const x = plantedRow(sheet, codeCol, "3.1");
    const y = plantedRow(sheet, codeCol, "3.2");
    expect(y).toBe(x + 1);
    swapRows(sheet, x, y);
    const d = diffWorkbooks(old, neu, opts);
    expect(d.items).toEqual([]);
    expect(d.structure.map((s) => [s.kind, s.order, s.item, s.lastItem, s.oldRows, s.newRows])).toEqual([
      ["rows-moved", "reversed", "3.2", "3.1", { first: x + 1, last: y + 1 }, { first: x + 1, last: y + 1 }],
    ]);
  });

  it("20,000 items with every leaf pair swapped: the first blocks listed, the rest counted, every item matched", () => {
    // A flat rubric of 10 areas × 10 criteria × 198 leaves: 19,910 items, near the rubric's 20,000 limit.
    const leaves = 198;
    const items: Rubric["items"] = [];
    for (let a = 1; a <= 10; a++) {
      const children: Rubric["items"] = [];
      for (let c = 1; c <= 10; c++) {
        const kids = Array.from({ length: leaves }, (_, l) => ({
          code: `${a}.${c}.${l + 1}`,
          label: `Tiêu chí thành phần ${a}.${c}.${l + 1}`,
          max: 1,
        }));
        children.push({ code: `${a}.${c}`, label: `Tiêu chí ${a}.${c}`, max: leaves, children: kids });
      }
      items.push({ code: String(a), label: `Lĩnh vực ${a}`, max: 10 * leaves, children });
    }
    const big = requireRubric(
      { id: "diff-20k", name: "Diff 20k", year: 2024, unitLevel: "commune", precision: 2, items },
      "diff-20k",
    );
    const { old, neu, sheet, codeCol } = plantedPair(big, 24);
    // Each criterion's leaves swapped in pairs (1↔2, 3↔4, …): 99 reversed pairs per criterion.
    let pairs = 0;
    for (let a = 1; a <= 10; a++)
      for (let c = 1; c <= 10; c++) {
        const first = plantedRow(sheet, codeCol, `${a}.${c}.1`);
        for (let l = 0; l + 1 < leaves; l += 2) {
          swapRows(sheet, first + l, first + l + 1);
          pairs++;
        }
      }
    const d = diffWorkbooks(old, neu, { rubric: big });
    expect(d.problems).toEqual([]);
    expect(d.items).toEqual([]);
    expect(d.unchanged).toBe(10 + 10 * 10 + 10 * 10 * leaves);
    const blocks = d.structure.filter((s) => s.kind === "rows-moved");
    expect(blocks).toHaveLength(MOVED_BLOCKS_SHOWN);
    expect(blocks.every((b) => b.order === "reversed" && b.items === 2)).toBe(true);
    const more = d.structure.filter((s) => s.kind === "rows-moved-more");
    expect(more.map((m) => [m.blocks, m.items])).toEqual([
      [pairs - MOVED_BLOCKS_SHOWN, 2 * (pairs - MOVED_BLOCKS_SHOWN)],
    ]);
    expect(structureCount(d.structure)).toBe(pairs);
    expect(more[0].message.en).toContain(
      `and ${(pairs - MOVED_BLOCKS_SHOWN).toLocaleString("en")} more moved block(s)`,
    );
    // The "So sánh" sheet: the same 21 lines, and the count of every block in its summary.
    const spec = diffSheetSpec(d);
    expect(spec.tables?.find((t) => t.name === "SoSanh_CauTruc")?.rows).toHaveLength(MOVED_BLOCKS_SHOWN + 1);
    expect(String(spec.cells?.[2].value)).toContain(`; ${pairs} thay đổi cấu trúc.`);
  });
});

describe("a row moved far is a move, not a reversed block", () => {
  it("1.1.1 cut and pasted below 1.2.1: the rows between move up by one, 1.1.1 down by their count", () => {
    const { old, neu, sheet, codeCol } = plantedPair(rubric);
    const x = plantedRow(sheet, codeCol, "1.1.1");
    const y = plantedRow(sheet, codeCol, "1.2.1");
    // Row x taken out and put back after row y: rows x+1..y each one up.
    for (const g of grids(sheet)) {
      const [row] = g.splice(x - sheet.origin.row, 1);
      g.splice(y - sheet.origin.row, 0, row as never);
    }
    const d = diffWorkbooks(old, neu, opts);
    expect(d.items).toEqual([]);
    expect(d.structure.map((s) => [s.kind, s.order, s.item, s.by, s.oldRows])).toEqual([
      ["rows-moved", "same", "1.1.2", -1, { first: x + 2, last: y + 1 }],
      ["rows-moved", "same", "1.1.1", y - x, { first: x + 1, last: x + 1 }],
    ]);
    expect(d.structure[1].message.en).toBe(`Row ${x + 1} (item 1.1.1) moved down by ${y - x}.`);
  });
});
