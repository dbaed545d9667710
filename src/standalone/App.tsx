import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isUserError, unexpectedText } from "../core/errors";
import type { Text as BiText } from "../core/finding";
import { type Lang, t } from "../core/i18n";
import type { Rubric } from "../core/rubric/schema";
import type { CheckedFile, RankChoice } from "./check";
import { baseName, CSV_TYPE, download, XLSX_TYPE } from "./download";
import type { RubricChoice } from "./rubric-choice";
import { FileResult } from "./FileResult";
import { RankingResult } from "./RankingResult";
import { s } from "./strings";

/**
 * The checker for everyone whose Office cannot run the add-in (Excel 2016, WPS, LibreOffice): pick or
 * drop units' workbooks, see per file what the pane shows for a workbook, rank several, download the
 * report, "Kết quả", the findings and the ranking. Files are read in this tab and nothing is uploaded.
 * Nothing of the engine is in this module: it arrives through `loadEngine` after the first paint.
 */
export type Engine = typeof import("./engine");

export interface StandaloneProps {
  /** "site": the standalone page; "taskpane": the add-in's page opened outside Excel. */
  context: "site" | "taskpane";
  initialLang: Lang;
  /** Where the rubric choice and the language are remembered (localStorage; null when unavailable). */
  storage: Pick<Storage, "getItem" | "setItem"> | null;
  /** Resolves true once the service worker holds the site for offline use. */
  offline?: Promise<boolean>;
  loadEngine?: () => Promise<Engine>;
}

export const LANG_KEY = "par-index.standalone.lang";
/** A batch larger than this is a secretariat's job for the CLI; the tab would hold every file in memory. */
export const MAX_FILES = 1000;
const WORKBOOK = /\.(xlsx|xlsm|xls|xlsb|ods|csv)$/i;
const OWN = "__own__";
const CUSTOM = "__custom__";

