import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { scoreUnit } from "../../src/core/score";
import { readWorkbook } from "../../src/files/read-workbook";
import { leafEntries, notApplicableRubric, threeAreaRubric } from "./helpers";

// Issue #18 point 4 (totals state their basis) and #13 point 7 (numbers).

const naRubric = notApplicableRubric("na", 20);

describe("totals state their basis", () => {
  const s = scoreUnit(
    naRubric,
    leafEntries(naRubric, { "1.2": 30, "2": 40 }, "appraised1", { "1.1": { notApplicable: true } }),
  );

  it("evidence.max is the maximum actually used after not-applicable removals; rubricMax the rubric's", () => {
    expect(s.evidence.max).toBe(80);
    expect(s.evidence.rubricMax).toBe(100);
    expect(s.areas[0].effectiveMax).toBe(30);
  });

  it("a round nobody entered is null everywhere, even with not-applicable items (appraised2 was 0)", () => {
    expect(s.evidence.scores.appraised2).toBeNull();
    expect(s.evidence.scores.self).toBeNull();
    expect(s.evidence.scores.appraised1).toBe(70);
    expect(s.areas[0].scores.appraised2).toBeNull();
    expect(s.nodes.find((n) => n.code === "1.1")?.scores.appraised2).toBeNull();
    expect(s.index.appraised2).toBeNull();
  });
});

describe("numbers in score cells", () => {
  it("a score of 1e9 or more is counted (and flagged by validation), not dropped from the totals", () => {
    const rubric = threeAreaRubric();
    const s = scoreUnit(rubric, leafEntries(rubric, { "1": 5e9, "2": 10 }));
    expect(s.evidence.scores.self).toBeGreaterThanOrEqual(1e9);
  });

  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const str = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const sheet = `<sheetData>
    <row r="1">${str("A1", "STT")}${str("B1", "Nội dung")}${str("C1", "Điểm tối đa")}${str("D1", "Điểm tự đánh giá")}</row>
    <row r="2">${str("A2", "1")}${str("B2", "Chỉ đạo điều hành")}<c r="C2"><v>40</v></c><c r="D2" t="d"><v>2024-05-01</v></c></row>
    <row r="3">${str("A3", "2")}${str("B3", "Hiện đại hóa")}<c r="C3"><v>30</v></c><c r="D3"><v>0x1</v></c></row>
    <row r="4">${str("A4", "3")}${str("B4", "Điều tra xã hội học")}<c r="C4"><v>30</v></c></row>
  </sheetData>`;
  const bytes = zipSync({
    "xl/workbook.xml": strToU8(
      `<workbook ${NS} ${R}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<Relationships><Relationship Id="rId1" Type="ws" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${NS}>${sheet}</worksheet>`),
  });

  it("an ISO date cell and a '0x1' cell are not-a-number, never 45,413 or 1 points", () => {
    const wb = readWorkbook(bytes, "unit.xlsx");
    const a = analyseWorkbook(wb, { rubric: threeAreaRubric(), source: "unit.xlsx" });
    const unit = a.units[0];
    expect(unit).toBeDefined();
    const nan = unit.findings.filter((f) => f.code === "not-a-number").map((f) => f.address);
    expect(nan.sort()).toEqual(["D2", "D3"]);
    expect(unit.score.evidence.scores.self).toBeNull();
  });
});
