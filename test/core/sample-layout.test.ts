import { describe, expect, it } from "vitest";
import { a1, parseRange } from "../../src/core/address";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric, scaleMax } from "../../src/core/rubric/tree";
import {
  generateUnit,
  LAYOUT_VARIANTS,
  type LayoutRole,
  SEED_COMMUNE,
  scoresForTotals,
  seedCommuneWorkbook,
  templateSpec,
  UNIT_PLACEHOLDER,
} from "../../src/sample";
import { type SheetSpec, type SpecCell, specToSnapshot } from "../../src/core/sheet-spec";
import { cellAt, formulaAt, type SheetSnapshot } from "../../src/core/snapshot";

const commune = builtinRubric("example-commune-2024") as Rubric;
const agency = builtinRubric("example-agency-2024") as Rubric;

function specCell(spec: SheetSpec, row: number, col: number): SpecCell | undefined {
  return spec.cells.find((c) => c.row === row && c.col === col);
}

function rowValues(sheet: SheetSnapshot, row: number): unknown[] {
  return sheet.values[row].filter((v) => v !== null);
}

describe("templateSpec", () => {
  it("has the title block, the unit placeholder and the agreed header", () => {
    const spec = templateSpec(commune);
    const sheet = specToSnapshot(spec);
    const text = sheet.values.flat().filter((v) => typeof v === "string") as string[];
    expect(text).toContain("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain(commune.name);
    expect(text).toContain(
      `BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM ${commune.year}`,
    );
    expect(text).toContain(UNIT_PLACEHOLDER);
    const headerRow = sheet.values.findIndex((r) => r[0] === "STT");
    expect(headerRow).toBeGreaterThan(3);
    expect(rowValues(sheet, headerRow)).toEqual([
      "STT",
      "Lĩnh vực/tiêu chí/tiêu chí thành phần",
      "Điểm tối đa",
      "Hướng dẫn chấm / Tài liệu kiểm chứng yêu cầu",
      "Điểm tự đánh giá",
      "Tài liệu kiểm chứng",
      "Giải trình/Ghi chú",
    ]);
    const one = specToSnapshot(templateSpec(commune, { appraisal: 1 }));
    expect(rowValues(one, headerRow).slice(7)).toEqual(["Điểm thẩm định", "Ý kiến thẩm định"]);
    const two = specToSnapshot(templateSpec(commune, { appraisal: 2 }));
    expect(rowValues(two, headerRow).slice(7)).toEqual([
      "Điểm thẩm định lần 1",
      "Điểm thẩm định lần 2",
      "Ý kiến thẩm định",
    ]);
  });

  it("lists the rubric tree in order with codes, labels, maxima and guidance, score cells empty", () => {
    for (const rubric of [commune, agency]) {
      const sheet = specToSnapshot(templateSpec(rubric));
      const first = sheet.values.findIndex((r) => r[0] === "STT") + 1;
      const flat = flattenRubric(rubric);
      flat.forEach((item, k) => {
        const r = first + k;
        expect([cellAt(sheet, r, 0), cellAt(sheet, r, 1), cellAt(sheet, r, 2), cellAt(sheet, r, 3)]).toEqual([
          item.code,
          item.label,
          item.max,
          item.item.guidance ?? null,
        ]);
        if (item.isLeaf) {
          expect(cellAt(sheet, r, 4)).toBeNull();
          expect(formulaAt(sheet, r, 4)).toBeNull();
        }
      });
      const total = first + flat.length;
      expect(cellAt(sheet, total, 1)).toBe("TỔNG CỘNG");
      expect(cellAt(sheet, total, 2)).toBe(scaleMax(rubric));
      expect(formulaAt(sheet, total, 4)).toMatch(/^=E\d+(\+E\d+)+-E\d+$/);
      expect(sheet.values.length).toBe(total + 1);
    }
  });

  it("puts a SUM of exactly its children's cells in every parent row, cached at 0", () => {
    const sheet = specToSnapshot(templateSpec(commune, { appraisal: 1 }));
    const first = sheet.values.findIndex((r) => r[0] === "STT") + 1;
    const flat = flattenRubric(commune);
    const rowOf = new Map(flat.map((item, k) => [item.code, first + k]));
    for (const item of flat.filter((i) => !i.isLeaf)) {
      for (const col of [4, 7]) {
        const f = formulaAt(sheet, rowOf.get(item.code)!, col)!;
        const args = /^=SUM\((.*)\)$/.exec(f)![1].split(",");
        const rows = args.flatMap((arg) => {
          const range = parseRange(arg)!;
          expect(range.start.col).toBe(col);
          return Array.from({ length: range.end.row - range.start.row + 1 }, (_, i) => range.start.row + i);
        });
        expect(rows).toEqual((item.item.children ?? []).map((c) => rowOf.get(c.code)));
        expect(cellAt(sheet, rowOf.get(item.code)!, col)).toBe(0);
      }
    }
  });

  it("styles, formats at the rubric's precision, widths, frozen header and print setup", () => {
    for (const [rubric, format] of [
      [commune, "0.00"],
      [agency, "0.000"],
    ] as const) {
      const spec = templateSpec(rubric, { appraisal: 1 });
      const sheet = specToSnapshot(spec);
      const header = sheet.values.findIndex((r) => r[0] === "STT");
      expect(specCell(spec, header, 4)!.style).toMatchObject({ bold: true, border: true, wrap: true });
      expect(specCell(spec, header + 1, 1)!.style).toMatchObject({ bold: true, border: true, wrap: true }); // area row
      expect(specCell(spec, header + 3, 1)!.style?.bold).toBeFalsy(); // a leaf
      for (const col of [2, 4, 7]) expect(sheet.numberFormats![header + 3][col]).toBe(format);
      expect(spec.columnWidths).toHaveLength(9);
      expect(spec.columnWidths![1]).toBeGreaterThan(spec.columnWidths![0]);
      expect(spec.freeze).toEqual({ rows: header + 1, cols: 2 });
      expect(spec.print).toEqual({ landscape: true, fitToWidth: true, repeatRows: [header, header] });
      expect(spec.merges).toContain(`A1:${a1(0, 8)}`);
    }
  });
});

describe("layout variants", () => {
  const standard = generateUnit(commune, { seed: 3, index: 2, appraisal: 1 });

  function unitIn(variant: (typeof LAYOUT_VARIANTS)[number]) {
    return generateUnit(commune, { seed: 3, index: 2, appraisal: 1, variant });
  }

  function headerAt(u: ReturnType<typeof unitIn>, role: LayoutRole): unknown {
    const sheet = specToSnapshot(u.sheets[0]);
    return (
      cellAt(sheet, u.truth.headerRow + u.truth.headerRowCount - 1, u.truth.columns[role]!) ??
      cellAt(sheet, u.truth.headerRow, u.truth.columns[role]!)
    );
  }

  it.each(LAYOUT_VARIANTS)("%s keeps every score, evidence and max in the columns truth names", (variant) => {
    const u = unitIn(variant);
    const sheet = specToSnapshot(u.sheets[0]);
    const { columns, firstDataRow } = u.truth;
    flattenRubric(commune).forEach((item, k) => {
      const r = firstDataRow + k;
      expect(cellAt(sheet, r, columns.label!)).toBe(item.label);
      expect(cellAt(sheet, r, columns.max!)).toBe(item.max);
      if (!item.isLeaf) return;
      const truth = u.truth.scores[item.code];
      if (!truth.notApplicable && item.kind !== "survey")
        expect(cellAt(sheet, r, columns.self!)).toBe(truth.self);
      if (typeof truth.appraised1 === "number")
        expect(cellAt(sheet, r, columns.appraised1!)).toBe(truth.appraised1);
      expect(cellAt(sheet, r, columns.evidence!)).toBe(truth.evidence);
    });
    // Same unit, same numbers: only the layout moved.
    expect(u.truth.scores).toEqual(standard.truth.scores);
    expect(u.truth.variants).toEqual([variant]);
  });

  it("moved-header: a taller title block and the table one column to the right", () => {
    const u = unitIn("moved-header");
    expect(u.truth.headerRow).toBeGreaterThan(standard.truth.headerRow + 2);
    expect(u.truth.columns.code).toBe(1);
    const sheet = specToSnapshot(u.sheets[0]);
    expect(cellAt(sheet, u.truth.headerRow, 1)).toBe("STT");
    expect(cellAt(sheet, u.truth.headerRow, 0)).toBeNull();
    expect(u.sheets[0].cells.find((c) => c.value === `Đơn vị: ${u.name}`)).toMatchObject({ col: 1 });
  });

  it("renamed-columns: the names other provinces use", () => {
    const u = unitIn("renamed-columns");
    const sheet = specToSnapshot(u.sheets[0]);
    expect(rowValues(sheet, u.truth.headerRow)).toEqual([
      "TT",
      "Nội dung",
      "Điểm chuẩn",
      "Hướng dẫn chấm điểm",
      "Tự chấm",
      "TLKC",
      "Giải trình",
      "Điểm chấm thực tế",
      "Ý kiến",
    ]);
  });

  it("inserted-column: an extra column after the maximum shifts the rest right", () => {
    const u = unitIn("inserted-column");
    const extra = u.truth.columns.extra!;
    expect(headerAt(u, "extra")).toBe("Bộ phận phụ trách");
    for (const [role, col] of Object.entries(standard.truth.columns)) {
      expect(u.truth.columns[role as LayoutRole]).toBe(col < extra ? col : col + 1);
    }
    const sheet = specToSnapshot(u.sheets[0]);
    expect(typeof cellAt(sheet, u.truth.firstDataRow + 2, extra)).toBe("string");
  });

  it("two-row-header: 'Điểm' merged over the score columns, other headers merged down two rows", () => {
    const u = unitIn("two-row-header");
    const sheet = specToSnapshot(u.sheets[0]);
    const h = u.truth.headerRow;
    const { columns } = u.truth;
    expect(u.truth.headerRowCount).toBe(2);
    expect(u.truth.firstDataRow).toBe(h + 2);
    expect(cellAt(sheet, h, columns.max!)).toBe("Điểm");
    expect([
      cellAt(sheet, h + 1, columns.max!),
      cellAt(sheet, h + 1, columns.self!),
      cellAt(sheet, h + 1, columns.appraised1!),
    ]).toEqual(["Tối đa", "Tự chấm", "Thẩm định"]);
    expect(u.sheets[0].merges).toContain(`${a1(h, columns.max!)}:${a1(h, columns.appraised1!)}`);
    expect(u.sheets[0].merges).toContain(`${a1(h, columns.code!)}:${a1(h + 1, columns.code!)}`);
    expect(u.sheets[0].print?.repeatRows).toEqual([h, h + 1]);
  });

  it("roman-codes: I, II for areas, 1, 2 for criteria, a), b) below", () => {
    const u = unitIn("roman-codes");
    const sheet = specToSnapshot(u.sheets[0]);
    const codes = flattenRubric(commune).map((_, k) => cellAt(sheet, u.truth.firstDataRow + k, 0));
    expect(codes.slice(0, 5)).toEqual(["I", "1", "a)", "b)", "2"]);
    const areas = flattenRubric(commune)
      .map((item, k) => (item.level === 1 ? codes[k] : null))
      .filter(Boolean);
    expect(areas).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]);
  });

  it("merged-labels: each label spans two merged cells", () => {
    const u = unitIn("merged-labels");
    const label = u.truth.columns.label!;
    expect(u.truth.columns.max).toBe(label + 2);
    for (let r = u.truth.firstDataRow; r <= u.truth.totalRow; r++) {
      expect(u.sheets[0].merges).toContain(`${a1(r, label)}:${a1(r, label + 1)}`);
    }
  });

  it("reordered-columns: guidance and evidence before the scores", () => {
    const c = unitIn("reordered-columns").truth.columns;
    expect(c.guidance!).toBeLessThan(c.max!);
    expect(c.evidence!).toBeLessThan(c.self!);
    expect(c.appraised1!).toBeLessThan(c.explanation!);
  });

  it("combines any two variants without overlapping merges or two cells in one place", () => {
    const overlaps = (a: string, b: string) => {
      const x = parseRange(a)!;
      const y = parseRange(b)!;
      return !(
        x.end.row < y.start.row ||
        y.end.row < x.start.row ||
        x.end.col < y.start.col ||
        y.end.col < x.start.col
      );
    };
    for (const first of LAYOUT_VARIANTS) {
      for (const second of LAYOUT_VARIANTS) {
        if (first >= second) continue;
        for (const appraisal of [0, 2] as const) {
          const spec = generateUnit(commune, { seed: 5, index: 5, appraisal, variant: [first, second] })
            .sheets[0];
          const merges = spec.merges ?? [];
          for (let i = 0; i < merges.length; i++)
            for (let j = i + 1; j < merges.length; j++)
              expect(overlaps(merges[i], merges[j]), `${first}+${second}: ${merges[i]} ${merges[j]}`).toBe(
                false,
              );
          const places = spec.cells.map((c) => `${c.row},${c.col}`);
          expect(new Set(places).size).toBe(places.length);
        }
      }
    }
  });

  it("template and unit share the layout of a variant", () => {
    const variant = ["moved-header", "two-row-header"] as const;
    const blank = specToSnapshot(templateSpec(commune, { appraisal: 2, variant }));
    const u = generateUnit(commune, { seed: 1, index: 1, appraisal: 2, variant });
    const filled = specToSnapshot(u.sheets[0]);
    for (let c = 0; c < blank.values[0].length; c++) {
      expect(cellAt(filled, u.truth.headerRow + 1, c)).toBe(cellAt(blank, u.truth.headerRow + 1, c));
    }
  });
});

