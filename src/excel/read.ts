/**
 * Read once: every property validation needs is queued before a single `context.sync()`. The active unit
 * costs one sync; a whole workbook costs two (the sheet list, then all used ranges together), however
 * many sheets and rows there are.
 */
import { parseRange } from "../core/address";
import { OWNED_SHEETS } from "../core/sheets/style";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";

const RANGE_PROPS = ["address", "values", "formulas", "numberFormat", "valueTypes"];

interface PendingSheet {
  name: string;
  visibility?: string;
  range: Excel.Range;
}

export interface ReadOptions {
  /** Only these sheets (default: every sheet the add-in does not own). */
  sheets?: readonly string[];
  /** Name for messages and the unit name of last resort (default "Workbook"). */
  source?: string;
  /** Receives every sheet name in the workbook (owned ones too), known after the first sync. */
  onSheetNames?: (names: string[]) => void;
}

/** The active sheet as a one-sheet snapshot: one sync. */
export async function readActiveUnit(
  context: Excel.RequestContext,
  source = "Workbook",
): Promise<WorkbookSnapshot> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load("name");
  const range = ws.getUsedRangeOrNullObject(false);
  range.load(RANGE_PROPS);
  await context.sync();
  return { source, sheets: [toSnapshot(ws.name, range)] };
}

/** Every user sheet (or the named ones): one sync for the list, one for all the used ranges. */
export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  options.onSheetNames?.(sheets.items.map((s) => s.name));
  const wanted = options.sheets ? new Set(options.sheets) : null;
  const owned = new Set<string>(OWNED_SHEETS);
  const pending: PendingSheet[] = [];
  for (const ws of sheets.items) {
    if (wanted ? !wanted.has(ws.name) : owned.has(ws.name)) continue;
    const range = ws.getUsedRangeOrNullObject(false);
    range.load(RANGE_PROPS);
    pending.push({ name: ws.name, visibility: ws.visibility, range });
  }
  if (pending.length) await context.sync();
  return {
    source: options.source ?? "Workbook",
    sheets: pending.map((p) => ({ ...toSnapshot(p.name, p.range), hidden: p.visibility !== "Visible" })),
  };
}

function toSnapshot(name: string, range: Excel.Range): SheetSnapshot {
  if (range.isNullObject)
    return { name, origin: { row: 0, col: 0 }, values: [], formulas: [], numberFormats: [] };
  const local = range.address.includes("!")
    ? range.address.slice(range.address.lastIndexOf("!") + 1)
    : range.address;
  const start = parseRange(local)?.start ?? { row: 0, col: 0 };
  const values = range.values as CellValue[][];
  const formulas = range.formulas.map((row) =>
    row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)),
  );
  const numberFormats = range.numberFormat.map((row) => row.map((f) => (f == null ? null : String(f))));
  const errorCells = new Set<string>();
  range.valueTypes.forEach((row, r) => {
    row.forEach((t, c) => {
      if (t === "Error") errorCells.add(`${r},${c}`);
    });
  });
  return {
    name,
    origin: start,
    values: values.map((row) => row.map(normaliseValue)),
    formulas,
    numberFormats,
    errorCells,
  };
}

/** Office gives "" for empty cells; core expects null. */
function normaliseValue(v: unknown): CellValue {
  if (v === "" || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return v === null ? null : String(v);
}
