import { Button, Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Bar } from "./Bar";
import { lazy, Suspense, useEffect, useState } from "react";
import { toText } from "../core/errors";
import { type Lang, t, tCount } from "../core/i18n";
import type { ExcelService } from "../excel/service";
import { CheckView } from "./CheckView";
import { preloadFindingHelp } from "./check/useFindingHelp";
import { changesText } from "./state/check";
import { Tabs } from "./Tabs";
import { type ParIndexState, useParIndex } from "./useParIndex";

// The ranking and settings tabs load when first opened: the pane's first paint is the Check tab.
const RankView = lazy(() => import("./RankView").then((m) => ({ default: m.RankView })));
const SettingsView = lazy(() => import("./SettingsView").then((m) => ({ default: m.SettingsView })));
// The appraisal round (issue #16): picked files and the open workbook, loaded when first opened.
const IntakeView = lazy(() => import("./IntakeView").then((m) => ({ default: m.IntakeView })));
const DiffView = lazy(() => import("./DiffView").then((m) => ({ default: m.DiffView })));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px 12px",
    minHeight: "100vh",
    boxSizing: "border-box",
    maxWidth: "100%",
    overflowWrap: "anywhere",
  },
  header: { display: "flex", alignItems: "center", gap: "4px" },
  headerTitle: { flexGrow: 1, minWidth: 0 },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

type TabId = "check" | "ranking" | "intake" | "diff";
// Four tabs fit one row at 320 px; Settings is the header's gear button (issue #25).
const TABS: TabId[] = ["check", "ranking", "intake", "diff"];
const TAB_LABEL = {
  check: "tabCheck",
  ranking: "tabRanking",
  intake: "tabIntake",
  diff: "tabDiff",
} as const;

/** `loadService` brings in the engine after the first paint (core, rubrics and Office calls are the bulk of the code). */
export function App({
  loadService,
  initialLang,
}: {
  loadService: () => Promise<ExcelService>;
  initialLang: Lang;
}) {
  const styles = useStyles();
  const [service, setService] = useState<ExcelService | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    void preloadFindingHelp();
    loadService().then(
      (s) => live && setService(s),
      (e: unknown) => live && setLoadError(e ?? new Error("load failed")),
    );
    return () => {
      live = false;
    };
  }, [loadService]);
  const state = useParIndex(service, initialLang);
  const [tab, setTab] = useState<TabId>("check");
  // Settings opens over the tabs' panel from the header; choosing a tab closes it.
  const [settingsOpen, setSettingsOpen] = useState(false);
  const selectTab = (id: TabId) => {
    setSettingsOpen(false);
    setTab(id);
  };
  const { lang } = state;
  return (
    <main className={styles.root} lang={lang}>
      <header className={styles.header}>
        <Text as="h1" className={mergeClasses(styles.title, styles.headerTitle)}>
          {t(lang, "appTitle")}
        </Text>
        <Button
          size="small"
          appearance="subtle"
          aria-label={t(lang, "switchLanguageLabel")}
          onClick={() => state.setLang(lang === "vi" ? "en" : "vi")}
        >
          {t(lang, "switchLanguage")}
        </Button>
        <Button
          size="small"
          appearance={settingsOpen ? "primary" : "subtle"}
          icon={<GearIcon />}
          aria-label={t(lang, "settingsButton")}
          title={t(lang, "settingsButton")}
          aria-pressed={settingsOpen}
          onClick={() => setSettingsOpen(!settingsOpen)}
        />
      </header>
      <Announcer state={state} className={styles.visuallyHidden} />
      <Tabs
        label={t(lang, "tabs")}
        tabs={TABS.map((id) => ({ id, label: t(lang, TAB_LABEL[id]) }))}
        selected={tab}
        onSelect={selectTab}
        quiet={settingsOpen}
      />
      {!state.ready && !loadError && <Spinner size="tiny" label={t(lang, "loading")} />}
      {loadError !== null && (
        <Bar intent="error" role="alert">
          {loadErrorText(loadError, lang)}
        </Bar>
      )}
      {state.notice && <RibbonNotice state={state} />}
      {state.error && (
        <Bar
          intent="error"
          role="alert"
          actions={
            <Button size="small" onClick={state.clearError}>
              {t(lang, "dismiss")}
            </Button>
          }
        >
          {state.error[lang]}
        </Bar>
      )}
      {settingsOpen && (
        <section aria-label={t(lang, "settingsButton")}>
          <Suspense fallback={<Spinner size="tiny" label={t(lang, "loading")} />}>
            <SettingsView state={state} />
          </Suspense>
        </section>
      )}
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} hidden={settingsOpen}>
        {tab === "check" && <CheckView state={state} onChangeRubric={() => setSettingsOpen(true)} />}
        <Suspense fallback={<Spinner size="tiny" label={t(lang, "loading")} />}>
          {tab === "ranking" && <RankView state={state} />}
          {tab === "intake" && <IntakeView state={state} service={service} />}
          {tab === "diff" && <DiffView state={state} service={service} />}
        </Suspense>
      </div>
    </main>
  );
}

