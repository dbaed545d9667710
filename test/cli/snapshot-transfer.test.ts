import { serialize } from "node:v8";
import { beforeAll, describe, expect, it } from "vitest";
import { packSnapshot, transferables, unpackSnapshot } from "../../src/cli/snapshot-transfer";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { consolidationWorkbook, generateUnits } from "../../src/sample";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";

/** What a batch worker posts comes back as the very snapshot it read, through a real thread copy. */
let books: WorkbookSnapshot[] = [];
beforeAll(async () => {
  const rubric = builtinRubric("example-commune-2024") as Rubric;
  const units = generateUnits(rubric, { count: 6, seed: 21, appraisal: 2, defectRate: 0.6, variantRate: 1 });
  const files = await Promise.all([
    ...units.map((u) => writeWorkbook(u.sheets)),
    writeWorkbook(consolidationWorkbook(units)),
  ]);
  books = files.map((bytes, i) => readWorkbook(bytes, `u${i}.xlsx`));
});

describe("snapshot transfer", () => {
  it("pack, copy between threads, unpack: the same snapshot (values, formulas, formats, errors, merges, hidden rows)", () => {
    for (const wb of books) {
      const packed = packSnapshot(wb);
      const copied = structuredClone(packed, { transfer: transferables(packed) });
      expect(unpackSnapshot(copied)).toEqual(wb);
    }
    expect(
      books.some((wb) => wb.sheets.some((s) => s.formulas?.some((row) => row.some((f) => f !== null)))),
    ).toBe(true);
  });

  it("an empty sheet and null formats survive", () => {
    const wb: WorkbookSnapshot = {
      source: "x.xlsx",
      sheets: [
        {
          name: "Trống",
          origin: { row: 0, col: 0 },
          values: [],
          formulas: [],
          numberFormats: [],
          errorCells: new Set(),
        },
        {
          name: "A",
          origin: { row: 3, col: 2 },
          values: [
            [1, "=SUM", null],
            [true, "#REF!", 45292],
          ],
          formulas: [
            [null, null, "=A1"],
            [null, "=B9", null],
          ],
          numberFormats: [
            ["General", null, "0.00"],
            ["@", "General", "dd/mm/yyyy"],
          ],
          errorCells: new Set(["1,1"]),
          merges: ["C4:D4"],
          hiddenRows: [4],
        },
      ],
    };
    expect(unpackSnapshot(structuredClone(packSnapshot(wb)))).toEqual(wb);
  });

  it("a text shown by many cells crosses once: 300 cells of one 1 MB string post ~1 MB, not 300 MB", () => {
    const big = "x".repeat(1024 * 1024);
    const values = Array.from({ length: 300 }, (_, r) => [big, r, r % 2 ? "ngắn" : null]);
    const wb: WorkbookSnapshot = {
      source: "chuoi.xlsx",
      sheets: [
        { name: "A", origin: { row: 0, col: 0 }, values, formulas: values.map((r) => r.map(() => null)) },
        { name: "B", origin: { row: 0, col: 0 }, values: [[big]], formulas: [[null]] },
      ],
    };
    const packed = packSnapshot(wb);
    // What postMessage copies is this serialisation (the typed arrays' buffers are transferred, not copied).
    expect(serialize(packed).length).toBeLessThan(2 * 1024 * 1024);
    const back = unpackSnapshot(structuredClone(packed, { transfer: transferables(packed) }));
    expect(back.sheets[0].values).toEqual(values);
    expect(back.sheets[1].values).toEqual([[big]]);
  });
});
