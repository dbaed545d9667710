/**
 * The one entry point to Excel for the task pane and the ribbon commands. Every method runs its own
 * `Excel.run`, reads once, decides in core through src/app (`analyseUnits`: every unit sheet; `rankUnits`, the sheet specs) and writes once.
 *
 *   const excel = createExcelService();
 *   const v = await excel.validate();            // active unit sheet → "Báo cáo kiểm tra" + "Kết quả"
 *                                                // (whole workbook when the active sheet holds no table)
 *   await excel.validate({ writeReport: false }); // the pane's check: reads and shows, writes nothing
 *   v.counts.error; v.analysis.units[0].findings; v.syncs  // 1 read + 1 write
 *   const r = await excel.buildRanking();        // every unit sheet → "Xếp hạng" (≤ 3 syncs)
 *   await excel.selectCell("Tự chấm", "D12");    // finding → its cell
 *   await excel.highlight(v.analysis.units[0].findings); await excel.clearHighlights();
 *   const s = excel.loadSettings(); await excel.saveSettings({ ...s, rubricId: "..." });
 *
 * Failures are thrown as `ExcelServiceError` (from ./errors) with `.text = { vi, en }` ready to show.
 */
import { rankInputsOf } from "../app/rank-inputs";
import type { SurveyMatch } from "../app/survey";
import type { SurveyRow } from "../core/survey";
import { analyseUnits, type WorkbookUnits } from "../app/units";
import type { AnalyseOptions, WorkbookAnalysis } from "../core/analyse";
import { countBySeverity, type Finding, type Severity, type Text } from "../core/finding";
import type { PreviousRanking } from "../core/previous";
import { type Ranking, type RankPart, rankUnits } from "../core/rank";
import type { UnitMap } from "../core/unit-map";
import { DEFAULT_RUBRIC_ID } from "../core/rubric/builtin";
import type { Rubric } from "../core/rubric/schema";
import { findingsReportSpec } from "../core/sheets/findings-report";
import { rubricLabel, rubricLine } from "../core/rubric/identity";
import type { Annex } from "../core/sheets/annex";
import { rankingSheetSpec } from "../core/sheets/ranking";
import { isOwnedSheetName } from "../core/sheets/owned";
import { unitResultSheetSpec } from "../core/sheets/unit-result";
import { inLang, type Lang } from "../core/i18n";
import type { SheetSpec } from "../core/sheet-spec";
import type { WorkbookSnapshot } from "../core/snapshot";
import { ExcelServiceError, friendlyError, isExcelApiSupported, requireExcelApi } from "./errors";
import { clearHighlights, queueHighlights, refuseProtected } from "./highlight";
import { linksNotReadFinding, readActiveUnit, readHyperlinks, readWorkbookSnapshot } from "./read";
import { claim, type Ownership, queueMark, queueOwnership } from "./ownership";
import {
  annexOf,
  type ParSettings,
  readStoredSettings,
  saveSettings,
  type VerifiedSettings,
  verifySettings,
} from "./settings";
import {
  resolveSettings,
  type ResolvedSettings,
  rubricDigest,
  settingsDigest,
  withAccepted,
} from "./settings-rule";
import { type UserSettingsStore, userSettingsStore } from "./user-store";
import { pageLayoutSupported, WriteBatch, writeSheetSpec } from "./write";

export interface ValidateOptions {
  /** Rubric to check against; default: the one in the workbook's settings, else the built-in commune rubric. null: the workbook's own structure. */
  rubric?: Rubric | null;
  /** Accepted for old callers and ignored: every unit sheet is always checked (src/app/units.ts). */
  allSheets?: boolean;
  /** The user's corrections of recognised columns (the pane's layout editor). */
  columns?: AnalyseOptions["columns"];
  /**
   * Write the "Báo cáo kiểm tra" and "Kết quả" sheets (default true: the ribbon's Kiểm tra). The pane's
   * check passes false: a check only reads and shows; writing is the user's explicit "Ghi báo cáo vào sổ".
   */
  writeReport?: boolean;
  /** The settings that changed the result, printed on "Kết quả" (default: the workbook's saved ones). */
  settingsLines?: Text[];
  /** The report sheet's one language (the pane's; default Vietnamese). */
  lang?: Lang;
  /**
   * Settings the check does not use but the user may (the workbook's own, not applied by the settings
   * rule): the same snapshot is analysed with them too — no second read — and `compared` says what they
   * would give, so the pane can show "Theo cài đặt của sổ: 89 — Xuất sắc".
   */
  compare?: { rubric: Rubric | null; columns?: AnalyseOptions["columns"] };
}

