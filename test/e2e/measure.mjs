// For `npm run bench`: time to first render of a page beside a bare React page built and served in the
// same run, both opened in the same Chromium. Times are the page's own clock (performance.now() when the
// element first exists, polled every animation frame): navigation start → first render, no driver overhead.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { launch, localPage, OUT, prepare, serve } from "./harness.mjs";

/** What counts as rendered: the pane's tab list (its first paint), the bare page's only button. */
export const PANE_SELECTOR = "main [role='tablist']";
export const BARE_SELECTOR = "#ready";

/**
 * Builds the comparison page: React 19 rendering one button, minified for production like the pane.
 * The harness serves it at /__bare.html. Returns the path of its script.
 */
export async function bareReactPage() {
  const entry = join(OUT, "bare-entry.jsx");
  writeFileSync(
    entry,
    'import { createRoot } from "react-dom/client";\ncreateRoot(document.getElementById("root")).render(<button id="ready">OK</button>);\n',
  );
  const outfile = join(OUT, "bare.js");
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "iife",
    outfile,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  return outfile;
}

/** Time from navigation start until `selector` exists, on a fresh page. */
async function renderOnce(browser, url, selector) {
  const page = await localPage(browser, new URL(url).origin);
  try {
    await page.goto(url, { waitUntil: "commit" });
    const handle = await page.waitForFunction(
      (sel) => (document.querySelector(sel) ? performance.now() : false),
      selector,
      { polling: "raf", timeout: 30_000 },
    );
    return Math.round(await handle.jsonValue());
  } finally {
    await page.close();
  }
}

const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

/**
 * Medians over `runs` fresh pages of each, taken in turns after one unmeasured load of each: measured one
 * after the other, the page that went first also paid for the browser warming up.
 */
export async function timeToRenderPair(browser, pages, runs = 5) {
  for (const { url, selector } of pages) await renderOnce(browser, url, selector);
  const times = pages.map(() => []);
  for (let i = 0; i < runs; i++)
    for (const [k, { url, selector }] of pages.entries())
      times[k].push(await renderOnce(browser, url, selector));
  return times.map(median);
}

/**
 * `url` absent: the production pane from dist/ on the fake Excel host. `url` given: that page (it must
 * be reachable without the network), rendered once `options.selector` exists (default: the pane's tab list).
 * Either way the bare React page is measured beside it. Returns { firstRenderMs, bareReactMs } (medians).
 */
export async function measureFirstRender(url, options = {}) {
  const { selector = PANE_SELECTOR, runs = 5 } = options;
  await prepare();
  await bareReactPage();
  const { server, origin } = await serve();
  const browser = await launch();
  try {
    const [firstRenderMs, bareReactMs] = await timeToRenderPair(
      browser,
      [
        { url: url ?? `${origin}/taskpane.html`, selector },
        { url: `${origin}/__bare.html`, selector: BARE_SELECTOR },
      ],
      runs,
    );
    return { firstRenderMs, bareReactMs };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Adds `count` rows of codes the rubric does not have under the active unit's table of the fake host:
 * one finding each when the pane checks. Shared by the e2e step (does the list page?) and the bench (how
 * long does it take to show?).
 */
export async function plantFindings(page, count) {
  await page.evaluate((n) => {
    const host = window.__PAR_FAKE_HOST__;
    const sheet = host.sheets[host.activeSheet];
    const last = Math.max(...[...sheet.cells.keys()].map((k) => Number(k.split(",")[0])));
    const cell = (value) => ({ value, formula: null, numberFormat: "General", format: {} });
    for (let i = 1; i <= n; i++) {
      sheet.cells.set(`${last + i},0`, cell(`99.${i}`));
      sheet.cells.set(`${last + i},1`, cell(`Dòng thêm ${i}`));
      sheet.cells.set(`${last + i},4`, cell(1));
    }
  }, count);
}

/**
 * The check of a unit with `count` planted findings, on a fresh pane each run: the click to the result
 * card (read + analyse + render), and the render alone — from the check's result (User Timing mark
 * "par-index:check-done", src/taskpane/timing.ts) to the commit that shows it ("par-index:results-shown").
 * Medians over `runs`.
 */
export async function measureFindingsRender(count = 10_000, runs = 3) {
  await prepare();
  const { server, origin } = await serve();
  const browser = await launch();
  const checks = [];
  const renders = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await localPage(browser, origin);
      try {
        await page.goto(`${origin}/taskpane.html`);
        const button = page.getByRole("button", { name: "Kiểm tra", exact: true });
        await button.waitFor({ timeout: 30_000 });
        await page.waitForFunction(() =>
          [...document.querySelectorAll("button")].some(
            (b) => b.textContent === "Kiểm tra" && b.getAttribute("aria-disabled") !== "true" && !b.disabled,
          ),
        );
        await plantFindings(page, count);
        const t0 = Date.now();
        await button.click();
        await page.getByRole("region", { name: "Kết quả kiểm tra" }).waitFor({ timeout: 120_000 });
        checks.push(Date.now() - t0);
        const render = await page.waitForFunction(() => {
          const done = performance.getEntriesByName("par-index:check-done").at(-1);
          const shown = performance.getEntriesByName("par-index:results-shown").at(-1);
          return done && shown && shown.startTime >= done.startTime
            ? shown.startTime - done.startTime
            : false;
        });
        renders.push(Math.round(await render.jsonValue()));
      } finally {
        await page.close();
      }
    }
    return { count, checkMs: median(checks), renderMs: median(renders) };
  } finally {
    await browser.close();
    server.close();
  }
}
