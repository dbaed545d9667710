import { Button, Field, Select, Switch, Text, makeStyles } from "@fluentui/react-components";
import { basisReasonFor } from "../core/basis-words";
import { formatNumber, type Lang, t } from "../core/i18n";
import { shownPart } from "../app/rank-choice";
import { unrankedLabel } from "../app/unranked";
import type { RankBasis, Ranking, RankPart } from "../core/rank";
import type { RankChoice } from "./check";
import type { SurveyOutcome } from "../app/survey";
import type { Text as Words } from "../core/finding";
import { Bar } from "../taskpane/Bar";
import { FilePicker } from "../taskpane/FilePicker";
import { SurveySummary } from "../taskpane/SurveySummary";
import { RankingFindings } from "../taskpane/RankingFindings";
import { resultCardStyles } from "./page-styles";
import { s } from "./strings";

/**
 * The ranking of every picked file, as the "Xếp hạng" sheet has it (rank within group, unit, score,
 * rating), with the units that could not be ranked and why; the same sheet comes as a download.
 */
const useStyles = makeStyles({
  ...resultCardStyles,
  row: { display: "flex", gap: "8px", alignItems: "end", flexWrap: "wrap" },
  // A choice whose longest option is wider than a phone's screen wraps inside it instead of pushing the
  // page sideways (the basis options are long sentences): the field and its select never exceed the row.
  fit: { maxWidth: "100%", minWidth: 0 },
});

