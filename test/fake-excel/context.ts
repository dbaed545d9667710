/** Proxy objects of the fake host: loads and writes are queued on the context and happen on sync(). */
import { quoteSheetName } from "../../src/core/address";
import type { CellValue } from "../../src/core/snapshot";
import {
  boxAddress,
  enter,
  type FakeCell,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeExcelHost,
  type FakeSheet,
  OfficeError,
  rangeBox,
  usedBox,
  valueType,
} from "./host";

type Op = () => void;
/** Bytes an operation adds to the request or the response, computed without side effects. */
type Probe = () => number;

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeWorkbook["application"];
  private queue: Op[] = [];
  private probes: Probe[] = [];
  /** Set by any operation that changes the workbook during the sync in progress. */
  wrote = false;
  constructor(readonly host: FakeExcelHost) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }
  enqueue(op: Op, probe?: Probe): void {
    this.queue.push(op);
    if (probe) this.probes.push(probe);
  }
  async sync<T>(passThrough?: T): Promise<T | undefined> {
    this.host.syncs++;
    const ops = this.queue;
    const probes = this.probes;
    this.queue = [];
    this.probes = [];
    // Excel on the web refuses a request or response over 5 MB before running any of it.
    if (this.host.payloadLimitBytes !== null) {
      let bytes = 0;
      for (const p of probes) bytes += p();
      if (bytes > this.host.payloadLimitBytes) {
        this.host.refusedPayloads++;
        throw new OfficeError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit.",
        );
      }
      this.host.largestPayload = Math.max(this.host.largestPayload, bytes);
    }
    // Like Office: operations run in order; the first failure rejects the sync (earlier ones stay applied).
    this.wrote = false;
    try {
      for (const op of ops) op();
    } finally {
      if (this.wrote) this.host.writeSyncs++;
      else this.host.readSyncs++;
    }
    return passThrough;
  }
}

/** Base of every proxy: a property can be read only after load() and a sync(). */
const PROBED = new Set([
  "then",
  "toJSON",
  "constructor",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
]);

/**
 * What an Excel host without the member's requirement set does: the request reaches the host, which
 * answers "ApiNotFound", so the next sync rejects (the JavaScript proxies themselves exist everywhere).
 */
export function refuseMissing(ctx: FakeRequestContext, type: string, member: string): void {
  const set = ctx.host.missingSet(type, member);
  if (!set) return;
  ctx.host.refusedApis.push(`${type}.${member}`);
  ctx.enqueue(() => {
    throw new OfficeError(
      "ApiNotFound",
      `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${type}.${member} needs ExcelApi ${set}; this host has ${ctx.host.excelApi})`,
    );
  });
}

class ClientObject {
  /** The Excel class this fake stands for ("Range"), to look its members up in the API-set table. */
  static officeType = "";
  protected loaded = new Map<string, unknown>();
  constructor(readonly ctx: FakeRequestContext) {
    const type = (this.constructor as typeof ClientObject).officeType;
    // A property the fake does not model is an error, not a silent undefined: code that works here
    // must only use what the fake (and Office.js) provides.
    // biome-ignore lint/correctness/noConstructorReturn: the proxy is the object.
    return new Proxy(this, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && !(prop in target) && !PROBED.has(prop)) {
          throw new Error(`fake Excel: ${target.constructor.name}.${prop} is not modelled`);
        }
        if (typeof prop === "string" && type) refuseMissing(ctx, type, prop);
        const value = Reflect.get(target, prop, receiver);
        if (prop !== "load" || typeof value !== "function") return value;
        // Loading a property the host lacks is refused too (the first step of a path; "items/…" names
        // the members of the items, another type).
        return (props?: string | string[] | Record<string, unknown>) => {
          for (const p of propList(props)) {
            const head = p.split("/")[0];
            if (head !== "items") refuseMissing(ctx, type, head);
          }
          return value.call(receiver, props);
        };
      },
      set(target, prop, value, receiver) {
        // A field still unset is the fake's own constructor filling itself in, not the caller.
        const own = Object.getOwnPropertyDescriptor(target, prop);
        const constructing = !(prop in target) || (own && "value" in own && own.value === undefined);
        if (typeof prop === "string" && type && !constructing) refuseMissing(ctx, type, prop);
        return Reflect.set(target, prop, value, receiver);
      },
    });
  }
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new OfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }
  protected loadWith(props: string[], snapshot: (prop: string) => unknown): void {
    this.ctx.enqueue(() => {
      for (const p of props) this.loaded.set(p, snapshot(p));
    });
  }
}

