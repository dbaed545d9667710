import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRange } from "../../src/core/address";
import { fold } from "../../src/core/fold";
import { parseNumberText } from "../../src/core/numbers";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import {
  consolidationWorkbook,
  DEFECT_KINDS,
  type DefectKind,
  type GeneratedUnit,
  generateUnit,
  generateUnits,
  LAYOUT_VARIANTS,
  sheetNameFor,
  templateSpec,
  unitWorkbook,
} from "../../src/sample";
import { needsEscape, type SheetSpec, specToSnapshot } from "../../src/core/sheet-spec";
import { type CellValue, cellAt, formulaAt, type SheetSnapshot } from "../../src/core/snapshot";
import { parseA1 } from "../../src/core/address";

const commune = builtinRubric("example-commune-2024") as Rubric;
const agency = builtinRubric("example-agency-2024") as Rubric;
const byCode = (rubric: Rubric) => new Map(flattenRubric(rubric).map((i) => [i.code, i]));

function at(sheet: SheetSnapshot, address: string): CellValue {
  const p = parseA1(address)!;
  return cellAt(sheet, p.row, p.col);
}

/** Evaluates the formulas the template writes (=SUM(ranges/cells), =A+B-C) the way Excel does. */
function evaluate(sheet: SheetSnapshot, formula: string): number | string {
  const body = formula.slice(1);
  const cellValue = (ref: string): CellValue => at(sheet, ref);
  const refs = (arg: string): CellValue[] => {
    const range = parseRange(arg)!;
    const out: CellValue[] = [];
    for (let r = range.start.row; r <= range.end.row; r++)
      for (let c = range.start.col; c <= range.end.col; c++) out.push(cellAt(sheet, r, c));
    return out;
  };
  const sum = /^SUM\((.*)\)$/.exec(body);
  const values: { v: CellValue; sign: number }[] = [];
  if (sum) for (const arg of sum[1].split(",")) for (const v of refs(arg)) values.push({ v, sign: 1 });
  else {
    for (const m of body.matchAll(/([+-]?)([A-Z]+\d+)/g))
      values.push({ v: cellValue(m[2]), sign: m[1] === "-" ? -1 : 1 });
  }
  const error = values.find((x) => typeof x.v === "string" && x.v.startsWith("#"));
  if (error) return error.v as string;
  return (
    values.reduce((s, x) => s + (typeof x.v === "number" ? x.sign * Math.round(x.v * 10_000) : 0), 0) / 10_000
  );
}

/** Every formula cell on the sheet: its cached value equals what its formula computes. */
function checkFormulas(spec: SheetSpec): number {
  const sheet = specToSnapshot(spec);
  let n = 0;
  sheet.formulas!.forEach((row, r) => {
    row.forEach((f, c) => {
      if (!f || f === "=#REF!") return;
      n++;
      expect({ cell: `${r},${c}`, value: cellAt(sheet, r, c) }).toEqual({
        cell: `${r},${c}`,
        value: evaluate(sheet, f),
      });
    });
  });
  return n;
}

function rowOfCode(sheet: SheetSnapshot, codeCol: number, code: string): number[] {
  const rows: number[] = [];
  for (let r = 0; r < sheet.values.length; r++) if (cellAt(sheet, r, codeCol) === code) rows.push(r);
  return rows;
}

