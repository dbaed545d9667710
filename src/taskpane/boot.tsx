import { FluentProvider } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { type Lang, languageFrom, t } from "../core/i18n";
import type { ExcelService } from "../excel/service";
import { App } from "./App";
import { useFollowedTheme } from "./theme";

/**
 * What the pane's page turns into. Three outcomes: the pane itself inside Excel; the standalone checker
 * (src/standalone, loaded lazily) when the URL is opened in a browser (Office.onReady then resolves with
 * no host, or never) — or, if even that cannot load, a clear "open this in Excel" page; a plain message
 * in a webview too old for React 19 and Fluent v9, instead of a blank pane or a crash.
 * No router anywhere: Office.js nulls history.pushState in some hosts.
 *
 * A webview that cannot even parse this bundle (IE11, old EdgeHTML) never gets here: taskpane.html
 * carries a plain message of its own that appears after a delay unless `start` removes it.
 */
export type BootOutcome = "pane" | "outside-office" | "old-webview";

export interface BootOptions {
  /** Where to render; default #root. */
  root?: HTMLElement;
  /** The Office global; default `globalThis.Office` (undefined when office.js is missing). */
  office?: typeof Office;
  /** How long to wait for Office.onReady before deciding we are outside Office. */
  readyTimeoutMs?: number;
  loadService?: () => Promise<ExcelService>;
  /** The standalone checker shown outside Office; a lazy chunk, so the pane's first load stays small. */
  loadStandalone?: () => Promise<Pick<typeof import("../standalone/start"), "startStandalone">>;
}

const LEGACY_NOTICE_ID = "par-legacy";

/** Features React 19 and Fluent v9 rely on; an old webview lacks some of them. */
export function capable(g: typeof globalThis = globalThis): boolean {
  return (
    typeof g.Promise === "function" &&
    typeof g.Proxy === "function" &&
    typeof g.Symbol === "function" &&
    typeof g.queueMicrotask === "function" &&
    typeof g.Object?.fromEntries === "function" &&
    typeof g.CSS?.supports === "function" &&
    g.CSS.supports("display", "grid")
  );
}

/** Office.onReady, but never waiting forever: outside Office it may resolve with no host or not at all. */
export function officeReady(
  office: typeof Office | undefined,
  fallbackLang: Lang,
  timeoutMs = 5000,
): Promise<{ inExcel: boolean; lang: Lang }> {
  return new Promise((resolve) => {
    if (!office?.onReady) {
      resolve({ inExcel: false, lang: fallbackLang });
      return;
    }
    const timer = setTimeout(() => resolve({ inExcel: false, lang: fallbackLang }), timeoutMs);
    void office.onReady((info) => {
      clearTimeout(timer);
      const display = office.context?.displayLanguage;
      const lang = display ? languageFrom(display) : fallbackLang;
      resolve({ inExcel: String(info?.host ?? "") === String(office.HostType?.Excel ?? "Excel"), lang });
    });
  });
}

function plainPage(root: HTMLElement, lang: Lang, title: string, body: string): void {
  root.replaceChildren();
  const h = document.createElement("h1");
  h.textContent = title;
  const p = document.createElement("p");
  p.textContent = body;
  root.lang = lang;
  root.setAttribute("role", "main");
  root.append(h, p);
  root.style.cssText = "font-family:'Segoe UI',sans-serif;padding:12px";
}

/** A render error shows a sentence, not a white pane. */
export class ErrorBoundary extends Component<
  { lang: Lang; children: ReactNode },
  { message: string | null }
> {
  override state = { message: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { message: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    if (this.state.message)
      return (
        <p role="alert" style={{ padding: 12 }}>
          {t(this.props.lang, "unexpected", { message: this.state.message })}
        </p>
      );
    return this.props.children;
  }
}

/** Follows the system's colour scheme while the pane is open (Office on the web gives no theme of its own). */
function ThemedPane({ children }: { children: ReactNode }) {
  const theme = useFollowedTheme();
  return <FluentProvider theme={theme}>{children}</FluentProvider>;
}

const defaultLoadService = () => import("../excel/service").then((m) => m.createExcelService());
const defaultLoadStandalone = () => import("../standalone/start");

export async function start(options: BootOptions = {}): Promise<BootOutcome> {
  const root =
    options.root ??
    document.getElementById("root") ??
    document.body.appendChild(document.createElement("div"));
  document.getElementById(LEGACY_NOTICE_ID)?.remove();
  const fallbackLang = languageFrom(typeof navigator === "undefined" ? null : navigator.language);
  if (!capable()) {
    plainPage(root, fallbackLang, t(fallbackLang, "oldWebviewTitle"), t(fallbackLang, "oldWebviewBody"));
    return "old-webview";
  }
  const office = "office" in options ? options.office : globalThis.Office;
  const { inExcel, lang } = await officeReady(office, fallbackLang, options.readyTimeoutMs);
  if (!inExcel) {
    try {
      const { startStandalone } = await (options.loadStandalone ?? defaultLoadStandalone)();
      startStandalone(root, { context: "taskpane", lang });
    } catch {
      // The checker's chunk could not load (offline, a broken deploy): say where the page works instead.
      plainPage(root, lang, t(lang, "outsideOfficeTitle"), t(lang, "outsideOfficeBody"));
    }
    return "outside-office";
  }
  root.replaceChildren();
  createRoot(root).render(
    <ThemedPane>
      <ErrorBoundary lang={lang}>
        <App loadService={options.loadService ?? defaultLoadService} initialLang={lang} />
      </ErrorBoundary>
    </ThemedPane>,
  );
  return "pane";
}