function propList(props?: string | string[] | Record<string, unknown>): string[] {
  if (!props) return [];
  if (Array.isArray(props)) return props.flatMap((p) => p.split(",")).map((p) => p.trim());
  if (typeof props === "string") return props.split(",").map((p) => p.trim());
  return Object.keys(props);
}

function writable(ctx: FakeRequestContext, sheet: FakeSheet): FakeSheet {
  if (sheet.protected)
    throw new OfficeError("AccessDenied", "The cell or chart you're trying to change is protected.");
  void ctx;
  return sheet;
}

class FakeNames extends ClientObject {
  static override officeType = "NamedItemCollection";
  get items(): { name: string; formula: string }[] {
    return this.read("items");
  }
  load(props?: string | string[]): this {
    void props;
    this.ctx.enqueue(() => {
      this.loaded.set(
        "items",
        this.ctx.host.names.map((n) => ({
          name: n.name,
          formula: n.sheet ? `=${quoteSheetName(n.sheet.name)}!${n.cell}` : "=#REF!",
        })),
      );
    });
    return this;
  }
  add(name: string, reference: string, comment?: string): void {
    void comment;
    this.ctx.enqueue(() => {
      this.ctx.wrote = true;
      const host = this.ctx.host;
      if (host.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new OfficeError("ItemAlreadyExists", `The name ${name} already exists`);
      const m = /^=(?:'((?:[^']|'')+)'|([^!']+))!(\$?[A-Z]+\$?\d+)$/.exec(reference);
      const sheet = m ? host.sheet((m[1] ?? "").replace(/''/g, "'") || m[2]) : undefined;
      if (!m || !sheet) throw new OfficeError("InvalidArgument", `bad reference ${reference}`);
      host.names.push({ name, sheet, cell: m[3] });
    });
  }
  getItem(name: string): { delete: () => void } {
    return {
      delete: () =>
        this.ctx.enqueue(() => {
          this.ctx.wrote = true;
          const host = this.ctx.host;
          const at = host.names.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
          if (at < 0) throw new OfficeError("ItemNotFound", `no name ${name}`);
          host.names.splice(at, 1);
        }),
    };
  }
}

/** A sheet's protection (ExcelApi 1.2): `protected` is modelled. */
class FakeWorksheetProtection extends ClientObject {
  static override officeType = "WorksheetProtection";
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  /** Used by the worksheet's load of "protection/protected" (we are inside sync). */
  fillNow(): void {
    this.loaded.set("protected", this.resolve().protected);
  }
  load(props?: string | string[]): this {
    void props;
    this.ctx.enqueue(() => this.fillNow());
    return this;
  }
}

/** The workbook's structure protection (ExcelApi 1.7): `protected` is modelled. */
class FakeWorkbookProtection extends ClientObject {
  static override officeType = "WorkbookProtection";
  get protected(): boolean {
    return this.read("protected");
  }
  load(props?: string | string[]): this {
    void props;
    this.ctx.enqueue(() => {
      this.loaded.set("protected", this.ctx.host.structureProtected);
    });
    return this;
  }
}