describe("generateUnit", () => {
  it("is deterministic: the same seed and index give identical workbooks, another seed another", () => {
    const a = generateUnit(commune, {
      seed: 11,
      index: 4,
      appraisal: 2,
      defects: ["missing-score", "formula-error"],
    });
    const b = generateUnit(commune, {
      seed: 11,
      index: 4,
      appraisal: 2,
      defects: ["missing-score", "formula-error"],
    });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = generateUnit(commune, {
      seed: 12,
      index: 4,
      appraisal: 2,
      defects: ["missing-score", "formula-error"],
    });
    expect(c.name).not.toBe(a.name);
    expect(JSON.stringify(c.sheets)).not.toBe(JSON.stringify(a.sheets));
    const batch1 = generateUnits(agency, {
      count: 20,
      seed: 3,
      appraisal: 1,
      defectRate: 0.5,
      variantRate: 0.5,
    });
    const batch2 = generateUnits(agency, {
      count: 20,
      seed: 3,
      appraisal: 1,
      defectRate: 0.5,
      variantRate: 0.5,
    });
    expect(JSON.stringify(batch1)).toBe(JSON.stringify(batch2));
  });

  it("never calls Math.random", () => {
    const saved = Math.random;
    Math.random = () => {
      throw new Error("Math.random used");
    };
    try {
      expect(() =>
        generateUnits(commune, { count: 5, seed: 1, defectRate: 1, variantRate: 1, appraisal: 2 }),
      ).not.toThrow();
    } finally {
      Math.random = saved;
    }
  });

  it("writes scores the guidance allows, evidence dated in the rubric year, survey items empty in the self column", () => {
    for (const rubric of [commune, agency]) {
      const items = byCode(rubric);
      for (let index = 0; index < 15; index++) {
        const u = generateUnit(rubric, { seed: 5, index, appraisal: 1 });
        const sheet = specToSnapshot(u.sheets[0]);
        const { columns } = u.truth;
        for (const [code, truth] of Object.entries(u.truth.scores)) {
          const item = items.get(code)!;
          const [row] = rowOfCode(sheet, columns.code!, code);
          const self = cellAt(sheet, row, columns.self!);
          const evidence = cellAt(sheet, row, columns.evidence!);
          if (item.kind === "survey") {
            expect(self).toBeNull();
            expect(typeof cellAt(sheet, row, columns.appraised1!)).toBe("number");
            continue;
          }
          if (truth.notApplicable) {
            expect(fold(cellAt(sheet, row, columns.explanation!))).toContain("khong phat sinh");
            if (rubric.notApplicable.policy === "remove-from-max") expect(self).toBe("Không áp dụng");
            else expect(self).toBe(item.max);
            continue;
          }
          expect(typeof self).toBe("number");
          expect(self).toBe(truth.self);
          expect(self as number).toBeGreaterThanOrEqual(0);
          expect(self as number).toBeLessThanOrEqual(item.max);
          const rule = item.item.rule;
          if (rule) {
            const allowed = rule.type === "levels" ? rule.levels : rule.bands.map((b) => b.points);
            expect(allowed).toContain(self);
          }
          if (item.kind === "scored") {
            expect(typeof evidence).toBe("string");
            const years = [...String(evidence).matchAll(/\d{2}\/\d{2}\/(\d{4})/g)].map((m) => Number(m[1]));
            for (const y of years) expect(y).toBe(rubric.year);
            if (!years.length) expect(String(evidence)).toMatch(/^https:\/\//);
          }
          const appraised = cellAt(sheet, row, columns.appraised1!);
          if (appraised !== self) expect(cellAt(sheet, row, columns.note!)).toEqual(expect.any(String));
        }
      }
    }
  });

  it("has parent rows whose SUM formulas' cached values equal the sums, with or without defects and variants", () => {
    let formulas = 0;
    for (const rubric of [commune, agency]) {
      for (const u of generateUnits(rubric, {
        count: 25,
        seed: 9,
        appraisal: 2,
        defectRate: 0.8,
        variantRate: 0.8,
      })) {
        formulas += checkFormulas(u.sheets[0]);
      }
      formulas += checkFormulas(templateSpec(rubric, { appraisal: 2 }));
    }
    expect(formulas).toBeGreaterThan(500);
  });

  it("shows per-area and total cells equal to truth on a clean unit", () => {
    for (let index = 0; index < 10; index++) {
      const u = generateUnit(commune, { seed: 21, index, appraisal: 2 });
      const sheet = specToSnapshot(u.sheets[0]);
      const { columns, totals, total, totalRow } = u.truth;
      for (const area of flattenRubric(commune).filter((i) => i.level === 1)) {
        const [row] = rowOfCode(sheet, columns.code!, area.code);
        expect(cellAt(sheet, row, columns.self!)).toBeCloseTo(totals[area.code].self, 9);
        expect(cellAt(sheet, row, columns.appraised2!)).toBeCloseTo(totals[area.code].appraised2!, 9);
      }
      expect(cellAt(sheet, totalRow, columns.self!)).toBeCloseTo(total.self, 9);
      expect(cellAt(sheet, totalRow, columns.appraised1!)).toBeCloseTo(total.appraised1!, 9);
      expect(u.truth.planted).toEqual([]);
    }
  });
});

describe("planted defects", () => {
  /** What each defect must look like in the cell truth names. */
  function expectDefectAt(u: GeneratedUnit, rubric: Rubric, kind: DefectKind) {
    const sheet = specToSnapshot(u.sheets[0]);
    const items = byCode(rubric);
    const entries = u.truth.planted.filter((p) => p.defect === kind);
    expect(entries.length, `${kind} planted`).toBeGreaterThan(0);
    const { columns } = u.truth;
    for (const p of entries) {
      expect(p.code).toBe(kind === "unit-name-injection" ? null : kind);
      const item = p.item ? items.get(p.item)! : null;
      const address = p.address ? parseA1(p.address)! : null;
      const value = p.address ? at(sheet, p.address) : null;
      const rowCode = address ? cellAt(sheet, address.row, columns.code!) : null;
      if (item && address && kind !== "duplicate-item") expect(rowCode).toBe(item.code);
      switch (kind) {
        case "number-as-text":
          expect(typeof value).toBe("string");
          expect(parseNumberText(value as string)?.vietnamese).toBe(true);
          expect(u.truth.scores[item!.code].self).toBe(parseNumberText(value as string)!.value);
          // Excel's SUM leaves the text out: the parent shows the sum of its numeric children only.
          {
            const parent = parseA1(p.affects![p.affects!.length - 2])!;
            const parentItem = items.get(item!.path[item!.path.length - 2])!;
            const numeric = (parentItem.item.children ?? []).reduce((s, child) => {
              const [r] = rowOfCode(sheet, columns.code!, child.code);
              const v = cellAt(sheet, r, columns.self!);
              return s + (typeof v === "number" ? v : 0);
            }, 0);
            expect(cellAt(sheet, parent.row, parent.col)).toBeCloseTo(numeric, 9);
          }
          break;
        case "not-a-number":
          expect(typeof value).toBe("string");
          expect(parseNumberText(value as string)).toBeNull();
          break;
        case "score-out-of-range":
          expect(typeof value).toBe("number");
          expect((value as number) > item!.max || (value as number) < 0).toBe(true);
          break;
        case "score-not-allowed": {
          const rule = item!.item.rule!;
          const allowed = rule.type === "levels" ? rule.levels : rule.bands.map((b) => b.points);
          expect(typeof value).toBe("number");
          expect(allowed).not.toContain(value);
          expect(value as number).toBeGreaterThanOrEqual(0);
          expect(value as number).toBeLessThanOrEqual(item!.max);
          break;
        }
        case "missing-score":
          expect(value).toBeNull();
          expect(address!.col).toBe(columns.self);
          break;
        case "missing-evidence":
          expect(value).toBeNull();
          expect(address!.col).toBe(columns.evidence);
          expect(cellAt(sheet, address!.row, columns.self!) as number).toBeGreaterThan(0);
          break;
        case "evidence-unverifiable":
          expect(typeof value).toBe("string");
          expect(value as string).not.toMatch(/\d|https?:/);
          break;
        case "evidence-out-of-period": {
          const year = Number(/\/(\d{4})$/.exec(value as string)![1]);
          expect(year).not.toBe(rubric.year);
          break;
        }
        case "formula-overwritten": {
          expect(formulaAt(sheet, address!.row, address!.col)).toBeNull();
          expect(typeof value).toBe("number");
          const blank = specToSnapshot(
            templateSpec(rubric, { appraisal: u.truth.appraisal, variant: u.truth.variants }),
          );
          expect(formulaAt(blank, address!.row, address!.col)).toMatch(/^=SUM\(/);
          break;
        }
        case "total-mismatch": {
          const f = formulaAt(sheet, address!.row, address!.col)!;
          expect(f).toMatch(/^=SUM\(/);
          const childSum = (item!.item.children ?? []).reduce((s, child) => {
            const [r] = rowOfCode(sheet, columns.code!, child.code);
            const v = cellAt(sheet, r, columns.self!);
            return s + (typeof v === "number" ? v : 0);
          }, 0);
          expect(Math.abs((value as number) - childSum)).toBeGreaterThan(1e-9);
          break;
        }
        case "formula-error":
          expect(value).toBe("#REF!");
          expect(formulaAt(sheet, address!.row, address!.col)).toBe("=#REF!");
          // The error climbs to every ancestor and the total, as in Excel.
          expect(p.affects).toHaveLength(item!.path.length);
          for (const cell of p.affects!) expect(at(sheet, cell)).toBe("#REF!");
          break;
        case "appraisal-without-note": {
          // The cell to fix is the empty note beside an appraised score that differs from the self score.
          expect(address!.col).toBe(columns.note);
          expect(value).toBeNull();
          expect(p.column).toBe(u.truth.appraisal === 2 ? "appraised2" : "appraised1");
          expect(cellAt(sheet, address!.row, columns[p.column!]!)).not.toBe(
            cellAt(sheet, address!.row, columns.self!),
          );
          break;
        }
        case "self-score-on-survey":
          expect(item!.kind).toBe("survey");
          expect(typeof value).toBe("number");
          break;
        case "missing-item":
          expect(p.address).toBeNull();
          expect(rowOfCode(sheet, columns.code!, item!.code)).toEqual([]);
          expect(u.truth.scores[item!.code].present).toBe(false);
          break;
        case "duplicate-item": {
          const rows = rowOfCode(sheet, columns.code!, item!.code);
          expect(rows).toHaveLength(2);
          expect(address!.row).toBe(rows[1]);
          expect(value).toBe(item!.code);
          break;
        }
        case "max-mismatch":
          expect(address!.col).toBe(columns.max);
          expect(value).not.toBe(item!.max);
          break;
        case "missing-unit-name":
          expect(value).toMatch(/^Đơn vị:\s*…*$/);
          expect(u.truth.unitName).toBeNull();
          break;
        case "unit-name-injection":
          expect(needsEscape(u.name)).toBe(true);
          expect(value).toBe(`Đơn vị: ${u.name}`);
          expect(u.truth.unitName).toBe(u.name);
          break;
      }
    }
  }

  it.each(DEFECT_KINDS)("%s sits at the address truth names, on both rubrics and several seeds", (kind) => {
    for (const rubric of [commune, agency]) {
      for (let seed = 1; seed <= 6; seed++) {
        const u = generateUnit(rubric, {
          seed,
          index: seed,
          appraisal: seed % 2 === 0 ? 2 : 1,
          defects: [kind],
        });
        expectDefectAt(u, rubric, kind);
      }
    }
  });

  it("plants every defect at once, each in its own place, and in every layout variant", () => {
    const kinds = DEFECT_KINDS.filter((k) => k !== "unit-name-injection");
    for (const variant of [[], ...LAYOUT_VARIANTS.map((v) => [v])]) {
      const u = generateUnit(commune, { seed: 77, index: 1, appraisal: 1, defects: kinds, variant });
      const planted = new Set(u.truth.planted.map((p) => p.defect));
      expect([...planted].sort()).toEqual([...kinds].sort());
      const addresses = u.truth.planted.filter((p) => p.address).map((p) => p.address);
      expect(new Set(addresses).size).toBe(addresses.length);
      // Roman codes change the code cells, so the row check there goes through the label instead.
      if (variant.includes("roman-codes" as never)) continue;
      for (const kind of kinds) expectDefectAt(u, commune, kind);
    }
  });

  it("honours a requested item and skips appraisal defects when there is no appraisal column", () => {
    const u = generateUnit(commune, {
      seed: 1,
      index: 0,
      defects: [{ kind: "missing-score", item: "3.2" }, "appraisal-without-note"],
    });
    expect(u.truth.planted).toEqual([expect.objectContaining({ defect: "missing-score", item: "3.2" })]);
  });

  it("produces a mix of defects at the batch's defect rate", () => {
    const units = generateUnits(commune, { count: 200, seed: 4, appraisal: 1, defectRate: 0.3 });
    const withDefects = units.filter((u) => u.truth.planted.length > 0).length;
    expect(withDefects).toBeGreaterThan(30);
    expect(withDefects).toBeLessThan(90);
    const kinds = new Set(units.flatMap((u) => u.truth.planted.map((p) => p.defect)));
    expect(kinds.size).toBeGreaterThan(12);
  });
});

describe("generateUnits", () => {
  it("gives 1,000 units distinct names and file names, commune names in the rubric's groups", () => {
    const units = generateUnits(commune, { count: 1000, seed: 2024 });
    expect(new Set(units.map((u) => fold(u.name))).size).toBe(1000);
    expect(new Set(units.map((u) => u.fileName.toLowerCase())).size).toBe(1000);
    for (const u of units) {
      expect(u.name).toMatch(/^(Xã|Phường|Thị trấn) \p{Lu}/u);
      expect(u.truth.group).not.toBeNull();
      expect(u.fileName).toMatch(/^[A-Za-z0-9-]+\.xlsx$/);
    }
    const groups = new Set(units.map((u) => u.truth.group));
    expect(groups).toEqual(new Set(commune.groups.map((g) => g.id)));
    // Names carry their diacritics.
    expect(units.some((u) => u.name !== fold(u.name))).toBe(true);
  });

  it("names agencies as agencies", () => {
    const units = generateUnits(agency, { count: 60, seed: 1 });
    expect(new Set(units.map((u) => fold(u.name))).size).toBe(60);
    for (const u of units) expect(u.name).toMatch(/^(Sở|Phòng|Ban|Văn phòng|Thanh tra) /);
    expect(
      units[0].sheets[0].cells.some(
        (c) => typeof c.value === "string" && /\/KH-|\/BC-|\/QĐ-|\/TB-|-VP ngày|https/.test(c.value),
      ),
    ).toBe(true);
  });

  it("turns into snapshots, whatever the options", () => {
    const units = generateUnits(commune, { count: 30, seed: 8, appraisal: 2, defectRate: 1, variantRate: 1 });
    for (const u of units) {
      for (const spec of u.sheets) {
        const snap = specToSnapshot(spec);
        const width = snap.values[0].length;
        expect(snap.values.every((r) => r.length === width)).toBe(true);
        expect(snap.values.length).toBeGreaterThan(u.truth.totalRow);
      }
    }
    for (const spec of consolidationWorkbook(units)) expect(() => specToSnapshot(spec)).not.toThrow();
  });
});

describe("unitWorkbook", () => {
  it("gives the snapshot a reader would see, named after the file", () => {
    const u = generateUnit(commune, { seed: 2, index: 2 });
    const wb = unitWorkbook(u);
    expect(wb.source).toBe(u.fileName);
    expect(wb.sheets.map((s) => s.name)).toEqual([u.truth.sheet]);
    expect(cellAt(wb.sheets[0], u.truth.headerRow, u.truth.columns.self!)).toBe("Điểm tự đánh giá");
  });
});

describe("consolidationWorkbook", () => {
  it("puts each unit on its own sheet with a valid, unique name and the unit's cells unchanged", () => {
    const units = generateUnits(agency, { count: 40, seed: 6, defectRate: 0.5 });
    units.push(
      generateUnit(agency, {
        seed: 6,
        index: 0,
        name: "Sở Lao động - Thương binh và Xã hội tỉnh Bà Rịa - Vũng Tàu",
      }),
    );
    units.push(
      generateUnit(agency, {
        seed: 6,
        index: 1,
        name: "Sở Lao động - Thương binh và Xã hội tỉnh Bà Rịa - Vũng Tàu (cũ)",
      }),
    );
    units.push(generateUnit(agency, { seed: 6, index: 2, defects: ["unit-name-injection"] }));
    units.push(generateUnit(agency, { seed: 6, index: 3, name: "Phòng [Nội vụ]: A/B\\C*?" }));
    const sheets = consolidationWorkbook(units);
    expect(sheets).toHaveLength(units.length);
    const names = sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) {
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
      expect(n).not.toMatch(/^'|'$/);
    }
    sheets.forEach((s, i) => {
      expect(s.cells).toBe(units[i].sheets[0].cells);
    });
  });

  it("sheetNameFor keeps names apart after truncation", () => {
    const used = new Set<string>();
    const long = "Ủy ban nhân dân thị trấn Long Điền Hải Hưng Thịnh";
    const a = sheetNameFor(long, used);
    const b = sheetNameFor(long, used);
    expect(a).toHaveLength(31);
    expect(b).not.toBe(a);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(sheetNameFor("'''", used)).toBe("Đơn vị");
  });
});

describe("purity", () => {
  it("imports nothing from Node in src/sample", () => {
    const dir = join(__dirname, "../../src/sample");
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), "utf8");
      expect(text, f).not.toMatch(/from\s+["'](node:|fs|path|os|crypto)/);
      expect(text, f).not.toMatch(/Math\.random\(|Buffer\.|process\./);
    }
  });
});
