// @vitest-environment jsdom
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, render, screen } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { t } from "../../src/core/i18n";
import { verifySettings } from "../../src/excel/settings";
import { NO_USER_SETTINGS, resolveSettings } from "../../src/excel/settings-rule";
import type { ExcelService } from "../../src/excel/service";
import { capable, ErrorBoundary, start } from "../../src/taskpane/boot";
import { paneTheme } from "../../src/taskpane/theme";

/**
 * What the pane's page becomes before any Excel call: outside Office, in a webview too old for the
 * pane, and inside Excel; and which theme it picks when Office gives one or not.
 */
const g = globalThis as unknown as { CSS?: unknown; Office?: unknown; matchMedia?: unknown };
const realCSS = g.CSS;

function page(): HTMLElement {
  document.body.innerHTML = '<div id="root"></div><div id="par-legacy"><p>old</p></div>';
  return document.getElementById("root") as HTMLElement;
}

/** jsdom has no CSS.supports: give it one, as any browser able to run the pane has. */
function modernCSS() {
  g.CSS = { supports: () => true };
}

function fakeOffice(host: string | null, displayLanguage: string, resolves = true) {
  return {
    HostType: { Excel: "Excel" },
    context: { displayLanguage },
    onReady: (callback: (info: { host: string | null }) => void) => {
      if (resolves) queueMicrotask(() => callback({ host }));
      return new Promise(() => undefined);
    },
  } as unknown as typeof Office;
}

afterEach(() => {
  cleanup();
  g.CSS = realCSS;
  delete g.matchMedia;
  delete g.Office;
  document.body.innerHTML = "";
});

/** The standalone checker's loader, recorded: what outside Office hands it (issue #17). */
function standaloneSpy(fail = false) {
  const calls: { context: string; lang: string }[] = [];
  const loadStandalone = async () => {
    if (fail) throw new Error("chunk failed to load");
    return {
      startStandalone: (root: HTMLElement, o: { context: string; lang: string }) => {
        calls.push(o);
        root.textContent = "checker";
      },
    };
  };
  return { calls, loadStandalone };
}