const useStyles = makeStyles({
  page: {
    maxWidth: "60rem",
    margin: "0 auto",
    padding: "12px",
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", gap: "8px", alignItems: "start", justifyContent: "space-between" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: "16px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
  },
  dragging: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const defaultLoadEngine = () => import("./engine");

export function StandaloneApp(props: StandaloneProps) {
  const styles = useStyles();
  const { storage } = props;
  const [lang, setLangState] = useState<Lang>(() => savedLang(storage) ?? props.initialLang);
  const [engine, setEngine] = useState<Engine | null>(null);
  const [choice, setChoice] = useState<RubricChoice | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [results, setResults] = useState<CheckedFile[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<BiText | null>(null);
  const [notices, setNotices] = useState<BiText[]>([]);
  const [offline, setOffline] = useState(false);
  const [rankChoice, setRankChoice] = useState<RankChoice>({ by: "final", groupBy: "rubric", dense: false });
  const [dragging, setDragging] = useState(false);
  const run = useRef(0);

  useEffect(() => {
    let live = true;
    (props.loadEngine ?? defaultLoadEngine)().then(
      (e) => {
        if (!live) return;
        const restored = e.restoreChoice(storage);
        setEngine(e);
        setChoice(restored.choice);
        if (restored.problem) setNotices((n) => [...n, restored.problem as BiText]);
      },
      (e) => live && setError(textOf(e)),
    );
    return () => {
      live = false;
    };
  }, [props.loadEngine, storage]);

  useEffect(() => {
    let live = true;
    void props.offline?.then((ok) => live && setOffline(ok));
    return () => {
      live = false;
    };
  }, [props.offline]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = s(lang, "title");
  }, [lang]);

  const setLang = (next: Lang) => {
    setLangState(next);
    try {
      storage?.setItem(LANG_KEY, next);
    } catch {
      // Not remembered: the page still switches.
    }
  };

  const rubric: Rubric | null = useMemo(
    () => (engine && choice ? engine.rubricOf(choice) : null),
    [engine, choice],
  );

  // Every pick (and every rubric change) checks the files again; a newer run makes an older one stop.
  useEffect(() => {
    if (!engine || !choice) return;
    const id = ++run.current;
    if (files.length === 0) {
      setResults([]);
      return;
    }
    void (async () => {
      const out: CheckedFile[] = [];
      for (let i = 0; i < files.length; i++) {
        if (run.current !== id) return;
        setProgress({ done: i, total: files.length });
        const f = files[i];
        out.push(
          f.size > engine.MAX_FILE_BYTES
            ? engine.fileTooLarge(f.name, f.size)
            : engine.checkBytes(new Uint8Array(await f.arrayBuffer()), f.name, engine.rubricOf(choice)),
        );
        // Let the progress bar paint between files.
        await new Promise((r) => setTimeout(r, 0));
      }
      if (run.current !== id) return;
      setResults(out);
      setProgress(null);
    })().catch((e) => {
      setError(textOf(e));
      setProgress(null);
    });
  }, [engine, choice, files]);

  const pick = useCallback((list: File[]) => {
    const workbooks = list.filter((f) => WORKBOOK.test(f.name) && !f.name.startsWith("~$"));
    const skipped = list.filter((f) => !workbooks.includes(f));
    const next: BiText[] = [];
    if (skipped.length)
      next.push(
        both("skipped", {
          count: skipped.length,
          names: skipped
            .slice(0, 5)
            .map((f) => f.name)
            .join(", "),
        }),
      );
    if (workbooks.length > MAX_FILES)
      next.push(both("tooMany", { max: MAX_FILES, count: workbooks.length - MAX_FILES }));
    setNotices(next);
    setError(null);
    setResults([]);
    setFiles(workbooks.slice(0, MAX_FILES));
  }, []);

  const chooseRubric = (value: string) => {
    if (!engine || value === CUSTOM) return;
    const next: RubricChoice = value === OWN ? { kind: "own" } : { kind: "builtin", id: value };
    setChoice(next);
    remember(next);
  };
  const remember = (next: RubricChoice) => {
    const refused = engine?.rememberChoice(storage, next);
    if (refused) setNotices((n) => [...n, refused]);
  };
  const loadRubricFile = async (file: File | undefined) => {
    if (!engine || !file) return;
    try {
      const loaded = engine.rubricFromFile(file.name, new Uint8Array(await file.arrayBuffer()));
      const next: RubricChoice = { kind: "custom", rubric: loaded, from: file.name };
      setChoice(next);
      remember(next);
      setError(null);
    } catch (e) {
      setError(textOf(e));
    }
  };

  const rankingRubric = useMemo(() => (engine ? engine.rankingRubric(rubric) : null), [engine, rubric]);
  const ranking = useMemo(
    () =>
      engine && rankingRubric && results.length >= 2 && progress === null
        ? engine.rankFiles(results, rankingRubric, rankChoice)
        : null,
    [engine, rankingRubric, results, rankChoice, progress],
  );

  const save = async (what: () => Promise<[Uint8Array | string, string, string]>) => {
    setWriting(true);
    try {
      const [data, name, type] = await what();
      download(data, name, type);
    } catch (e) {
      setError(textOf(e));
    } finally {
      setWriting(false);
    }
  };
  const downloadFiles = (kind: "report" | "csv", chosen: CheckedFile[]) => {
    if (!engine) return;
    const stem = chosen.length === 1 ? `${baseName(chosen[0].file)} - ` : "";
    void save(async () =>
      kind === "csv"
        ? [engine.findingsCsv(chosen, lang), `${stem}${s(lang, "findingsName")}.csv`, CSV_TYPE]
        : [
            await engine.writeWorkbook(engine.reportSpecs(chosen, { results: true })),
            `${stem}${s(lang, "reportName")}.xlsx`,
            XLSX_TYPE,
          ],
    );
  };
  const downloadRanking = () => {
    if (!engine || !ranking || !rankingRubric) return;
    void save(async () => [
      await engine.writeWorkbook(engine.rankingSpecs(ranking, rankingRubric)),
      `${s(lang, "rankingName")}.xlsx`,
      XLSX_TYPE,
    ]);
  };

  const rubricName = rubric
    ? choice?.kind === "custom"
      ? s(lang, "rubricFrom", { name: rubricLabel(rubric, lang), file: choice.from })
      : rubricLabel(rubric, lang)
    : t(lang, "rubricOwn");
  const counts = results.reduce(
    (c, r) => {
      for (const f of r.findings) if (f.severity !== "info") c[f.severity]++;
      return c;
    },
    { error: 0, warning: 0 },
  );
  const status = !engine
    ? s(lang, "loading")
    : progress
      ? t(lang, "reading", progress)
      : results.length
        ? s(lang, "done", { files: results.length, errors: counts.error, warnings: counts.warning })
        : "";
  const selected = choice?.kind === "custom" ? CUSTOM : choice?.kind === "own" ? OWN : (choice?.id ?? "");

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    pick([...e.dataTransfer.files]);
  };

  return (
    <main className={styles.page} lang={lang}>
      <div className={styles.header}>
        <div>
          <Text as="h1" size={700} weight="semibold" block>
            {s(lang, "title")}
          </Text>
          <Text block>{s(lang, "intro")}</Text>
        </div>
        <Button
          appearance="subtle"
          aria-label={t(lang, "switchLanguageLabel")}
          lang={lang === "vi" ? "en" : "vi"}
          onClick={() => setLang(lang === "vi" ? "en" : "vi")}
        >
          {t(lang, "switchLanguage")}
        </Button>
      </div>
      {props.context === "taskpane" && (
        <MessageBar intent="info">
          <MessageBarBody>{s(lang, "fromTaskpane")}</MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent="info">
        <MessageBarBody>
          <strong>{s(lang, "privacy")}</strong> {s(lang, "addinHint")}
        </MessageBarBody>
      </MessageBar>
      {offline && <Text className={styles.muted}>{s(lang, "offlineReady")}</Text>}

      <section className={styles.drop} aria-label={t(lang, "rubric")}>
        <div className={styles.row}>
          <Field label={t(lang, "rubric")}>
            <Select value={selected} disabled={!engine} onChange={(_, d) => chooseRubric(d.value)}>
              {engine?.builtinRubrics().map((r) => (
                <option key={r.id} value={r.id}>
                  {rubricLabel(r, lang)} {r.example ? t(lang, "rubricExample") : ""}
                </option>
              ))}
              <option value={OWN}>{t(lang, "rubricOwn")}</option>
              {choice?.kind === "custom" && (
                <option value={CUSTOM}>{t(lang, "rubricCustom", { name: choice.rubric.name })}</option>
              )}
            </Select>
          </Field>
        </div>
        <div className={styles.row}>
          <FilePicker
            label={`${t(lang, "loadJson")}…`}
            accept=".json"
            kind="rubric-json"
            onFiles={(f) => void loadRubricFile(f[0])}
            disabled={!engine}
          />
          <FilePicker
            label={`${t(lang, "importTemplate")}…`}
            accept=".xlsx,.xlsm"
            kind="rubric-template"
            onFiles={(f) => void loadRubricFile(f[0])}
            disabled={!engine}
          />
        </div>
        <Text className={styles.muted} data-testid="rubric-in-use">
          {s(lang, "rubricInUse", { name: rubricName })}. {s(lang, "rubricRemembered")}
        </Text>
      </section>

      <section
        className={`${styles.drop} ${dragging ? styles.dragging : ""}`}
        aria-label={s(lang, "dropZone")}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div className={styles.row}>
          <FilePicker
            label={s(lang, "pickFiles")}
            primary
            multiple
            accept=".xlsx,.xlsm"
            kind="files"
            onFiles={pick}
            disabled={!engine}
          />
          <FilePicker
            label={s(lang, "pickFolder")}
            multiple
            kind="folder"
            onFiles={pick}
            disabled={!engine}
          />
          {files.length > 0 && (
            <Button appearance="subtle" onClick={() => pick([])}>
              {s(lang, "clear")}
            </Button>
          )}
        </div>
        <Text>{s(lang, "dropHere")}</Text>
      </section>

      <div role="status" aria-live="polite">
        {status}
      </div>
      {progress && <ProgressBar value={progress.done / Math.max(1, progress.total)} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error[lang]}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={() => setError(null)}>
              {t(lang, "dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notices.map((n) => (
        <MessageBar key={n.en} intent="warning">
          <MessageBarBody>{n[lang]}</MessageBarBody>
        </MessageBar>
      ))}
      {engine && files.length === 0 && <Text className={styles.muted}>{s(lang, "firstRun")}</Text>}

      {ranking && rankingRubric && (
        <RankingResult
          ranking={ranking}
          lang={lang}
          choice={rankChoice}
          onChoice={setRankChoice}
          note={rubric ? null : s(lang, "rankingRubricDefault", { name: rubricLabel(rankingRubric, lang) })}
          onDownload={downloadRanking}
          busy={writing}
        />
      )}
      {results.length > 1 && (
        <div className={styles.row}>
          <Button disabled={writing} onClick={() => downloadFiles("report", results)}>
            {s(lang, "downloadAllReport")}
          </Button>
          <Button disabled={writing} onClick={() => downloadFiles("csv", results)}>
            {s(lang, "downloadAllCsv")}
          </Button>
        </div>
      )}
      {results.length > 0 && (
        <Text as="h2" size={500} weight="semibold">
          {s(lang, "results")}
        </Text>
      )}
      {results.map((r, i) => (
        <FileResult
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole on each pick, and two files of one name can come from two folders.
          key={`${i}-${r.file}`}
          result={r}
          lang={lang}
          rubricName={rubricName}
          onDownload={downloadFiles}
          busy={writing}
        />
      ))}
    </main>
  );
}

/** A localised button in front of the browser's file input (whose own "Choose File" is in the browser's language). */
function FilePicker({
  label,
  onFiles,
  kind,
  accept,
  primary,
  multiple,
  disabled,
}: {
  label: string;
  onFiles: (files: File[]) => void;
  /** "folder" picks a whole folder; the others name the input for tests (data-picker). */
  kind: "files" | "folder" | "rubric-json" | "rubric-template";
  accept?: string;
  primary?: boolean;
  multiple?: boolean;
  disabled: boolean;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  // Chromium, Firefox and Safari all read folders through this non-standard attribute.
  const folderProps = kind === "folder" ? { webkitdirectory: "", directory: "" } : {};
  return (
    <>
      <Button
        appearance={primary ? "primary" : "secondary"}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple={multiple}
        tabIndex={-1}
        aria-hidden="true"
        accept={accept}
        data-picker={kind}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared, so picking the same file again (after fixing it) is seen as a new pick.
          e.target.value = "";
          onFiles(files);
        }}
        {...folderProps}
      />
    </>
  );
}

function rubricLabel(r: Rubric, lang: Lang): string {
  return lang === "vi" ? r.name : (r.nameEn ?? r.name);
}

function savedLang(storage: StandaloneProps["storage"]): Lang | null {
  try {
    const v = storage?.getItem(LANG_KEY);
    return v === "vi" || v === "en" ? v : null;
  } catch {
    return null;
  }
}

function textOf(e: unknown): BiText {
  return isUserError(e) ? e.text : unexpectedText(e);
}

function both(key: Parameters<typeof s>[1], params: Record<string, string | number>): BiText {
  return { vi: s("vi", key, params), en: s("en", key, params) };
}