export function RankingResult({
  ranking,
  lang,
  choice,
  onChoice,
  note,
  onDownload,
  busy,
  survey,
}: {
  ranking: Ranking;
  lang: Lang;
  choice: RankChoice;
  onChoice: (next: RankChoice) => void;
  /** Which rubric the ranking used, when it is not the one the files were checked against. */
  note: string | null;
  onDownload: () => void;
  busy: boolean;
  /** The card's survey import ("Nhập điểm điều tra"): the pick, what the table gave, or why it was refused. */
  survey?: SurveyImport;
}) {
  const styles = useStyles();
  const ranked = ranking.groups.reduce((n, g) => n + g.units.length, 0);
  return (
    <section className={styles.card} aria-labelledby="par-ranking-title">
      <Text as="h2" size={500} weight="semibold" id="par-ranking-title">
        {s(lang, "ranking")}
      </Text>
      <ChoiceFields lang={lang} choice={choice} onChoice={onChoice} />
      {note && <Text className={styles.muted}>{note}</Text>}
      {survey && <SurveyField survey={survey} lang={lang} precision={ranking.precision} />}
      <BasisNotice ranking={ranking} lang={lang} />
      <RankingFindings findings={ranking.findings} lang={lang} />
      <Text weight="semibold" data-testid="ranking-summary">
        {s(lang, "rankingSummary", { ranked, unranked: ranking.unranked.length })}
      </Text>
      {ranking.groups.map((g) => (
        <table key={g.id} className={styles.table}>
          <caption className={styles.cell} style={{ fontWeight: 600 }}>
            {lang === "vi" ? g.label : g.labelEn}
          </caption>
          <thead>
            <tr>
              <th className={styles.num}>{t(lang, "rank")}</th>
              <th className={styles.cell}>{t(lang, "unit")}</th>
              <th className={styles.num}>{t(lang, "score")}</th>
              <th className={styles.cell}>{s(lang, "ratingHeader")}</th>
            </tr>
          </thead>
          <tbody>
            {g.units.map((u) => (
              <tr key={`${u.unit}-${u.source}-${u.sheet ?? ""}`} data-unit={u.unit}>
                <td className={styles.num}>{u.rank}</td>
                <td className={styles.cell}>
                  {u.unit}
                  {u.errors > 0 && <span className={styles.muted}> ({s(lang, "withErrors")})</span>}
                </td>
                <td className={styles.num} data-score={u.score}>
                  {formatNumber(u.score, ranking.precision, lang)}
                </td>
                <td className={styles.cell}>
                  {u.rating ? (
                    lang === "vi" ? (
                      u.rating.label
                    ) : (
                      (u.rating.labelEn ?? u.rating.label)
                    )
                  ) : ranking.withoutSurvey ? (
                    <span className={styles.muted} title={s(lang, "provisionalNoRating")}>
                      {s(lang, "notRatedYet")}
                    </span>
                  ) : (
                    ""
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {ranking.unranked.length > 0 && (
        <div>
          <Text weight="semibold">{t(lang, "unranked")}</Text>
          <ul>
            {ranking.unranked.map((u) => (
              <li key={`${u.unit}-${u.source}`}>
                {unrankedLabel(u, lang)}
                {u.evidenceScore != null &&
                  ` (${t(lang, "unrankedEvidence", { score: formatNumber(u.evidenceScore, ranking.precision, lang) })})`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <Button appearance="primary" disabled={busy} onClick={onDownload}>
          {s(lang, "downloadRanking")}
        </Button>
      </div>
    </section>
  );
}

/**
 * Which basis the ranking used, always, in core's words (the CLI's first line, the pane's and the sheet's
 * subtitle), with the page's own hint for choosing otherwise (core/basis-words.ts: the choice on this card;
 * this card's survey import or the survey rows of each workbook). When it needs the reader's attention — a provisional ranking (self scores, the evidence part)
 * or units listed apart for want of their survey score — it is a warning, and a provisional one says why
 * its rating column is empty (issue #25).
 */
function BasisNotice({ ranking, lang }: { ranking: Ranking; lang: Lang }) {
  const styles = useStyles();
  if (!ranking.withoutSurvey && !ranking.basisNote)
    return (
      <Text className={styles.muted} data-testid="ranking-basis">
        {basisReasonFor(ranking.basisFacts, "page")[lang]}
      </Text>
    );
  return (
    <div data-testid="ranking-basis">
      <Bar
        intent="warning"
        title={s(lang, ranking.withoutSurvey ? "provisionalTitle" : "surveyMissingTitle")}
      >
        {basisReasonFor(ranking.basisFacts, "page")[lang]}
        {ranking.withoutSurvey ? ` ${s(lang, "provisionalNoRating")}` : ""}
      </Bar>
    </div>
  );
}

/** What the page's survey import needs of its state (use-ranking.ts). */
export interface SurveyImport {
  pick: (file: File | null) => void;
  outcome: SurveyOutcome | null;
  problem: Words | null;
  reading: boolean;
}

/**
 * "Nhập điểm điều tra": the province's table, read on this computer with the CLI's limits; the ranking
 * above is rebuilt with its scores. A refused file is said naming it (the ranking stays without it).
 */
function SurveyField({ survey, lang, precision }: { survey: SurveyImport; lang: Lang; precision: number }) {
  return (
    <div data-testid="survey-import">
      <FilePicker
        label={`${t(lang, "surveyImport")} (${t(lang, "surveyImportHint")})`}
        lang={lang}
        accept=".xlsx,.csv"
        onFiles={(f) => survey.pick(f[0] ?? null)}
      />
      {survey.reading && <Text size={200}>{t(lang, "surveyReading")}</Text>}
      {survey.problem && (
        <div data-testid="survey-problem">
          <Bar intent="error">{survey.problem[lang]}</Bar>
        </div>
      )}
      {survey.outcome && <SurveySummary survey={survey.outcome} precision={precision} lang={lang} />}
    </div>
  );
}

/** How the ranking is built: the score column, the part of it (as the pane offers), the groups, dense ranks. */
function ChoiceFields({
  lang,
  choice,
  onChoice,
}: {
  lang: Lang;
  choice: RankChoice;
  onChoice: (next: RankChoice) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field label={t(lang, "basis")} size="small">
        <Select value={choice.by} onChange={(_, d) => onChoice({ ...choice, by: d.value as RankBasis })}>
          <option value="final">{t(lang, "basisFinal")}</option>
          <option value="appraised">{t(lang, "basisAppraised")}</option>
          <option value="self">{t(lang, "basisSelf")}</option>
        </Select>
      </Field>
      <Field label={t(lang, "rankPart")} size="small" className={styles.fit}>
        <Select
          className={styles.fit}
          select={{ className: styles.fit }}
          value={shownPart(choice.by, choice.part)}
          disabled={choice.by === "self"}
          onChange={(_, d) => onChoice({ ...choice, part: d.value as RankPart })}
        >
          <option value="index">{t(lang, "rankPartIndex")}</option>
          <option value="evidence">{t(lang, "rankPartEvidence")}</option>
        </Select>
      </Field>
      <Field label={t(lang, "groupRule")} size="small">
        <Select value={choice.groupBy} onChange={(_, d) => onChoice({ ...choice, groupBy: d.value })}>
          <option value="rubric">{t(lang, "groupRubric")}</option>
          <option value="none">{t(lang, "groupNone")}</option>
        </Select>
      </Field>
      <Switch
        label={t(lang, "dense")}
        checked={choice.dense}
        onChange={(_, d) => onChoice({ ...choice, dense: d.checked })}
      />
    </div>
  );
}
