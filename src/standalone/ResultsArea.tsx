import { Button, Text } from "@fluentui/react-components";
import type { Lang } from "../core/i18n";
import type { Rubric } from "../core/rubric/schema";
import type { CheckedFile } from "./check";
import { FileResult } from "./FileResult";
import { usePageStyles } from "./page-styles";
import { RankingResult } from "./RankingResult";
import { rubricLabel } from "./RubricSection";
import { s } from "./strings";
import type { Downloads } from "./use-downloads";
import type { RankingState } from "./use-ranking";

/**
 * What the checked files gave: the ranking (two files or more), the downloads for all files at once,
 * then each file's result with its own downloads.
 */
export function ResultsArea({
  lang,
  results,
  rubric,
  rubricName,
  ranking: { ranking, rankingRubric, rankChoice, setRankChoice, choiceProblem, survey },
  downloads: { writing, downloadFiles, downloadRanking },
}: {
  lang: Lang;
  results: CheckedFile[];
  /** The rubric chosen; null when files are checked against their own structure. */
  rubric: Rubric | null;
  rubricName: string;
  ranking: RankingState;
  downloads: Downloads;
}) {
  const styles = usePageStyles();
  return (
    <>
      {ranking && rankingRubric && (
        <RankingResult
          ranking={ranking}
          lang={lang}
          choice={rankChoice}
          onChoice={setRankChoice}
          // Without a chosen rubric the ranking still needs one: say which it used. A saved ranking choice
          // that could not be used is said here too, where the choice is.
          note={
            [
              rubric ? null : s(lang, "rankingRubricDefault", { name: rubricLabel(rankingRubric, lang) }),
              choiceProblem?.[lang] ?? null,
            ]
              .filter((n) => n !== null)
              .join(" ") || null
          }
          onDownload={() => downloadRanking(ranking, rankingRubric)}
          busy={writing}
          survey={survey}
        />
      )}
      {results.length > 1 && (
        <div className={styles.row}>
          <Button disabled={writing} onClick={() => downloadFiles("report", results)}>
            {s(lang, "downloadAllReport")}
          </Button>
          <Button disabled={writing} onClick={() => downloadFiles("csv", results)}>
            {s(lang, "downloadAllCsv")}
          </Button>
        </div>
      )}
      {results.length > 0 && (
        <Text as="h2" size={500} weight="semibold">
          {s(lang, "results")}
        </Text>
      )}
      {results.map((r, i) => (
        <FileResult
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole on each pick, and two files of one name can come from two folders.
          key={`${i}-${r.file}`}
          result={r}
          lang={lang}
          rubricName={rubricName}
          onDownload={downloadFiles}
          busy={writing}
        />
      ))}
    </>
  );
}
