import { type Dispatch, useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { AnalyseOptions } from "../core/analyse";
import type { Finding, Text } from "../core/finding";
import type { Lang } from "../core/i18n";
import type { RankBasis, RankPart } from "../core/rank";
import type { Rubric } from "../core/rubric/schema";
import type { UnitScore } from "../core/score";
import { type StoredNotice, takeStoredNotice } from "../commands/notices";
import type { ExcelService, ValidateResult } from "../excel/service";
import type { Annex } from "../core/sheets/annex";
import type { ParSettings, RubricIdentity, VerifiedSettings } from "../excel/settings";
// Not from ../excel/settings: that would put its verifiers (zod, ranking, RE2) in the pane's first load.
import { annexOf } from "../excel/settings-annex";
import { readPreviousFile, readRubricFile, readUnitMapFile, rankInputsFromFiles } from "./files";
import { readSurveyPick, surveyOutcome } from "./survey-import";
import { type BusyKind, initialPane, type PaneAction, type PaneState, paneReducer } from "./state/pane";
import type { PendingSettings } from "./state/settings";
import type { AppraisalWritten, FindingChanges } from "./state/check";
import type { RankOutcome } from "./state/ranking";
import { CHECK_DONE_MARK, mark } from "./timing";

export type { RankOutcome } from "./state/ranking";

/**
 * The pane's one door to Excel: the state lives in a pure reducer (./state, one slice per tab), and
 * this hook turns the user's actions into service calls and dispatches. Every failure ends up in
 * `error` (shown in a MessageBar), never only in the console.
 */
export interface RankRequest {
  source: "sheets" | "files";
  /** With source "sheets": only these sheets (absent: every sheet the add-in does not own). */
  sheets?: string[];
  files?: File[];
  previous?: File | null;
  /** Last year's units → this year's ("đơn vị cũ; đơn vị mới"), CSV or workbook. */
  previousMap?: File | null;
  by: RankBasis;
  /** The part ranked when the user chose it; unset: the index (units without a survey score listed apart). */
  basis?: RankPart;
  groupBy: string;
  dense: boolean;
  /** The province's survey table ("Nhập điểm điều tra"), .xlsx or .csv: `rank --survey` on the pane. */
  survey?: File | null;
}

export interface ParIndexState {
  /** The engine has loaded: actions are live. */
  ready: boolean;
  lang: Lang;
  setLang(lang: Lang): void;
  busy: BusyKind | null;
  progress: { done: number; total: number } | null;
  error: Text | null;
  clearError(): void;
  /** A ribbon command's result, waiting since it ran with the pane closed. */
  notice: StoredNotice | null;
  clearNotice(): void;
  validation: ValidateResult | null;
  /** Finished checks (the status region announces each one). */
  checks: number;
  /** Reads the workbook and shows the result; writes nothing and never moves the user. */
  check(): Promise<void>;
  /** The explicit "Ghi báo cáo vào sổ": writes the report and "Kết quả", then says what it wrote. */
  writeReport(): Promise<void>;
  written: string[] | null;
  /**
   * "Ghi kết quả thẩm định vào sổ": the checked unit's "Kết quả thẩm định" (with its chart) from the last
   * check's analysis — no second read — written as an add-in-owned sheet; never moves the user.
   */
  writeAppraisal(): Promise<void>;
  appraisal: AppraisalWritten | null;
  /** The unit sheet picked on a consolidation workbook (null: the first); the appraisal write follows it. */
  unit: string | null;
  setUnit(sheet: string | null): void;
  /** New and fixed findings against the check before (null after the first check). */
  changes: FindingChanges | null;
  /** Takes the user to a sheet (and cell): only ever on their click. */
  goTo(sheet: string, address?: string): Promise<void>;
  /** Corrects a recognised column (null: the table has no such column); the next check uses it. */
  correctColumn(sheet: string, role: string, col: number | null): void;
  clearColumns(): void;
  selectFinding(f: Finding): Promise<void>;
  highlighted: boolean;
  setHighlighted(on: boolean): Promise<void>;
  live: boolean;
  liveSupported: boolean;
  setLive(on: boolean): Promise<void>;
  outcome: RankOutcome | null;
  rankRuns: number;
  rank(request: RankRequest): Promise<void>;
  sheets: { name: string; hidden: boolean }[] | null;
  listSheets(): Promise<void>;
  settings: ParSettings;
  rubric: Rubric | null;
  /** How the active rubric is named (its own name + hash when custom); null before the engine loads. */
  identity: RubricIdentity | null;
  manualColumns: boolean;
  /** The settings lines that change results (rubric, manual columns). */
  settingsLines: Text[];
  /** What the workbook's saved settings held that is not used, and what is used instead. */
  settingsProblems: Text[];
  /** The workbook's own settings, not applied by the settings rule (null when applied or used). */
  pendingSettings: PendingSettings | null;
  /** Whose settings the check uses and why, when worth saying. */
  settingsWhy: Text | null;
  /** "Dùng cài đặt của sổ": uses the pending settings, records them as accepted by this user, checks again. */
  applyWorkbookSettings(options?: { rememberRubric?: boolean }): Promise<void>;
  updateSettings(next: ParSettings): void;
  /** Uses a built-in rubric from now on (not saved until the user saves) and checks again. */
  switchRubric(id: string): Promise<void>;
  saveSettings(): Promise<void>;
  savedAt: number | null;
  loadRubricFile(file: File): Promise<void>;
}

const LIVE_DELAY_MS = 1500;

const USED_WORKBOOK_SETTINGS: Text = {
  vi: "Dùng cài đặt của sổ: người kiểm tra đã chọn dùng các cài đặt này.",
  en: "The workbook's settings are used: the checker chose to use them.",
};

type Guard = (kind: BusyKind, work: (service: ExcelService) => Promise<void>) => Promise<void>;

/** Runs an action with the busy flag, handing it the loaded service; any failure becomes the visible error. */
function useGuard(service: ExcelService | null, dispatch: Dispatch<PaneAction>): Guard {
  return useCallback(
    async (kind, work) => {
      if (!service) return;
      dispatch({ type: "busy/start", kind });
      try {
        await work(service);
      } catch (error) {
        dispatch({ type: "error/set", error });
      } finally {
        dispatch({ type: "busy/end" });
      }
    },
    [service, dispatch],
  );
}

/**
 * `service` is null while the engine (core, rubrics, Office calls) is still loading: the pane paints
 * first with React and Fluent only, and the actions wake up when it arrives (`ready`).
 */
export function useParIndex(service: ExcelService | null, initialLang: Lang): ParIndexState {
  const [state, dispatch] = useReducer(paneReducer, initialLang, initialPane);
  const guard = useGuard(service, dispatch);
  useEffect(() => {
    // A ribbon command that ran while the pane was closed left its result here: show it once.
    dispatch({ type: "notice/set", notice: takeStoredNotice() });
  }, []);
  useEffect(() => {
    if (!service) return;
    // The settings rule decides whose settings the check starts with; the pane says which and why.
    const r = service.resolveSettings();
    const pending = r.decision.apply
      ? null
      : {
          settings: r.workbook.settings,
          differences: r.decision.differences,
          customRubric: r.workbook.identity.kind === "custom",
        };
    const why = r.why;
    dispatch({
      type: "settings/loaded",
      settings: r.used.settings,
      // The workbook's parts that could not be used; and, when the user's own choice is used, its own.
      problems: r.decision.apply ? r.workbook.problems : [...r.workbook.problems, ...r.used.problems],
      pending,
      why,
    });
  }, [service]);
  const { settings } = state.settings;
  const verified = useMemo(() => service?.verifySettings(settings) ?? null, [service, settings]);
  const pending = state.settings.pending;
  const workbookVerified = useMemo(
    () => (pending ? (service?.verifySettings(pending.settings) ?? null) : null),
    [service, pending],
  );
  const why = state.settings.why;
  // The written "Kết quả" names the settings in use and, as the pane does, whose they are and why.
  const lines = useMemo(() => (verified ? [...verified.lines, ...(why ? [why] : [])] : []), [verified, why]);
  const check = useCheckActions(state, dispatch, guard, verified, service, workbookVerified, lines);
  // The annex block the written sheets carry: the pane's current text (the field accepts only what parses).
  const annex = useMemo(() => annexOf(settings), [settings]);
  const ranking = useRankActions(dispatch, guard, service, verified?.rubric ?? null, annex);
  const settingsActions = useSettingsActions(state, dispatch, guard, check.runCheck);
  const applyWorkbookSettings = useCallback(
    (options: { rememberRubric?: boolean } = {}) =>
      guard("check", async (service) => {
        if (!workbookVerified) return;
        service.acceptSettings(workbookVerified, options);
        dispatch({ type: "settings/useWorkbook", why: USED_WORKBOOK_SETTINGS });
        await check.runCheck(service, workbookVerified);
      }),
    [guard, workbookVerified, check.runCheck],
  );
  return {
    ready: service !== null,
    lang: state.settings.lang,
    busy: state.busy,
    progress: state.ranking.progress,
    error: state.error,
    clearError: () => dispatch({ type: "error/clear" }),
    notice: state.notice,
    clearNotice: () => dispatch({ type: "notice/set", notice: null }),
    validation: state.check.validation,
    checks: state.check.checks,
    written: state.check.written,
    appraisal: state.check.appraisal,
    unit: state.check.unit,
    setUnit: (sheet) => dispatch({ type: "check/unit", sheet }),
    changes: state.check.changes,
    highlighted: state.check.highlighted,
    live: state.check.live,
    liveSupported: state.check.liveSupported,
    outcome: state.ranking.outcome,
    rankRuns: state.ranking.runs,
    sheets: state.ranking.sheets,
    settings,
    rubric: verified?.rubric ?? null,
    identity: verified?.identity ?? null,
    manualColumns: verified?.manualColumns ?? false,
    settingsLines: lines,
    settingsProblems: state.settings.problems,
    pendingSettings: pending,
    settingsWhy: why,
    applyWorkbookSettings,
    savedAt: state.settings.savedAt,
    ...check.actions,
    ...ranking,
    ...settingsActions,
  };
}

type CheckActions = Pick<
  ParIndexState,
  "check" | "writeReport" | "writeAppraisal" | "goTo" | "selectFinding" | "setHighlighted" | "setLive"
>;

function useCheckActions(
  state: PaneState,
  dispatch: Dispatch<PaneAction>,
  guard: Guard,
  verified: VerifiedSettings | null,
  service: ExcelService | null,
  workbook: VerifiedSettings | null,
  settingsLines: Text[],
): { actions: CheckActions; runCheck: (service: ExcelService, v: VerifiedSettings) => Promise<void> } {
  const highlighted = useRef(state.check.highlighted);
  // The pane's language: the one language of every sheet it writes (the ranking stays Vietnamese).
  const lang = state.settings.lang;
  const settings = state.settings.settings;
  highlighted.current = state.check.highlighted;
  // The workbook's settings while not applied: the same read also says what they would give.
  const compareWith = useRef(workbook);
  compareWith.current = workbook;
  const runCheck = useCallback(
    async (service: ExcelService, v: VerifiedSettings) => {
      const columns = v.settings.columns as AnalyseOptions["columns"];
      const w = compareWith.current;
      const compare =
        w && w !== v
          ? { rubric: w.rubric, columns: w.settings.columns as AnalyseOptions["columns"] }
          : undefined;
      const result = await service.validate({
        rubric: v.rubric,
        columns,
        writeReport: false,
        ...(compare ? { compare } : {}),
      });
      mark(CHECK_DONE_MARK);
      dispatch({ type: "check/done", validation: result });
      if (highlighted.current) {
        await service.clearHighlights();
        await service.highlight(allFindings(result));
      }
    },
    [dispatch],
  );
  const check = useCallback(
    () => guard("check", (service) => (verified ? runCheck(service, verified) : Promise.resolve())),
    [guard, runCheck, verified],
  );
  const writeReport = useCallback(
    () =>
      guard("write", async (service) => {
        if (!verified) return;
        const columns = verified.settings.columns as AnalyseOptions["columns"];
        const validation = await service.validate({
          rubric: verified.rubric,
          columns,
          writeReport: true,
          settingsLines,
          lang,
        });
        dispatch({ type: "check/written", validation });
      }),
    [guard, dispatch, verified, lang, settingsLines],
  );
  // Not a busy action: moving to a cell is instant and must not read out "Đang kiểm tra…".
  const goTo = useCallback(
    async (sheet: string, address = "A1") => {
      if (!service) return;
      try {
        await service.selectCell(sheet, address);
      } catch (error) {
        dispatch({ type: "error/set", error });
      }
    },
    [service, dispatch],
  );
  const selectFinding = useCallback(
    async (f: Finding) => {
      if (f.sheet && f.address) await goTo(f.sheet, f.address);
    },
    [goTo],
  );
  const validation = state.check.validation;
  const pickedUnit = state.check.unit;
  const setHighlighted = useCallback(
    (on: boolean) =>
      guard("check", async (service) => {
        if (on && validation) await service.highlight(allFindings(validation));
        if (!on) await service.clearHighlights();
        dispatch({ type: "check/highlighted", on });
      }),
    [guard, dispatch, validation],
  );
  const writeAppraisal = useCallback(
    () =>
      guard("write", async (service) => {
        if (validation)
          dispatch({
            type: "check/appraisalWritten",
            written: await writeAppraisalOf(service, validation, pickedUnit, lang, annexOf(settings)),
          });
      }),
    [guard, dispatch, validation, pickedUnit, lang, settings],
  );
  const setLive = useLiveCheck(dispatch, guard, check);
  return {
    actions: { check, writeReport, writeAppraisal, goTo, selectFinding, setHighlighted, setLive },
    runCheck,
  };
}

/**
 * The picked unit of the check (the one its summary card shows; the first when none is picked), its cells as read for the appraiser's
 * notes; the group's average over every unit the check covered when it covered several (the unit
 * included, as `par-index appraisal` does for a folder), none otherwise.
 */
async function writeAppraisalOf(
  service: ExcelService,
  validation: ValidateResult,
  picked: string | null,
  lang: Lang,
  annex: Annex | null,
): Promise<AppraisalWritten> {
  const units = validation.analysis.units;
  const unit = units.find((u) => u.sheet === picked) ?? units[0];
  if (!unit) throw new Error("no unit to write the appraisal of");
  const { appraisalSheetSpec } = await import("../core/sheets/appraisal");
  const peers = checkPeers(validation);
  const spec = appraisalSheetSpec(
    { unit: unit.unit, sheet: unit.sheet, score: unit.score, findings: unit.findings, entries: unit.entries },
    // The rubric the check used (the service names it); the sheet's first line says which.
    { peers, lang, annex, rubric: validation.rubric },
  );
  const [sheet] = await service.writeSheets([spec]);
  return {
    sheet: sheet ?? spec.name,
    unit: unit.unit,
    pending: unit.score.appraisalChanges.filter((c) => !c.noted).length,
    peers: peers.length,
    pageLayout: service.canSetPage?.(),
  };
}

/** Live re-check: debounced, so typing a score re-checks once the user pauses. */
function useLiveCheck(dispatch: Dispatch<PaneAction>, guard: Guard, check: () => Promise<void>) {
  const stopWatch = useRef<(() => Promise<void>) | null>(null);
  const checkRef = useRef(check);
  checkRef.current = check;
  useEffect(() => () => void stopWatch.current?.(), []);
  return useCallback(
    async (on: boolean) => {
      await stopWatch.current?.();
      stopWatch.current = null;
      dispatch({ type: "check/live", on });
      if (!on) return;
      await guard("check", async (service) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
          const watch = await service.watchChanges(() => {
            clearTimeout(timer);
            timer = setTimeout(() => void checkRef.current(), LIVE_DELAY_MS);
          });
          dispatch({ type: "check/live", on: watch.supported, supported: watch.supported });
          stopWatch.current = async () => {
            clearTimeout(timer);
            await watch.stop();
          };
        } catch (e) {
          dispatch({ type: "check/live", on: false });
          throw e;
        }
      });
    },
    [dispatch, guard],
  );
}

