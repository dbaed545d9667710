import { Text } from "@fluentui/react-components";
import type { SurveyOutcome } from "../app/survey";
import { formatNumber, type Lang, t } from "../core/i18n";
import { Bar } from "./Bar";

/**
 * What the imported survey table gave the ranking, on the pane's and the page's ranking card: the file,
 * the units matched with their score, then — never silent — the units that have no row, the rows that
 * match no unit (and a unit's second row), and the table's rows not used with why. The same lines the
 * CLI's `rank --survey` prints with "!".
 */
export function SurveySummary({
  survey,
  precision,
  lang,
}: {
  survey: SurveyOutcome;
  precision: number;
  lang: Lang;
}) {
  const matched = [...survey.match.merge.byUnit];
  const mismatches = survey.match.problems;
  const attention = mismatches.length > 0 || survey.rowProblems.length > 0;
  const body = (
    <>
      <Text>{t(lang, "surveyRead", { file: survey.file, rows: survey.rows, matched: matched.length })}</Text>
      {matched.length > 0 && (
        <details data-testid="survey-matched">
          <summary>{t(lang, "surveyMatched", { count: matched.length })}</summary>
          <ul style={{ margin: 0, paddingInlineStart: "1.2em" }}>
            {matched.map(([unit, score]) => (
              <li key={unit}>
                {unit}: {formatNumber(score, precision, lang)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <Lines testId="survey-mismatches" title={t(lang, "surveyMismatches", { count: mismatches.length })}>
        {mismatches.map((p) => p[lang])}
      </Lines>
      <Lines
        testId="survey-rows-not-used"
        title={t(lang, "surveyRowsNotUsed", { count: survey.rowProblems.length })}
      >
        {survey.rowProblems.map((p) => p[lang])}
      </Lines>
    </>
  );
  return (
    <div data-testid="survey-summary">
      {attention ? (
        <Bar intent="warning" title={t(lang, "surveyImport")}>
          {body}
        </Bar>
      ) : (
        body
      )}
    </div>
  );
}

function Lines({ testId, title, children }: { testId: string; title: string; children: string[] }) {
  if (children.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Text weight="semibold">{title}</Text>
      <ul style={{ margin: 0, paddingInlineStart: "1.2em" }}>
        {children.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines are rebuilt whole with each ranking.
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
