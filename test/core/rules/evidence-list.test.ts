import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core/analyse";
import { citedNumbers, findEvidenceList } from "../../../src/core/evidence-list";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/snapshot";
import { brief, DOC, HEADER, rubric } from "./table";

/**
 * A unit that cites its evidence the way offices do: a hyperlinked "Xem tài liệu", and "TL …" numbers
 * on the workbook's list sheet — one of them (TL 09) not on the list, one listed document dated the year
 * before, one listed document (TL 08) nobody cites. Planted truth, asserted by code and cell.
 */
function unitSheet(evidence: Record<string, CellValue>, links: Record<string, string> = {}): SheetSnapshot {
  const rows: CellValue[][] = [
    ["Đơn vị: Xã An Bình"],
    HEADER,
    ["1", "Chỉ đạo điều hành", 3, 3, null, 3],
    ["1.1", "Kế hoạch", 1, 1, evidence["1.1"] ?? DOC, 1],
    ["1.2", "Báo cáo", 2, 2, evidence["1.2"] ?? DOC, 2],
    ["2", "Điều tra xã hội học", 5, null, null, 4],
    ["2.1", "Sự hài lòng", 5, null, null, 4],
    ["", "TỔNG CỘNG", 8, 3, null, 7],
  ];
  const hyperlinks = new Map(
    Object.entries(links).map(([address, target]) => {
      const row = Number(address.slice(1)) - 1;
      return [`${row},${address.charCodeAt(0) - 65}`, target] as [string, string];
    }),
  );
  return {
    name: "Biểu",
    origin: { row: 0, col: 0 },
    values: rows.map((r) => Array.from({ length: 7 }, (_, j) => r[j] ?? null)),
    ...(hyperlinks.size ? { hyperlinks } : {}),
  };
}

/** The list sheet: title, header (STT, số/ký hiệu, ngày, trích yếu), documents TL 05–08 (07 dated 2023). */
function listSheet(): SheetSnapshot {
  const rows: CellValue[][] = [
    ["DANH MỤC TÀI LIỆU KIỂM CHỨNG"],
    [],
    ["STT", "Số, ký hiệu văn bản", "Ngày ban hành", "Trích yếu"],
    ["TL 05", "12/KH-UBND", 45306, "Kế hoạch CCHC năm 2024"],
    ["TL 06", "30/BC-UBND", "20/06/2024", "Báo cáo CCHC 6 tháng"],
    ["TL 07", "88/QĐ-UBND", "15/12/2023", "Quyết định kiện toàn"],
    ["08", "5/TB-UBND", "02/02/2024", "Thông báo"],
  ];
  return {
    name: "Danh mục TLKC",
    origin: { row: 0, col: 0 },
    values: rows.map((r) => Array.from({ length: 4 }, (_, j) => r[j] ?? null)),
  };
}

function analyse(sheets: SheetSnapshot[]) {
  const wb: WorkbookSnapshot = { source: "x.xlsx", sheets };
  const a = analyseWorkbook(wb, { rubric, source: wb.source, candidates: [] });
  expect(a.units).toHaveLength(1);
  return a.units[0];
}