class FakeApplication extends ClientObject {
  static override officeType = "Application";
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(() => {
      this.ctx.host.calculationSuspended++;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {}
}

export class FakeWorkbook extends ClientObject {
  static override officeType = "Workbook";
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  readonly application: FakeApplication;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.application = new FakeApplication(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
    this.worksheets = new FakeWorksheets(ctx);
    this.names = new FakeNames(ctx);
  }
  get name(): string {
    return this.read("name");
  }
  load(props?: string | string[]): this {
    this.loadWith(propList(props), () => this.ctx.host.name);
    return this;
  }
}

export class FakeWorksheets extends ClientObject {
  static override officeType = "WorksheetCollection";
  readonly onChanged = {
    add: (handler: (event: { worksheetId: string; address: string; changeType: string }) => unknown) => {
      this.ctx.enqueue(() => {
        this.ctx.host.changeHandlers.add(handler);
      });
      return {
        context: this.ctx,
        remove: () =>
          this.ctx.enqueue(() => {
            this.ctx.host.changeHandlers.delete(handler);
          }),
      };
    },
  };
  get items(): FakeWorksheet[] {
    return this.read("items");
  }
  load(props?: string | string[]): this {
    const nested = propList(props)
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice(6));
    this.ctx.enqueue(() => {
      const items = this.ctx.host.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.fill(nested.length ? nested : ["name", "visibility", "position"]);
        return ws;
      });
      this.loaded.set("items", items);
    });
    return this;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.host.sheet(name);
      if (!s) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.host.sheet(name);
      if (!s) throw new OfficeError("ItemNotFound", `null object ${name}`);
      return s;
    });
    ws.nullable = () => !this.ctx.host.sheet(name);
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.host.sheets[this.ctx.host.activeSheet];
      if (!s) throw new OfficeError("ItemNotFound", "no active sheet");
      return s;
    });
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.ctx.enqueue(() => {
      if (this.ctx.host.structureProtected)
        throw new OfficeError("AccessDenied", "The workbook's structure is protected.");
      if (this.ctx.host.sheet(name))
        throw new OfficeError("ItemAlreadyExists", `A sheet named ${name} exists`);
      if (name.length > 31 || /[\\/?*[\]:]/.test(name))
        throw new OfficeError("InvalidArgument", `bad sheet name ${name}`);
      this.ctx.wrote = true;
      created = this.ctx.host.addSheet(name);
      this.ctx.host.added.push(name);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new OfficeError("ItemNotFound", `sheet ${name} was not added`);
      return created;
    });
  }
}