/** One unit's result under the compared settings (the index, or the evidence part while the survey is missing). */
export interface ComparedResult {
  sheet: string;
  index: number | null;
  /** True when `index` is the evidence part only (no survey score yet). */
  evidenceOnly: boolean;
  precision: number;
  rating: Text | null;
}

export interface ValidateResult {
  /** Every unit sheet of the workbook, and (from the service, always) the sheets that are not units with why. */
  analysis: WorkbookAnalysis & Partial<Pick<WorkbookUnits, "skipped">>;
  counts: Record<Severity, number>;
  /** Sheets written (add-in owned). */
  written: string[];
  /** `context.sync()` calls made: reads + writes. */
  syncs: number;
  /** False when sheets were written on a host that cannot set their page (before ExcelApi 1.9). */
  pageLayout?: boolean;
  /** Each unit's result under `options.compare`, when asked. */
  compared?: ComparedResult[];
  /** The rubric the check used, by its identity (`rubricLabel`): what sheets written from it name first. */
  rubric?: Text;
  /**
   * Set when the check ran on the settings rule's choice (no rubric given) and the workbook's own
   * settings were not applied: the sentence saying so, for a face that has no bar to show (the ribbon).
   */
  settingsNote?: Text;
}

export interface RankingOptions {
  rubric?: Rubric | null;
  by?: ParSettings["by"];
  groupBy?: string;
  dense?: boolean;
  /** Only these sheets (default: every sheet the add-in does not own). */
  sheets?: string[];
  /** Last year's ranking, for the change columns. */
  previous?: PreviousRanking | null;
  /** The part ranked when the user chose it (index or evidence); unset: the index (see rankUnits). */
  basis?: RankPart;
  /** Last year's units → this year's (renames and mergers). */
  unitMap?: UnitMap | null;
  /** The annex lines and signature block to print; unset: those saved in the workbook's settings. */
  annex?: Annex | null;
  /** The province's survey rows (the pane's survey import), scored into each unit as `rank --survey` does. */
  survey?: readonly SurveyRow[] | null;
}

export interface RankingResult {
  analysis: WorkbookAnalysis;
  ranking: Ranking;
  rankedUnits: number;
  unranked: number;
  written: string[];
  syncs: number;
  /** False when the host could not set the ranking sheet's page (before ExcelApi 1.9). */
  pageLayout?: boolean;
  /** With a survey table: what matched and what did not (app/survey.ts). */
  surveyMatch?: SurveyMatch;
}

