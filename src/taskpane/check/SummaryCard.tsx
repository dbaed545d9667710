import { Badge, Button, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { UnitAnalysis } from "../../core/analyse";
import type { Severity } from "../../core/finding";
import { formatNumber, type Lang, t, tCount } from "../../core/i18n";
import type { RubricIdentity } from "../../excel/settings";
import { sharedStyles } from "../styles";

const useStyles = makeStyles({
  ...sharedStyles,
  card: { padding: "8px 12px", gap: "4px" },
  index: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  counts: { display: "flex", gap: "6px", flexWrap: "wrap" },
  wrap: { overflowWrap: "anywhere" },
  // A button that reads as a link: Fluent's Link keeps its yellow under forced colours on a white canvas.
  change: { minWidth: "auto", padding: "0 4px", height: "auto", textDecorationLine: "underline" },
});

export interface SummaryCardProps {
  unit: UnitAnalysis | null;
  lang: Lang;
  identity: RubricIdentity | null;
  manualColumns: boolean;
  counts: Record<Severity, number>;
  filter: Severity | "all";
  onFilter: (severity: Severity | "all") => void;
  onChangeRubric: () => void;
}

/**
 * The result first: unit, active rubric (with "đổi"), index and rating — or the evidence part while the
 * survey is missing — and the counts, which filter the list below when pressed.
 */
export function SummaryCard(props: SummaryCardProps) {
  const styles = useStyles();
  const { unit, lang, identity, counts, filter, onFilter } = props;
  const s = unit?.score;
  const f = (x: number | null) => formatNumber(x, s?.precision ?? 2, lang);
  const rating = s?.rating ? (lang === "vi" ? s.rating.label : s.rating.labelEn) : null;
  const toggle = (severity: Severity) => onFilter(filter === severity ? "all" : severity);
  return (
    <Card className={styles.card} role="region" aria-label={t(lang, "summary")} data-testid="summary-card">
      {unit && (
        <Text as="h2" weight="semibold" className={styles.wrap}>
          {t(lang, "unitName", { unit: unit.unit })}{" "}
          {unit.unitFrom === "file" && <span className={styles.muted}>{t(lang, "unitFromFile")}</span>}
        </Text>
      )}
      <Text size={200} className={styles.wrap}>
        {t(lang, "activeRubric", { name: identity?.label[lang] ?? "—" })}{" "}
        <Button
          appearance="transparent"
          size="small"
          className={styles.change}
          onClick={props.onChangeRubric}
          aria-label={`${t(lang, "changeRubric")} — ${t(lang, "changeRubricLabel")}`}
        >
          {t(lang, "changeRubric")}
        </Button>
        {props.manualColumns && (
          <>
            {" "}
            <Badge appearance="outline" color="warning">
              {t(lang, "manualColumns")}
            </Badge>
          </>
        )}
      </Text>
      {s && (
        <Text className={styles.index}>
          {s.index.final !== null
            ? t(lang, "index", { value: f(s.index.final), max: f(s.scaleMax) })
            : `${t(lang, "evidencePart", { value: f(s.indexWithoutSurvey.final), max: f(s.summary.max) })} — ${t(lang, "surveyPending")}`}
          {rating ? ` — ${t(lang, "rating", { rating })}` : ""}
        </Text>
      )}
      <div className={styles.counts}>
        <Button
          size="small"
          appearance={filter === "error" ? "primary" : "outline"}
          aria-pressed={filter === "error"}
          onClick={() => toggle("error")}
        >
          {tCount(lang, "countErrors", counts.error)}
        </Button>
        <Button
          size="small"
          appearance={filter === "warning" ? "primary" : "outline"}
          aria-pressed={filter === "warning"}
          onClick={() => toggle("warning")}
        >
          {tCount(lang, "countWarnings", counts.warning)}
        </Button>
        {counts.info > 0 && (
          <Button
            size="small"
            appearance={filter === "info" ? "primary" : "outline"}
            aria-pressed={filter === "info"}
            onClick={() => toggle("info")}
          >
            {tCount(lang, "countNotes", counts.info)}
          </Button>
        )}
      </div>
    </Card>
  );
}
