/** Sync counts of the Excel path on the fake host, for the bench and the adapter tests. */
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { consolidationWorkbook, generateUnit, generateUnits } from "../../src/core/sample";
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

/** context.sync() calls of a ribbon/pane validate on a sheet of `rows` rows. */
export async function measureSyncs(rows: number): Promise<number> {
  const host = FakeExcelHost.fromSpecs([unitSheetWithRows(rows)]);
  return withHost(host, async () => {
    const before = host.syncs;
    await createExcelService(host.run).validate({ rubric: rubric() });
    return host.syncs - before;
  });
}

/** context.sync() calls of building the ranking over `units` unit sheets in one workbook. */
export async function measureRankSyncs(units: number): Promise<number> {
  const generated = generateUnits(rubric(), { count: units, seed: 11 });
  const host = FakeExcelHost.fromSpecs(consolidationWorkbook(generated));
  return withHost(host, async () => {
    const before = host.syncs;
    await createExcelService(host.run).buildRanking({ rubric: rubric() });
    return host.syncs - before;
  });
}