export interface ExcelService {
  validate(options?: ValidateOptions): Promise<ValidateResult>;
  buildRanking(options?: RankingOptions): Promise<RankingResult>;
  /** Writes a ranking built from files outside this workbook (the pane's file import). Two syncs. */
  writeRanking(ranking: Ranking, rubric: Rubric, annex?: Annex | null): Promise<string>;
  /**
   * Writes sheets decided in core (add-in-owned names only: a user's sheet of the same name stops the
   * write before anything is queued). Never activates: the caller offers "go there". One read sync, then
   * one write sync for ordinary sheets. Returns the names written, in order.
   */
  writeSheets(specs: readonly SheetSpec[]): Promise<string[]>;
  /**
   * Whether the sheets this service writes get their page set (A4, landscape, footer: ExcelApi 1.9
   * `pageLayout`); false on an older host, where the pane tells the user to set it by hand. The same
   * answer `validate` and `buildRanking` give as `pageLayout` for the sheets they wrote.
   */
  canSetPage?(): boolean;
  /**
   * Every sheet the add-in does not own, read once (the sheet list with the workbook's name, then every
   * used range together: two syncs), for the round's views (intake of the unit sheets, the diff of the
   * open workbook against an earlier file). Writes nothing, moves nothing.
   */
  readWorkbook(): Promise<{ name: string; workbook: WorkbookSnapshot; syncs: number }>;
  /** Activates the sheet and selects the cell (a finding's `sheet` + `address`). One sync. */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * Colours the finding cells through add-in-owned conditional formats. Two syncs: the sheets' protection
   * (a protected one refuses with its name, nothing marked), then the formats. Returns cells marked.
   */
  highlight(findings: readonly Finding[]): Promise<number>;
  /** Removes every add-in highlight and nothing else. Returns how many were removed. */
  clearHighlights(): Promise<number>;
  /** The workbook's sheets the add-in does not own, in tab order, with visibility. One sync. */
  listSheets(): Promise<{ name: string; hidden: boolean }[]>;
  /**
   * Calls `onChange(sheet)` when a user edits any sheet the add-in does not own (for a debounced
   * re-check). Needs ExcelApi 1.9; elsewhere `supported` is false and it never calls. `stop()` ends it.
   */
  watchChanges(onChange: (sheet: string) => void): Promise<{ supported: boolean; stop: () => Promise<void> }>;
  /** The workbook's saved settings, verified (invalid parts dropped). */
  loadSettings(): ParSettings;
  saveSettings(settings: ParSettings): Promise<void>;
  /** The rubric the settings name (custom JSON first, then the built-in id); null = workbook's own structure. */
  settingsRubric(settings?: ParSettings): Rubric | null;
  /**
   * Settings checked part by part: the rubric with its identity (name + content hash), the problems
   * found (a saved rubric that no longer loads, an invalid column map…) and what is used instead.
   * Without an argument: the settings a check uses on this workbook by the settings rule.
   */
  verifySettings(settings?: ParSettings): VerifiedSettings;
  /**
   * The settings rule (excel/settings-rule.ts) on this workbook for this user: what the workbook
   * carries, whether it is applied and why, what a check uses. Reads no cell.
   */
  resolveSettings(): ResolvedSettings;
  /**
   * The user chose to use the workbook's settings: these settings (rubric + column corrections) count
   * as accepted by this user from now on; with `rememberRubric`, a custom rubric is accepted on its own
   * too (any workbook carrying it, without column corrections). Kept in the user's storage, never the workbook.
   */
  acceptSettings(settings: VerifiedSettings, options?: { rememberRubric?: boolean }): void;
}

export interface ExcelServiceOptions {
  /** This user's accepted settings and rubric choice; default: the pane's localStorage. */
  user?: UserSettingsStore;
}

const DEFAULT_SETTINGS: ParSettings = { rubricId: DEFAULT_RUBRIC_ID };

