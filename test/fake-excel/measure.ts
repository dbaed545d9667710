/** Sync counts of the Excel path on the fake host, for the bench and the adapter tests. */
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { consolidationWorkbook, generateUnit, generateUnits } from "../../src/sample";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { createExcelService } from "../../src/excel/service";
import { FakeExcelHost } from "./host";
import { installFakeOffice } from "./install";

function rubric(): Rubric {
  const r = builtinRubric(DEFAULT_RUBRIC_ID);
  if (!r) throw new Error("built-in rubric missing");
  return r;
}

/** A unit sheet padded with extra data rows below its table so the used range has `rows` rows. */
export function unitSheetWithRows(rows: number): SheetSpec {
  const unit = generateUnit(rubric(), { seed: 7, index: 0 });
  const sheet = unit.sheets[0];
  const last = Math.max(...sheet.cells.map((c) => c.row));
  const cells = [...sheet.cells];
  for (let r = last + 2; r < rows; r++) cells.push({ row: r, col: 8, value: `Ghi chú ${r}` });
  return { ...sheet, cells };
}

async function withHost<T>(host: FakeExcelHost, work: () => Promise<T>): Promise<T> {
  const installed = installFakeOffice(host);
  try {
    return await work();
  } finally {
    installed.uninstall();
  }
}

export interface SyncCount {
  /** Syncs that only read, and syncs that changed the workbook. */
  read: number;
  write: number;
}

async function measure(host: FakeExcelHost, work: () => Promise<unknown>): Promise<SyncCount> {
  return withHost(host, async () => {
    const read = host.readSyncs;
    const write = host.writeSyncs;
    await work();
    return { read: host.readSyncs - read, write: host.writeSyncs - write };
  });
}

/** context.sync() calls of a ribbon/pane validate on a unit sheet whose used range has `rows` rows. */
export async function measureSyncs(rows: number): Promise<SyncCount> {
  const host = FakeExcelHost.fromSpecs([unitSheetWithRows(rows)]);
  return measure(host, () => createExcelService(host.run).validate({ rubric: rubric() }));
}

/** context.sync() calls (total) of building the ranking over `units` unit sheets in one workbook. */
export async function measureRankSyncs(units: number): Promise<number> {
  const generated = generateUnits(rubric(), { count: units, seed: 11 });
  const host = FakeExcelHost.fromSpecs(consolidationWorkbook(generated));
  const s = await measure(host, () => createExcelService(host.run).buildRanking({ rubric: rubric() }));
  return s.read + s.write;
}
