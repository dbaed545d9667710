import { describe, expect, it } from "vitest";
import { rubricLabel, rubricLine } from "../../src/core/rubric/identity";
import { parsePreviousRanking } from "../../src/core/previous";
import { type RankInput, rankUnits } from "../../src/core/rank";
import { specToSnapshot } from "../../src/core/sheet-spec";
import { rankingSheetSpec } from "../../src/core/sheets/ranking";
import { UNIT_MAP_MAX_ROWS, unitMapFromRows } from "../../src/core/unit-map";
import { rankInput, threeAreaRubric } from "./helpers";

// Issue #27: the index stays the basis, comparisons on the same basis only, the 2025 map.

const rubric = threeAreaRubric();
const unit = (name: string, a: number, b: number, survey: number | null): RankInput =>
  rankInput(rubric, name, { self: [a, b], survey });
const all = (r: ReturnType<typeof rankUnits>) => r.groups.flatMap((g) => g.units);

/** Eight agencies; "Sở H" is missing from the survey table. Index = a + b + survey. */
const eight = (): RankInput[] => [
  unit("Sở A", 38, 28, 27),
  unit("Sở B", 36, 27, 26),
  unit("Sở C", 35, 26, 20),
  unit("Sở D", 30, 25, 25),
  unit("Sở E", 32, 20, 22),
  unit("Sở F", 28, 22, 18),
  unit("Sở G", 25, 20, 15),
  unit("Sở H", 39, 29, null),
];