export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `run` defaults to the host's `Excel.run`; tests pass the fake host's. */
export function createExcelService(run?: Run, serviceOptions: ExcelServiceOptions = {}): ExcelService {
  const user = serviceOptions.user ?? userSettingsStore();
  const excelRun: Run = run ?? ((cb) => Excel.run(cb));
  const guarded = async <T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      requireExcelApi();
      return await excelRun(work);
    } catch (e) {
      throw friendlyError(e);
    }
  };

  const settings = settingsMethods(user);
  const { resolveSettings: resolve, verifySettings: verify } = settings;

  return {
    validate: (options = {}) => guarded((context) => validateIn(context, options, resolve)),

    buildRanking: (options = {}) => guarded((context) => rankSheetsIn(context, options, verify)),

    writeRanking: (ranking, rubric, annex) =>
      guarded(async (context) => {
        const [name] = await writeSheetsIn(context, [rankingSheetSpec(ranking, rubric, { annex })]);
        return name;
      }),

    writeSheets: (specs) => guarded((context) => writeSheetsIn(context, specs)),

    canSetPage: () => pageLayoutSupported(),

    readWorkbook: () =>
      guarded(async (context) => {
        const syncs = counter(context);
        context.workbook.load("name");
        let name = "";
        const workbook = await readWorkbookSnapshot(context, {
          onSheetNames: () => {
            name = context.workbook.name || "Workbook";
          },
        });
        return { name, workbook: { ...workbook, source: name }, syncs: syncs() };
      }),

    selectCell: (sheet, address) =>
      guarded(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }),

    highlight: (findings) =>
      guarded(async (context) => {
        await refuseProtected(context, findings);
        const n = queueHighlights(context, findings);
        if (n) await context.sync();
        return n;
      }),

    clearHighlights: () => guarded((context) => clearHighlights(context)),

    listSheets: () =>
      guarded(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/visibility");
        await context.sync();
        return sheets.items
          .filter((w) => !isOwnedSheetName(w.name))
          .map((w) => ({ name: w.name, hidden: w.visibility !== "Visible" }));
      }),

    watchChanges: async (onChange) => {
      if (!isExcelApiSupported("1.9")) return { supported: false, stop: async () => {} };
      const names = new Map<string, string>();
      const handler = await guarded(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/id,items/name");
        const registered = sheets.onChanged.add(async (event) => {
          // The event names the sheet by id; names are refreshed on a miss (a sheet added or renamed).
          let name = names.get(event.worksheetId);
          if (!name) {
            for (const w of await listIds(excelRun)) names.set(w.id, w.name);
            name = names.get(event.worksheetId);
          }
          if (name && !isOwnedSheetName(name)) onChange(name);
        });
        await context.sync();
        for (const w of sheets.items) names.set(w.id, w.name);
        return registered;
      });
      return {
        supported: true,
        // A handler is removed through the context it was registered on.
        stop: async () => {
          handler.remove();
          await handler.context.sync().catch(() => undefined);
        },
      };
    },

    ...settings,
  };
}

type SettingsMethods = Pick<
  ExcelService,
  "loadSettings" | "saveSettings" | "settingsRubric" | "verifySettings" | "resolveSettings" | "acceptSettings"
>;

/** The settings side of the service: the workbook's settings, this user's store, the rule between them. */
function settingsMethods(user: UserSettingsStore): SettingsMethods {
  const resolve = (): ResolvedSettings =>
    resolveSettings(readStoredSettings(), user.read(), DEFAULT_SETTINGS);
  // Without settings in hand: what the rule gives, so the ribbon's check follows it as the pane's does.
  const verify = (settings?: ParSettings): VerifiedSettings =>
    settings ? verifySettings(settings, DEFAULT_SETTINGS) : resolve().used;
  return {
    loadSettings: () => verify().settings,
    saveSettings: async (settings) => {
      await saveSettings(settings).catch((e) => Promise.reject(friendlyError(e)));
      // What this user saved is theirs: accepted when a workbook carries it again, and their choice
      // of rubric on workbooks whose own settings are not applied.
      const saved = verifySettings(settings, DEFAULT_SETTINGS);
      const u = user.read();
      user.write({
        ...u,
        settings: withAccepted(u.settings, settingsDigest(saved)),
        choice: { rubricId: saved.settings.rubricId, customRubric: saved.settings.customRubric },
      });
    },
    settingsRubric: (settings) => verify(settings).rubric,
    verifySettings: verify,
    resolveSettings: resolve,
    acceptSettings: (settings, options = {}) => {
      const u = user.read();
      const rubric = options.rememberRubric ? rubricDigest(settings) : null;
      user.write({
        ...u,
        settings: withAccepted(u.settings, settingsDigest(settings)),
        rubrics: rubric ? withAccepted(u.rubrics, rubric) : u.rubrics,
      });
    },
  };
}