/**
 * One polite live region, present from the first paint (a region inserted already filled is not read
 * out): "Đang kiểm tra…" while a check runs, then "Xong: 2 lỗi, 8 cảnh báo" — alternating a trailing
 * no-break space so the same counts after a re-check are announced again.
 */
function Announcer({ state, className }: { state: ParIndexState; className: string }) {
  const { lang, busy, validation, checks } = state;
  let text = "";
  if (busy === "check") text = t(lang, "announceChecking");
  else if (validation && checks > 0) {
    const c = validation.counts;
    text =
      t(lang, "announceDone", {
        errors: tCount(lang, "countErrors", c.error),
        warnings: tCount(lang, "countWarnings", c.warning),
      }) +
      // A re-check also says what it changed: "1 lỗi mới, 1 lỗi đã sửa".
      (state.changes ? ` — ${changesText(lang, state.changes)}` : "") +
      (checks % 2 ? "" : "\u00a0");
  }
  return (
    <div role="status" aria-live="polite" className={className}>
      {text}
    </div>
  );
}

function RibbonNotice({ state }: { state: ParIndexState }) {
  const { notice, lang } = state;
  if (!notice) return null;
  const time = new Date(notice.at).toLocaleTimeString(lang === "vi" ? "vi-VN" : "en-US");
  const intent = notice.kind === "error" ? "error" : notice.kind === "warning" ? "warning" : "success";
  return (
    <Bar
      intent={intent}
      layout="multiline"
      actions={
        <Button size="small" onClick={state.clearNotice}>
          {t(lang, "dismiss")}
        </Button>
      }
    >
      {t(lang, "ribbonNotice", { time })} {notice.text[lang]}
    </Bar>
  );
}

function loadErrorText(error: unknown, lang: Lang): string {
  return toText(error, lang);
}

/** The settings button's gear, drawn here (no icon package for one glyph); its name is on the button. */
function GearIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 20 20"
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
      fillRule="evenodd"
    >
      <path
        d="M11.2 1.5l.4 2.2c.6.2 1.1.5 1.6.9l2.1-.8 1.2 2.1-1.7 1.4c.1.6.1 1.2 0 1.8l1.7 1.4-1.2 2.1-2.1-.8c-.5.4-1 .7-1.6.9l-.4 2.2H8.8l-.4-2.2c-.6-.2-1.1-.5-1.6-.9l-2.1.8-1.2-2.1 1.7-1.4c-.1-.6-.1-1.2 0-1.8L3.5 5.9l1.2-2.1 2.1.8c.5-.4 1-.7 1.6-.9l.4-2.2h2.4zM10 7.2a2.8 2.8 0 100 5.6 2.8 2.8 0 000-5.6z"
        transform="translate(0 1)"
      />
    </svg>
  );
}