function useRankActions(
  dispatch: Dispatch<PaneAction>,
  guard: Guard,
  service: ExcelService | null,
  rubric: Rubric | null,
  annex: Annex | null,
): Pick<ParIndexState, "rank" | "listSheets"> {
  const rank = useCallback(
    (request: RankRequest) =>
      guard("rank", async (excel) => {
        const [{ groupRuleProblem, rankUnits }, { builtinRubric, DEFAULT_RUBRIC_ID }, { UserError }] =
          await Promise.all([
            import("../core/rank"),
            import("../core/rubric/builtin"),
            import("../core/errors"),
          ]);
        // A pattern that is not a regular expression would put every unit in "Khác": refuse it first.
        const problem = groupRuleProblem(request.groupBy);
        if (problem) throw new UserError("bad-group-rule", problem);
        const previous = request.previous ? await readPreviousFile(request.previous) : null;
        const unitMap = request.previousMap ? await readUnitMapFile(request.previousMap) : null;
        const useRubric = rubric ?? (builtinRubric(DEFAULT_RUBRIC_ID) as Rubric);
        // Read before any unit (a refused table fails at once, naming the file), as `rank --survey`.
        const surveyFile = request.survey ? await readSurveyPick(request.survey, useRubric) : null;
        const survey = surveyFile?.table.rows ?? null;
        const options = {
          by: request.by,
          groupBy: request.groupBy,
          dense: request.dense,
          previous,
          basis: request.basis,
          unitMap,
          annex,
        };
        if (request.source === "sheets") {
          const r = await excel.buildRanking({
            rubric,
            ...options,
            ...(request.sheets ? { sheets: request.sheets } : {}),
            ...(survey ? { survey } : {}),
          });
          dispatch({
            type: "rank/done",
            outcome: {
              ranking: r.ranking,
              sheet: r.written[0] ?? "",
              fileErrors: [],
              pageLayout: r.pageLayout,
              ...(surveyFile && r.surveyMatch
                ? { survey: await surveyOutcome(surveyFile, r.surveyMatch) }
                : {}),
            },
          });
          return;
        }
        const { inputs, fileErrors } = await rankInputsFromFiles(
          request.files ?? [],
          useRubric,
          (done, total) => dispatch({ type: "rank/progress", done, total }),
          survey,
        );
        const ranking = rankUnits(inputs, { rubric: useRubric, ...options, face: "pane" });
        const sheet = await excel.writeRanking(ranking, useRubric, annex);
        dispatch({
          type: "rank/done",
          outcome: {
            ranking,
            sheet,
            fileErrors,
            pageLayout: excel.canSetPage?.(),
            ...(surveyFile ? { survey: await surveyOutcome(surveyFile, inputs) } : {}),
          },
        });
      }),
    [guard, dispatch, rubric, annex],
  );
  const listSheets = useCallback(async () => {
    if (!service) return;
    try {
      dispatch({ type: "rank/sheets", sheets: await service.listSheets() });
    } catch (error) {
      dispatch({ type: "error/set", error });
    }
  }, [service, dispatch]);
  return { rank, listSheets };
}

