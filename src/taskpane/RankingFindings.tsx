import { Text } from "@fluentui/react-components";
import type { Finding } from "../core/finding";
import { type Lang, t } from "../core/i18n";
import { Bar } from "./Bar";

/**
 * What the ranking itself found about the inputs as a whole — today the same unit sent twice
 * (`duplicate-unit`: which copy counts, or that none does) — in core's words, the lines the CLI's `rank`
 * prints with "!" and the ranking sheet lists under "Cần xem lại". Shown on the pane's and the page's
 * ranking card alike, so the dropped copy in "not ranked" never stands there unexplained.
 */
export function RankingFindings({ findings, lang }: { findings: readonly Finding[]; lang: Lang }) {
  if (findings.length === 0) return null;
  const intent = findings.some((f) => f.severity === "error") ? "error" : "warning";
  return (
    <div data-testid="ranking-findings">
      <Bar intent={intent} title={t(lang, "rankingReview", { count: findings.length })}>
        {findings.length === 1 ? (
          <Text data-code={findings[0].code}>{findings[0].message[lang]}</Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: "1.2em" }}>
            {findings.map((f) => (
              // One finding per unit: its message (which names the unit and its files) is unique.
              <li key={`${f.code}-${f.message.en}`} data-code={f.code}>
                {f.message[lang]}
              </li>
            ))}
          </ul>
        )}
      </Bar>
    </div>
  );
}