describe("the index stays the basis when survey scores were given", () => {
  it("seven units ranked on the index with ratings, the eighth listed apart with its reason and evidence part", () => {
    const r = rankUnits(eight(), { rubric, groupBy: "none" });
    expect(r.basis).toBe("index");
    expect(r.basisSource).toBe("default");
    expect(all(r).map((u) => [u.unit, u.score, u.rank, u.rating?.label])).toEqual([
      ["Sở A", 93, 1, "Tốt"],
      ["Sở B", 89, 2, "Tốt"],
      ["Sở C", 81, 3, "Tốt"],
      ["Sở D", 80, 4, "Tốt"],
      ["Sở E", 74, 5, "Khá"],
      ["Sở F", 68, 6, "Khá"],
      ["Sở G", 60, 7, "Khá"],
    ]);
    // Sở H would be first on the evidence part (68): it is not placed among the indexes at all.
    expect(r.unranked).toEqual([
      {
        unit: "Sở H",
        source: "Sở H.xlsx",
        reason: { vi: "chưa có điểm điều tra xã hội học", en: "no social-survey score yet" },
        errors: 0,
        evidenceScore: 68,
      },
    ]);
    expect(r.groups[0].ratingCounts.map((c) => [c.label, c.count])).toEqual([
      ["Tốt", 4],
      ["Khá", 3],
    ]);
    expect(r.basisReason.vi).toContain("Xếp theo Chỉ số CCHC");
    expect(r.basisReason.vi).toContain("--survey");
    expect(r.basisReason.en).toContain("--basis evidence");

    const spec = rankingSheetSpec(r, rubric);
    const sheet = specToSnapshot(spec);
    // Row 1 names the rubric used (every written sheet's first line); the title, then the basis and why.
    expect(String(sheet.values[0]?.[0])).toBe(rubricLine(rubricLabel(rubric)));
    expect(String(sheet.values[2]?.[0])).toContain("cơ sở xếp hạng: Chỉ số CCHC");
    expect(String(sheet.values[3]?.[0])).toContain("1/8 đơn vị chưa có điểm điều tra xã hội học (Sở H)");
    const apart = spec.tables?.find((t) => t.name === "ChuaCoDieuTraXHH");
    expect(apart?.headers.slice(0, 4)).toEqual(["Đơn vị", "Tệp", "Phần điểm TLKC (chưa xếp hạng)", "Lý do"]);
    expect(apart?.rows.map((row) => row.slice(0, 4))).toEqual([
      ["Sở H", "Sở H.xlsx", 68, "chưa có điểm điều tra xã hội học"],
    ]);
    expect(spec.tables?.some((t) => t.name === "ChuaXepHang")).toBe(false);
    // Read back next year: the seven ranked units only — the unit apart has no place and its evidence
    // part is not last year's index.
    const back = parsePreviousRanking({ source: "xep-hang.xlsx", sheets: [sheet] });
    if (!back.ok) throw new Error(back.problem.en);
    expect(back.ranking.units.map((u) => u.unit)).toEqual([
      "Sở A",
      "Sở B",
      "Sở C",
      "Sở D",
      "Sở E",
      "Sở F",
      "Sở G",
    ]);
    expect(back.ranking.basis).toBe("index");
    const heading = spec.cells.find((c) => String(c.value).startsWith("I. "));
    expect(heading?.value).toBe("I. Tất cả đơn vị (7 đơn vị) — Tốt: 4; Khá: 3");
  });

  it("--basis evidence ranks all eight on the evidence part, unrated, and says it was chosen", () => {
    const r = rankUnits(eight(), { rubric, groupBy: "none", basis: "evidence" });
    expect(r.basis).toBe("evidence");
    expect(r.basisSource).toBe("option");
    expect(all(r).map((u) => [u.unit, u.score, u.rank, u.rating])).toEqual([
      ["Sở H", 68, 1, null],
      ["Sở A", 66, 2, null],
      ["Sở B", 63, 3, null],
      ["Sở C", 61, 4, null],
      ["Sở D", 55, 5, null],
      ["Sở E", 52, 6, null],
      ["Sở F", 50, 7, null],
      ["Sở G", 45, 8, null],
    ]);
    expect(r.unranked).toEqual([]);
    expect(r.ratingBands).toEqual([]);
    expect(r.basisReason.vi).toContain("--basis evidence");
    const sheet = specToSnapshot(rankingSheetSpec(r, rubric));
    expect(String(sheet.values[2]?.[0])).toContain("cơ sở xếp hạng: phần điểm tài liệu kiểm chứng");
  });

  it("without any survey score, ranks the evidence part and says how to import the survey", () => {
    const r = rankUnits([unit("Sở A", 30, 20, null), unit("Sở B", 35, 20, null)], {
      rubric,
      groupBy: "none",
    });
    expect(r.basis).toBe("evidence");
    expect(r.basisSource).toBe("no-survey");
    expect(r.basisReason.vi).toContain("--survey diem-dieu-tra.xlsx");
    expect(r.basisReason.en).toContain("Import the province's social-survey table");
  });

  it("--basis index without any survey score lists every unit apart rather than ranking another part", () => {
    const r = rankUnits([unit("Sở A", 30, 20, null), unit("Sở B", 35, 20, null)], {
      rubric,
      groupBy: "none",
      basis: "index",
    });
    expect(all(r)).toEqual([]);
    expect(r.unranked.map((u) => [u.unit, u.evidenceScore])).toEqual([
      ["Sở A", 50],
      ["Sở B", 55],
    ]);
  });

  it("the province's ratings replace the rubric's; the index is rated as rounded (89.996 → 90.00 → top band)", () => {
    const r = rankUnits([unit("Sở A", 40, 29.996, 20), unit("Sở B", 40, 29.994, 20)], {
      rubric,
      groupBy: "none",
      ratingBands: [
        { label: "Xuất sắc", min: 90, minInclusive: true },
        { label: "Tốt", min: 80, minInclusive: true },
        { label: "Yếu", min: 0, minInclusive: true },
      ],
    });
    expect(all(r).map((u) => [u.unit, u.score, u.rating?.label])).toEqual([
      ["Sở A", 90, "Xuất sắc"],
      ["Sở B", 89.99, "Tốt"],
    ]);
    expect(r.groups[0].ratingCounts.map((c) => [c.label, c.count])).toEqual([
      ["Xuất sắc", 1],
      ["Tốt", 1],
      ["Yếu", 0],
    ]);
  });
});