function useSettingsActions(
  state: PaneState,
  dispatch: Dispatch<PaneAction>,
  guard: Guard,
  runCheck: (service: ExcelService, v: VerifiedSettings) => Promise<void>,
): Pick<
  ParIndexState,
  | "setLang"
  | "correctColumn"
  | "clearColumns"
  | "updateSettings"
  | "switchRubric"
  | "saveSettings"
  | "loadRubricFile"
> {
  const { settings, lang } = state.settings;
  return {
    setLang: useCallback((next: Lang) => dispatch({ type: "settings/lang", lang: next }), [dispatch]),
    correctColumn: useCallback(
      (sheet: string, role: string, col: number | null) =>
        dispatch({ type: "settings/column", sheet, role, col }),
      [dispatch],
    ),
    clearColumns: useCallback(() => dispatch({ type: "settings/clearColumns" }), [dispatch]),
    updateSettings: useCallback(
      (next: ParSettings) => dispatch({ type: "settings/update", settings: next }),
      [dispatch],
    ),
    switchRubric: useCallback(
      (id: string) =>
        guard("check", async (service) => {
          const next: ParSettings = { ...settings, rubricId: id, customRubric: undefined };
          dispatch({ type: "settings/update", settings: next });
          await runCheck(service, service.verifySettings(next));
        }),
      [guard, dispatch, runCheck, settings],
    ),
    saveSettings: useCallback(
      () =>
        guard("settings", async (service) => {
          await service.saveSettings({ ...settings, language: lang });
          dispatch({ type: "settings/saved", at: Date.now() });
        }),
      [guard, dispatch, settings, lang],
    ),
    loadRubricFile: useCallback(
      (file: File) =>
        guard("settings", async () => {
          const { data } = await readRubricFile(file);
          dispatch({ type: "settings/update", settings: { ...settings, customRubric: data } });
        }),
      [guard, dispatch, settings],
    ),
  };
}

/**
 * The group a check gives for "where did we lose points": every unit it covered (the first included, as
 * `par-index appraisal` counts a folder) when it covered several; none for one unit. One rule for the
 * written sheet and the pane's chart.
 */
export function checkPeers(v: ValidateResult): UnitScore[] {
  const units = v.analysis.units;
  return units.length > 1 ? units.map((u) => u.score) : [];
}

export function allFindings(v: ValidateResult): Finding[] {
  return [...v.analysis.findings, ...v.analysis.units.flatMap((u) => u.findings)];
}
