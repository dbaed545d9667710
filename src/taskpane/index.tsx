import { FluentProvider } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { type Lang, languageFrom, t } from "../core/i18n";
import { App } from "./App";
import { paneTheme } from "./theme";

/**
 * Entry of the task pane. Three pages can come out of it: the pane itself inside Excel; a clear
 * "open this in Excel" page when the URL is opened in a browser (Office.onReady then resolves with no
 * host); a plain message in a webview too old for React 19 and Fluent v9, instead of a blank pane.
 * No router: Office.js nulls history.pushState in some hosts.
 */
const root = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));

function capable(): boolean {
  return (
    typeof Promise !== "undefined" &&
    typeof Proxy !== "undefined" &&
    typeof Symbol !== "undefined" &&
    typeof globalThis.CSS?.supports === "function" &&
    CSS.supports("display", "grid")
  );
}

function plain(lang: Lang, title: string, body: string): void {
  root.innerHTML = "";
  const h = document.createElement("h1");
  h.textContent = title;
  const p = document.createElement("p");
  p.textContent = body;
  root.lang = lang;
  root.append(h, p);
  root.style.cssText = "font-family:Segoe UI,sans-serif;padding:12px";
}

/** Office.onReady, but never waiting forever: outside Office it may not resolve at all. */
function officeReady(): Promise<{ inExcel: boolean; lang: Lang }> {
  return new Promise((resolve) => {
    const office = globalThis.Office;
    if (!office?.onReady) {
      resolve({ inExcel: false, lang: languageFrom(navigator.language) });
      return;
    }
    const timer = setTimeout(() => resolve({ inExcel: false, lang: languageFrom(navigator.language) }), 5000);
    void office.onReady((info) => {
      clearTimeout(timer);
      const lang = languageFrom(office.context?.displayLanguage ?? navigator.language);
      resolve({ inExcel: String(info?.host ?? "") === String(office.HostType?.Excel ?? "Excel"), lang });
    });
  });
}

class Boundary extends Component<{ lang: Lang; children: ReactNode }, { message: string | null }> {
  override state = { message: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { message: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    if (this.state.message)
      return <p role="alert">{t(this.props.lang, "unexpected", { message: this.state.message })}</p>;
    return this.props.children;
  }
}

const loadService = () => import("../excel/service").then((m) => m.createExcelService());

export async function start(): Promise<void> {
  const fallbackLang = languageFrom(navigator.language);
  if (!capable()) {
    plain(
      fallbackLang,
      "Chỉ số CCHC / PAR Index",
      "Phiên bản Excel này quá cũ để chạy ngăn tác vụ; hãy cập nhật Office. — This version of Excel is too old to run the pane; please update Office.",
    );
    return;
  }
  const { inExcel, lang } = await officeReady();
  if (!inExcel) {
    plain(lang, t(lang, "outsideOfficeTitle"), t(lang, "outsideOfficeBody"));
    return;
  }
  createRoot(root).render(
    <FluentProvider theme={paneTheme()}>
      <Boundary lang={lang}>
        <App loadService={loadService} initialLang={lang} />
      </Boundary>
    </FluentProvider>,
  );
}

void start();
