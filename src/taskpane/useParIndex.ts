import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Finding, Text } from "../core/finding";
import { type Lang, t, textOf } from "../core/i18n";
import type { PreviousRanking } from "../core/previous";
import type { RankBasis, RankInput, Ranking } from "../core/rank";
import type { Rubric } from "../core/rubric/schema";
import type { ExcelService, ValidateOptions, ValidateResult } from "../excel/service";
import type { ParSettings } from "../excel/settings";

/**
 * The pane's one door to Excel: wraps the Excel service (src/excel/service.ts) in React state, so
 * components only render data and call actions — and tests hand it a fake service. Every failure ends
 * up in `error` (shown in a MessageBar), never only in the console.
 */
export interface RankRequest {
  source: "sheets" | "files";
  /** With source "sheets": only these sheets (absent: every sheet the add-in does not own). */
  sheets?: string[];
  files?: File[];
  previous?: File | null;
  by: RankBasis;
  groupBy: string;
  dense: boolean;
}

export interface RankOutcome {
  ranking: Ranking;
  sheet: string;
  fileErrors: { file: string; message: Text }[];
}

export interface ParIndexState {
  /** The engine has loaded: actions are live. */
  ready: boolean;
  lang: Lang;
  setLang(lang: Lang): void;
  busy: "check" | "rank" | "settings" | null;
  progress: { done: number; total: number } | null;
  error: Text | null;
  clearError(): void;
  validation: ValidateResult | null;
  check(): Promise<void>;
  /** Corrects a recognised column (null: the table has no such column); the next check uses it. */
  correctColumn(sheet: string, role: string, col: number | null): void;
  selectFinding(f: Finding): Promise<void>;
  highlighted: boolean;
  setHighlighted(on: boolean): Promise<void>;
  live: boolean;
  liveSupported: boolean;
  setLive(on: boolean): Promise<void>;
  outcome: RankOutcome | null;
  rank(request: RankRequest): Promise<void>;
  /** The workbook's own sheets (not the add-in's), for the ranking's source picker; null until listed. */
  sheets: { name: string; hidden: boolean }[] | null;
  listSheets(): Promise<void>;
  settings: ParSettings;
  rubric: Rubric | null;
  updateSettings(next: ParSettings): void;
  saveSettings(): Promise<void>;
  savedAt: number | null;
  loadRubricFile(file: File): Promise<void>;
}

const LIVE_DELAY_MS = 1500;

/**
 * `service` is null while the engine (core, rubrics, Office calls) is still loading: the pane paints
 * first with React and Fluent only, and the actions wake up when it arrives (`ready`).
 */
