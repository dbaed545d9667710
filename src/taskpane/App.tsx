import {
  Button,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState } from "react";
import { type Lang, t } from "../core/i18n";
import type { ExcelService } from "../excel/service";
import { CheckView } from "./CheckView";

// The ranking and settings tabs load when first opened: the pane's first paint is the Check tab.
const RankView = lazy(() => import("./RankView").then((m) => ({ default: m.RankView })));
const SettingsView = lazy(() => import("./SettingsView").then((m) => ({ default: m.SettingsView })));
// The appraisal round (issue #16): picked files only, loaded when first opened.
const IntakeView = lazy(() => import("./IntakeView").then((m) => ({ default: m.IntakeView })));
const DiffView = lazy(() => import("./DiffView").then((m) => ({ default: m.DiffView })));
import { useParIndex } from "./useParIndex";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px 12px",
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

type TabId = "check" | "ranking" | "intake" | "diff" | "settings";

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
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadService().then(
      (s) => live && setService(s),
      (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)),
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
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
        <Tab value="check">{t(lang, "tabCheck")}</Tab>
        <Tab value="ranking">{t(lang, "tabRanking")}</Tab>
        <Tab value="intake">{lang === "vi" ? "Tiếp nhận" : "Intake"}</Tab>
        <Tab value="diff">{lang === "vi" ? "So sánh" : "Compare"}</Tab>
        <Tab value="settings">{t(lang, "tabSettings")}</Tab>
      </TabList>
      {loadError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(lang, "unexpected", { message: loadError })}</MessageBarBody>
        </MessageBar>
      )}
      {state.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{state.error[lang]}</MessageBarBody>
          <Button size="small" appearance="transparent" onClick={state.clearError}>
            {t(lang, "dismiss")}
          </Button>
        </MessageBar>
      )}
      {tab === "check" && <CheckView state={state} />}
      <Suspense fallback={null}>
        {tab === "ranking" && <RankView state={state} />}
        {tab === "intake" && <IntakeView state={state} />}
        {tab === "diff" && <DiffView state={state} />}
        {tab === "settings" && <SettingsView state={state} />}
      </Suspense>
    </main>
  );
}
