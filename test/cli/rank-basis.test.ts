import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeWorkbook } from "../../src/files/write-workbook";

/**
 * Issue #27 through the built command line: eight sample units scored by themselves (no survey in their
 * workbooks), the province's survey table for seven of them, last year's ranking and the 2025 map.
 */
const BIN = join(process.cwd(), "bin", "par-index.js");
let dir: string;
let units: string;
let names: string[];
let survey: string;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Unit {
  unit: string;
  score: number;
  rank: number;
  rating: { label: string } | null;
  previous: { change: { vi: string; en: string }; delta: number | null; note?: { en: string } } | null;
  mergedFrom: { unit: string; rank: number | null }[] | null;
}
const ranked = (r: { groups: { units: Unit[] }[] }): Unit[] => r.groups.flatMap((g) => g.units);

beforeAll(() => {
  if (!existsSync(join(process.cwd(), "build", "cli", "main.mjs")))
    execFileSync(process.execPath, ["scripts/build-cli.mjs"]);
  dir = mkdtempSync(join(tmpdir(), "par-index-rank-basis-"));
  units = join(dir, "units");
  expect(cli(["sample", "-o", units, "--count", "8", "--seed", "3", "--appraisal", "0"]).status).toBe(0);
  const plain = JSON.parse(cli(["rank", units, "--json"]).stdout);
  names = ranked(plain)
    .map((u) => u.unit)
    .sort();
  expect(names).toHaveLength(8);
  survey = join(dir, "survey.csv");
  // Every unit but the last (by name) has its survey score.
  writeFileSync(
    survey,
    `Đơn vị;Điểm\n${names
      .slice(0, 7)
      .map((n, k) => `${n};${15 + k},5`)
      .join("\n")}\n`,
  );
}, 120_000);