describe("seed commune (domain.md, commune A)", () => {
  it("sums to 16/19, 6/6, 15/15, 6/6, 10/10, 6/6, 13/13 and 84.85 after appraisal", () => {
    const u = seedCommuneWorkbook();
    const sheet = specToSnapshot(u.sheets[0]);
    const { columns, firstDataRow, totalRow } = u.truth;
    const flat = flattenRubric(commune);
    const areas = flat
      .map((item, k) => ({ item, r: firstDataRow + k }))
      .filter(({ item }) => item.level === 1 && item.kind === "scored");
    expect(areas.map(({ r }) => [cellAt(sheet, r, columns.self!), cellAt(sheet, r, columns.max!)])).toEqual([
      [16, 19],
      [6, 6],
      [15, 15],
      [6, 6],
      [10, 10],
      [6, 6],
      [13, 13],
    ]);
    expect(areas.map(({ item }) => SEED_COMMUNE.areas[item.code as keyof typeof SEED_COMMUNE.areas])).toEqual(
      [16, 6, 15, 6, 10, 6, 13],
    );
    expect(cellAt(sheet, totalRow, columns.self!)).toBe(72);
    expect(cellAt(sheet, totalRow, columns.appraised1!)).toBeCloseTo(84.85, 9);
    expect(u.truth.total).toEqual({ self: 72, appraised1: 84.85, appraised2: null });
    const survey = flat.findIndex((i) => i.kind === "survey" && i.level === 1);
    expect(cellAt(sheet, firstDataRow + survey, columns.appraised1!)).toBeCloseTo(SEED_COMMUNE.index - 72, 9);
    expect(u.truth.unitName).toBe("Xã Tiến Lợi");
    expect(u.truth.planted).toEqual([]);
    const band = commune.ratingBands.find((b) => SEED_COMMUNE.index >= b.min);
    expect(band?.label).toBe("Tốt");
  });

  it("reaches area 1's 16 points through levels the guidance allows, spread over several items", () => {
    const scores = scoresForTotals(commune, { areas: SEED_COMMUNE.areas, survey: SEED_COMMUNE.survey });
    const area1 = flattenRubric(commune).filter((i) => i.isLeaf && i.path[0] === "1");
    const cut = area1.filter((i) => scores[i.code] < i.max);
    expect(cut.length).toBeGreaterThan(1);
    for (const item of area1) {
      const rule = item.item.rule!;
      const allowed = rule.type === "levels" ? rule.levels : rule.bands.map((b) => b.points);
      expect(allowed).toContain(scores[item.code]);
    }
    expect(() => scoresForTotals(commune, { areas: { "1": 20 } })).toThrow(/exceeds/);
  });

  it("keeps its facts in a layout variant", () => {
    const u = seedCommuneWorkbook({ variant: ["roman-codes", "renamed-columns"] });
    const sheet = specToSnapshot(u.sheets[0]);
    expect(cellAt(sheet, u.truth.totalRow, u.truth.columns.appraised1!)).toBeCloseTo(84.85, 9);
    expect(cellAt(sheet, u.truth.firstDataRow, u.truth.columns.code!)).toBe("I");
  });
});
