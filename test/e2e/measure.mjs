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