describe("comparisons on the same basis only", () => {
  it("a previous ranking on another basis: last year's figures shown, no points or places compared", () => {
    const last = rankUnits(eight(), { rubric, groupBy: "none", basis: "evidence" });
    const parsed = parsePreviousRanking(JSON.parse(JSON.stringify(last)));
    if (!parsed.ok) throw new Error(parsed.problem.en);
    expect(parsed.ranking.basis).toBe("evidence");
    const r = rankUnits(eight(), { rubric, groupBy: "none", previous: parsed.ranking });
    expect(r.comparison?.comparable).toBe(false);
    const a = all(r)[0];
    expect(a.previous).toMatchObject({ score: 66, rank: 2, delta: null, places: null });
    expect(a.previous?.change.vi).toBe("không so sánh được");
    expect(a.previous?.note?.vi).toContain(
      "năm trước xếp theo phần điểm tài liệu kiểm chứng, năm nay theo Chỉ số CCHC",
    );
    // The area comparisons are withheld too.
    expect(a.areas.every((x) => x.previous === null)).toBe(true);
    const spec = rankingSheetSpec(r, rubric);
    expect(String(specToSnapshot(spec).values[4]?.[0])).toContain(
      "So sánh với năm trước: không so sánh được",
    );
  });

  it("the basis and rubric written in the sheet are read back by --previous, and the same basis compares", () => {
    const last = rankUnits(eight(), { rubric, groupBy: "none", basis: "evidence" });
    const sheet = specToSnapshot(rankingSheetSpec(last, rubric));
    const parsed = parsePreviousRanking({ source: "xep-hang-2024.xlsx", sheets: [sheet] });
    if (!parsed.ok) throw new Error(parsed.problem.en);
    expect(parsed.ranking).toMatchObject({
      basis: "evidence",
      scoreMax: 70,
      rubricId: "t",
      rubricName: "Test rubric",
    });
    expect(parsed.ranking.units).toHaveLength(8);
    const r = rankUnits(eight(), { rubric, groupBy: "none", basis: "evidence", previous: parsed.ranking });
    expect(r.comparison).toEqual({ comparable: true, reason: null });
    expect(all(r).every((u) => u.previous?.change.vi === "giữ nguyên" && u.previous.delta === 0)).toBe(true);
  });

  it("a typed table that does not say its basis is taken as the index, and says so", () => {
    const r = rankUnits(eight(), {
      rubric,
      groupBy: "none",
      previous: { year: 2023, units: [{ unit: "Sở A", rank: 2, score: 90 }] },
    });
    expect(r.comparison?.comparable).toBe(true);
    expect(r.comparison?.reason?.vi).toContain("coi là Chỉ số CCHC");
    expect(all(r)[0].previous).toMatchObject({ delta: 3, places: 1 });
  });

  it("places up while points down carries a note saying why", () => {
    const previous = {
      year: 2023,
      basis: "index" as const,
      units: [
        { unit: "Sở A", rank: 1, score: 95 },
        { unit: "Sở B", rank: 3, score: 90 },
        { unit: "Sở C", rank: 2, score: 78 },
      ],
    };
    const r = rankUnits(eight(), { rubric, groupBy: "none", previous });
    const byName = new Map(all(r).map((u) => [u.unit, u.previous]));
    // Sở B: 90 → 89 (−1) but 3rd → 2nd: fewer points, higher place.
    expect(byName.get("Sở B")).toMatchObject({ delta: -1, places: 1 });
    expect(byName.get("Sở B")?.note?.vi).toContain("điểm giảm nhưng hạng tăng");
    // Sở C: 78 → 81 (+3) but 2nd → 3rd.
    expect(byName.get("Sở C")?.note?.en).toContain("more points but a lower place");
    // Sở A: −2 points and the same place: nothing contradicts, no note.
    expect(byName.get("Sở A")?.note).toBeUndefined();
  });
});

