import { describe, expect, it } from "vitest";
import { emptyEntry, type ItemEntry, type UnitEntries } from "../../src/core/entries";
import type { Finding } from "../../src/core/finding";
import { parsePreviousRanking } from "../../src/core/previous";
import { type RankInput, rankUnits } from "../../src/core/rank";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { SEED_COMMUNE, scoresForTotals } from "../../src/sample/seed-commune";
import { scoreUnit } from "../../src/core/score";
import { type SheetSpec, specToSnapshot } from "../../src/core/sheet-spec";
import { findingsReportSpec } from "../../src/core/sheets/findings-report";
import { rankingSheetSpec } from "../../src/core/sheets/ranking";
import { UNIT_RESULT_HEADERS, unitResultSheetSpec } from "../../src/core/sheets/unit-result";
import { rankInput, threeAreaRubric } from "./helpers";
import { rubricIdentity } from "../../src/core/rubric/identity";

const commune = builtinRubric("example-commune-2024") as Rubric;
const HOSTILE = '=cmd|"/c calc"!A1';

function seedEntries(): UnitEntries {
  const scores = scoresForTotals(commune, { areas: SEED_COMMUNE.areas, survey: SEED_COMMUNE.survey });
  const out: UnitEntries = new Map();
  for (const item of flattenRubric(commune).filter((i) => i.isLeaf)) {
    const e = emptyEntry(item.code);
    const v = scores[item.code];
    if (v !== undefined) e[item.kind === "survey" ? "appraised1" : "self"] = v;
    out.set(item.code, e);
  }
  return out;
}

/** Every cell value a reader of the written sheet would see, and no formulas anywhere. */
function plain(spec: SheetSpec) {
  const snap = specToSnapshot(spec);
  expect(snap.formulas?.flat().every((f) => f === null)).toBe(true);
  expect(spec.cells.every((c) => c.formula === undefined)).toBe(true);
  return snap.values.flat();
}

