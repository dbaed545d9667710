import { describe, expect, it } from "vitest";
import { rubricLabel } from "../../src/core/rubric/identity";
import { readWorkbook } from "../../src/files/read-workbook";
import { consolidationWorkbook } from "../../src/sample";
import {
  type CheckedFile,
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
    const ranking = rankFiles(checked, commune, {
      by: "final",
      part: "index",
      groupBy: "none",
      dense: false,
    });
    const ranked = ranking.groups.flatMap((g) => g.units);
    expect(ranked.map((u) => u.unit).sort()).toEqual(files.map((f) => f.unit.truth.unitName).sort());
    expect(ranked.map((u) => u.rank)).toEqual([1, 2, 3]);
    const scores = ranked.map((u) => u.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(ranking.unranked).toEqual([
      expect.objectContaining({ unit: "hong.xlsx", source: "hong.xlsx", reason: checked[3].error }),
    ]);
  });

  it("ranks on the basis chosen, as the pane asks core: the evidence part when chosen, a self ranking always", async () => {
    const files = await Promise.all([unitFile(2), unitFile(3)]);
    const checked = await Promise.all(files.map((f) => checkBytes(f.bytes, f.unit.fileName, commune)));
    const rank = (by: "final" | "self", part: "index" | "evidence") =>
      rankFiles(checked, commune, { by, part, groupBy: "none", dense: false });
    expect(rank("final", "index")).toMatchObject({
      basis: "index",
      basisSource: "default",
      withoutSurvey: false,
    });
    expect(rank("final", "evidence")).toMatchObject({
      basis: "evidence",
      basisSource: "option",
      withoutSurvey: true,
    });
    // A self ranking is the evidence part whatever the part chosen (the survey is never self-scored).
    for (const part of ["index", "evidence"] as const)
      expect(rank("self", part)).toMatchObject({ basis: "evidence", basisSource: "self" });
    // On the evidence part no unit is rated, and the scores are lower than the index (the survey is left out).
    const index = rank("final", "index").groups[0].units;
    const evidence = rank("final", "evidence").groups[0].units;
    expect(evidence.every((u) => u.rating === null)).toBe(true);
    for (const u of evidence) expect(u.score).toBeLessThan(index.find((v) => v.unit === u.unit)?.score ?? 0);
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
    const specs = reportSpecs([checked], { results: true, lang: "vi" });
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
    const specs = reportSpecs(checked, { results: true, lang: "vi" });
    expect(specs.map((s) => s.name)).toEqual(["Báo cáo kiểm tra", "Kết quả", "Kết quả 2"]);
    const rows = specs[0].tables?.[0].rows ?? [];
    expect(rows.some((r) => r.includes("hong.xlsx") && r.includes("unreadable-file"))).toBe(true);
    expect(reportSpecs(checked, { results: false, lang: "vi" }).map((s) => s.name)).toEqual([
      "Báo cáo kiểm tra",
    ]);
  });

  it("every sheet it writes names the rubric the files were checked against on its first line, as the CLI's do", async () => {
    const { unit, bytes } = await unitFile(9);
    const withRubric = await checkBytes(bytes, unit.fileName, commune);
    const own = await checkBytes(bytes, unit.fileName, null);
    const firstLines = async (files: CheckedFile[], lang: "vi" | "en") =>
      readWorkbook(await writeWorkbook(reportSpecs(files, { results: true, lang })), "r.xlsx").sheets.map(
        (sh) => sh.values[0]?.find((v) => v !== null),
      );
    const named = rubricLabel(commune);
    expect(await firstLines([withRubric], "vi")).toEqual([
      `Bộ chỉ số: ${named.vi}`,
      `Bộ chỉ số: ${named.vi}`,
    ]);
    expect(await firstLines([withRubric], "en")).toEqual([`Rubric: ${named.en}`, `Rubric: ${named.en}`]);
    const ownLabel = rubricLabel(null);
    // Two files checked against different rubrics: the report names both, each result sheet its own.
    expect(await firstLines([withRubric, own], "vi")).toEqual([
      `Bộ chỉ số: ${named.vi}; ${ownLabel.vi}`,
      `Bộ chỉ số: ${named.vi}`,
      `Bộ chỉ số: ${ownLabel.vi}`,
    ]);
  });

  it("is written in the page's language: English headings, severities and messages when the page is in English", async () => {
    const { unit, bytes } = await unitFile(8, ["missing-evidence"]);
    const checked = await checkBytes(bytes, unit.fileName, commune);
    const planted = checked.findings.find((f) => f.code === "missing-evidence");
    expect(planted).toBeTruthy();
    const written = async (lang: "vi" | "en") => {
      const specs = reportSpecs([checked], { results: false, lang });
      return readWorkbook(await writeWorkbook(specs), "report.xlsx").sheets[0].values;
    };
    const [en, vi] = [await written("en"), await written("vi")];
    expect(en.flat()).toContain("CHECK REPORT OF PAR INDEX SCORING WORKBOOKS");
    expect(en.some((r) => r.includes("Severity") && r.includes("Message"))).toBe(true);
    expect(en.flat()).toContain(planted?.message.en);
    expect(en.flat()).not.toContain(planted?.message.vi);
    expect(vi.some((r) => r.includes("Mức độ") && r.includes("Nội dung"))).toBe(true);
    expect(vi.flat()).toContain(planted?.message.vi);
    expect(vi.flat()).not.toContain(planted?.message.en);
  });
});
