import { makeStyles, tokens } from "@fluentui/react-components";
import type { UnitAnalysis } from "../../core/analyse";
import { formatNumber, type Lang, t } from "../../core/i18n";
import type { NodeScore, Totals } from "../../core/score";
import { sharedStyles } from "../styles";

const useStyles = makeStyles({
  ...sharedStyles,
  // Area names are never cut: they wrap in the widest column (issue #25).
  label: { overflowWrap: "break-word", hyphens: "auto" },
  // Short headers on screen ("Tối đa", "Cuối"), never broken inside; the full words for screen readers.
  head: { textAlign: "right", padding: "2px 4px", whiteSpace: "nowrap", verticalAlign: "bottom" },
  bar: {
    height: "6px",
    backgroundColor: tokens.colorNeutralBackground4,
    borderRadius: "3px",
    minWidth: "32px",
  },
  fill: { height: "6px", backgroundColor: tokens.colorBrandBackground, borderRadius: "3px" },
  totalRow: { fontWeight: tokens.fontWeightSemibold, borderTop: `1px solid ${tokens.colorNeutralStroke1}` },
  cell: { padding: "2px 4px", verticalAlign: "top" },
  // Numbers never break inside ("72,07" stays whole); the label column takes what is left.
  fixed: {
    textAlign: "right",
    padding: "2px 4px",
    whiteSpace: "nowrap",
    verticalAlign: "top",
    overflowWrap: "normal",
  },
  note: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

/** Areas with full labels, then bonus, penalty and the total; the survey row says who scores it. */
export function AreaTable({ unit, lang }: { unit: UnitAnalysis; lang: Lang }) {
  const styles = useStyles();
  const s = unit.score;
  const f = (x: number | null) => formatNumber(x, s.precision, lang);
  const extra = (key: string, label: string, totals: Totals) =>
    totals.final === null ? null : (
      <tr key={key}>
        <td className={styles.cell}>{label}</td>
        <td className={styles.fixed} />
        <td className={styles.fixed}>{f(totals.self)}</td>
        <td className={styles.fixed}>{f(totals.final)}</td>
        <td />
      </tr>
    );
  return (
    <table className={styles.table} aria-label={t(lang, "totals")}>
      <thead>
        <tr>
          <th className={styles.cell} style={{ textAlign: "left" }}>
            {t(lang, "area")}
          </th>
          <ShortHeader short={t(lang, "max")} full={t(lang, "maxFull")} className={styles.head} />
          <ShortHeader short={t(lang, "self")} full={t(lang, "selfFull")} className={styles.head} />
          <ShortHeader short={t(lang, "finalShort")} full={t(lang, "finalFull")} className={styles.head} />
          <th className={styles.cell}>
            <span style={{ position: "absolute", left: "-10000px" }}>%</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {s.areas.map((a) => (
          <AreaRow key={a.code} area={a} lang={lang} f={f} />
        ))}
        {extra("bonus", t(lang, "bonus"), s.bonus)}
        {extra("penalty", t(lang, "penalty"), s.penalty)}
        <tr className={styles.totalRow}>
          <td className={styles.cell}>
            {t(lang, "total")}
            {s.summary.withoutSurvey ? ` (${t(lang, "surveyPending")})` : ""}
          </td>
          <td className={styles.fixed}>{f(s.summary.max)}</td>
          <td className={styles.fixed}>{f(s.summary.self)}</td>
          <td className={styles.fixed}>{f(s.summary.final)}</td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}

function AreaRow({ area: a, lang, f }: { area: NodeScore; lang: Lang; f: (x: number | null) => string }) {
  const styles = useStyles();
  const pct =
    a.scores.final === null || a.effectiveMax === 0
      ? 0
      : Math.max(0, Math.min(1, a.scores.final / a.effectiveMax));
  const percent = Math.round(pct * 100);
  return (
    <tr>
      <td className={styles.cell}>
        <span className={styles.label}>
          {a.shown}. {a.label}
        </span>
        {a.kind === "survey" && <span className={styles.note}>{t(lang, "surveyBySo")}</span>}
      </td>
      <td className={styles.fixed}>{f(a.effectiveMax)}</td>
      <td className={styles.fixed}>{f(a.scores.self)}</td>
      <td className={styles.fixed}>{f(a.scores.final)}</td>
      <td className={styles.cell}>
        <div className={styles.bar} role="img" aria-label={t(lang, "areaBar", { percent })}>
          <div className={styles.fill} style={{ width: `${percent}%` }} />
        </div>
      </td>
    </tr>
  );
}

/** A column header short on screen, with its full words as the accessible name (and on hover). */
function ShortHeader({ short, full, className }: { short: string; full: string; className: string }) {
  const styles = useStyles();
  return (
    <th className={className} title={full} abbr={full}>
      <span aria-hidden="true">{short}</span>
      <span className={styles.visuallyHidden}>{full}</span>
    </th>
  );
}
