import { useEffect, useState } from "react";
import type { FindingCode } from "../../core/finding";
import type { Lang } from "../../core/i18n";

type HelpModule = typeof import("../../core/finding-help");
type Help = (lang: Lang, code: FindingCode) => string;

let loaded: HelpModule | null = null;
let loading: Promise<HelpModule> | null = null;

/**
 * Starts loading the help texts. The pane calls it beside the engine's load, after the first paint (an
 * import at module level would hold the page's load event until the chunk arrives); by the time a check
 * has a result — the engine, a read, the analysis — the texts are here.
 */
export function preloadFindingHelp(): Promise<HelpModule> {
  loading ??= import("../../core/finding-help").then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}

/** The "why / how to fix" line of each finding kind; "" for the moment it may take to load. */
export function useFindingHelp(): Help {
  const [help, setHelp] = useState<HelpModule | null>(loaded);
  useEffect(() => {
    if (help) return;
    let live = true;
    void preloadFindingHelp().then((m) => live && setHelp(m));
    return () => {
      live = false;
    };
  }, [help]);
  return help ? help.findingHelp : () => "";
}
