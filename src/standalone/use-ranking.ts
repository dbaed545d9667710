import { useCallback, useMemo, useState } from "react";
import type { Text } from "../core/finding";
import type { Rubric } from "../core/rubric/schema";
import type { CheckedFile, RankChoice } from "./check";
import { rememberRankChoice, restoreRankChoice } from "./rank-choice-store";
import type { KeyValueStore } from "./rubric-choice";
import type { Engine } from "./use-engine";
import type { Progress } from "./use-file-checks";

/**
 * The ranking of the checked files and how it is ranked. It needs two files or more and a finished
 * run; files checked against their own structure are ranked by the engine's ranking rubric. The choice
 * is remembered in the browser (rank-choice-store.ts), as the rubric and the language are.
 */
export function useRanking(
  engine: Engine | null,
  rubric: Rubric | null,
  results: CheckedFile[],
  progress: Progress | null,
  storage: KeyValueStore | null = null,
) {
  const [restored] = useState(() => restoreRankChoice(storage));
  const [rankChoice, setChoiceState] = useState<RankChoice>(restored.choice);
  // Saved data that could not be used is said on the ranking card (a page notice is gone at the first
  // pick, before any ranking shows), until the user chooses again.
  const [choiceProblem, setChoiceProblem] = useState<Text | null>(restored.problem);
  const setRankChoice = useCallback(
    (next: RankChoice) => {
      setChoiceState(next);
      setChoiceProblem(null);
      rememberRankChoice(storage, next);
    },
    [storage],
  );
  const rankingRubric = useMemo(() => (engine ? engine.rankingRubric(rubric) : null), [engine, rubric]);
  const ranking = useMemo(
    () =>
      engine && rankingRubric && results.length >= 2 && progress === null
        ? engine.rankFiles(results, rankingRubric, rankChoice)
        : null,
    [engine, rankingRubric, results, rankChoice, progress],
  );
  return { ranking, rankingRubric, rankChoice, setRankChoice, choiceProblem };
}

export type RankingState = ReturnType<typeof useRanking>;