function tableNamesAreExcelNames(spec: SheetSpec) {
  for (const t of spec.tables ?? []) {
    expect(t.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(t.name).not.toMatch(/^[A-Za-z]{1,3}[0-9]+$/); // would read as a cell reference
    expect(new Set(t.headers).size).toBe(t.headers.length);
    for (const row of t.rows) expect(row).toHaveLength(t.headers.length);
    if (t.numberFormats) expect(t.numberFormats).toHaveLength(t.headers.length);
  }
  const names = (spec.tables ?? []).map((t) => t.name.toLowerCase());
  expect(new Set(names).size).toBe(names.length);
}

describe("'Kết quả' (one unit)", () => {
  it("per area: max, self, appraised, change, final, % and source, then the index and rating — all as scored", () => {
    const score = scoreUnit(commune, seedEntries());
    const spec = unitResultSheetSpec(HOSTILE, score, { sheet: "Biểu chấm" });
    const table = spec.tables?.[0];
    if (!table) throw new Error("no table");
    expect(table.headers).toEqual([...UNIT_RESULT_HEADERS]);
    expect(table.rows.slice(0, 7).map((r) => [r[0], r[2], r[3], r[6], r[7], r[8]])).toEqual([
      ["1", 19, 16, 16, 84.21, "tự đánh giá"],
      ["2", 6, 6, 6, 100, "tự đánh giá"],
      ["3", 15, 15, 15, 100, "tự đánh giá"],
      ["4", 6, 6, 6, 100, "tự đánh giá"],
      ["5", 10, 10, 10, 100, "tự đánh giá"],
      ["6", 6, 6, 6, 100, "tự đánh giá"],
      ["7", 13, 13, 13, 100, "tự đánh giá"],
    ]);
    // The survey row: appraisers' figure, no self score.
    expect(table.rows[7].slice(2, 5)).toEqual([25, null, 12.85]);
    const indexRow = table.rows[table.rows.length - 1];
    expect(indexRow.slice(1, 7)).toEqual(["CHỈ SỐ CCHC", 100, 84.85, null, null, 84.85]);
    expect(table.numberFormats?.[6]).toBe("0.00");
    const values = plain(spec);
    expect(values).toContain(HOSTILE); // the name as a plain value of its own cell
    expect(values).toContain("Xếp loại: Tốt (Good)");
    expect(unitResultSheetSpec(HOSTILE, scoreUnit(commune, seedEntries()), { sheet: "Biểu chấm" })).toEqual(
      spec,
    );
    tableNamesAreExcelNames(spec);
    expect(spec.freeze).toEqual({ rows: table.row + 1, cols: 0 });
  });

  it("without the survey: a provisional index, labelled, unrated, with a note in both languages", () => {
    const e = seedEntries();
    for (const l of flattenRubric(commune).filter((i) => i.kind === "survey"))
      e.set(l.code, emptyEntry(l.code));
    const spec = unitResultSheetSpec("Xã A", scoreUnit(commune, e));
    const rows = spec.tables?.[0].rows ?? [];
    expect(rows[rows.length - 1].slice(1, 7)).toEqual([
      "CHỈ SỐ TẠM (chưa có điều tra xã hội học)",
      75,
      72,
      null,
      null,
      72,
    ]);
    const values = plain(spec);
    expect(values.some((v) => typeof v === "string" && v.includes("provisional"))).toBe(true);
    expect(values.some((v) => typeof v === "string" && v.startsWith("Xếp loại: chưa xếp loại"))).toBe(true);
  });

  it("lists the sub-criteria the appraisers changed, with the round and whether a note explains it", () => {
    const e = seedEntries();
    // The appraisers go through every item and agree with all but one.
    for (const l of flattenRubric(commune).filter((i) => i.isLeaf && i.kind === "scored")) {
      const entry = e.get(l.code) as ItemEntry;
      entry.appraised1 = entry.self;
    }
    const leaf = flattenRubric(commune).find((i) => i.isLeaf && i.path[0] === "3") as {
      code: string;
      max: number;
    };
    Object.assign(e.get(leaf.code) as ItemEntry, { self: leaf.max, appraised1: leaf.max - 1 });
    const spec = unitResultSheetSpec("Xã A", scoreUnit(commune, e));
    const changes = spec.tables?.find((t) => t.name === "KetQua_ThayDoi");
    expect(changes?.rows).toEqual([
      [leaf.code, expect.any(String), "3", leaf.max, leaf.max - 1, "thẩm định lần 1", -1, "không có ghi chú"],
    ]);
    const area3 = spec.tables?.[0].rows.find((r) => r[0] === "3");
    expect(area3?.slice(3, 7)).toEqual([15, 14, -1, 14]);
    tableNamesAreExcelNames(spec);
  });
});

describe("'Xếp hạng' (the ranking)", () => {
  const rubric = threeAreaRubric({ name: "Bộ chỉ số thử", precision: 3, englishBands: false });
  const unit = (name: string, a: number, b: number, survey: number | null, errors = 0): RankInput =>
    rankInput(rubric, name, { self: [a, b], survey }, errors);
  const inputs = [
    unit("Xã An Bình", 30, 25, 20.5),
    unit("Xã Tân Lập", 35, 25, 25, 2),
    unit("Xã Hòa", 35, 25, 25),
    unit("Phường 1", 20, 20, 20),
    { unit: HOSTILE, source: "hostile.xlsx", sheet: null, score: null, errors: 0 },
    { unit: "Xã Hỏng", source: "hong.xlsx", sheet: null, score: null, errors: 0 },
  ];
  const previous = parsePreviousRanking({
    year: 2023,
    units: [
      { unit: "Xã An Bình", rank: 1, score: 80 },
      { unit: "Xã Giải Thể", rank: 2, score: 70 },
    ],
  });
  if (!previous.ok) throw new Error(previous.problem.en);
  const ranking = rankUnits(inputs, { rubric, previous: previous.ranking });

  it("title block, one real table per group, unranked and vanished lists, all deterministic", () => {
    const spec = rankingSheetSpec(ranking, rubric, { linkSheets: true });
    expect(
      rankingSheetSpec(rankUnits(inputs, { rubric, previous: previous.ranking }), rubric, {
        linkSheets: true,
      }),
    ).toEqual(spec);
    expect(spec.name).toBe("Xếp hạng");
    // The rubric first (issue #24), then the title and the basis.
    expect(spec.cells[0]).toMatchObject({ row: 0, value: `Bộ chỉ số: ${rubricIdentity(rubric).label.vi}` });
    expect(spec.cells[1].value).toBe("KẾT QUẢ XẾP HẠNG CHỈ SỐ CCHC NĂM 2024");
    expect(spec.cells[2].value).toContain("so sánh với năm 2023");
    // One language per printed sheet: no English line beside the Vietnamese one.
    expect(spec.cells.some((c) => typeof c.value === "string" && /PAR Index ranking/.test(c.value))).toBe(
      false,
    );
    expect(spec.tables?.map((t) => [t.name, t.rows.length])).toEqual([
      ["XepHang_1_ward", 1],
      ["XepHang_2_commune", 3],
      ["ChuaXepHang", 2],
      ["KhongConNamNay", 1],
      ["ThongTinXepHang", 6],
    ]);
    tableNamesAreExcelNames(spec);
    const communes = spec.tables?.[1];
    if (!communes) throw new Error("no commune table");
    expect(communes.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, "Xã Hòa", 85],
      [1, "Xã Tân Lập", 85],
      [3, "Xã An Bình", 75.5],
    ]);
    const h = communes.headers;
    const notes = communes.rows.map((r) => r[h.indexOf("Ghi chú")]);
    expect(notes).toEqual(["đồng hạng", "đồng hạng; 2 lỗi khi kiểm tra", ""]);
    // Page 1 holds the place, name, index, rating, last year and notes; the per-area detail follows,
    // short titles named in full in the legend below the tables.
    expect(h.slice(h.indexOf("Ghi chú") + 1, h.indexOf("Ghi chú") + 3)).toEqual([
      `${rubric.items[0].code}. Điểm (/${ranking.areas[0].max})`,
      `Hạng ${rubric.items[0].code}`,
    ]);
    expect(plain(spec)).toContain(
      `${ranking.areas[0].code}. ${ranking.areas[0].label} (tối đa ${ranking.areas[0].max} điểm)`,
    );
    const anBinh = communes.rows[2];
    expect(anBinh[h.indexOf("Điểm năm trước")]).toBe(80);
    expect(anBinh[h.indexOf("Tăng/giảm điểm")]).toBe(-4.5);
    expect(anBinh[h.indexOf("Thay đổi thứ hạng")]).toBe("giảm 2 bậc");
    expect(communes.rows[0][h.indexOf("Thay đổi thứ hạng")]).toBe("mới (không có trong bảng năm trước)");
    expect(communes.numberFormats?.[2]).toBe("0.000");
    expect(communes.numberFormats?.[h.indexOf("Tăng/giảm điểm")]).toBe("+0.000;-0.000;0");
    expect(communes.links?.[1]).toEqual(["#'Xã Hòa'!A1", "#'Xã Tân Lập'!A1", "#'Xã An Bình'!A1"]);
    expect(communes.links?.[0].every((l) => l === null)).toBe(true);
    const unranked = spec.tables?.[2];
    expect(unranked?.rows.map((r) => r[0])).toEqual([HOSTILE, "Xã Hỏng"]);
    expect(unranked?.headers).toEqual(["Đơn vị", "Tệp", "Lý do", "Reason", "Số lỗi", "Hạng năm trước"]);
    expect(spec.tables?.[3].rows).toEqual([["Xã Giải Thể", 2, 70, "không còn trong bảng năm nay"]]);
    expect(plain(spec)).toContain(HOSTILE);
  });

  it("frozen header, landscape, fit to width, the first table's header repeated on every printed page", () => {
    const spec = rankingSheetSpec(ranking, rubric);
    const first = spec.tables?.[0];
    if (!first) throw new Error("no table");
    expect(spec.freeze).toEqual({ rows: first.row + 1, cols: 2 });
    // A4; the first page's columns fitted at a fixed scale, the per-area columns on pages of their own
    // (a break before each page's first area), the rank and unit name repeated on every page.
    const h = first.headers;
    const firstArea = h.indexOf("Ghi chú") + 1;
    expect(spec.print).toMatchObject({
      paper: "A4",
      fitToWidth: false,
      repeatRows: [first.row, first.row],
      repeatColumns: [0, 1],
      footer: "Trang &P/&N",
    });
    expect(spec.print?.scale).toBeGreaterThanOrEqual(75);
    expect(spec.print?.columnBreaksBefore?.[0]).toBe(firstArea);
    for (const b of spec.print?.columnBreaksBefore ?? []) expect(h[b]).toMatch(/\. Điểm \(/);
    // Tables never overlap each other or the title block.
    const spans = (spec.tables ?? []).map((t) => [t.row, t.row + t.rows.length] as const);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][1]);
    const cellRows = new Set(spec.cells.map((c) => c.row));
    for (const [top, bottom] of spans)
      for (let r = top; r <= bottom; r++) expect(cellRows.has(r)).toBe(false);
    // Without linkSheets (files ranked from outside the workbook) there are no links.
    expect(spec.tables?.every((t) => t.links === undefined)).toBe(true);
  });

  it("says when it ranks without the survey part", () => {
    const r = rankUnits([unit("Xã A", 30, 20, null), unit("Xã B", 35, 20, null)], {
      rubric,
      groupBy: "none",
    });
    const spec = rankingSheetSpec(r, rubric);
    expect(spec.tables?.[0].headers[2]).toBe("Điểm (chưa có điều tra XHH)");
    expect(spec.cells.some((c) => c.value === r.basisReason.vi)).toBe(true);
  });
});

