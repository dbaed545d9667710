import { Text } from "@fluentui/react-components";
import { useMemo } from "react";
import type { Lang } from "../core/i18n";
import type { Rubric } from "../core/rubric/schema";
import { DropZone } from "./DropZone";
import { useMessages } from "./messages";
import { PageIntro } from "./PageIntro";
import { usePageStyles } from "./page-styles";
import { ResultsArea } from "./ResultsArea";
import { RubricSection, rubricInUseName } from "./RubricSection";
import { StatusArea } from "./StatusArea";
import { s } from "./strings";
import { useDownloads } from "./use-downloads";
import { type Engine, useEngine } from "./use-engine";
import { useFileChecks } from "./use-file-checks";
import { useOfflineReady, useLang } from "./use-page";
import { useRanking } from "./use-ranking";

export type { Engine } from "./use-engine";
export { MAX_FILES } from "./use-file-checks";
export { LANG_KEY } from "./use-page";

export interface StandaloneProps {
  /** "site": the standalone page; "taskpane": the add-in's page opened outside Excel. */
  context: "site" | "taskpane";
  initialLang: Lang;
  /** Where the rubric choice, the ranking choice and the language are remembered (localStorage; null when unavailable). */
  storage: Pick<Storage, "getItem" | "setItem"> | null;
  /** Resolves true once the service worker holds the site for offline use. */
  offline?: Promise<boolean>;
  loadEngine?: () => Promise<Engine>;
}

/**
 * The checker for everyone whose Office cannot run the add-in (Excel 2016, WPS, LibreOffice): pick or
 * drop units' workbooks, see per file what the pane shows for a workbook, rank several, download the
 * report, "Kết quả", the findings and the ranking. Files are read in this tab and nothing is uploaded.
 * Nothing of the engine is in the first bundle: it arrives through `loadEngine` after the first paint.
 */
export function StandaloneApp(props: StandaloneProps) {
  const styles = usePageStyles();
  const { storage } = props;
  // Effects run in call order: the engine's import starts first, the checks come after what they read.
  const messages = useMessages();
  const { engine, choice, choose } = useEngine(props.loadEngine, storage, messages);
  const offline = useOfflineReady(props.offline);
  const [lang, setLang] = useLang(storage, props.initialLang);
  const rubric: Rubric | null = useMemo(
    () => (engine && choice ? engine.rubricOf(choice) : null),
    [engine, choice],
  );
  const { files, results, progress, pick } = useFileChecks(engine, choice, messages);
  const ranking = useRanking(engine, rubric, results, progress, storage);
  const downloads = useDownloads(engine, lang, messages.fail);
  const rubricName = rubricInUseName(rubric, choice, lang);

  return (
    <main className={styles.page} lang={lang}>
      <PageIntro lang={lang} onLang={setLang} context={props.context} offline={offline} />
      <RubricSection
        lang={lang}
        engine={engine}
        choice={choice}
        rubricName={rubricName}
        onChoose={choose}
        onError={messages.fail}
        clearError={messages.clearError}
      />
      <DropZone lang={lang} disabled={!engine} canClear={files.length > 0} onFiles={pick} />
      <StatusArea
        lang={lang}
        loaded={engine !== null}
        progress={progress}
        results={results}
        error={messages.error}
        onDismiss={messages.clearError}
        notices={messages.notices}
      />
      {engine && files.length === 0 && <Text className={styles.muted}>{s(lang, "firstRun")}</Text>}
      <ResultsArea
        lang={lang}
        results={results}
        rubric={rubric}
        rubricName={rubricName}
        ranking={ranking}
        downloads={downloads}
      />
    </main>
  );
}