export class FakeWorksheet extends ClientObject {
  static override officeType = "Worksheet";
  nullable: (() => boolean) | null = null;
  readonly tables: { add: (address: string, hasHeaders: boolean) => FakeTable };
  readonly charts: { add: (type: string, source: FakeRange, seriesBy?: string) => FakeChartProxy };
  readonly freezePanes: {
    freezeAt: (r: FakeRange) => void;
    freezeRows: (n: number) => void;
    freezeColumns: (n: number) => void;
  };
  readonly pageLayout: Record<string, unknown>;
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
    this.tables = {
      add: (address, hasHeaders) => {
        const table = new FakeTable(ctx, this.resolve, address);
        ctx.enqueue(() => {
          const s = writable(ctx, this.resolve());
          void hasHeaders;
          s.tables.push(table.state);
        });
        return table;
      },
    };
    this.charts = {
      add: (type, source, seriesBy = "Auto") => {
        const chart = new FakeChartProxy(ctx, this.resolve, type, seriesBy);
        ctx.enqueue(() => {
          const s = writable(ctx, this.resolve());
          if (!(source instanceof FakeRange) || source.resolve() !== s)
            throw new OfficeError("InvalidArgument", "a chart's source must be a range of its own sheet");
          if (!CHART_TYPES.has(type)) throw new OfficeError("InvalidArgument", `chart type ${type}`);
          if (!["Auto", "Columns", "Rows"].includes(seriesBy))
            throw new OfficeError("InvalidArgument", `seriesBy ${seriesBy}`);
          ctx.wrote = true;
          chart.state.source = source.addressText;
          s.charts.push(chart.state);
        });
        return chart;
      },
    };
    const freeze = (rows: number, cols: number) =>
      ctx.enqueue(() => {
        writable(ctx, this.resolve()).freeze = { rows, cols };
      });
    this.freezePanes = {
      freezeAt: (r) => {
        const b = rangeBox(r.addressText);
        freeze(b.r1 + 1, b.c1 + 1);
      },
      freezeRows: (n) => freeze(n, 0),
      freezeColumns: (n) => freeze(0, n),
    };
    const page: Record<string, unknown> = {
      setPrintTitleRows: (rows: string) =>
        ctx.enqueue(() => {
          writable(ctx, this.resolve()).page.titleRows = rows;
        }),
      setPrintTitleColumns: (cols: string) =>
        ctx.enqueue(() => {
          writable(ctx, this.resolve()).page.titleColumns = cols;
        }),
      // ExcelApi 1.9: headersFooters.defaultForAllPages.centerFooter etc., kept as "footer.centerFooter".
      headersFooters: {
        defaultForAllPages: new Proxy(
          {},
          {
            set: (_t, prop, value) => {
              ctx.enqueue(() => {
                writable(ctx, this.resolve()).page[`footer.${String(prop)}`] = value;
              });
              return true;
            },
          },
        ),
      },
    };
    this.pageLayout = new Proxy(page, {
      set: (target, prop, value) => {
        ctx.enqueue(() => {
          writable(ctx, this.resolve()).page[String(prop)] = value;
        });
        void target;
        return true;
      },
    });
  }
  private sheetProtection: FakeWorksheetProtection | null = null;
  get protection(): FakeWorksheetProtection {
    this.sheetProtection ??= new FakeWorksheetProtection(this.ctx, this.resolve);
    return this.sheetProtection;
  }
  /** Used by the collection's load: copies the named properties now (we are inside sync). */
  fill(props: string[]): void {
    const s = this.resolve();
    for (const p of props)
      if (p === "protection/protected") this.protection.fillNow();
      else
        this.loaded.set(
          p,
          p === "position" ? this.ctx.host.sheets.indexOf(s) : (s as unknown as Record<string, unknown>)[p],
        );
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.ctx.enqueue(() => {
      this.resolve().visibility = v;
    });
  }
  set tabColor(v: string) {
    this.ctx.enqueue(() => {
      writable(this.ctx, this.resolve()).tabColor = v;
    });
  }
  load(props?: string | string[]): this {
    const list = propList(props);
    this.ctx.enqueue(() => {
      const isNull = this.nullable?.() ?? false;
      this.loaded.set("isNullObject", isNull);
      if (!isNull) this.fill(list);
    });
    return this;
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = writable(this.ctx, this.resolve());
      const host = this.ctx.host;
      if (host.structureProtected)
        throw new OfficeError("AccessDenied", "The workbook's structure is protected.");
      const at = host.sheets.indexOf(s);
      if (host.sheets.length === 1)
        throw new OfficeError("InvalidOperation", "A workbook must contain at least one sheet.");
      host.sheets.splice(at, 1);
      for (const n of host.names) if (n.sheet === s) n.sheet = null;
      // Like Excel: deleting the active sheet activates its neighbour; others keep their place.
      if (at < host.activeSheet || host.activeSheet >= host.sheets.length)
        host.activeSheet = Math.max(0, host.activeSheet - 1);
    });
  }
  activate(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      this.ctx.host.activations.push(s.name);
      this.ctx.host.activeSheet = this.ctx.host.sheets.indexOf(s);
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.resolve, () =>
      address ? rangeBox(address) : { r0: 0, c0: 0, r1: 1048575, c1: 16383 },
    );
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, this.resolve, () => ({ r0: row, c0: col, r1: row, c1: col }));
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this.resolve, () => {
      const b = usedBox(this.resolve(), valuesOnly);
      return b ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const r = new FakeRange(this.ctx, this.resolve, () => {
      const b = usedBox(this.resolve(), valuesOnly);
      if (!b) throw new OfficeError("ItemNotFound", "empty sheet");
      return b;
    });
    r.nullable = () => usedBox(this.resolve(), valuesOnly) === null;
    return r;
  }
}