describe("rank --survey with one unit missing", () => {
  it("ranks seven on the index with ratings and lists the eighth apart with its reason", () => {
    const r = cli(["rank", units, "--json", "--survey", survey]);
    const ranking = JSON.parse(r.stdout);
    expect(ranking.basis).toBe("index");
    expect(ranked(ranking)).toHaveLength(7);
    expect(ranked(ranking).every((u) => u.rating !== null)).toBe(true);
    expect(
      ranking.unranked.map((u: { unit: string; reason: { vi: string } }) => [u.unit, u.reason.vi]),
    ).toEqual([[names[7], "chưa có điểm điều tra xã hội học"]]);
    expect(ranking.unranked[0].evidenceScore).toBeGreaterThan(0);
    expect(r.stderr).toContain(names[7]);
    const text = cli(["rank", units, "--survey", survey, "--lang", "vi"]).stdout;
    expect(text.split("\n")[0]).toContain(
      "Xếp theo Chỉ số CCHC. 1/8 đơn vị chưa có điểm điều tra xã hội học",
    );
    expect(text).toContain(`${names[7]}: chưa có điểm điều tra xã hội học (phần tài liệu kiểm chứng:`);
  });

  it("--basis evidence ranks all eight on the evidence part, unrated, and says it was chosen", () => {
    const ranking = JSON.parse(
      cli(["rank", units, "--json", "--survey", survey, "--basis", "evidence"]).stdout,
    );
    expect([ranking.basis, ranking.basisSource]).toEqual(["evidence", "option"]);
    expect(ranked(ranking)).toHaveLength(8);
    expect(ranked(ranking).every((u) => u.rating === null)).toBe(true);
    expect(ranking.unranked).toEqual([]);
  });

  it("the basis line names the CLI's options, word for word as rank has always printed it (the pane and page say theirs)", () => {
    const IMPORT = {
      vi: 'Nhập bảng điểm điều tra xã hội học của tỉnh (cột "Đơn vị", "Điểm"): --survey diem-dieu-tra.xlsx (hoặc .csv), hay "Nhập điểm điều tra" trong ngăn tác vụ.',
      en: 'Import the province\'s social-survey table (columns "Đơn vị"/unit, "Điểm"/score): --survey survey.xlsx (or .csv), or the pane\'s survey import.',
    };
    const first = (args: string[], lang: "vi" | "en") => cli([...args, "--lang", lang]).stdout.split("\n")[0];
    expect(first(["rank", units, "--survey", survey], "vi")).toBe(
      `(Xếp theo Chỉ số CCHC. 1/8 đơn vị chưa có điểm điều tra xã hội học (${names[7]}): liệt kê riêng với phần điểm tài liệu kiểm chứng, chưa có hạng. ${IMPORT.vi} Muốn xếp tất cả theo phần tài liệu kiểm chứng: --basis evidence.)`,
    );
    expect(first(["rank", units, "--survey", survey], "en")).toBe(
      `(Ranked on the PAR index. 1 of 8 units have no social-survey score (${names[7]}): listed apart with their evidence part, no place. ${IMPORT.en} To rank everyone on the evidence part: --basis evidence.)`,
    );
    expect(first(["rank", units], "vi")).toBe(
      `(Chưa có điểm điều tra xã hội học của đơn vị nào: bảng xếp theo phần điểm tài liệu kiểm chứng (cộng điểm thưởng, trừ điểm trừ), chưa xếp loại. ${IMPORT.vi})`,
    );
    expect(first(["rank", units, "--survey", survey, "--basis", "evidence"], "en")).toBe(
      "(All units ranked on the evidence part (+ bonus − penalty) as chosen (--basis evidence); the social survey is left out; not rated.)",
    );
  });

  it("--by final without any survey says how to import one", () => {
    const text = cli(["rank", units, "--lang", "en"]).stdout;
    expect(text.split("\n")[0]).toContain("--survey survey.xlsx");
  });

  it("--rating gives the province's names; a malformed one stops with a usage error", () => {
    const ranking = JSON.parse(
      cli([
        "rank",
        units,
        "--json",
        "--survey",
        survey,
        "--rating",
        "Xuất sắc=95,Hoàn thành tốt=60,Chưa đạt=0",
      ]).stdout,
    );
    const labels = new Set(ranked(ranking).map((u) => u.rating?.label));
    expect([...labels].every((l) => ["Xuất sắc", "Hoàn thành tốt", "Chưa đạt"].includes(l ?? ""))).toBe(true);
    expect(ranking.ratingBands.map((b: { label: string }) => b.label)).toEqual([
      "Xuất sắc",
      "Hoàn thành tốt",
      "Chưa đạt",
    ]);
    const bad = cli(["rank", units, "--rating", "Tốt 80"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('"Tốt 80" is not name=points');
  });
});

describe("rank --previous on another basis, and --previous-map", () => {
  it("a previous ranking on the evidence part is not compared with this year's index", () => {
    const last = join(dir, "last-evidence.json");
    writeFileSync(last, cli(["rank", units, "--json", "--survey", survey, "--basis", "evidence"]).stdout);
    const ranking = JSON.parse(cli(["rank", units, "--json", "--survey", survey, "--previous", last]).stdout);
    expect(ranking.comparison.comparable).toBe(false);
    for (const u of ranked(ranking)) {
      expect(u.previous?.change.en).toBe("not comparable");
      expect(u.previous?.delta).toBeNull();
    }
  });

  it("a merger and a rename from a map; the sheet LibreOffice renders shows the basis line, the units apart and 'sáp nhập từ'", () => {
    const [merged, renamed] = [names[0], names[1]];
    const last = join(dir, "last-2024.json");
    writeFileSync(
      last,
      JSON.stringify({
        year: 2024,
        basis: "index",
        units: [
          { unit: "Xã Cũ Một", rank: 2, score: 80.5 },
          { unit: "Xã Cũ Hai", rank: 4, score: 70 },
          { unit: "Thị trấn Tên Cũ", rank: 1, score: 85 },
          ...names.slice(2).map((n, k) => ({ unit: n, rank: k + 5, score: 60 - k })),
        ],
      }),
    );
    const map = join(dir, "map.csv");
    writeFileSync(
      map,
      `Đơn vị cũ;Đơn vị mới\nXã Cũ Một;${merged}\nXã Cũ Hai;${merged}\nThị trấn Tên Cũ;${renamed}\n`,
    );
    const out = join(dir, "ranking.xlsx");
    const r = cli([
      "rank",
      units,
      "--json",
      "--survey",
      survey,
      "--previous",
      last,
      "--previous-map",
      map,
      "-o",
      out,
    ]);
    const ranking = JSON.parse(r.stdout);
    const byName = new Map(ranked(ranking).map((u) => [u.unit, u]));
    expect(byName.get(merged)?.mergedFrom?.map((p) => [p.unit, p.rank])).toEqual([
      ["Xã Cũ Một", 2],
      ["Xã Cũ Hai", 4],
    ]);
    expect(byName.get(merged)?.previous?.change.vi).toBe(
      "sáp nhập từ: Xã Cũ Một (hạng 2, 80,50); Xã Cũ Hai (hạng 4, 70,00)",
    );
    expect(byName.get(renamed)?.previous?.change.en).not.toMatch(/^new/);
    expect(ranking.vanished).toEqual([]);

    const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
    if (!soffice) {
      if (process.env.CI) throw new Error("LibreOffice is required in CI");
      return;
    }
    const csvDir = join(dir, "csv");
    execFileSync(
      soffice,
      ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", csvDir, out],
      { timeout: 90_000, env: { ...process.env, HOME: dir } },
    );
    const csv = readFileSync(join(csvDir, "ranking.csv"), "utf8");
    expect(csv).toContain("cơ sở xếp hạng: Chỉ số CCHC");
    expect(csv).toContain("Đơn vị chưa có điểm điều tra xã hội học — chưa xếp hạng (1)");
    expect(csv).toContain(names[7]);
    expect(csv).toContain("sáp nhập từ: Xã Cũ Một (hạng 2, 80,50); Xã Cũ Hai (hạng 4, 70,00)");
    // The record next year's --previous reads back.
    const again = JSON.parse(cli(["rank", units, "--json", "--survey", survey, "--previous", out]).stdout);
    expect(again.comparison.comparable).toBe(true);
  }, 150_000);

  it("--previous-map from a workbook; a map without one usable row stops with a usage error naming it", async () => {
    const last = join(dir, "last-for-xlsx.json");
    writeFileSync(
      last,
      JSON.stringify({
        year: 2024,
        basis: "index",
        units: [
          { unit: "Xã Một", rank: 1, score: 81 },
          { unit: "Xã Hai", rank: 2, score: 79 },
        ],
      }),
    );
    const map = join(dir, "map.xlsx");
    const cells = [
      ["Đơn vị cũ", "Đơn vị mới"],
      ["Xã Một", names[2]],
      ["Xã Hai", names[2]],
    ].flatMap((row, r) => row.map((value, c) => ({ row: r, col: c, value })));
    writeFileSync(map, await writeWorkbook([{ name: "Đối chiếu", cells }]));
    const ranking = JSON.parse(
      cli(["rank", units, "--json", "--survey", survey, "--previous", last, "--previous-map", map]).stdout,
    );
    const merged = ranked(ranking).find((u) => u.unit === names[2]);
    expect(merged?.mergedFrom?.map((p) => p.unit)).toEqual(["Xã Một", "Xã Hai"]);
    expect(ranking.vanished).toEqual([]);

    const empty = join(dir, "empty-map.csv");
    writeFileSync(empty, "Đơn vị cũ;Đơn vị mới\nChỉ một tên\n");
    const bad = cli(["rank", units, "--previous", last, "--previous-map", empty]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('empty-map.csv, row 2: only one name ("Chỉ một tên")');
    expect(bad.stderr).toContain('empty-map.csv: no usable "old unit; new unit" row.');
  }, 60_000);
});
