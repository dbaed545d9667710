import { describe, expect, it } from "vitest";
import { loadRubric, RubricError, requireRubric } from "../../src/core/rubric/load";
import { analyseWorkbook } from "../../src/core/analyse";
import { importRubricFromWorkbook } from "../../src/core/rubric/import";
import { MAX_RUBRIC_DEPTH, MAX_RUBRIC_ITEMS, type RubricInput } from "../../src/core/rubric/schema";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";

// Issue #13 points 2 and 7, #15 point 1: rubric values and patterns checked when the rubric loads.

const base = (over: Partial<RubricInput> = {}): RubricInput => ({
  id: "r",
  name: "R",
  year: 2024,
  unitLevel: "commune",
  precision: 2,
  items: [{ code: "1", label: "Một", max: 100 }],
  ...over,
});

const problems = (data: unknown) => {
  const r = loadRubric(data);
  if (r.ok) throw new Error("expected the rubric to be refused");
  return r.problems;
};

describe("group patterns are checked at load, naming the group", () => {
  it("refuses an invalid pattern (it used to load, then be dropped silently)", () => {
    const p = problems(base({ groups: [{ id: "w", label: "Phường", patterns: ["^(phuong"] }] }));
    expect(p[0].where).toBe("groups.0.patterns.0");
    expect(p[0].message.vi).toContain('nhóm "Phường"');
    expect(p[0].message.en).toContain('group "Phường"');
  });

  it("a pattern that would hang a backtracking engine loads (RE2 runs it in linear time); a back-reference is refused", () => {
    expect(loadRubric(base({ groups: [{ id: "w", label: "Xã", patterns: ["^(\\w+\\s?)+$"] }] })).ok).toBe(
      true,
    );
    const p = problems(base({ groups: [{ id: "w", label: "Xã", patterns: ["^(xa) \\1$"] }] }));
    expect(p[0].message.en).toContain("back-reference");
    expect(p[0].message.vi).toContain('nhóm "Xã"');
  });
});

describe("Vietnamese messages are Vietnamese", () => {
  it("zod's own messages come through its vi locale, never English text inside the Vietnamese", () => {
    const p = problems({ ...base(), year: "2024", unitLevel: "xã" });
    expect(p).toHaveLength(2);
    for (const x of p) {
      expect(x.message.vi).not.toMatch(/Invalid|expected|received/);
      expect(x.message.en).toMatch(/Invalid/);
    }
    expect(p[0].message.vi).toContain("không hợp lệ");
  });

  it("our own schema messages are bilingual too", () => {
    const p = problems(base({ id: "Bad Id" }));
    expect(p[0].message.vi).toContain("chỉ gồm chữ thường");
  });
});

describe("sizes and numbers that cannot be a rubric", () => {
  it("a maximum of 1e308 is refused (no 'index 3/Infinity')", () => {
    const p = problems(base({ items: [{ code: "1", label: "Một", max: 1e308 }] }));
    expect(p[0].where).toBe("items.0.max");
    expect(p[0].message.vi).toContain("lớn hơn 10000");
  });

  it("a 1,000-level rubric is a RubricError, not a stack overflow", () => {
    let item: Record<string, unknown> = { code: "x1000", label: "x", max: 1 };
    for (let i = 999; i >= 1; i--) item = { code: `x${i}`, label: "x", max: 1, children: [item] };
    const data = base({ items: [item as never] });
    const p = problems(data);
    expect(p[0].message.en).toContain("more than 12 levels deep");
    expect(() => requireRubric(data, "deep.json")).toThrow(RubricError);
  });

  it("too many items are refused", () => {
    const children = Array.from({ length: 20_001 }, (_, i) => ({ code: `1.${i}`, label: "a", max: 0 }));
    const p = problems(base({ items: [{ code: "1", label: "Một", max: 0, children }] }));
    expect(p[0].message.en).toContain("more than 20,000 items");
  });

  it("a guidance level the item cannot reach is a rubric problem (it used to be dropped silently)", () => {
    const p = problems(
      base({ items: [{ code: "1", label: "Một", max: 100, rule: { type: "levels", levels: [100, 150] } }] }),
    );
    expect(p[0].message.en).toBe("Item 1: the guidance's score 150 is outside 0–100.");
  });

  it("a sane rubric still loads", () => {
    expect(loadRubric(base({ groups: [{ id: "w", label: "Phường", patterns: ["^phuong "] }] })).ok).toBe(
      true,
    );
  });
});