describe("evidence as units cite it", () => {
  it("the list sheet is recognised by its title and columns, its numbers and dates read", () => {
    const list = findEvidenceList({ source: "x", sheets: [unitSheet({}), listSheet()] });
    expect(list?.sheet).toBe("Danh mục TLKC");
    expect([...(list?.entries.keys() ?? [])]).toEqual([5, 6, 7, 8]);
    expect(list?.entries.get(5)?.date).toEqual({ text: "15/01/2024", year: 2024 });
    expect(list?.entries.get(7)?.date?.year).toBe(2023);
    expect(findEvidenceList({ source: "x", sheets: [unitSheet({})] })).toBeNull();
  });

  it('"TL 05", "TL05", "05; 06", "TL 05-07" resolve to list numbers', () => {
    expect(["TL 05", "TL05", "05; 06", "TL 05-07", "Kế hoạch số 12/KH-UBND"].map(citedNumbers)).toEqual([
      [5],
      [5],
      [5, 6],
      [5, 6, 7],
      null,
    ]);
  });

  it("citations of listed documents in the year: nothing to fix; entries nobody cites are one note on the list", () => {
    const u = analyse([unitSheet({ "1.1": "TL 05; TL 06", "1.2": "TL08" }), listSheet()]);
    expect(u.findings.map(brief)).toEqual([["evidence-list-uncited", "info", "A6", null]]);
    expect(u.findings[0].sheet).toBe("Danh mục TLKC");
    expect(u.findings[0].message.en).toContain("TL 07");
  });

  it("a number not on the list is its own finding at the cell; a listed document of another year is out of period", () => {
    const u = analyse([unitSheet({ "1.1": "TL 05; TL 09", "1.2": "TL 06-07" }), listSheet()]);
    expect(u.findings.map(brief)).toEqual([
      ["evidence-not-listed", "warning", "E4", "1.1"],
      ["evidence-out-of-period", "warning", "E5", "1.2"],
      ["evidence-list-uncited", "info", "A7", null],
    ]);
    expect(u.findings[0].message.vi).toContain("TL 09");
    expect(u.findings[1].found).toBe("15/12/2023");
  });

  it("a table whose only list citation is a number the list lacks still uses the list: every entry is uncited", () => {
    // Layout zoo, seed 1018334728 random #4: every other evidence cell linked or not applicable, the one
    // "TL …" citation dangling — the note on the list's unused entries must not vanish with it.
    const u = analyse([unitSheet({ "1.1": "TL 09" }), listSheet()]);
    expect(u.findings.map(brief)).toEqual([
      ["evidence-not-listed", "warning", "E4", "1.1"],
      ["evidence-list-uncited", "info", "A4", null],
    ]);
    for (const n of ["TL 05", "TL 06", "TL 07", "TL 08"]) expect(u.findings[1].message.en).toContain(n);
  });

  it("a table that cites no list number at all gets no note on the list (its evidence is written out)", () => {
    const u = analyse([unitSheet({}), listSheet()]);
    expect(u.findings.map(brief)).toEqual([]);
  });

  it("without a list sheet the same citations stay unverifiable, the message saying the list is missing", () => {
    const u = analyse([unitSheet({ "1.1": "TL 05; TL 09" })]);
    expect(u.findings.map(brief)).toEqual([["evidence-unverifiable", "warning", "E4", "1.1"]]);
    expect(u.findings[0].message.vi).toContain("Danh mục tài liệu kiểm chứng");
    expect(u.findings[0].message.en).toContain("the workbook has no");
  });

  it('"Xem tài liệu" with a hyperlink is a cited document, and the entry keeps the target', () => {
    const target = "https://xa-anbinh.gov.vn/kh-12.pdf";
    const linked = analyse([unitSheet({ "1.1": "Xem tài liệu" }, { E4: target })]);
    expect(linked.findings).toEqual([]);
    expect(linked.entries.get("1.1")?.evidenceLink).toBe(target);
    const plain = analyse([unitSheet({ "1.1": "Xem tài liệu" })]);
    expect(plain.findings.map(brief)).toEqual([["evidence-unverifiable", "warning", "E4", "1.1"]]);
  });

  it("a link to a row of the list cites that document: checked on it, and it counts as cited", () => {
    const u = analyse([
      unitSheet({ "1.1": "Xem tài liệu", "1.2": "TL 05; TL 06; TL 08" }, { E4: "#'Danh mục TLKC'!B6" }),
      listSheet(),
    ]);
    // Row 6 of the list is TL 07, dated 2023: out of period, and every entry is now cited.
    expect(u.findings.map(brief)).toEqual([["evidence-out-of-period", "warning", "E4", "1.1"]]);
  });

  it("a HYPERLINK() formula counts as a link", () => {
    const s = unitSheet({ "1.1": "Xem" });
    s.formulas = s.values.map((r, i) =>
      r.map((_, j) => (i === 3 && j === 4 ? '=HYPERLINK("https://vb.gov.vn/a.pdf","Xem")' : null)),
    );
    const u = analyse([s]);
    expect(u.findings).toEqual([]);
    expect(u.entries.get("1.1")?.evidenceLink).toBe("https://vb.gov.vn/a.pdf");
  });
});