export function useParIndex(service: ExcelService | null, initialLang: Lang): ParIndexState {
  const [settings, setSettings] = useState<ParSettings>(() => service?.loadSettings() ?? { rubricId: null });
  const loadedFor = useRef<ExcelService | null>(service);
  useEffect(() => {
    if (service && loadedFor.current !== service) {
      loadedFor.current = service;
      setSettings(service.loadSettings());
    }
  }, [service]);
  const [lang, setLangState] = useState<Lang>(settings.language ?? initialLang);
  useEffect(() => {
    if (settings.language) setLangState(settings.language);
  }, [settings.language]);
  const [busy, setBusy] = useState<ParIndexState["busy"]>(null);
  const [progress, setProgress] = useState<ParIndexState["progress"]>(null);
  const [error, setError] = useState<Text | null>(null);
  const [validation, setValidation] = useState<ValidateResult | null>(null);
  const [highlighted, setHighlightedState] = useState(false);
  const [live, setLiveState] = useState(false);
  const [liveSupported, setLiveSupported] = useState(true);
  const [outcome, setOutcome] = useState<RankOutcome | null>(null);
  const [sheets, setSheets] = useState<ParIndexState["sheets"]>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const stopWatch = useRef<(() => Promise<void>) | null>(null);
  const rubric = useMemo(() => service?.settingsRubric(settings) ?? null, [service, settings]);

  /** Runs an action with the busy flag; any failure becomes the visible error. */
  const guard = useCallback(
    async (kind: NonNullable<ParIndexState["busy"]>, work: () => Promise<void>) => {
      if (!service) return;
      setBusy(kind);
      setError(null);
      try {
        await work();
      } catch (e) {
        setError(toText(e));
      } finally {
        setBusy(null);
        setProgress(null);
      }
    },
    [service],
  );

  const check = useCallback(
    () =>
      guard("check", async () => {
        const result = await (service as ExcelService).validate({
          rubric,
          columns: settings.columns as ValidateOptions["columns"],
        });
        setValidation(result);
        if (highlighted) {
          await (service as ExcelService).clearHighlights();
          await (service as ExcelService).highlight(allFindings(result));
        }
      }),
    [guard, service, rubric, highlighted, settings.columns],
  );

  const selectFinding = useCallback(
    async (f: Finding) => {
      if (!f.sheet || !f.address || !service) return;
      try {
        await service.selectCell(f.sheet, f.address);
      } catch (e) {
        setError(toText(e));
      }
    },
    [service],
  );

  const setHighlighted = useCallback(
    (on: boolean) =>
      guard("check", async () => {
        const excel = service as ExcelService;
        if (on && validation) await excel.highlight(allFindings(validation));
        if (!on) await excel.clearHighlights();
        setHighlightedState(on);
      }),
    [guard, service, validation],
  );

  // Live re-check: debounced, so typing a score re-checks once the user pauses.
  const checkRef = useRef(check);
  checkRef.current = check;
  const setLive = useCallback(
    async (on: boolean) => {
      await stopWatch.current?.();
      stopWatch.current = null;
      setLiveState(on);
      if (!on || !service) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const watch = await service.watchChanges(() => {
          clearTimeout(timer);
          timer = setTimeout(() => void checkRef.current(), LIVE_DELAY_MS);
        });
        setLiveSupported(watch.supported);
        if (!watch.supported) setLiveState(false);
        stopWatch.current = async () => {
          clearTimeout(timer);
          await watch.stop();
        };
      } catch (e) {
        setLiveState(false);
        setError(toText(e));
      }
    },
    [service],
  );
  useEffect(() => () => void stopWatch.current?.(), []);

  const rank = useCallback(
    (request: RankRequest) =>
      guard("rank", async () => {
        const previous = request.previous ? await readPrevious(request.previous) : null;
        if (request.source === "sheets") {
          const r = await (service as ExcelService).buildRanking({
            rubric,
            by: request.by,
            groupBy: request.groupBy,
            dense: request.dense,
            previous,
            ...(request.sheets ? { sheets: request.sheets } : {}),
          });
          setOutcome({ ranking: r.ranking, sheet: r.written[0] ?? "", fileErrors: [] });
          return;
        }
        const files = request.files ?? [];
        // File import is loaded on demand: the reader, and ranking beyond what the service already holds.
        const [{ readWorkbook }, { analyseWorkbook }, { rankUnits }] = await Promise.all([
          import("../files/read-workbook"),
          import("../core/analyse"),
          import("../core/rank"),
        ]);
        const inputs: RankInput[] = [];
        const fileErrors: RankOutcome["fileErrors"] = [];
        // A file that yields no unit is listed with its reason and stays in the ranking as "not ranked".
        const unreadable = (file: string, message: Text) => {
          fileErrors.push({ file, message });
          inputs.push({ unit: file, source: file, sheet: null, score: null, errors: 1, reason: message });
        };
        const { builtinRubric, DEFAULT_RUBRIC_ID } = await import("../core/rubric/builtin");
        const useRubric = rubric ?? builtinRubric(DEFAULT_RUBRIC_ID);
        if (!useRubric) throw new Error("no rubric");
        for (let i = 0; i < files.length; i++) {
          setProgress({ done: i, total: files.length });
          const file = files[i];
          try {
            const wb = readWorkbook(new Uint8Array(await file.arrayBuffer()), file.name);
            const analysis = analyseWorkbook(wb, { rubric: useRubric, source: file.name, allSheets: true });
            if (analysis.units.length === 0) {
              const message = analysis.findings[0]?.message ?? textOf("noTableInFile", { file: file.name });
              unreadable(file.name, message);
            }
            for (const u of analysis.units) {
              inputs.push({
                unit: u.unit,
                source: file.name,
                sheet: null,
                score: u.score,
                errors: u.findings.filter((f) => f.severity === "error").length,
              });
            }
          } catch (e) {
            unreadable(file.name, toText(e));
          }
          // Let the progress bar paint between files.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        const ranking = rankUnits(inputs, {
          rubric: useRubric,
          by: request.by,
          groupBy: request.groupBy,
          dense: request.dense,
          previous,
        });
        const sheet = await (service as ExcelService).writeRanking(ranking, useRubric);
        setOutcome({ ranking, sheet, fileErrors });
      }),
    [guard, service, rubric],
  );

  const listSheets = useCallback(async () => {
    if (!service) return;
    try {
      setSheets(await service.listSheets());
    } catch (e) {
      setError(toText(e));
    }
  }, [service]);

  const correctColumn = useCallback((sheet: string, role: string, col: number | null) => {
    setSettings((s) => ({
      ...s,
      columns: { sheet, roles: { ...(s.columns?.sheet === sheet ? s.columns.roles : {}), [role]: col } },
    }));
    setSavedAt(null);
  }, []);

  const updateSettings = useCallback((next: ParSettings) => {
    setSettings(next);
    setSavedAt(null);
  }, []);

  const saveSettings = useCallback(
    () =>
      guard("settings", async () => {
        await (service as ExcelService).saveSettings({ ...settings, language: lang });
        setSavedAt(Date.now());
      }),
    [guard, service, settings, lang],
  );

  const loadRubricFile = useCallback(
    (file: File) =>
      guard("settings", async () => {
        let data: unknown;
        if (/\.json$/i.test(file.name)) data = JSON.parse(await file.text());
        else {
          const [{ readWorkbook }, { importRubricFromWorkbook }] = await Promise.all([
            import("../files/read-workbook"),
            import("../core/rubric/import"),
          ]);
          const imported = importRubricFromWorkbook(
            readWorkbook(new Uint8Array(await file.arrayBuffer()), file.name),
          );
          if (!imported.rubric) {
            throw textError(
              imported.problems[0]?.message ?? textOf("rubricNotImported", { file: file.name }),
            );
          }
          data = imported.rubric;
        }
        const { loadRubric } = await import("../core/rubric/load");
        const loaded = loadRubric(data);
        if (!loaded.ok) {
          const why = loaded.problems[0]?.message ?? { vi: "", en: "" };
          throw textError({
            vi: t("vi", "rubricInvalid", { why: why.vi }),
            en: t("en", "rubricInvalid", { why: why.en }),
          });
        }
        setSettings((s) => ({ ...s, customRubric: loaded.rubric }));
        setSavedAt(null);
      }),
    [guard],
  );

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    setSettings((s) => ({ ...s, language: next }));
  }, []);

  return {
    ready: service !== null,
    lang,
    setLang,
    busy,
    progress,
    error,
    clearError: () => setError(null),
    validation,
    check,
    correctColumn,
    selectFinding,
    highlighted,
    setHighlighted,
    live,
    liveSupported,
    setLive,
    outcome,
    rank,
    sheets,
    listSheets,
    settings,
    rubric,
    updateSettings,
    saveSettings,
    savedAt,
    loadRubricFile,
  };
}

export function allFindings(v: ValidateResult): Finding[] {
  return [...v.analysis.findings, ...v.analysis.units.flatMap((u) => u.findings)];
}

async function readPrevious(file: File): Promise<PreviousRanking> {
  let data: unknown;
  if (/\.json$/i.test(file.name)) data = JSON.parse(await file.text());
  else {
    const { readWorkbook } = await import("../files/read-workbook");
    data = readWorkbook(new Uint8Array(await file.arrayBuffer()), file.name);
  }
  const { parsePreviousRanking } = await import("../core/previous");
  const parsed = parsePreviousRanking(data);
  if (!parsed.ok) throw textError(parsed.problem);
  return parsed.ranking;
}

class TextError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

function textError(text: Text): TextError {
  return new TextError(text);
}

/** Service errors carry `{ vi, en }`; anything else is shown with its message, in both languages. */
export function toText(e: unknown): Text {
  const text = (e as { text?: Text })?.text;
  if (text && typeof text.vi === "string" && typeof text.en === "string") return text;
  return textOf("unexpected", { message: e instanceof Error ? e.message : String(e) });
}
