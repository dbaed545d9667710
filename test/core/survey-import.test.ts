import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeCsv, detectDelimiter, parseCsv, readCsv } from "../../src/core/csv";
import { readNumberColumn } from "../../src/core/numbers";
import { rankUnits } from "../../src/core/rank";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { scoreUnit } from "../../src/core/score";
import { surveyLookup, surveyMaxOf, surveyTableFromCsv, surveyTableFromJson } from "../../src/core/survey";
import { leafEntries } from "./helpers";

// Issue #18: every imported survey number passes the checks a typed score passes; CSV read by a real parser.

const utf8 = (text: string) => new TextEncoder().encode(text);
const commune = builtinRubric("example-commune-2024") as Rubric;
const max = surveyMaxOf(commune) as number;

describe("survey CSV: numbers checked like typed scores", () => {
  it("reads an English export's dot decimals as decimals, never 26.246 → 26,246 (decided by the range, and said)", () => {
    const t = surveyTableFromCsv(utf8("Đơn vị,Điểm điều tra\nXã A,24.246\nXã B,22.125\n"), "survey.csv", {
      max,
    });
    expect(t.rows.map((r) => [r.unit, r.score])).toEqual([
      ["Xã A", 24.246],
      ["Xã B", 22.125],
    ]);
    // Every value read two ways: the range decided, and a warning says so (never silent).
    expect(t.findings.map((f) => [f.code, f.severity, f.file, f.address])).toEqual([
      ["number-format-ambiguous", "warning", "survey.csv", "B2"],
    ]);
  });

  it("decides the decimal mark from the whole column: one '25.5' makes '26.246' a decimal, no warning", () => {
    const t = surveyTableFromCsv(utf8("Đơn vị,Điểm điều tra\nXã A,24.246\nXã B,22.5\n"), "s.csv", { max });
    expect(t.rows.map((r) => r.score)).toEqual([24.246, 22.5]);
    expect(t.findings).toEqual([]);
  });

  it("reports a column it cannot decide (no maximum to tell) and uses none of its values", () => {
    const t = surveyTableFromCsv(utf8("Đơn vị;Điểm điều tra\nXã A;24,246\nXã B;22,125\n"), "s.csv");
    expect(t.rows).toEqual([]);
    expect(t.findings).toHaveLength(1);
    expect(t.findings[0]).toMatchObject({
      code: "number-format-ambiguous",
      severity: "error",
      address: "B2",
    });
    expect(t.findings[0].message.vi).toContain("không xác định được dấu thập phân");
  });

  it("a score above the survey maximum is score-out-of-range naming file and cell, and is not used", () => {
    const t = surveyTableFromCsv(utf8("Đơn vị;Điểm điều tra\nXã A;26246\nXã B;20,5\n"), "dieu-tra.csv", {
      max,
    });
    expect(t.rows.map((r) => [r.unit, r.score])).toEqual([["Xã B", 20.5]]);
    expect(t.findings).toEqual([
      expect.objectContaining({
        code: "score-out-of-range",
        severity: "error",
        file: "dieu-tra.csv",
        address: "B2",
        item: "Xã A",
        found: 26246,
        expected: 25,
      }),
    ]);
    expect(t.problems[0].en).toContain("dieu-tra.csv › B2");
  });

  it("an out-of-range survey never reaches a ranking: no index of 26,309.75", () => {
    const t = surveyTableFromCsv(utf8("Đơn vị,Điểm\nXã A,26246\n"), "s.csv", { max });
    const lookup = surveyLookup(t.rows);
    const entries = leafEntries(commune, {});
    const s = scoreUnit(commune, entries, { survey: lookup("Xã A") });
    expect(s.index.final === null || s.index.final <= 100).toBe(true);
  });

  it("JSON survey scores get the same range check", () => {
    const t = surveyTableFromJson({ "Xã A": 26246, "Xã B": "20,5" }, "s.json", { max });
    expect(t.rows).toEqual([{ unit: "Xã B", score: 20.5, where: null }]);
    expect(t.findings.map((f) => [f.code, f.entry])).toEqual([["score-out-of-range", 1]]);
  });

  it("a row with a score and no unit name is reported, not dropped silently", () => {
    const t = surveyTableFromCsv(utf8("Đơn vị;Điểm\nXã A;20\n;21,5\n"), "s.csv", { max });
    expect(t.findings.map((f) => [f.code, f.address])).toEqual([["unusable-row", "A3"]]);
  });
});

