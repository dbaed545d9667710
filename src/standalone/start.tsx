import { createRoot } from "react-dom/client";
import type { Lang } from "../core/i18n";
import { StandaloneApp, type StandaloneProps } from "./App";
import { Themed } from "./Themed";

/**
 * Renders the standalone checker into `root`: from the standalone page (check/index.html), and from
 * the add-in's page when it is opened outside Office (taskpane/boot.tsx imports this lazily).
 */
export function startStandalone(
  root: HTMLElement,
  options: { context: StandaloneProps["context"]; lang: Lang; offline?: Promise<boolean> },
): void {
  root.replaceChildren();
  root.removeAttribute("role");
  createRoot(root).render(
    <Themed>
      <StandaloneApp
        context={options.context}
        initialLang={options.lang}
        storage={browserStorage()}
        offline={options.offline}
      />
    </Themed>,
  );
}

/** localStorage, or null where the browser refuses it (site data blocked: reading it throws). */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