class FakeTable extends ClientObject {
  static override officeType = "Table";
  state: { name: string; address: string; style: string | null };
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => FakeSheet,
    address: string,
  ) {
    super(ctx);
    this.state = { name: "", address, style: null };
  }
  set name(v: string) {
    this.ctx.enqueue(() => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v))
        throw new OfficeError("InvalidArgument", `bad table name ${v}`);
      for (const s of this.ctx.host.sheets)
        if (s.tables.some((t) => t !== this.state && t.name.toLowerCase() === v.toLowerCase()))
          throw new OfficeError("InvalidArgument", `table name ${v} is taken`);
      this.state.name = v;
    });
  }
  set style(v: string) {
    this.ctx.enqueue(() => {
      this.state.style = v;
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, this.resolve, () => {
      const b = rangeBox(this.state.address);
      return { ...b, r1: b.r0 };
    });
  }
}

/** The Excel classes behind the chart's plain sub-objects, for the API-set table. */
const OFFICE_TYPES: Record<string, string> = {
  "chart.title": "ChartTitle",
  "chart.legend": "ChartLegend",
  "chart.axes.categoryAxis": "ChartAxis",
};

/** The chart types the fake accepts (Excel.ChartType names; the add-in uses the first two). */
const CHART_TYPES = new Set(["BarClustered", "ColumnClustered", "Line", "Pie"]);

/**
 * A chart: name, title text, legend position, the category axis' order and setPosition are modelled;
 * anything else (series, formats, other axes) throws like every unmodelled member of the fake.
 */
class FakeChartProxy extends ClientObject {
  static override officeType = "Chart";
  state: FakeChart;
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly axes: { categoryAxis: { reversePlotOrder: boolean } };
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => FakeSheet,
    type: string,
    seriesBy: string,
  ) {
    super(ctx);
    const state: FakeChart = {
      name: "",
      type,
      source: "",
      seriesBy,
      title: null,
      legend: null,
      reversedCategories: false,
      position: null,
    };
    this.state = state;
    const setOnly = <T extends object>(what: string, setters: Record<string, (v: unknown) => void>): T =>
      new Proxy({} as T, {
        set: (_t, prop, value) => {
          const set = setters[String(prop)];
          if (!set) throw new Error(`fake Excel: ${what}.${String(prop)} is not modelled`);
          refuseMissing(ctx, OFFICE_TYPES[what] ?? "", String(prop));
          ctx.enqueue(() => set(value));
          return true;
        },
        get: (_t, prop) => {
          throw new Error(`fake Excel: reading ${what}.${String(prop)} is not modelled`);
        },
      });
    this.title = setOnly("chart.title", { text: (v) => (state.title = String(v)) });
    this.legend = setOnly("chart.legend", {
      position: (v) => {
        if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(String(v)))
          throw new OfficeError("InvalidArgument", `legend position ${v}`);
        state.legend = String(v);
      },
    });
    const categoryAxis = setOnly<{ reversePlotOrder: boolean }>("chart.axes.categoryAxis", {
      reversePlotOrder: (v) => {
        state.reversedCategories = v === true;
      },
    });
    this.axes = { categoryAxis };
  }
  set name(v: string) {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (s.charts.some((c) => c !== this.state && c.name.toLowerCase() === v.toLowerCase()))
        throw new OfficeError("InvalidArgument", `chart name ${v} is taken on ${s.name}`);
      this.state.name = v;
    });
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const cell = (c: string | FakeRange) => {
      const b = typeof c === "string" ? rangeBox(c) : c.box();
      return boxAddress("x", { r0: b.r0, c0: b.c0, r1: b.r0, c1: b.c0 }).slice(2);
    };
    this.ctx.enqueue(() => {
      const from = cell(startCell);
      const to = endCell === undefined ? from : cell(endCell);
      const a = rangeBox(from);
      const b = rangeBox(to);
      if (b.r0 < a.r0 || b.c0 < a.c0)
        throw new OfficeError("InvalidArgument", `chart position ${from}:${to}`);
      this.state.position = { from, to };
    });
  }
}

