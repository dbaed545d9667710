import { Button, Field, Select, Switch, Text, makeStyles } from "@fluentui/react-components";
import { formatNumber, type Lang, t } from "../core/i18n";
import type { RankBasis, Ranking } from "../core/rank";
import type { RankChoice } from "./check";
import { Bar } from "../taskpane/Bar";
import { resultCardStyles } from "./page-styles";
import { s } from "./strings";

/**
 * The ranking of every picked file, as the "Xếp hạng" sheet has it (rank within group, unit, score,
 * rating), with the units that could not be ranked and why; the same sheet comes as a download.
 */
const useStyles = makeStyles({
  ...resultCardStyles,
  row: { display: "flex", gap: "8px", alignItems: "end", flexWrap: "wrap" },
});

export function RankingResult({
  ranking,
  lang,
  choice,
  onChoice,
  note,
  onDownload,
  busy,
}: {
  ranking: Ranking;
  lang: Lang;
  choice: RankChoice;
  onChoice: (next: RankChoice) => void;
  /** Which rubric the ranking used, when it is not the one the files were checked against. */
  note: string | null;
  onDownload: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const ranked = ranking.groups.reduce((n, g) => n + g.units.length, 0);
  return (
    <section className={styles.card} aria-labelledby="par-ranking-title">
      <Text as="h2" size={500} weight="semibold" id="par-ranking-title">
        {s(lang, "ranking")}
      </Text>
      <div className={styles.row}>
        <Field label={t(lang, "basis")} size="small">
          <Select value={choice.by} onChange={(_, d) => onChoice({ ...choice, by: d.value as RankBasis })}>
            <option value="final">{t(lang, "basisFinal")}</option>
            <option value="appraised">{t(lang, "basisAppraised")}</option>
            <option value="self">{t(lang, "basisSelf")}</option>
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
      {note && <Text className={styles.muted}>{note}</Text>}
      {ranking.withoutSurvey && (
        // A ranking on provisional scores says so, and why its rating column is empty (issue #25).
        <Bar intent="warning" title={s(lang, "provisionalTitle")}>
          {ranking.basisNote ? `${ranking.basisNote[lang]} ` : ""}
          {s(lang, "provisionalNoRating")}
        </Bar>
      )}
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
                {u.unit}: {u.reason[lang]}
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