/** The active unit (or the whole workbook) read once, analysed, and the report written when asked. */
async function validateIn(
  context: Excel.RequestContext,
  options: ValidateOptions,
  resolve: () => ResolvedSettings,
): Promise<ValidateResult> {
  const syncs = counter(context);
  const saved = resolve();
  const rubric = options.rubric === undefined ? saved.used.rubric : options.rubric;
  const lines = options.settingsLines ?? saved.lines;
  const names = context.workbook.worksheets;
  let ownership: () => Ownership = () => ({ marks: new Map() });
  let wb: WorkbookSnapshot = await readActiveUnit(context, "Workbook", () => {
    names.load("items/name");
    context.workbook.load("name");
    ownership = queueOwnership(context);
  });
  const source = context.workbook.name || "Workbook";
  const active = wb.sheets[0]?.name ?? "";
  // Every unit sheet, always (src/app): a workbook with other sheets of the user's (a consolidation
  // workbook) is read whole in one more sync; a lone unit sheet stays one read.
  const others = names.items.some((w) => w.name !== active && !isOwnedSheetName(w.name));
  if (others || isOwnedSheetName(active)) wb = await readWorkbookSnapshot(context, { source });
  // The evidence cells' links, as the file reader gives them (one more sync where there is text).
  const links = await readHyperlinks(context, wb.sheets);
  // The pane passes its columns (even none); the ribbon's check takes the corrections the rule lets apply.
  const columns =
    "columns" in options ? options.columns : (saved.used.settings.columns as AnalyseOptions["columns"]);
  const analysis = analyseUnits({ ...wb, source }, { rubric, source, columns });
  // Never silent: a sheet whose links were not all read says so, with its unit where it is one.
  for (const sheet of links.capped) {
    const unit = analysis.units.find((u) => u.sheet === sheet);
    (unit ? unit.findings : analysis.findings).push(linksNotReadFinding(sheet));
  }
  const findings = [...analysis.findings, ...analysis.units.flatMap((u) => u.findings)];
  const compared = options.compare ? compareUnits({ ...wb, source }, source, options.compare) : undefined;
  const written: string[] = [];
  let pageLayout = true;
  // The rubric the figures were computed with, by its identity: the first line of every sheet written.
  const rubricName = rubricLabel(rubric);
  if (options.writeReport !== false) {
    const lang = options.lang ?? "vi";
    const first = rubricLine(rubricName, lang);
    const specs: SheetSpec[] = [
      findingsReportSpec(
        analysis.units.length
          ? analysis.units.map((u) => ({ file: source, unit: u.unit, findings: u.findings }))
          : [{ file: source, unit: null, findings: analysis.findings }],
        { linkCells: true, lang, rubric: rubricName },
      ),
    ];
    const unit = analysis.units[0];
    if (analysis.units.length === 1 && unit)
      specs.push(
        unitResultSheetSpec(unit.unit, unit.score, {
          sheet: unit.sheet,
          rubric: first,
          // One language per written sheet, as the report's: the pane's (Vietnamese by default); the
          // rubric's line is the sheet's first, not repeated among the settings.
          settings: lines.map((l) => inLang(lang, l)).filter((l) => l !== first),
        }),
      );
    ({ pageLayout } = await writeOwned(context, specs, new Set(names.items.map((w) => w.name)), ownership()));
    written.push(...specs.map((s) => s.name));
  }
  const note = options.rubric === undefined && !saved.decision.apply ? (saved.why ?? undefined) : undefined;
  return {
    analysis,
    rubric: rubricName,
    ...(note ? { settingsNote: note } : {}),
    counts: countBySeverity(findings),
    written,
    syncs: syncs(),
    pageLayout,
    ...(compared ? { compared } : {}),
  };
}

/** Every unit's index and rating under other settings, from the snapshot already read. */
function compareUnits(
  wb: WorkbookSnapshot,
  source: string,
  compare: NonNullable<ValidateOptions["compare"]>,
): ComparedResult[] {
  const other = analyseUnits(wb, { rubric: compare.rubric, source, columns: compare.columns });
  return other.units.map((u) => {
    const s = u.score;
    const evidenceOnly = s.index.final === null;
    return {
      sheet: u.sheet,
      index: evidenceOnly ? s.indexWithoutSurvey.final : s.index.final,
      evidenceOnly,
      precision: s.precision,
      rating: s.rating ? { vi: s.rating.label, en: s.rating.labelEn ?? s.rating.label } : null,
    };
  });
}

