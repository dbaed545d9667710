import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { SheetSpec } from "../../src/core/sheet-spec";
import type { CellValue } from "../../src/core/snapshot";
import { readWorkbookSnapshot } from "../../src/excel/read";
import { WriteBatch, writeSheetSpec } from "../../src/excel/write";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";

let installed: InstalledOffice | null = null;
afterEach(() => {
  installed?.uninstall();
  installed = null;
});

function hostWithUserSheet(): FakeExcelHost {
  const host = FakeExcelHost.fromSpecs([
    {
      name: "Tự chấm",
      cells: [
        { row: 0, col: 0, value: "=not a formula?" },
        { row: 1, col: 1, value: 5, formula: "=2+3", style: { numberFormat: "0.00", bold: true } },
      ],
    },
  ]);
  installed = installFakeOffice(host);
  return host;
}

async function write(host: FakeExcelHost, spec: SheetSpec): Promise<number> {
  const before = host.syncs;
  await host.run(async (context) => {
    const batch = new WriteBatch(context);
    await writeSheetSpec(context, spec, { exists: Boolean(host.sheet(spec.name)) }, batch);
    await batch.flush();
  });
  return host.syncs - before;
}

const TRICKY = [
  "=cmd|' /C calc'!A0",
  "+1",
  "-2-3",
  "@SUM(A1)",
  "\tx",
  "\rx",
  "1.10",
  "05",
  "TRUE",
  "01/02/2024",
  "50%",
  "'quoted",
  "Xã Đông",
];

describe("writeSheetSpec", () => {
  it("stores every text exactly as text: formula-like, numeric-looking, dates, booleans", async () => {
    const host = hostWithUserSheet();
    const spec: SheetSpec = {
      name: "Kết quả",
      cells: TRICKY.map((value, i) => ({ row: i, col: 0, value })),
      tables: [{ name: "T_1", row: 0, col: 3, headers: ["Mã", "Tên"], rows: TRICKY.map((t, i) => [t, i]) }],
    };
    expect(await write(host, spec)).toBe(1);
    const sheet = host.sheet("Kết quả");
    TRICKY.forEach((t, i) => {
      expect(sheet?.cells.get(`${i},0`)).toMatchObject({ value: t, formula: null });
      expect(sheet?.cells.get(`${i + 1},3`)).toMatchObject({ value: t, formula: null });
      expect(sheet?.cells.get(`${i + 1},4`)?.value).toBe(i);
    });
  });

  it("renders formulas, styles, merges, tables, links, widths and freeze, and touches no other sheet", async () => {
    const host = hostWithUserSheet();
    const user = host.dump("Tự chấm");
    const spec: SheetSpec = {
      name: "Xếp hạng",
      cells: [
        { row: 0, col: 0, value: "BẢNG XẾP HẠNG", style: { bold: true, size: 14, fill: "DDEBF7" } },
        { row: 0, col: 1, value: "", style: { bold: true, size: 14, fill: "DDEBF7" } },
        { row: 1, col: 0, value: 3, formula: "=1+2", style: { numberFormat: "0.00", border: true } },
        { row: 1, col: 1, value: "Tự chấm", hyperlink: "'Tự chấm'!B2" },
      ],
      merges: ["A1:B1"],
      tables: [
        {
          name: "Ranking_1",
          row: 3,
          col: 0,
          headers: ["Hạng", "Điểm"],
          rows: [[1, 84.85]],
          numberFormats: [null, "0.00"],
          style: "TableStyleMedium2",
        },
      ],
      columnWidths: [10, 30],
      freeze: { rows: 4, cols: 1 },
      tabColor: "1F4E79",
    };
    await write(host, spec);
    const s = host.sheet("Xếp hạng");
    expect(s?.cells.get("0,0")?.format).toMatchObject({ bold: true, size: 14, fill: "#DDEBF7" });
    expect(s?.cells.get("1,0")).toMatchObject({ formula: "=1+2", numberFormat: "0.00" });
    expect(s?.cells.get("1,0")?.format.borders?.EdgeTop).toBe("Continuous");
    expect(s?.cells.get("1,1")?.hyperlink).toEqual({
      documentReference: "'Tự chấm'!B2",
      textToDisplay: "Tự chấm",
    });
    expect(s?.merges).toEqual(["A1:B1"]);
    expect(s?.tables).toEqual([{ name: "Ranking_1", address: "A4:B5", style: "TableStyleMedium2" }]);
    expect(s?.cells.get("4,1")).toMatchObject({ value: 84.85, numberFormat: "0.00" });
    expect(s?.freeze).toEqual({ rows: 4, cols: 1 });
    expect(s?.columnWidths.get(1)).toBe(210);
    expect(s?.tabColor).toBe("#1F4E79");
    expect(host.dump("Tự chấm")).toEqual(user);
  });

  it("rewrites an owned sheet to the same content (idempotent)", async () => {
    const host = hostWithUserSheet();
    const spec: SheetSpec = {
      name: "Kết quả",
      cells: [{ row: 0, col: 0, value: "x" }],
      tables: [{ name: "R_1", row: 2, col: 0, headers: ["a"], rows: [[1]] }],
    };
    await write(host, spec);
    const once = host.dump("Kết quả");
    await write(host, spec);
    expect(host.dump("Kết quả")).toEqual(once);
    expect(host.sheets.map((s) => s.name)).toEqual(["Tự chấm", "Kết quả"]);
  });

  it("round-trips any cell values through write and read", async () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(...TRICKY),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (grid) => {
          const host = hostWithUserSheet();
          const cells = grid.flatMap((row, r) =>
            row.map((v, c) => ({ row: r, col: c, value: v as CellValue })),
          );
          await write(host, { name: "Báo cáo kiểm tra", cells });
          const wb = await host.run((context) =>
            readWorkbookSnapshot(context, { sheets: ["Báo cáo kiểm tra"] }),
          );
          const back = wb.sheets[0];
          for (const c of cells) {
            const got = back.values[c.row - back.origin.row]?.[c.col - back.origin.col] ?? null;
            expect(got).toEqual(c.value === "" ? null : Object.is(c.value, -0) ? 0 : c.value);
            expect(back.formulas?.[c.row - back.origin.row]?.[c.col - back.origin.col] ?? null).toBeNull();
          }
          installed?.uninstall();
        },
      ),
      { numRuns: 60 },
    );
  });

  it("splits a big write into syncs under Excel on the web's request cap", async () => {
    const host = hostWithUserSheet();
    host.payloadLimitBytes = 5_000_000;
    const rows: CellValue[][] = Array.from({ length: 60_000 }, (_, i) => [
      i + 1,
      `Đơn vị số ${i} — một tên khá dài cho đủ dữ liệu`,
      80 + (i % 20),
    ]);
    const syncs = await write(host, {
      name: "Xếp hạng",
      cells: [],
      tables: [{ name: "Big_1", row: 0, col: 0, headers: ["Hạng", "Đơn vị", "Điểm"], rows }],
    });
    expect(syncs).toBeGreaterThan(1);
    expect(host.refusedPayloads).toBe(0);
    expect(host.largestPayload).toBeLessThanOrEqual(5_000_000);
    expect(host.sheet("Xếp hạng")?.cells.get("60000,1")?.value).toBe(rows[59_999][1]);
  });
});