describe("the 2025 map", () => {
  it("a merger of two communes and a rename in one map: 'sáp nhập từ', not new, predecessors not gone", () => {
    const read = unitMapFromRows(
      [
        ["Đơn vị cũ", "Đơn vị mới"],
        ["Xã An Bình", "Xã Bình Minh"],
        ["Xã Tân Lập", "Xã Bình Minh"],
        ["Thị trấn Chợ", "Phường Chợ"],
        ["", ""],
        ["Xã Lẻ"],
      ],
      "map.csv",
    );
    expect(read.problems.map((p) => p.en)).toEqual([
      'map.csv, row 6: only one name ("Xã Lẻ"); expected "old unit; new unit". Row ignored.',
    ]);
    const previous = {
      year: 2024,
      basis: "index" as const,
      units: [
        { unit: "Xã An Bình", rank: 3, score: 80.5 },
        { unit: "Xã Tân Lập", rank: 5, score: 75 },
        { unit: "Thị trấn Chợ", rank: 1, score: 88 },
        { unit: "Xã Giữ Nguyên", rank: 2, score: 85 },
        { unit: "Xã Giải Thể", rank: 4, score: 78 },
      ],
    };
    const r = rankUnits(
      [unit("Xã Bình Minh", 35, 25, 25), unit("Phường Chợ", 36, 26, 26), unit("Xã Giữ Nguyên", 30, 25, 25)],
      { rubric, groupBy: "none", previous, unitMap: read.map },
    );
    const byName = new Map(all(r).map((u) => [u.unit, u]));
    const merged = byName.get("Xã Bình Minh");
    expect(merged?.mergedFrom).toEqual([
      { unit: "Xã An Bình", rank: 3, score: 80.5 },
      { unit: "Xã Tân Lập", rank: 5, score: 75 },
    ]);
    expect(merged?.previous?.change.vi).toBe(
      "sáp nhập từ: Xã An Bình (hạng 3, 80,50); Xã Tân Lập (hạng 5, 75,00)",
    );
    expect(merged?.previous?.delta).toBeNull();
    expect(byName.get("Phường Chợ")?.previousName).toBe("Thị trấn Chợ");
    expect(byName.get("Phường Chợ")?.previous).toMatchObject({ rank: 1, delta: 0, places: 0 });
    expect(byName.get("Xã Giữ Nguyên")?.previous).toMatchObject({ rank: 2, places: -1 });
    expect(r.vanished.map((v) => v.unit)).toEqual(["Xã Giải Thể"]);

    const spec = rankingSheetSpec(r, rubric);
    const table = spec.tables?.[0];
    const change = table?.headers.indexOf("Thay đổi thứ hạng") ?? -1;
    expect(table?.rows.map((row) => row[change])).toContain(
      "sáp nhập từ: Xã An Bình (hạng 3, 80,50); Xã Tân Lập (hạng 5, 75,00)",
    );
  });

  it("an old unit given two successors is reported and the first kept; the map's target absent is said", () => {
    const read = unitMapFromRows(
      [
        ["Xã A", "Xã Mới"],
        ["Xã A", "Xã Khác"],
      ],
      "map.xlsx",
    );
    expect(read.problems[0].vi).toContain('"Xã A" đã được ghi sang "Xã Mới"');
    const r = rankUnits([unit("Xã B", 30, 25, 25)], {
      rubric,
      groupBy: "none",
      previous: { year: 2024, units: [{ unit: "Xã A", rank: 1, score: 80 }] },
      unitMap: read.map,
    });
    expect(r.vanished.map((v) => v.change.vi)).toEqual([
      'đã chuyển thành "Xã Mới" (bảng đối chiếu), nhưng "Xã Mới" không có trong bảng năm nay',
    ]);
  });

  it("a map longer than any country's is read up to its bound, and says so", () => {
    const rows = Array.from({ length: UNIT_MAP_MAX_ROWS + 5 }, (_, k) => [`Xã ${k}`, `Xã Mới ${k >> 1}`]);
    const read = unitMapFromRows(rows, "big.csv");
    expect(read.map.successor.size).toBe(UNIT_MAP_MAX_ROWS);
    expect(read.problems.map((p) => p.en)).toEqual([
      `big.csv: the unit map has ${UNIT_MAP_MAX_ROWS + 5} rows; only the first ${UNIT_MAP_MAX_ROWS} are read.`,
    ]);
  });

  it("a unit that kept its name while others merged into it lists its own last year among its predecessors", () => {
    const read = unitMapFromRows([["Xã Bé", "Xã Lớn"]], "map.csv");
    const r = rankUnits([unit("Xã Lớn", 35, 25, 25)], {
      rubric,
      groupBy: "none",
      previous: {
        year: 2024,
        basis: "index",
        units: [
          { unit: "Xã Lớn", rank: 1, score: 88 },
          { unit: "Xã Bé", rank: 2, score: 70 },
        ],
      },
      unitMap: read.map,
    });
    expect(all(r)[0].mergedFrom).toEqual([
      { unit: "Xã Bé", rank: 2, score: 70 },
      { unit: "Xã Lớn", rank: 1, score: 88 },
    ]);
    expect(r.vanished).toEqual([]);
  });
});
