/** The page's own state, apart from checking: its language, and whether it works offline. */
import { useEffect, useState } from "react";
import type { Lang } from "../core/i18n";
import type { KeyValueStore } from "./rubric-choice";
import { s } from "./strings";

export const LANG_KEY = "par-index.standalone.lang";

/**
 * The page's language: the one remembered last time, else `initialLang`; every switch is remembered
 * (where storage allows) and given to the document, so its title and `lang` follow.
 */
export function useLang(storage: KeyValueStore | null, initialLang: Lang): [Lang, (next: Lang) => void] {
  const [lang, setLangState] = useState<Lang>(() => savedLang(storage) ?? initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = s(lang, "title");
  }, [lang]);

  const setLang = (next: Lang) => {
    setLangState(next);
    try {
      storage?.setItem(LANG_KEY, next);
    } catch {
      // Not remembered: the page still switches.
    }
  };
  return [lang, setLang];
}

function savedLang(storage: KeyValueStore | null): Lang | null {
  try {
    const v = storage?.getItem(LANG_KEY);
    return v === "vi" || v === "en" ? v : null;
  } catch {
    return null;
  }
}

/** True once `offline` (the service worker's registration) says the site is kept for offline use. */
export function useOfflineReady(offline: Promise<boolean> | undefined): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void offline?.then((ok) => live && setReady(ok));
    return () => {
      live = false;
    };
  }, [offline]);
  return ready;
}