type Box = { r0: number; c0: number; r1: number; c1: number };

export class FakeRange extends ClientObject {
  static override officeType = "Range";
  nullable: (() => boolean) | null = null;
  readonly format: Record<string, unknown>;
  readonly conditionalFormats: FakeConditionalFormats;
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => FakeSheet,
    readonly box: () => Box,
  ) {
    super(ctx);
    const setFormat = (apply: (f: FakeCell["format"], v: unknown) => void) => (v: unknown) =>
      this.eachCell((cell) => apply(cell.format, v));
    const font = this.setter({
      bold: setFormat((f, v) => (f.bold = v as boolean)),
      italic: setFormat((f, v) => (f.italic = v as boolean)),
      size: setFormat((f, v) => (f.size = v as number)),
      color: setFormat((f, v) => (f.color = v as string)),
    });
    const fill = this.setter({ color: setFormat((f, v) => (f.fill = v as string)) });
    const borders = {
      getItem: (edge: string) =>
        this.setter({ style: setFormat((f, v) => (f.borders = { ...f.borders, [edge]: v as string })) }),
    };
    const fmt = this.setter(
      {
        horizontalAlignment: setFormat((f, v) => (f.hAlign = v as string)),
        verticalAlignment: setFormat((f, v) => (f.vAlign = v as string)),
        wrapText: setFormat((f, v) => (f.wrap = v as boolean)),
        columnWidth: (v: unknown) =>
          this.ctx.enqueue(() => {
            const s = writable(this.ctx, this.resolve());
            const b = this.box();
            for (let c = b.c0; c <= Math.min(b.c1, b.c0 + 500); c++) s.columnWidths.set(c, v as number);
          }),
        rowHeight: (v: unknown) =>
          this.ctx.enqueue(() => {
            const s = writable(this.ctx, this.resolve());
            const b = this.box();
            for (let r = b.r0; r <= Math.min(b.r1, b.r0 + 500); r++) s.rowHeights.set(r, v as number);
          }),
      },
      { font, fill, borders },
    );
    this.format = fmt;
    this.conditionalFormats = new FakeConditionalFormats(ctx, resolve, box);
  }
  /** An object whose property assignments queue the given writers; reads are not supported. */
  private setter(
    writers: Record<string, (v: unknown) => void>,
    members: Record<string, unknown> = {},
  ): Record<string, unknown> {
    return new Proxy(
      {},
      {
        set: (_t, prop, value) => {
          const w = writers[String(prop)];
          if (!w) throw new Error(`fake Excel: setting ${String(prop)} is not supported`);
          w(value);
          return true;
        },
        get: (_t, prop) => {
          if (String(prop) in members) return members[String(prop)];
          throw new Error(`fake Excel: reading format.${String(prop)} is not supported`);
        },
      },
    );
  }
  /** Queues `apply` on every cell of the range (creating cells), on a writable sheet. */
  private eachCell(apply: (cell: FakeCell, r: number, c: number) => void): void {
    this.ctx.enqueue(() => {
      const s = writable(this.ctx, this.resolve());
      const b = this.box();
      if ((b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1) > 5_000_000)
        throw new OfficeError("InvalidArgument", "range too large");
      for (let r = b.r0; r <= b.r1; r++)
        for (let c = b.c0; c <= b.c1; c++) {
          const k = `${r},${c}`;
          let cell = s.cells.get(k);
          if (!cell) {
            cell = { value: null, formula: null, numberFormat: "General", format: {} };
            s.cells.set(k, cell);
          }
          apply(cell, r, c);
        }
    });
  }
  private writeGrid(name: string, grid: unknown, apply: (cell: FakeCell, v: unknown) => void): void {
    if (!Array.isArray(grid) || !grid.every(Array.isArray))
      throw new Error(`fake Excel: ${name} must be a 2-D array`);
    this.ctx.enqueue(() => {
      const b = this.box();
      if (grid.length !== b.r1 - b.r0 + 1 || grid.some((row: unknown[]) => row.length !== b.c1 - b.c0 + 1)) {
        throw new OfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`,
        );
      }
    });
    this.eachCell((cell, r, c) => apply(cell, grid[r - this.box().r0][c - this.box().c0]));
  }
  get addressText(): string {
    const b = this.box();
    return boxAddress("x", b).slice(2);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get values(): CellValue[][] {
    return this.read("values");
  }
  set values(grid: unknown[][]) {
    this.writeGrid("values", grid, enter);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.writeGrid("formulas", grid, enter);
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.writeGrid("numberFormat", grid, (cell, v) => {
      if (v !== null && v !== undefined) cell.numberFormat = String(v);
    });
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get hyperlink(): unknown {
    return this.read("hyperlink");
  }
  set hyperlink(link: unknown) {
    this.eachCell((cell) => {
      cell.hyperlink = link;
    });
  }
  load(props?: string | string[]): this {
    const list = propList(props);
    const compute = (): Map<string, unknown> => {
      const out = new Map<string, unknown>();
      const isNull = this.nullable?.() ?? false;
      out.set("isNullObject", isNull);
      if (isNull) return out;
      const s = this.resolve();
      const b = this.box();
      const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] => {
        const rows: T[][] = [];
        for (let r = b.r0; r <= b.r1; r++) {
          const row: T[] = [];
          for (let c = b.c0; c <= b.c1; c++) row.push(f(s.cells.get(`${r},${c}`)));
          rows.push(row);
        }
        return rows;
      };
      for (const p of list) {
        if (p === "address") out.set(p, boxAddress(s.name, b));
        else if (p === "values")
          out.set(
            p,
            grid((c) => c?.value ?? ""),
          );
        else if (p === "formulas")
          out.set(
            p,
            grid((c) => c?.formula ?? c?.value ?? ""),
          );
        else if (p === "numberFormat")
          out.set(
            p,
            grid((c) => c?.numberFormat ?? "General"),
          );
        else if (p === "valueTypes")
          out.set(
            p,
            grid((c) => valueType(c?.value ?? null)),
          );
        else if (p === "hyperlink") {
          // Excel gives one cell's link; the adapter asks cell by cell, and so must every caller.
          if (b.r0 !== b.r1 || b.c0 !== b.c1) throw new Error("fake Excel: hyperlink is loaded per cell");
          out.set(p, s.cells.get(`${b.r0},${b.c0}`)?.hyperlink ?? null);
        } else if (p === "rowCount") out.set(p, b.r1 - b.r0 + 1);
        else if (p === "columnCount") out.set(p, b.c1 - b.c0 + 1);
        else throw new Error(`fake Excel: loading ${p} is not supported`);
      }
      return out;
    };
    this.ctx.enqueue(
      () => {
        for (const [k, v] of compute()) this.loaded.set(k, v);
      },
      () => {
        try {
          return JSON.stringify([...compute().values()]).length;
        } catch {
          return 0; // the operation itself will fail when it runs
        }
      },
    );
    return this;
  }
  select(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      const at = this.ctx.host.sheets.indexOf(s);
      if (at !== this.ctx.host.activeSheet) this.ctx.host.activations.push(s.name);
      this.ctx.host.activeSheet = at;
      this.ctx.host.selection = {
        sheet: s.name,
        address: boxAddress(s.name, this.box()).split("!").pop() ?? "",
      };
    });
  }
  merge(across = false): void {
    void across;
    this.ctx.enqueue(() => {
      const s = writable(this.ctx, this.resolve());
      const b = this.box();
      // Like Excel: a merged area keeps only its top-left cell's value; the others are emptied.
      for (let r = b.r0; r <= b.r1; r++)
        for (let c = b.c0; c <= b.c1; c++) {
          const cell = s.cells.get(`${r},${c}`);
          if ((r !== b.r0 || c !== b.c0) && cell) Object.assign(cell, { value: null, formula: null });
        }
      s.merges.push(boxAddress(s.name, b).split("!").pop() ?? "");
    });
  }
  /** The merged areas inside this range (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.resolve, this.box);
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const s = writable(this.ctx, this.resolve());
      const b = this.box();
      for (const k of [...s.cells.keys()]) {
        const [r, c] = k.split(",").map(Number);
        if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) s.cells.delete(k);
      }
    });
  }
}

/** Merged areas of a range: `isNullObject` and `areas/items/address` are modelled. */
class FakeRangeAreas extends ClientObject {
  static override officeType = "RangeAreas";
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => FakeSheet,
    readonly box: () => Box,
  ) {
    super(ctx);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get areas(): { items: { address: string }[] } {
    return this.read("areas");
  }
  load(props?: string | string[]): this {
    const list = propList(props);
    this.ctx.enqueue(() => {
      const s = this.resolve();
      const b = this.box();
      const inside = s.merges.filter((m) => {
        const c = rangeBox(m);
        return c.r0 <= b.r1 && c.r1 >= b.r0 && c.c0 <= b.c1 && c.c1 >= b.c0;
      });
      this.loaded.set("isNullObject", inside.length === 0);
      if (list.some((p) => p.startsWith("areas")))
        this.loaded.set("areas", {
          items: inside.map((m) => ({ address: `${quoteSheetName(s.name)}!${m}` })),
        });
    });
    return this;
  }
}

class FakeConditionalFormats extends ClientObject {
  static override officeType = "ConditionalFormatCollection";
  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => FakeSheet,
    readonly box: () => Box,
  ) {
    super(ctx);
  }
  get items(): FakeConditionalFormat[] {
    return this.read("items");
  }
  add(type: string) {
    const state: FakeConditionalFormat = { id: 0, address: "", type, formula: null, fill: null };
    this.ctx.enqueue(() => {
      const s = writable(this.ctx, this.resolve());
      state.id = this.ctx.host.nextConditionalFormatId();
      state.address = boxAddress(s.name, this.box()).split("!").pop() ?? "";
      s.conditionalFormats.push(state);
    });
    const ctx = this.ctx;
    return {
      custom: {
        rule: {
          set formula(v: string) {
            ctx.enqueue(() => {
              state.formula = v;
            });
          },
        },
        format: {
          fill: {
            set color(v: string) {
              ctx.enqueue(() => {
                state.fill = v;
              });
            },
          },
        },
      },
    };
  }
  load(props?: string | string[]): this {
    void props;
    this.ctx.enqueue(() => {
      const s = this.resolve();
      const b = this.box();
      const items = s.conditionalFormats
        .filter((cf) => {
          const c = rangeBox(cf.address);
          return c.r0 <= b.r1 && c.r1 >= b.r0 && c.c0 <= b.c1 && c.c1 >= b.c0;
        })
        .map((cf) => ({
          type: cf.type,
          get custom(): never {
            throw new Error("fake Excel: load customOrNullObject; custom throws for other kinds");
          },
          customOrNullObject:
            cf.type === "Custom"
              ? { isNullObject: false, rule: { formula: cf.formula } }
              : { isNullObject: true },
          delete: () =>
            this.ctx.enqueue(() => {
              const sheet = writable(this.ctx, this.resolve());
              sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
            }),
        }));
      this.loaded.set("items", items);
    });
    return this;
  }
}
