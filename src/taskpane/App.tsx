import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState } from "react";
import { toText } from "../core/errors";
import { type Lang, t, tCount } from "../core/i18n";
import type { ExcelService } from "../excel/service";
import { CheckView } from "./CheckView";
import { preloadFindingHelp } from "./check/useFindingHelp";
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
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
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

type TabId = "check" | "ranking" | "intake" | "diff" | "settings";
const TABS: TabId[] = ["check", "ranking", "intake", "diff", "settings"];
const TAB_LABEL = {
  check: "tabCheck",
  ranking: "tabRanking",
  intake: "tabIntake",
  diff: "tabDiff",
  settings: "tabSettings",
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
  const { lang } = state;
  return (
    <main className={styles.root} lang={lang}>
      <header className={styles.header}>
        <Text as="h1" className={styles.title}>
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
      </header>
      <Announcer state={state} className={styles.visuallyHidden} />
      <Tabs
        label={t(lang, "tabs")}
        tabs={TABS.map((id) => ({ id, label: t(lang, TAB_LABEL[id]) }))}
        selected={tab}
        onSelect={setTab}
      />
      {!state.ready && !loadError && <Spinner size="tiny" label={t(lang, "loading")} />}
      {loadError !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{loadErrorText(loadError, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {state.notice && <RibbonNotice state={state} />}
      {state.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{state.error[lang]}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={state.clearError}>
              {t(lang, "dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "check" && <CheckView state={state} onChangeRubric={() => setTab("settings")} />}
        <Suspense fallback={<Spinner size="tiny" label={t(lang, "loading")} />}>
          {tab === "ranking" && <RankView state={state} />}
          {tab === "intake" && <IntakeView state={state} service={service} />}
          {tab === "diff" && <DiffView state={state} service={service} />}
          {tab === "settings" && <SettingsView state={state} />}
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
      }) + (checks % 2 ? "" : "\u00a0");
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
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {t(lang, "ribbonNotice", { time })} {notice.text[lang]}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={state.clearNotice}>
          {t(lang, "dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function loadErrorText(error: unknown, lang: Lang): string {
  return toText(error, lang);
}