/** Every unit sheet read at once, ranked in core, the ranking sheet written. */
async function rankSheetsIn(
  context: Excel.RequestContext,
  options: RankingOptions,
  verify: () => VerifiedSettings,
): Promise<RankingResult> {
  const syncs = counter(context);
  context.workbook.load("name");
  const ownership = queueOwnership(context);
  let present = new Set<string>();
  const wb = await readWorkbookSnapshot(context, {
    sheets: options.sheets,
    onSheetNames: (names) => {
      present = new Set(names);
    },
  });
  const source = context.workbook.name || "Workbook";
  const { settings, rubric: saved } = verify();
  const rubric = options.rubric === undefined ? saved : options.rubric;
  const analysis = analyseUnits({ ...wb, source }, { rubric, source });
  const rankRubric = rubric ?? analysis.units[0]?.rubric;
  if (!rankRubric || analysis.units.length === 0) {
    throw new ExcelServiceError("NoUnits", {
      vi: "Không tìm thấy trang nào có biểu chấm điểm của đơn vị để xếp hạng.",
      en: "No sheet with a unit's scoring table was found to rank.",
    });
  }
  // One workbook: its sheets share one time, so no copy is "newer" (a unit twice is for the user to settle).
  // The survey table, if any, by the CLI's rule (app/survey.ts), loaded only when one was imported.
  const survey = options.survey ? await import("../app/survey") : null;
  const units =
    survey && options.survey ? survey.withSurveyScores(analysis.units, options.survey) : analysis.units;
  const inputs = rankInputsOf([{ ...analysis, units, source, modified: null, error: null }]);
  const ranking = rankUnits(inputs, {
    rubric: rankRubric,
    by: options.by ?? settings.by ?? "final",
    groupBy: options.groupBy ?? settings.groupBy,
    dense: options.dense ?? settings.dense,
    previous: options.previous ?? null,
    basis: options.basis,
    unitMap: options.unitMap ?? null,
    // The sheet is read by the pane's user: its basis hint names the pane's choice, not the CLI's options.
    face: "pane",
  });
  const annex = options.annex === undefined ? annexOf(settings) : options.annex;
  const spec = rankingSheetSpec(ranking, rankRubric, {
    linkSheets: true,
    annex,
    rubric: rubricLabel(rubric),
  });
  const { pageLayout } = await writeOwned(context, [spec], present, ownership());
  return {
    pageLayout,
    analysis,
    ranking,
    rankedUnits: ranking.groups.reduce((n, g) => n + g.units.length, 0),
    unranked: ranking.unranked.length,
    ...(survey && options.survey ? { surveyMatch: survey.surveyMatchOf(inputs, options.survey) } : {}),
    written: [spec.name],
    syncs: syncs(),
  };
}

/** Reads the sheet list and our marks (one sync), then writes the specs as add-in-owned sheets. */
async function writeSheetsIn(context: Excel.RequestContext, specs: readonly SheetSpec[]): Promise<string[]> {
  const ownership = queueOwnership(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  await writeOwned(context, [...specs], new Set(sheets.items.map((w) => w.name)), ownership());
  return specs.map((s) => s.name);
}

async function listIds(run: Run): Promise<{ id: string; name: string }[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id,items/name");
    await context.sync();
    return sheets.items.map((w) => ({ id: w.id, name: w.name }));
  });
}

/** Writes add-in-owned sheets only, then one sync (more only past the request size cap). */
async function writeOwned(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  present: Set<string>,
  ownership: Ownership,
): Promise<{ pageLayout: boolean }> {
  // Every claim is checked before anything is queued, so a refused sheet leaves the workbook untouched.
  const claims = specs.map((spec) => claim(spec.name, present, ownership));
  const batch = new WriteBatch(context);
  context.application.suspendApiCalculationUntilNextSync();
  let pageLayout = true;
  for (let i = 0; i < specs.length; i++) {
    // Never activated: writing a sheet does not move the user; the caller offers a "go there" instead.
    const written = await writeSheetSpec(context, specs[i], { exists: claims[i].exists }, batch);
    pageLayout &&= written.pageLayout;
    queueMark(context, specs[i].name, ownership);
  }
  await batch.flush();
  return { pageLayout };
}

/** Counts this run's syncs by wrapping the context's sync (the same number the host sees). */
function counter(context: Excel.RequestContext): () => number {
  let n = 0;
  const sync = context.sync.bind(context);
  (context as { sync: typeof context.sync }).sync = (<T>(passThrough?: T) => {
    n++;
    return sync(passThrough);
  }) as typeof context.sync;
  return () => n;
}