describe("survey CSV: a real parser", () => {
  it("keeps a quoted unit name with a comma inside (the row used to be dropped)", () => {
    const csv = 'Đơn vị,Điểm\n"Phòng Kinh tế, Hạ tầng và Đô thị",20.5\nPhòng Nội vụ,21.25\n';
    const t = surveyTableFromCsv(utf8(csv), "s.csv", { max });
    expect(t.rows.map((r) => [r.unit, r.score])).toEqual([
      ["Phòng Kinh tế, Hạ tầng và Đô thị", 20.5],
      ["Phòng Nội vụ", 21.25],
    ]);
    expect(t.findings).toEqual([]);
  });

  it("handles quotes, escaped quotes and line breaks inside a field, and numbers lines as the file does", () => {
    const csv = 'Đơn vị;Ghi chú;Điểm\r\n"Xã ""Mới""";"dòng 1\r\ndòng 2";20,5\r\nXã B;;x\r\n';
    const t = surveyTableFromCsv(utf8(csv), "s.csv", { max });
    expect(t.rows).toEqual([{ unit: 'Xã "Mới"', score: 20.5, where: "C2" }]);
    // Xã B starts on line 4 of the file: the quoted line break made record 2 span lines 2–3.
    expect(t.findings.map((f) => [f.code, f.address])).toEqual([["not-a-number", "C4"]]);
  });

  it("reports an unterminated quote with its line", () => {
    const p = parseCsv('a,b\n"x,1\ny,2\n');
    expect(p.rows).toEqual([["a", "b"]]);
    expect(p.problems.map((x) => x.line)).toEqual([2]);
  });

  it("detects `;`, tab and `,` from the header, ignoring separators inside quotes", () => {
    expect(detectDelimiter("Đơn vị;Điểm\nXã A;1,5")).toBe(";");
    expect(detectDelimiter("Đơn vị\tĐiểm\nXã A\t1,5")).toBe("\t");
    expect(detectDelimiter('"Đơn vị; tên",Điểm\n')).toBe(",");
  });

  it("tells UTF-8 (with or without BOM), UTF-16 LE/BE (with or without BOM) and Windows-1258 apart", () => {
    const text = "Đơn vị;Điểm\nXã Định Tiến;21,9\n";
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 * i] = c & 0xff;
      le[2 * i + 1] = c >> 8;
      be[2 * i] = c >> 8;
      be[2 * i + 1] = c & 0xff;
    }
    const cases: [Uint8Array, string][] = [
      [utf8(text), "utf-8"],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), "utf-8"],
      [new Uint8Array([0xff, 0xfe, ...le]), "utf-16le"],
      [le, "utf-16le"],
      [new Uint8Array([0xfe, 0xff, ...be]), "utf-16be"],
      [be, "utf-16be"],
    ];
    for (const [bytes, encoding] of cases) {
      const d = decodeCsv(bytes);
      expect([d.encoding, d.text]).toEqual([encoding, text]);
    }
    const vi = readCsv(readFileSync("assets/demo/dieu-tra-xhh-2024-excel-vi.csv"));
    expect(vi.encoding).toBe("windows-1258");
    expect(vi.rows[1][1]).toBe("Tên đơn vị".normalize("NFC"));
  });
});

describe("the demo's survey files: Vietnamese Excel (`;`, decimal comma, Windows-1258) and English Excel", () => {
  const vi = surveyTableFromCsv(readFileSync("assets/demo/dieu-tra-xhh-2024-excel-vi.csv"), "vi.csv", {
    max,
  });
  const en = surveyTableFromCsv(readFileSync("assets/demo/survey-2024-excel-en.csv"), "en.csv", { max });

  it("both read right, to the same twelve scores, with nothing to report", () => {
    expect(vi.findings).toEqual([]);
    expect(en.findings).toEqual([]);
    expect(vi.rows).toHaveLength(12);
    expect(vi.rows.map((r) => [r.unit, r.score])).toEqual(en.rows.map((r) => [r.unit, r.score]));
    expect(vi.rows.find((r) => r.unit === "Phường Phong Hòa")?.score).toBe(20.125);
    expect(vi.rows.every((r) => r.score > 0 && r.score <= max)).toBe(true);
  });

  it("rank on the merged scores without a unit left out", () => {
    const fullMarks = Object.fromEntries(
      flattenRubric(commune)
        .filter((i) => i.isLeaf && i.kind === "scored")
        .map((i) => [i.code, i.max]),
    );
    const lookup = surveyLookup(vi.rows);
    const inputs = vi.rows.map((r) => ({
      unit: r.unit,
      source: `${r.unit}.xlsx`,
      sheet: null,
      score: scoreUnit(commune, leafEntries(commune, fullMarks), { survey: lookup(r.unit) }),
      errors: 0,
    }));
    const ranking = rankUnits(inputs, { rubric: commune, by: "final" });
    expect(ranking.unranked).toEqual([]);
    expect(ranking.withoutSurvey).toBe(false);
    const top = ranking.groups.flatMap((g) => g.units).find((u) => u.unit === "Xã Tiến Lợi");
    expect(top?.survey).toBe(12.85);
  });
});

describe("readNumberColumn", () => {
  it("decides per column and reports mixed conventions", () => {
    expect(readNumberColumn(["1.234,5", "26,246"]).mark).toBe("comma");
    expect(readNumberColumn(["1.234,5", "26,246"]).values).toEqual([1234.5, 26.246]);
    const mixed = readNumberColumn(["20,5", "21,25", "19.5"]);
    expect([mixed.decidedBy, mixed.values]).toEqual(["mixed", [20.5, 21.25, null]]);
  });
});
