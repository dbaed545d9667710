import { Badge, Button, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { forwardRef, type ReactNode } from "react";
import type { UnitAnalysis } from "../../core/analyse";
import type { Severity } from "../../core/finding";
import { formatNumber, type Lang, t, tCount } from "../../core/i18n";
import type { RubricIdentity } from "../../excel/settings";
import { sharedStyles } from "../styles";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  ...sharedStyles,
  card: { padding: "6px 10px", gap: "4px" },
  // One line "unit · 84,85/100 · Tốt": the unit may wrap (a long name), the numbers never break inside.
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
    overflowWrap: "anywhere",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  nowrap: { whiteSpace: "nowrap" },
  // The rubric on one line: cut with "…" on screen, the whole name in the DOM (screen readers) and on hover.
  rubric: { display: "flex", alignItems: "baseline", gap: "4px", minWidth: 0 },
  rubricName: {
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    minWidth: 0,
    flexShrink: 1,
  },
  counts: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  chip: { minWidth: "auto", gap: "4px" },
  // A zero count is a plain mark, not a button: there is nothing to filter to.
  zero: {
    display: "inline-flex",
    alignItems: "center",
    gap: "4px",
    padding: "0 6px",
    fontSize: tokens.fontSizeBase200,
  },
  end: { marginLeft: "auto" },
  // A button that reads as a link: Fluent's Link keeps its yellow under forced colours on a white canvas.
  change: {
    minWidth: "auto",
    padding: "0 4px",
    height: "auto",
    textDecorationLine: "underline",
    flexShrink: 0,
  },
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
  /** Placed at the end of the counts' row (the "Ghi vào sổ ▾" menu), so the card stays three lines. */
  actions?: ReactNode;
}

const COUNT_KEY = { error: "countErrors", warning: "countWarnings", info: "countNotes" } as const;

/**
 * The result first, in three lines: "unit · index/100 · rating" (or the evidence part while the survey
 * is missing), the active rubric with "đổi", and the counts as chips that filter the list below. The
 * heading takes the focus after a check (ref), so the next Tab stops are the result's own controls.
 */
export const SummaryCard = forwardRef<HTMLHeadingElement, SummaryCardProps>(function SummaryCard(props, ref) {
  const styles = useStyles();
  const { unit, lang, identity, counts, filter, onFilter } = props;
  const s = unit?.score;
  const f = (x: number | null) => formatNumber(x, s?.precision ?? 2, lang);
  const rating = s?.rating ? (lang === "vi" ? s.rating.label : s.rating.labelEn) : null;
  const toggle = (severity: Severity) => onFilter(filter === severity ? "all" : severity);
  const rubricName = identity?.label[lang] ?? "—";
  const sep = <span aria-hidden="true"> · </span>;
  return (
    <Card className={styles.card} role="region" aria-label={t(lang, "summary")} data-testid="summary-card">
      <h2 ref={ref} tabIndex={-1} className={styles.heading}>
        {unit && (
          <>
            <span className={styles.visuallyHidden}>{t(lang, "unitLabel")}</span>
            {unit.unit}
            {unit.unitFrom === "file" && <span className={styles.muted}> {t(lang, "unitFromFile")}</span>}
          </>
        )}
        {s && (
          <>
            {unit && sep}
            {s.index.final !== null ? (
              <span className={styles.nowrap}>
                <span className={styles.visuallyHidden}>{t(lang, "indexLabel")}</span>
                {f(s.index.final)}/{f(s.scaleMax)}
              </span>
            ) : (
              <span>
                {t(lang, "evidencePart", { value: f(s.indexWithoutSurvey.final), max: f(s.summary.max) })} (
                {t(lang, "surveyPending")})
              </span>
            )}
            {rating && (
              <>
                {sep}
                <span className={styles.nowrap}>
                  <span className={styles.visuallyHidden}>{t(lang, "ratingLabel")}</span>
                  {rating}
                </span>
              </>
            )}
          </>
        )}
      </h2>
      <Text size={200} className={styles.rubric}>
        <span className={styles.rubricName} title={rubricName}>
          {t(lang, "activeRubric", { name: rubricName })}
        </span>
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
          <Badge appearance="outline" color="warning" className={styles.nowrap}>
            {t(lang, "manualColumns")}
          </Badge>
        )}
      </Text>
      <div className={styles.counts}>
        {(["error", "warning", "info"] as const).map((severity) =>
          counts[severity] > 0 ? (
            <Button
              key={severity}
              size="small"
              className={styles.chip}
              icon={<SeverityIcon severity={severity} />}
              appearance={filter === severity ? "primary" : "outline"}
              aria-pressed={filter === severity}
              onClick={() => toggle(severity)}
            >
              {tCount(lang, COUNT_KEY[severity], counts[severity])}
            </Button>
          ) : severity === "info" ? null : (
            <span key={severity} className={styles.zero}>
              <SeverityIcon severity={severity} />
              {tCount(lang, COUNT_KEY[severity], 0)}
            </span>
          ),
        )}
        {props.actions && <span className={styles.end}>{props.actions}</span>}
      </div>
    </Card>
  );
});
