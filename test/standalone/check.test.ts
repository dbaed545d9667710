import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/files/read-workbook";
import { consolidationWorkbook } from "../../src/sample";
import {
  checkBytes,
  fileTooLarge,
  MAX_FILE_BYTES,
  rankFiles,
  rankingRubric,
  reportSpecs,
  writeWorkbook,
} from "../../src/standalone/check";
import { bytesOf, commune, NOT_A_ZIP, unitFile } from "./helpers";

/** The standalone page's engine side: a picked file's bytes → the analysis, ranking and sheets (issue #17). */
describe("checkBytes", () => {
  it("finds each planted defect on the cell the generator recorded, and names the unit", async () => {
    const { unit, bytes } = await unitFile(0, ["missing-evidence", "score-out-of-range"]);
    const r = await checkBytes(bytes, unit.fileName, commune);
    expect(r.error).toBeNull();
    expect(r.analysis?.units).toHaveLength(1);
    expect(r.analysis?.units[0].unit).toBe(unit.truth.unitName);
    const found = r.findings.map((f) => `${f.code} ${f.address}`);
    for (const p of unit.truth.planted) expect(found).toContain(`${p.code} ${p.address}`);
  });

  it("a file that is not a workbook fails alone: an unreadable-file finding naming the file", async () => {
    const r = await checkBytes(NOT_A_ZIP, "hong.xlsx", commune);
    expect(r.analysis).toBeNull();
    expect(r.error?.vi).toContain("hong.xlsx");
    expect(r.error?.en).toContain("hong.xlsx");
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: "unreadable-file", severity: "error", message: r.error });
  });

  it("a file over the size limit is refused before it is read, with both sizes in the message", () => {
    const r = fileTooLarge("lon.xlsx", MAX_FILE_BYTES + 1);
    expect(r.analysis).toBeNull();
    expect(r.findings[0]).toMatchObject({ code: "unreadable-file", found: "too-large" });
    expect(r.error?.en).toMatch(/lon\.xlsx: .*50 MB.*at most 50 MB/);
  });

  it("with no rubric, checks the workbook against its own structure", async () => {
    const { unit, bytes } = await unitFile(1);
    const r = await checkBytes(bytes, unit.fileName, null);
    expect(r.analysis?.units[0].rubric.id).toBe("workbook");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("rankFiles", () => {
  it("ranks every readable unit and lists the unreadable file with its reason", async () => {
    const files = await Promise.all([unitFile(2), unitFile(3), unitFile(4)]);
    const checked = await Promise.all([
      ...files.map((f) => checkBytes(f.bytes, f.unit.fileName, commune)),
      checkBytes(NOT_A_ZIP, "hong.xlsx", commune),
    ]);
    const ranking = rankFiles(checked, commune, { by: "final", groupBy: "none", dense: false });
    const ranked = ranking.groups.flatMap((g) => g.units);
    expect(ranked.map((u) => u.unit).sort()).toEqual(files.map((f) => f.unit.truth.unitName).sort());
    expect(ranked.map((u) => u.rank)).toEqual([1, 2, 3]);
    const scores = ranked.map((u) => u.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(ranking.unranked).toEqual([
      expect.objectContaining({ unit: "hong.xlsx", source: "hong.xlsx", reason: checked[3].error }),
    ]);
  });

  it("ranks on the default built-in rubric when files were checked against their own structure", () => {
    expect(rankingRubric(null).id).toBe("example-commune-2024");
    expect(rankingRubric(commune)).toBe(commune);
  });
});

describe("reportSpecs", () => {
  it("one unit: the check report, then its Kết quả sheet, written as a workbook that reads back", async () => {
    const { unit, bytes } = await unitFile(5, ["missing-evidence"]);
    const checked = await checkBytes(bytes, unit.fileName, commune);
    const specs = reportSpecs([checked], { results: true });
    expect(specs.map((s) => s.name)).toEqual(["Báo cáo kiểm tra", "Kết quả"]);
    const back = readWorkbook(await writeWorkbook(specs), "report.xlsx");
    const report = back.sheets[0].values.flat();
    expect(report).toContain(unit.fileName);
    expect(report).toContain("missing-evidence");
    expect(back.sheets[1].values.flat()).toContain(unit.truth.unitName);
  });

  it("a consolidation workbook keeps one Kết quả sheet per unit; an unreadable file is in the report only", async () => {
    const [a, b] = await Promise.all([unitFile(6), unitFile(7)]);
    const both = await bytesOf(consolidationWorkbook([a.unit, b.unit]));
    const checked = await Promise.all([
      checkBytes(both, "Tong-hop.xlsx", commune),
      checkBytes(NOT_A_ZIP, "hong.xlsx", commune),
    ]);
    const specs = reportSpecs(checked, { results: true });
    expect(specs.map((s) => s.name)).toEqual(["Báo cáo kiểm tra", "Kết quả", "Kết quả 2"]);
    const rows = specs[0].tables?.[0].rows ?? [];
    expect(rows.some((r) => r.includes("hong.xlsx") && r.includes("unreadable-file"))).toBe(true);
    expect(reportSpecs(checked, { results: false }).map((s) => s.name)).toEqual(["Báo cáo kiểm tra"]);
  });
});