describe("start", () => {
  it("with no Office.js at all, shows the standalone checker (in the browser's language)", async () => {
    modernCSS();
    const root = page();
    const spy = standaloneSpy();
    const outcome = await start({ root, office: undefined, loadStandalone: spy.loadStandalone });
    expect(outcome).toBe("outside-office");
    expect(spy.calls).toEqual([{ context: "taskpane", lang: "en" }]);
    expect(root.textContent).toBe("checker");
    // The delayed "too old" notice of taskpane.html is gone: the script did run.
    expect(document.getElementById("par-legacy")).toBeNull();
  });

  it("when Office.onReady resolves with no host, the checker in Office's display language", async () => {
    modernCSS();
    const root = page();
    const spy = standaloneSpy();
    const office = fakeOffice(null, "vi-VN");
    expect(await start({ root, office, loadStandalone: spy.loadStandalone })).toBe("outside-office");
    expect(spy.calls).toEqual([{ context: "taskpane", lang: "vi" }]);
  });

  it("when Office.onReady never resolves, it stops waiting and shows the checker", async () => {
    modernCSS();
    const root = page();
    const spy = standaloneSpy();
    const office = fakeOffice("Excel", "en-US", false);
    const outcome = await start({ root, office, readyTimeoutMs: 30, loadStandalone: spy.loadStandalone });
    expect(outcome).toBe("outside-office");
    expect(spy.calls).toHaveLength(1);
  });

  it("when the checker cannot load either, it says to open the page in Excel", async () => {
    modernCSS();
    const root = page();
    const outcome = await start({
      root,
      office: fakeOffice(null, "vi-VN"),
      loadStandalone: standaloneSpy(true).loadStandalone,
    });
    expect(outcome).toBe("outside-office");
    expect(root.querySelector("h1")?.textContent).toBe("Hãy mở trang này trong Excel");
    expect(root.lang).toBe("vi");
  });

  it("a webview without the features React 19 and Fluent v9 need gets a plain message, not a crash", async () => {
    g.CSS = undefined;
    const root = page();
    const onReady = vi.fn();
    const outcome = await start({ root, office: { onReady } as unknown as typeof Office });
    expect(outcome).toBe("old-webview");
    expect(root.textContent).toContain(t("en", "oldWebviewBody"));
    expect(onReady).not.toHaveBeenCalled();
    expect(document.getElementById("par-legacy")).toBeNull();
  });

  it("inside Excel renders the pane in Office's display language", async () => {
    modernCSS();
    const root = page();
    const service = {
      loadSettings: () => ({ rubricId: null }),
      settingsRubric: () => null,
      verifySettings: () => verifySettings({ rubricId: null }),
      resolveSettings: () => resolveSettings({ rubricId: null }, NO_USER_SETTINGS, { rubricId: null }),
      listSheets: async () => [],
    } as unknown as ExcelService;
    let outcome: string | undefined;
    await act(async () => {
      outcome = await start({ root, office: fakeOffice("Excel", "en-GB"), loadService: async () => service });
    });
    expect(outcome).toBe("pane");
    expect(await screen.findByRole("tab", { name: "Ranking" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Check" })).toBeTruthy();
  });

  it("capable() needs the language features and CSS.supports with grid", () => {
    const env = (over: Record<string, unknown>) =>
      ({
        Promise,
        Proxy,
        Symbol,
        queueMicrotask,
        Object,
        CSS: { supports: () => true },
        ...over,
      }) as unknown as typeof globalThis;
    expect(capable(env({}))).toBe(true);
    expect(capable(env({ CSS: undefined }))).toBe(false);
    expect(capable(env({ CSS: { supports: () => false } }))).toBe(false);
    expect(capable(env({ Proxy: undefined }))).toBe(false);
    expect(capable(env({ queueMicrotask: undefined }))).toBe(false);
  });
});

function Broken(): never {
  throw new Error("boom");
}

describe("error boundary", () => {
  it("shows a render error as a sentence in the pane's language", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <ErrorBoundary lang="vi">
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole("alert").textContent).toBe(t("vi", "unexpected", { message: "boom" }));
    vi.mocked(console.error).mockRestore();
  });
});

describe("theme", () => {
  const media = (matches: Record<string, boolean>) => {
    g.matchMedia = (q: string) => ({ matches: matches[q] ?? false, media: q });
  };

  it("without an Office theme (Excel on the web) follows the system's colour scheme", () => {
    g.Office = { context: {} };
    media({ "(prefers-color-scheme: dark)": true });
    expect(paneTheme()).toBe(webDarkTheme);
    media({});
    expect(paneTheme()).toBe(webLightTheme);
  });

  it("Office's theme wins over the system's, and forced colours give high contrast", () => {
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
    media({});
    expect(paneTheme()).toBe(webDarkTheme);
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } };
    media({ "(prefers-color-scheme: dark)": true });
    expect(paneTheme()).toBe(webLightTheme);
    media({ "(forced-colors: active)": true });
    expect(paneTheme()).toBe(teamsHighContrastTheme);
  });
});

describe("taskpane.html", () => {
  it("its delayed notice for webviews that cannot run the script is the i18n table's text", () => {
    const html = readFileSync("src/taskpane/taskpane.html", "utf8");
    const text = (lang: string) =>
      new RegExp(`<p lang="${lang}">([^<]*)</p>`).exec(html)?.[1]?.replace(/\s+/g, " ").trim();
    expect(text("vi")).toBe(t("vi", "legacyNotice"));
    expect(text("en")).toBe(t("en", "legacyNotice"));
    expect(html).toContain('id="root"');
    expect(html).toMatch(
      /<script src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js">/,
    );
  });
});
