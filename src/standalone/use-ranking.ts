import { useCallback, useEffect, useMemo, useState } from "react";
import type { SurveyFile } from "../app/survey-file";
import { failureOf } from "../app/failure";
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
  const survey = useSurveyImport(engine, rankingRubric);
  const rows = survey.read?.table.rows ?? null;
  const ranking = useMemo(
    () =>
      engine && rankingRubric && results.length >= 2 && progress === null
        ? engine.rankFiles(results, rankingRubric, rankChoice, rows)
        : null,
    [engine, rankingRubric, results, rankChoice, progress, rows],
  );
  const surveyOutcome = useMemo(
    () => (engine && ranking && survey.read ? engine.surveyOfFiles(results, survey.read) : null),
    [engine, ranking, results, survey.read],
  );
  return {
    ranking,
    rankingRubric,
    rankChoice,
    setRankChoice,
    choiceProblem,
    survey: { ...survey, outcome: surveyOutcome },
  };
}

/**
 * The ranking card's "Nhập điểm điều tra": the picked table read as `rank --survey` reads it (the CLI's
 * limits, the survey range of the ranking's rubric — read again if the rubric changes); a refused file
 * is kept as its reason (naming the file) and the ranking goes on without survey scores.
 */
function useSurveyImport(engine: Engine | null, rubric: Rubric | null) {
  const [picked, setPicked] = useState<File | null>(null);
  const [read, setRead] = useState<SurveyFile | null>(null);
  const [problem, setProblem] = useState<Text | null>(null);
  const [reading, setReading] = useState(false);
  useEffect(() => {
    setRead(null);
    setProblem(null);
    if (!engine || !rubric || !picked) return;
    let current = true;
    setReading(true);
    engine
      .readSurvey(picked, rubric)
      .then((r) => current && setRead(r))
      .catch((e: unknown) => current && setProblem(failureOf(e, picked.name).message))
      .finally(() => current && setReading(false));
    return () => {
      current = false;
    };
  }, [engine, rubric, picked]);
  return { pick: setPicked, picked: picked?.name ?? null, read, problem, reading };
}

export type RankingState = ReturnType<typeof useRanking>;