describe("reading past the web's response cap", () => {
  it("falls back to row blocks and returns the same snapshot", async () => {
    const cells = [];
    for (let r = 0; r < 20_000; r++) {
      cells.push(
        { row: r, col: 0, value: `${r}.` },
        { row: r, col: 1, value: `Tiêu chí ${r} với một nhãn dài vừa phải` },
        { row: r, col: 2, value: r % 7 },
      );
    }
    const host = FakeExcelHost.fromSpecs([{ name: "Lớn", cells }]);
    installed = installFakeOffice(host);
    const whole = await host.run((context) => readWorkbookSnapshot(context));
    const plain = host.syncs;
    host.payloadLimitBytes = 2_500_000;
    const blocks = await host.run((context) => readWorkbookSnapshot(context));
    expect(plain).toBe(2);
    expect(host.syncs - plain).toBeGreaterThan(3);
    expect(host.refusedPayloads).toBeGreaterThan(0);
    expect(host.largestPayload).toBeLessThanOrEqual(2_500_000);
    expect(blocks.sheets[0].values).toEqual(whole.sheets[0].values);
    expect(blocks.sheets[0].origin).toEqual(whole.sheets[0].origin);
  });
});

describe("page setup (issue #26)", () => {
  const spec: SheetSpec = {
    name: "Tiếp nhận",
    cells: [{ row: 0, col: 0, value: "TIẾP NHẬN" }],
    rowHeights: { 0: 31.5 },
    print: {
      paper: "A4",
      landscape: true,
      fitToWidth: true,
      repeatRows: [0, 0],
      footer: "Trang &P/&N",
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  };
  async function written(excelApi: string) {
    const host = new FakeExcelHost();
    installed = installFakeOffice(host, { excelApi });
    let result = { pageLayout: false };
    await host.run(async (context) => {
      const batch = new WriteBatch(context);
      result = await writeSheetSpec(context, spec, { exists: false }, batch);
      await batch.flush();
    });
    return { host, result };
  }

  it("ExcelApi 1.9: A4, landscape, fitted across only, margins in points, footer and title rows", async () => {
    const { host, result } = await written("1.9");
    expect(result.pageLayout).toBe(true);
    expect(host.sheet("Tiếp nhận")?.page).toEqual({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: 36,
      rightMargin: 28.8,
      topMargin: 43.2,
      bottomMargin: 43.2,
      headerMargin: 21.6,
      footerMargin: 21.6,
      "footer.centerFooter": "Trang &P/&N",
      titleRows: "$1:$1",
    });
    expect(host.sheet("Tiếp nhận")?.rowHeights.get(0)).toBe(31.5);
  });

  it("a sheet split into pages: a fixed scale and the repeated columns", async () => {
    const host = new FakeExcelHost();
    installed = installFakeOffice(host, { excelApi: "1.9" });
    const split: SheetSpec = {
      ...spec,
      print: { ...spec.print, fitToWidth: false, scale: 85, repeatColumns: [0, 1], columnBreaksBefore: [6] },
    };
    await host.run(async (context) => {
      const batch = new WriteBatch(context);
      await writeSheetSpec(context, split, { exists: false }, batch);
      await batch.flush();
    });
    expect(host.sheet("Tiếp nhận")?.page).toMatchObject({ zoom: { scale: 85 }, titleColumns: "$A:$B" });
  });

  it("an older host: no page setup queued, and the caller is told so (row heights still set)", async () => {
    const { host, result } = await written("1.8");
    expect(result.pageLayout).toBe(false);
    expect(host.sheet("Tiếp nhận")?.page).toEqual({});
    expect(host.sheet("Tiếp nhận")?.rowHeights.get(0)).toBe(31.5);
  });
});
