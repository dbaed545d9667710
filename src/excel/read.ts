/**
 * Read once: every property validation needs is queued before a single `context.sync()`. The active unit
 * costs one sync; a whole workbook costs two (the sheet list, then all used ranges together), however
 * many sheets and rows there are. Only when Excel on the web refuses the response (its 5 MB cap) are the
 * used ranges read again in row blocks, one sync per block group: slower, but the check still runs.
 * Merged areas come in the same sync where Excel can give them (ExcelApi 1.13, Microsoft 365 and Excel
 * on the web); older hosts read no merges, and recognition does not depend on them.
 * Cell links (readHyperlinks) cost one more sync: Office.js gives a hyperlink per cell only.
 */
import { a1, parseRange } from "../core/address";
import type { Finding } from "../core/finding";
import { msg } from "../core/messages";
import { isOwnedSheetName } from "../core/sheets/owned";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { isExcelApiSupported } from "./errors";

const RANGE_PROPS = ["address", "values", "formulas", "numberFormat", "valueTypes"];
/** Per-sync estimate budget for the block-wise fallback (a cell of four properties ≈ 40 bytes). */
const FALLBACK_BUDGET_BYTES = 2_000_000;
const BYTES_PER_CELL = 40;

interface Grids {
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
}

interface Target {
  name: string;
  hidden: boolean;
  /** The sheet proxy, to ask again for its used range in the fallback. */
  sheet: () => Excel.Worksheet;
  range: Excel.Range;
  /** The sheet's merged areas, queued with the range; null where the host cannot give them. */
  merges: Excel.RangeAreas | null;
}

export interface ReadOptions {
  /** Only these sheets (default: every sheet the add-in does not own). */
  sheets?: readonly string[];
  /** Name for messages and the unit name of last resort (default "Workbook"). */
  source?: string;
  /** Receives every sheet name in the workbook (owned ones too), known after the first sync. */
  onSheetNames?: (names: string[]) => void;
}

/**
 * The active sheet as a one-sheet snapshot: one sync. `alsoLoad` queues the caller's own loads into the
 * same sync (and again if the read has to fall back to blocks, since a refused sync loads nothing).
 */
export async function readActiveUnit(
  context: Excel.RequestContext,
  source = "Workbook",
  alsoLoad?: () => void,
): Promise<WorkbookSnapshot> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load("name");
  alsoLoad?.();
  const range = ws.getUsedRangeOrNullObject(false);
  range.load(RANGE_PROPS);
  const targets = [{ name: "", hidden: false, sheet: () => ws, range, merges: queueMerges(ws) }];
  const sheets = await loadTargets(context, targets, () => {
    ws.load("name");
    alsoLoad?.();
  });
  return { source, sheets: sheets.map((s) => ({ ...s, name: ws.name })) };
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
  const targets: Target[] = [];
  for (const ws of sheets.items) {
    // The sheets recognition skips (core/sheets/owned.ts), "Kết quả 2" too: never read for nothing.
    if (wanted ? !wanted.has(ws.name) : isOwnedSheetName(ws.name)) continue;
    const range = ws.getUsedRangeOrNullObject(false);
    range.load(RANGE_PROPS);
    targets.push({
      name: ws.name,
      hidden: ws.visibility !== "Visible",
      sheet: () => ws,
      range,
      merges: queueMerges(ws),
    });
  }
  return { source: options.source ?? "Workbook", sheets: await loadTargets(context, targets) };
}

async function loadTargets(
  context: Excel.RequestContext,
  targets: Target[],
  reload?: () => void,
): Promise<SheetSnapshot[]> {
  if (targets.length === 0) return [];
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadTooLarge(e)) throw e;
    reload?.();
    return readInBlocks(context, targets);
  }
  return targets.map((t) =>
    t.range.isNullObject
      ? emptySheet(t.name)
      : { ...toSnapshot(t.name, t.range), hidden: t.hidden, ...mergesOf(t.merges) },
  );
}

/**
 * Queues the sheet's merged areas (Range.getMergedAreasOrNullObject, ExcelApi 1.13) into the caller's
 * sync; null on older hosts, which would refuse the whole sync (ApiNotFound) for it.
 */
function queueMerges(ws: Excel.Worksheet): Excel.RangeAreas | null {
  if (!isExcelApiSupported("1.13")) return null;
  const areas = ws.getRange().getMergedAreasOrNullObject();
  areas.load("areas/items/address");
  return areas;
}

