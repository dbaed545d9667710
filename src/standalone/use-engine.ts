import { useEffect, useState } from "react";
import type { KeyValueStore, RubricChoice } from "./rubric-choice";
import type { Messages } from "./messages";

/** Nothing of the engine is in the page's first bundle: it arrives through `loadEngine` after the first paint. */
export type Engine = typeof import("./engine");

const defaultLoadEngine = () => import("./engine");

/**
 * The engine, and the rubric choice that needs it. The choice remembered last time is restored in the
 * same update that brings the engine (so no render has an engine without a choice; a choice that could
 * not be restored is a notice), and `choose` remembers every new one (a refusal to store is a notice).
 */
export function useEngine(
  loadEngine: (() => Promise<Engine>) | undefined,
  storage: KeyValueStore | null,
  { addNotice, fail }: Pick<Messages, "addNotice" | "fail">,
) {
  const [engine, setEngine] = useState<Engine | null>(null);
  const [choice, setChoice] = useState<RubricChoice | null>(null);

  useEffect(() => {
    let live = true;
    (loadEngine ?? defaultLoadEngine)().then(
      (e) => {
        if (!live) return;
        const restored = e.restoreChoice(storage);
        setEngine(e);
        setChoice(restored.choice);
        if (restored.problem) addNotice(restored.problem);
      },
      (e) => live && fail(e),
    );
    return () => {
      live = false;
    };
  }, [loadEngine, storage, addNotice, fail]);

  const choose = (next: RubricChoice) => {
    setChoice(next);
    const refused = engine?.rememberChoice(storage, next);
    if (refused) addNotice(refused);
  };

  return { engine, choice, choose };
}
