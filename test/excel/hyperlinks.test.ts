import { afterEach, describe, expect, it } from "vitest";
import { analyseUnits } from "../../src/app/units";
import { parseRange } from "../../src/core/address";
import type { Finding } from "../../src/core/finding";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { SheetSpec } from "../../src/core/sheet-spec";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { createExcelService } from "../../src/excel/service";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";
import { generateUnit } from "../../src/sample";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";
import { unitSheetWithRows } from "../fake-excel/measure";

/**
 * The pane and the command line are two faces of one engine: a "Xem tài liệu" evidence cell with a link
 * is a cited document in both. The same .xlsx is read by the file reader and, opened "in Excel" (the
 * strict fake host), by the pane's service; their findings must agree cell for cell.
 */
const rubric = builtinRubric(DEFAULT_RUBRIC_ID);
if (!rubric) throw new Error("built-in rubric missing");

let installed: InstalledOffice | null = null;
afterEach(() => {
  installed?.uninstall();
  installed = null;
});

const WEB = "https://xa-mau.gov.vn/tai-lieu/kh-12.pdf";

const OLD = "Quyết định số 12/QĐ-UBND ngày 05/3/2001";
const OLD_LINK = "https://xa-mau.gov.vn/tai-lieu/qd-12-2001.pdf";

/**
 * A generated unit whose first three claimed evidence cells read "Xem tài liệu" (two linked, one not), and
 * the fourth cites a 2001 decision with a link (out of period: the finding names the link's target).
 */
async function plantedWorkbook(): Promise<{ bytes: Uint8Array; cells: string[]; sheet: string }> {
  const sheets: SheetSpec[] = generateUnit(rubric as NonNullable<typeof rubric>, {
    seed: 4,
    index: 0,
  }).sheets;
  const plain = readWorkbook(await writeWorkbook(sheets), "x.xlsx");
  const unit = analyseUnits(plain, { rubric, source: "x.xlsx" }).units[0];
  const cells = [...unit.entries.values()]
    .filter((e) => (e.self ?? 0) > 0 && e.addresses.evidence)
    .slice(0, 4)
    .map((e) => e.addresses.evidence as string);
  expect(cells).toHaveLength(4);
  const targets = [WEB, `#'${unit.sheet}'!A1`, undefined, OLD_LINK];
  const planted = sheets.map((s) =>
    s.name !== unit.sheet
      ? s
      : {
          ...s,
          cells: [
            ...s.cells.filter((c) => !cells.some((a) => samePlace(a, c.row, c.col))),
            ...cells.map((a, i) => {
              const at = parseRange(a)?.start ?? { row: 0, col: 0 };
              const link = targets[i];
              return {
                row: at.row,
                col: at.col,
                value: i === 3 ? OLD : "Xem tài liệu",
                ...(link ? { hyperlink: link } : {}),
              };
            }),
          ],
        },
  );
  return { bytes: await writeWorkbook(planted), cells, sheet: unit.sheet };
}

function samePlace(address: string, row: number, col: number): boolean {
  const at = parseRange(address)?.start;
  return at?.row === row && at.col === col;
}

const key = (f: Finding) => `${f.code} ${f.severity} ${f.sheet}!${f.address} ${f.item} ${f.link ?? ""}`;

describe("hyperlinked evidence in the pane", () => {
  it("gives the same findings and links as the file reader for the same workbook", async () => {
    const { bytes, cells, sheet } = await plantedWorkbook();
    const file = analyseUnits(readWorkbook(bytes, "Workbook"), { rubric, source: "Workbook" });
    const fileUnit = file.units[0];

    const host = FakeExcelHost.fromSnapshot(readWorkbook(bytes, "Workbook"));
    installed = installFakeOffice(host);
    const pane = await createExcelService(host.run).validate({ rubric, writeReport: false });
    const paneUnit = pane.analysis.units[0];

    // The planted truth, on the file face: linked cells are cited documents, the bare one is not.
    const unverifiable = fileUnit.findings
      .filter((f) => f.code === "evidence-unverifiable")
      .map((f) => f.address);
    expect(unverifiable).toContain(cells[2]);
    expect(unverifiable).not.toContain(cells[0]);
    expect(unverifiable).not.toContain(cells[1]);
    // And the pane agrees, finding for finding.
    expect(paneUnit.findings.map(key).sort()).toEqual(fileUnit.findings.map(key).sort());
    const links = (u: typeof fileUnit) =>
      [...u.entries.values()]
        .filter((e) => e.evidenceLink)
        .map((e) => [e.addresses.evidence, e.evidenceLink]);
    expect(links(paneUnit)).toEqual(links(fileUnit));
    expect(links(paneUnit)).toEqual([
      [cells[0], WEB],
      [cells[1], `#'${sheet}'!A1`],
      [cells[3], OLD_LINK],
    ]);
    // The finding at a linked cell shows where the link points; the unlinked cell's finding has none.
    const at = (u: typeof fileUnit, cell: string) => u.findings.find((f) => f.address === cell);
    for (const u of [fileUnit, paneUnit]) {
      expect(at(u, cells[3])).toMatchObject({ code: "evidence-out-of-period", link: OLD_LINK });
      expect(at(u, cells[2])?.link).toBeUndefined();
    }
  });

  it("still reads every link where Excel on the web refuses the request as too large (asked again in halves)", async () => {
    const { readHyperlinks } = await import("../../src/excel/read");
    // 2,000 text cells, the last one linked: one request for all their links is over the cap set here.
    const values = Array.from({ length: 2000 }, (_, r) => [`Ghi chú ${r}`]);
    const wb = { source: "x", sheets: [{ name: "Biểu", origin: { row: 0, col: 0 }, values }] };
    const host = FakeExcelHost.fromSnapshot({
      ...wb,
      sheets: [{ ...wb.sheets[0], hyperlinks: new Map([["1999,0", WEB]]) }],
    });
    host.payloadLimitBytes = 10_000;
    installed = installFakeOffice(host);
    const sheet: SheetSnapshot = { ...wb.sheets[0] };
    const read = await host.run((context) => readHyperlinks(context as never, [sheet]));
    expect(host.refusedPayloads).toBeGreaterThan(0);
    expect(host.largestPayload).toBeLessThanOrEqual(10_000);
    expect(read.capped).toEqual([]);
    expect(sheet.hyperlinks).toEqual(new Map([["1999,0", WEB]]));
  });

  it("a sheet with more text cells than the bound gets a links-not-read note naming it", async () => {
    const { MAX_LINK_CELLS_PER_SHEET } = await import("../../src/excel/read");
    const sheet = unitSheetWithRows(MAX_LINK_CELLS_PER_SHEET + 500);
    const host = FakeExcelHost.fromSpecs([sheet]);
    installed = installFakeOffice(host);
    const v = await createExcelService(host.run).validate({ rubric, writeReport: false });
    const notes = v.analysis.units.flatMap((u) => u.findings).filter((f) => f.code === "links-not-read");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "info", sheet: sheet.name, address: null });
    expect(notes[0].message.vi).toContain(sheet.name);
    expect(notes[0].message.en).toContain(String(MAX_LINK_CELLS_PER_SHEET));
  });
});