/** `{ merges: ["A1:C1", …] }` in sheet coordinates, or nothing when the host gave none. */
function mergesOf(areas: Excel.RangeAreas | null): { merges?: string[] } {
  // The same guard again: RangeAreas.areas is read here, away from queueMerges (the API-set test checks it).
  if (!areas || !isExcelApiSupported("1.13") || areas.isNullObject) return {};
  return { merges: areas.areas.items.map((r) => localAddress(r.address)) };
}

/** "'Tự chấm'!A1:C1" → "A1:C1". */
function localAddress(address: string): string {
  return address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
}

function isPayloadTooLarge(e: unknown): boolean {
  return (
    typeof e === "object" && e !== null && (e as { code?: string }).code === "RequestPayloadSizeLimitExceeded"
  );
}

interface Block {
  target: number;
  /** Row offset inside the used range, and row count. */
  row: number;
  rows: number;
}

/**
 * Fallback: used-range sizes in one sync, then row blocks packed into syncs under an estimated budget.
 * The estimate cannot know Office's exact JSON size, so a refused group is split in half and retried.
 */
async function readInBlocks(context: Excel.RequestContext, targets: Target[]): Promise<SheetSnapshot[]> {
  const used = targets.map((t) => {
    const r = t.sheet().getUsedRangeOrNullObject(false);
    r.load(["address", "rowCount", "columnCount"]);
    return r;
  });
  // The refused sync loaded nothing: the merged areas are asked again with the sizes.
  const merges = targets.map((t) => queueMerges(t.sheet()));
  await context.sync();
  const grids: (Grids | null)[] = used.map((r) =>
    r.isNullObject
      ? null
      : { address: r.address, values: [], formulas: [], numberFormat: [], valueTypes: [] },
  );
  const blocks: Block[] = [];
  grids.forEach((g, i) => {
    if (!g) return;
    const rowsPerBlock = Math.max(
      1,
      Math.floor(FALLBACK_BUDGET_BYTES / (BYTES_PER_CELL * used[i].columnCount)),
    );
    for (let r = 0; r < used[i].rowCount; r += rowsPerBlock) {
      blocks.push({ target: i, row: r, rows: Math.min(rowsPerBlock, used[i].rowCount - r) });
    }
  });
  const loadGroup = async (group: Block[]): Promise<void> => {
    const ranges = group.map((b) => {
      const g = grids[b.target] as Grids;
      const start = topLeft(g.address);
      const cols = used[b.target].columnCount;
      const range = targets[b.target]
        .sheet()
        .getRange(
          `${a1(start.row + b.row, start.col)}:${a1(start.row + b.row + b.rows - 1, start.col + cols - 1)}`,
        );
      range.load(["values", "formulas", "numberFormat", "valueTypes"]);
      return range;
    });
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadTooLarge(e)) throw e;
      if (group.length > 1) {
        const half = Math.ceil(group.length / 2);
        await loadGroup(group.slice(0, half));
        await loadGroup(group.slice(half));
        return;
      }
      const b = group[0];
      if (b.rows <= 1) throw e;
      const half = Math.ceil(b.rows / 2);
      await loadGroup([{ ...b, rows: half }]);
      await loadGroup([{ ...b, row: b.row + half, rows: b.rows - half }]);
      return;
    }
    group.forEach((b, k) => {
      const g = grids[b.target] as Grids;
      const r = ranges[k];
      for (let j = 0; j < b.rows; j++) {
        g.values[b.row + j] = r.values[j];
        g.formulas[b.row + j] = r.formulas[j];
        g.numberFormat[b.row + j] = r.numberFormat[j];
        g.valueTypes[b.row + j] = r.valueTypes[j];
      }
    });
  };
  let group: Block[] = [];
  let bytes = 0;
  for (const b of blocks) {
    const size = b.rows * used[b.target].columnCount * BYTES_PER_CELL;
    if (group.length && bytes + size > FALLBACK_BUDGET_BYTES) {
      await loadGroup(group);
      group = [];
      bytes = 0;
    }
    group.push(b);
    bytes += size;
  }
  if (group.length) await loadGroup(group);
  return targets.map((t, i) => {
    const g = grids[i];
    return g ? { ...fromGrids(t.name, g), hidden: t.hidden, ...mergesOf(merges[i]) } : emptySheet(t.name);
  });
}

function emptySheet(name: string): SheetSnapshot {
  return { name, origin: { row: 0, col: 0 }, values: [], formulas: [], numberFormats: [] };
}

function topLeft(address: string): { row: number; col: number } {
  return parseRange(localAddress(address))?.start ?? { row: 0, col: 0 };
}

function toSnapshot(name: string, range: Excel.Range): SheetSnapshot {
  return fromGrids(name, {
    address: range.address,
    values: range.values,
    formulas: range.formulas,
    numberFormat: range.numberFormat,
    valueTypes: range.valueTypes,
  });
}

