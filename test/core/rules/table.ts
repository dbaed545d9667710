import { expect } from "vitest";
import type { Finding } from "../../../src/core/finding";
import { recogniseWorkbook } from "../../../src/core/recognise";
import { requireRubric } from "../../../src/core/rubric/load";
import type { Rubric } from "../../../src/core/rubric/schema";
import { RuleContext } from "../../../src/core/rules/context";
import { checkRows } from "../../../src/core/rules/rows";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";

// A literal sheet for the rule tests: each test writes the grid it needs, recognised the way a real
// workbook is, and runs one rule on it — so a rule's test fails only when that rule changes.

/** One area of two leaves (levels on 1.1; 1.2 may be not applicable) and a survey area. */
export const rubric: Rubric = requireRubric(
  {
    id: "rules",
    name: "Rules",
    year: 2024,
    unitLevel: "commune",
    precision: 2,
    items: [
      {
        code: "1",
        label: "Chỉ đạo điều hành",
        max: 3,
        children: [
          { code: "1.1", label: "Kế hoạch", max: 1, rule: { type: "levels", levels: [1, 0.5, 0] } },
          { code: "1.2", label: "Báo cáo", max: 2, notApplicableAllowed: true },
        ],
      },
      {
        code: "2",
        label: "Điều tra xã hội học",
        max: 5,
        kind: "survey",
        children: [{ code: "2.1", label: "Sự hài lòng", max: 5 }],
      },
    ],
  },
  "test",
);

export const DOC = "Kế hoạch số 12/KH-UBND ngày 15/01/2024";
export const HEADER = [
  "STT",
  "Nội dung",
  "Điểm tối đa",
  "Điểm tự đánh giá",
  "Tài liệu kiểm chứng",
  "Điểm thẩm định",
  "Ý kiến",
];

/** Rows below the header (row 3 on): the clean table unless a test passes its own. */
export function cleanRows(): CellValue[][] {
  return [
    ["1", "Chỉ đạo điều hành", 3, 3, null, 3],
    ["1.1", "Kế hoạch", 1, 1, DOC, 1],
    ["1.2", "Báo cáo", 2, 2, DOC, 2],
    ["2", "Điều tra xã hội học", 5, null, null, 4],
    ["2.1", "Sự hài lòng", 5, null, null, 4],
    ["", "TỔNG CỘNG", 8, 3, null, 7],
  ];
}

export interface Sheet {
  values: CellValue[][];
  formulas?: (string | null)[][];
}

/** A sheet with the unit line, the header, then `rows`; A1 addresses as Excel shows them. */
export function sheet(
  rows: CellValue[][] = cleanRows(),
  header: CellValue[] = HEADER,
  unit = "Đơn vị: Xã An Bình",
): Sheet {
  return { values: [[unit], header, ...rows] };
}

/** Set one cell by its A1 address (value and, optionally, formula). */
export function set(s: Sheet, address: string, v: CellValue, f?: string | null): Sheet {
  const m = /^([A-Z])(\d+)$/.exec(address) as RegExpExecArray;
  const col = m[1].charCodeAt(0) - 65;
  const row = Number(m[2]) - 1;
  while (s.values.length <= row) s.values.push([]);
  s.values[row][col] = v;
  if (f !== undefined) {
    s.formulas ??= s.values.map((r) => r.map(() => null));
    while (s.formulas.length <= row) s.formulas.push([]);
    s.formulas[row][col] = f;
  }
  return s;
}

/** The recognised context, with the rows already matched (most rules need `rowOf`) unless `matched` is false. */
export function context(
  s: Sheet,
  options: { year?: number; matched?: boolean; r?: Rubric } = {},
): RuleContext {
  const r = options.r ?? rubric;
  const width = Math.max(...s.values.map((row) => row.length));
  const snap: SheetSnapshot = {
    name: "Biểu",
    origin: { row: 0, col: 0 },
    values: s.values.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? null)),
    ...(s.formulas
      ? {
          formulas: s.values.map((_row, i) =>
            Array.from({ length: width }, (_, j) => s.formulas?.[i]?.[j] ?? null),
          ),
        }
      : {}),
  };
  const tables = recogniseWorkbook({ source: "x.xlsx", sheets: [snap] }, r).tables;
  expect(tables).toHaveLength(1);
  const ctx = new RuleContext(snap, tables[0], r, options.year ?? r.year);
  if (options.matched !== false) {
    checkRows(ctx);
    ctx.findings.length = 0;
  }
  return ctx;
}

export const brief = (f: Finding) => [f.code, f.severity, f.address, f.item];
