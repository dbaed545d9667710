import { Button, Text } from "@fluentui/react-components";
import { Bar } from "../taskpane/Bar";
import { type Lang, t } from "../core/i18n";
import { usePageStyles } from "./page-styles";
import { s } from "./strings";

/**
 * The top of the page: title, what the page is for, the language switch, why the add-in's page shows
 * this checker (when it does), that nothing is uploaded, and whether the page now works offline.
 */
export function PageIntro({
  lang,
  onLang,
  context,
  offline,
}: {
  lang: Lang;
  onLang: (next: Lang) => void;
  context: "site" | "taskpane";
  offline: boolean;
}) {
  const styles = usePageStyles();
  const other: Lang = lang === "vi" ? "en" : "vi";
  return (
    <>
      <div className={styles.header}>
        <div>
          <Text as="h1" size={700} weight="semibold" block>
            {s(lang, "title")}
          </Text>
          <Text block>{s(lang, "intro")}</Text>
        </div>
        {/* Its text is in the language it switches to, and `lang` says so to screen readers. */}
        <Button
          appearance="subtle"
          aria-label={t(lang, "switchLanguageLabel")}
          lang={other}
          onClick={() => onLang(other)}
        >
          {t(lang, "switchLanguage")}
        </Button>
      </div>
      {context === "taskpane" && <Bar intent="info">{s(lang, "fromTaskpane")}</Bar>}
      <Bar intent="info">
        <strong>{s(lang, "privacy")}</strong> {s(lang, "addinHint")}
      </Bar>
      {offline && <Text className={styles.muted}>{s(lang, "offlineReady")}</Text>}
    </>
  );
}
