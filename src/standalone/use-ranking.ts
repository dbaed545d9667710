import { useMemo, useState } from "react";
import type { Rubric } from "../core/rubric/schema";
import type { CheckedFile, RankChoice } from "./check";
import type { Engine } from "./use-engine";
import type { Progress } from "./use-file-checks";

/**
 * The ranking of the checked files and how it is ranked. It needs two files or more and a finished
 * run; files checked against their own structure are ranked by the engine's ranking rubric.
 */
export function useRanking(
  engine: Engine | null,
  rubric: Rubric | null,
  results: CheckedFile[],
  progress: Progress | null,
) {
  const [rankChoice, setRankChoice] = useState<RankChoice>({
    by: "final",
    part: "index",
    groupBy: "rubric",
    dense: false,
  });
  const rankingRubric = useMemo(() => (engine ? engine.rankingRubric(rubric) : null), [engine, rubric]);
  const ranking = useMemo(
    () =>
      engine && rankingRubric && results.length >= 2 && progress === null
        ? engine.rankFiles(results, rankingRubric, rankChoice)
        : null,
    [engine, rankingRubric, results, rankChoice, progress],
  );
  return { ranking, rankingRubric, rankChoice, setRankChoice };
}

export type RankingState = ReturnType<typeof useRanking>;
