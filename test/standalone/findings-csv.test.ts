import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding";
import { type CheckedFile, checkBytes } from "../../src/standalone/check";
import { CSV_SEPARATOR, findingsCsv } from "../../src/standalone/findings-csv";
import { commune, NOT_A_ZIP, unitFile } from "./helpers";

/** RFC 4180 read back, so the test sees the fields a spreadsheet would, not our own writer's idea of them. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      row.push(field);
      field = "";
    } else if (c === "\r" && csv[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

function fileWith(findings: Finding[]): CheckedFile {
  return { file: "x.xlsx", modified: null, analysis: null, error: null, findings };
}

const finding = (over: Partial<Finding>): Finding => ({
  code: "score-out-of-range",
  severity: "error",
  sheet: "Biểu",
  address: "E12",
  item: "1.1",
  message: { vi: "Điểm 3 vượt tối đa 2", en: "Score 3 above the maximum 2" },
  ...over,
});

describe("findingsCsv", () => {
  it("starts with a UTF-8 byte-order mark, separates with ';' and ends lines with CRLF", () => {
    const csv = findingsCsv([fileWith([finding({})])], "vi");
    expect(CSV_SEPARATOR).toBe(";");
    expect(csv.startsWith("\uFEFFTệp;Đơn vị;Trang;Ô;Mức độ;Mã;Tiêu chí;Nội dung;")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.slice(1).split("\r\n")[1]).toBe(
      "x.xlsx;;Biểu;E12;Lỗi;score-out-of-range;1.1;Điểm 3 vượt tối đa 2;;",
    );
  });

  it("quotes separators, quotes and line breaks; escapes formula-like text but not negative numbers", () => {
    const tricky = finding({
      message: { vi: 'Ghi "1;5"\nxuống dòng', en: "x" },
      found: '=HYPERLINK("http://evil")',
      expected: -1.5,
    });
    const rows = parse(findingsCsv([fileWith([tricky])], "vi").slice(1));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.length === 10)).toBe(true);
    expect(rows[1][7]).toBe('Ghi "1;5"\nxuống dòng');
    expect(rows[1][8]).toBe('\'=HYPERLINK("http://evil")');
    expect(rows[1][9]).toBe("-1,5");
    const en = parse(findingsCsv([fileWith([tricky])], "en").slice(1));
    expect(en[0][0]).toBe("File");
    expect(en[1][9]).toBe("-1.5");
  });

  it("lists every finding of real files with its unit, and the unreadable file's reason", async () => {
    const { unit, bytes } = await unitFile(8, ["missing-evidence", "number-as-text"]);
    const files = await Promise.all([
      checkBytes(bytes, unit.fileName, commune),
      checkBytes(NOT_A_ZIP, "hong.xlsx", commune),
    ]);
    const rows = parse(findingsCsv(files, "en").slice(1));
    expect(rows.length - 1).toBe(files[0].findings.length + 1);
    const planted = unit.truth.planted.map((p) => `${p.code} ${p.address}`);
    const listed = rows.filter((r) => r[1] === unit.truth.unitName).map((r) => `${r[5]} ${r[3]}`);
    for (const p of planted) expect(listed).toContain(p);
    const broken = rows.find((r) => r[0] === "hong.xlsx");
    expect(broken?.[5]).toBe("unreadable-file");
    expect(broken?.[7]).toBe(files[1].error?.en);
  });
});
