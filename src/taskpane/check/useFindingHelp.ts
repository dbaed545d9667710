import { useEffect, useState } from "react";
import type { FindingCode } from "../../core/finding";
import type { Lang } from "../../core/i18n";

type HelpModule = typeof import("../../core/finding-help");
type Help = (lang: Lang, code: FindingCode) => string;

// Asked for when the findings list is first imported, i.e. right after the first paint; by the time a
// check has a result (the engine's own load, a read, the analysis) it is long here.
let loaded: HelpModule | null = null;
const loading: Promise<HelpModule> = import("../../core/finding-help").then((m) => {
  loaded = m;
  return m;
});

/** The "why / how to fix" line of each finding kind; "" for the moment it takes to load. */
export function useFindingHelp(): Help {
  const [help, setHelp] = useState<HelpModule | null>(loaded);
  useEffect(() => {
    if (help) return;
    let live = true;
    void loading.then((m) => live && setHelp(m));
    return () => {
      live = false;
    };
  }, [help]);
  return help ? help.findingHelp : () => "";
}