// The same limits and the same wording hold for a rubric built from a template (`rubric import`) and for
// a workbook checked against its own structure (`--no-rubric`).
describe("a rubric built from a table meets the loader's limits", () => {
  const HEADER: CellValue[] = ["STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"];
  const workbook = (rows: CellValue[][]): WorkbookSnapshot => ({
    source: "mau-lon.xlsx",
    sheets: [
      { name: "Biểu mẫu", origin: { row: 0, col: 0 }, values: [["Bộ chỉ số năm 2024"], HEADER, ...rows] },
    ],
  });
  /** n items under one area "1": 20,000 in all is the most a rubric may have. */
  const wide = (n: number): CellValue[][] => [
    ["1", "Lĩnh vực", (n - 1) / 10, null],
    ...Array.from({ length: n - 1 }, (_, i): CellValue[] => [`1.${i + 1}`, `Tiêu chí ${i + 1}`, 0.1, null]),
  ];
  /** Codes 1, 1.1, 1.1.1 … `levels` deep, each the only child of the one above. */
  const deep = (levels: number): CellValue[][] =>
    Array.from({ length: levels }, (_, i): CellValue[] => [
      Array.from({ length: i + 1 }, () => "1").join("."),
      `Cấp ${i + 1}`,
      1,
      null,
    ]);

  it("20,000 items are imported; 20,001 are refused, naming the sheet and the limit", () => {
    expect(importRubricFromWorkbook(workbook(wide(MAX_RUBRIC_ITEMS))).rubric).not.toBeNull();
    const refused = importRubricFromWorkbook(workbook(wide(MAX_RUBRIC_ITEMS + 1)));
    expect(refused.rubric).toBeNull();
    const p = refused.problems.at(-1);
    expect(p?.sheet).toBe("Biểu mẫu");
    expect(p?.message.en).toBe(
      'The table on sheet "Biểu mẫu" (header row 2) has more than 20,000 items; a province\'s template has tens to a few hundred, so no rubric is built from it.',
    );
    expect(p?.message.vi).toContain('Bảng ở trang tính "Biểu mẫu" (dòng tiêu đề 2) có hơn 20.000 tiêu chí');
  });

  it("12 levels are imported; 13 are refused, naming the item and its row", () => {
    const twelve = importRubricFromWorkbook(workbook(deep(MAX_RUBRIC_DEPTH)));
    expect(twelve.rubric).not.toBeNull();
    const refused = importRubricFromWorkbook(workbook(deep(MAX_RUBRIC_DEPTH + 1)));
    expect(refused.rubric).toBeNull();
    const p = refused.problems.at(-1);
    // The twelfth level (row 14: title, header, then levels 1 … 12) is the one with a child too many.
    const code = Array.from({ length: MAX_RUBRIC_DEPTH }, () => "1").join(".");
    expect(p?.message.en).toContain(`more than 12 levels deep at item ${code} (row 14)`);
    expect(p?.message.vi).toContain(`lồng sâu quá 12 cấp tại tiêu chí ${code} (dòng 14)`);
  });

  it("checked against its own structure (no rubric), a table over the limit is an error on its header, saying why", () => {
    const wb = workbook(
      wide(MAX_RUBRIC_ITEMS + 1).map((r) => [...r.slice(0, 3), typeof r[2] === "number" ? r[2] : null]),
    );
    const analysis = analyseWorkbook(wb, { rubric: null, source: wb.source });
    const errors = [...analysis.findings, ...analysis.units.flatMap((u) => u.findings)].filter(
      (f) => f.severity === "error",
    );
    expect(errors.map((f) => [f.code, f.sheet, f.address])).toEqual([["table-not-found", "Biểu mẫu", "B2"]]);
    expect(errors[0].message.en).toContain("has more than 20,000 items");
    expect(errors[0].message.vi).toContain("có hơn 20.000 tiêu chí");
  });

  it("points beyond ±10,000 are refused with the loader's words, in Vietnamese in the Vietnamese", () => {
    const refused = importRubricFromWorkbook(workbook([["1", "Lĩnh vực", 1e9, null]]));
    expect(refused.rubric).toBeNull();
    const p = refused.problems.at(-1);
    expect(p?.message.vi).toBe("Bộ chỉ số nhập vào không hợp lệ tại items.0.max: lớn hơn 10000");
    expect(p?.message.en).toBe("Imported rubric invalid at items.0.max: above 10000");
  });
});

describe("the import's schema messages are Vietnamese in Vietnamese", () => {
  it("zod's own words come through its vi locale, as the loader's do", () => {
    const wb: WorkbookSnapshot = {
      source: "mau.xlsx",
      sheets: [
        {
          name: "Mẫu",
          origin: { row: 0, col: 0 },
          values: [
            ["STT", "Nội dung", "Điểm tối đa"],
            ["1", "Lĩnh vực", 10],
          ],
        },
      ],
    };
    const refused = importRubricFromWorkbook(wb, { year: 1999, unitLevel: "xã" as never });
    expect(refused.rubric).toBeNull();
    const schema = refused.problems.filter((p) => p.message.en.startsWith("Imported rubric invalid"));
    expect(schema.map((p) => p.message.en)).toEqual([
      expect.stringMatching(/^Imported rubric invalid at year: .*expected/i),
      expect.stringMatching(/^Imported rubric invalid at unitLevel: Invalid/),
    ]);
    for (const p of schema) {
      expect(p.message.vi).toMatch(/^Bộ chỉ số nhập vào không hợp lệ tại (year|unitLevel): /);
      expect(p.message.vi).not.toMatch(/Expected|Invalid|received|Too (small|big)/i);
    }
  });
});