describe("'Báo cáo kiểm tra' (findings)", () => {
  const finding = (over: Partial<Finding>): Finding => ({
    code: "missing-evidence",
    severity: "warning",
    sheet: "Biểu chấm",
    address: "E12",
    item: "1.1",
    message: { vi: "Thiếu tài liệu kiểm chứng", en: "Missing evidence" },
    ...over,
  });
  const units = [
    {
      file: "xa-a.xlsx",
      unit: "Xã A",
      path: "xa-a.xlsx",
      findings: [
        finding({}),
        finding({ code: "total-mismatch", severity: "error", address: "D9", found: 12, expected: 13 }),
      ],
    },
    {
      file: "hong.xlsx",
      unit: null,
      findings: [
        finding({ code: "unreadable-file", severity: "error", sheet: null, address: null, item: null }),
      ],
    },
  ];

  it("summary first, then one table with file/unit/sheet/cell/item/severity/code/message", () => {
    const spec = findingsReportSpec(units);
    expect(spec.name).toBe("Báo cáo kiểm tra");
    expect(spec.cells.map((c) => c.value)).toEqual([
      "BÁO CÁO KIỂM TRA BIỂU CHẤM ĐIỂM CHỈ SỐ CCHC",
      "2 tệp, 1 đơn vị — 2 lỗi, 1 cảnh báo, 0 lưu ý",
      "total-mismatch: 1; missing-evidence: 1; unreadable-file: 1",
    ]);
    // One language per printed sheet: the same report for an English-speaking user.
    const en = findingsReportSpec(units, { lang: "en" });
    expect(en.cells[1].value).toBe("2 file(s), 1 unit(s) — 2 error(s), 1 warning(s), 0 note(s)");
    expect(en.tables?.[0].rows[1].slice(5, 8)).toEqual(["Error", "total-mismatch", "Missing evidence"]);
    const t = spec.tables?.[0];
    if (!t) throw new Error("no table");
    expect(t.headers.slice(0, 8)).toEqual([
      "Tệp",
      "Đơn vị",
      "Trang",
      "Ô",
      "Tiêu chí",
      "Mức độ",
      "Mã",
      "Nội dung",
    ]);
    expect(t.rows[1]).toEqual([
      "xa-a.xlsx",
      "Xã A",
      "Biểu chấm",
      "D9",
      "1.1",
      "Lỗi",
      "total-mismatch",
      "Thiếu tài liệu kiểm chứng",
      "12",
      "13",
    ]);
    expect(spec.freeze).toEqual({ rows: t.row + 1, cols: 0 });
    expect(spec.print?.repeatRows).toEqual([t.row, t.row]);
    tableNamesAreExcelNames(spec);
    expect(findingsReportSpec(units)).toEqual(spec);
  });

  it("links name the cell in the same workbook, or the unit's file when written beside it", () => {
    const same = findingsReportSpec(units, { linkCells: true }).tables?.[0].links;
    expect(same?.[3]).toEqual(["#'Biểu chấm'!E12", "#'Biểu chấm'!D9", null]);
    expect(same?.[0].every((l) => l === null)).toBe(true);
    const beside = findingsReportSpec(units).tables?.[0].links;
    expect(beside?.[3]).toEqual(["xa-a.xlsx", "xa-a.xlsx", null]);
  });

  it("a finding at a linked evidence cell shows where the link points (#23 item 2)", () => {
    const linked = [
      {
        file: "xa-a.xlsx",
        unit: "Xã A",
        findings: [
          finding({ code: "evidence-out-of-period", link: "https://vanban.example.vn/qd-12.pdf" }),
          finding({}),
        ],
      },
    ];
    const rows = findingsReportSpec(linked).tables?.[0].rows ?? [];
    expect(rows[0][7]).toBe("Thiếu tài liệu kiểm chứng → https://vanban.example.vn/qd-12.pdf");
    expect(rows[1][7]).toBe("Thiếu tài liệu kiểm chứng");
  });

  it("an empty report says so, in the sheet's language", () => {
    const empty = [{ file: "a.xlsx", unit: "Xã A", findings: [] }];
    const t = findingsReportSpec(empty).tables?.[0];
    expect(t?.rows).toHaveLength(1);
    expect(t?.rows[0]).toContain("Không có phát hiện nào.");
    expect(t?.rows[0]).not.toContain("No findings.");
    expect(findingsReportSpec(empty, { lang: "en" }).tables?.[0].rows[0]).toContain("No findings.");
  });
});