function fromGrids(name: string, g: Grids): SheetSnapshot {
  // Office's `formulas` gives a text cell's text, quote prefix dropped: "=abc" typed as text reads back
  // as "=abc" in both `values` and `formulas`. A real formula's text differs from its result.
  const formulas = g.formulas.map((row, r) =>
    row.map((f, c) => (typeof f === "string" && f.startsWith("=") && f !== g.values[r]?.[c] ? f : null)),
  );
  const numberFormats = g.numberFormat.map((row) => row.map((f) => (f == null ? null : String(f))));
  const errorCells = new Set<string>();
  g.valueTypes.forEach((row, r) => {
    row.forEach((t, c) => {
      if (t === "Error") errorCells.add(`${r},${c}`);
    });
  });
  return {
    name,
    origin: topLeft(g.address),
    values: g.values.map((row) => row.map(normaliseValue)),
    formulas,
    numberFormats,
    errorCells,
  };
}

/** Office gives "" for empty cells; core expects null. */
function normaliseValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * At most this many cells per sheet are asked for their link: a scoring sheet has a few hundred text
 * cells, so the cap only bounds a hostile or huge sheet (each cell is its own proxy in the request).
 */
export const MAX_LINK_CELLS_PER_SHEET = 3000;

export interface LinkRead {
  /** Sheets where more text cells than MAX_LINK_CELLS_PER_SHEET were found: only the first ones were asked. */
  capped: string[];
}

/**
 * Fills `hyperlinks` the way the .xlsx reader does ("r,c" → a web or file address, or "#Sheet!A1"), so a
 * "Xem tài liệu" cell with a link is a cited document in the pane as on the command line. Office.js gives
 * a link per cell only (Range.hyperlink, ExcelApi 1.7), so one more sync asks every non-empty text cell
 * that holds no formula (a HYPERLINK() formula is read from `formulas` already) — no sync when there is none.
 */
export async function readHyperlinks(
  context: Excel.RequestContext,
  sheets: SheetSnapshot[],
): Promise<LinkRead> {
  const capped: string[] = [];
  const asked: LinkCell[] = [];
  for (const s of sheets) {
    if (!s.name) continue;
    const ws = context.workbook.worksheets.getItem(s.name);
    let n = 0;
    outer: for (let r = 0; r < s.values.length; r++) {
      const row = s.values[r];
      for (let c = 0; c < row.length; c++) {
        if (typeof row[c] !== "string" || s.formulas?.[r]?.[c]) continue;
        if (++n > MAX_LINK_CELLS_PER_SHEET) {
          capped.push(s.name);
          break outer;
        }
        asked.push({ sheet: s, key: `${r},${c}`, range: ws.getCell(s.origin.row + r, s.origin.col + c) });
      }
    }
  }
  if (asked.length === 0) return { capped };
  await loadLinks(context, asked);
  for (const { sheet, key, range } of asked) {
    const target = linkTarget(range.hyperlink);
    if (!target) continue;
    sheet.hyperlinks ??= new Map();
    sheet.hyperlinks.set(key, target);
  }
  return { capped };
}

interface LinkCell {
  sheet: SheetSnapshot;
  /** "r,c" in the snapshot's arrays. */
  key: string;
  range: Excel.Range;
}

/**
 * One sync for all the cells' links; where Excel on the web refuses it (its 5 MB cap — a sync refused
 * loads nothing), the cells are asked again in halves, so the check still runs, in a few more syncs.
 */
async function loadLinks(context: Excel.RequestContext, cells: LinkCell[]): Promise<void> {
  for (const c of cells) c.range.load("hyperlink");
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadTooLarge(e) || cells.length <= 1) throw e;
    const half = Math.ceil(cells.length / 2);
    await loadLinks(context, cells.slice(0, half));
    await loadLinks(context, cells.slice(half));
  }
}

/** The note for a sheet whose text cells outnumber the bound: which sheet, and what was not read. */
export function linksNotReadFinding(sheet: string): Finding {
  return {
    code: "links-not-read",
    severity: "info",
    sheet,
    address: null,
    item: null,
    message: msg.linksNotRead(sheet, MAX_LINK_CELLS_PER_SHEET),
  };
}

/** Office's RangeHyperlink → the file reader's form: the web or file address, or "#" + the place. */
function linkTarget(h: Excel.RangeHyperlink | null | undefined): string | null {
  if (!h) return null;
  const target = h.address
    ? h.address
    : h.documentReference
      ? `#${h.documentReference.replace(/^#/, "")}`
      : "";
  return target ? target.slice(0, 2000) : null;
}
