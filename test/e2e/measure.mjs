// For `npm run bench`: time to first render of the production pane (its Check button on screen) beside
// a bare React page built in the same run, both served locally and opened in the same Chromium.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { launch, localPage, OUT, prepare, serve } from "./harness.mjs";

async function firstRender(browser, url, selector, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const page = await localPage(browser, new URL(url).origin);
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForSelector(selector, { timeout: 30_000 });
    times.push(Date.now() - t0);
    await page.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function measureFirstRender() {
  await prepare();
  writeFileSync(
    join(OUT, "bare-entry.jsx"),
    'import { createRoot } from "react-dom/client";\ncreateRoot(document.getElementById("root")).render(<button id="ready">OK</button>);\n',
  );
  await build({
    entryPoints: [join(OUT, "bare-entry.jsx")],
    bundle: true,
    minify: true,
    format: "iife",
    outfile: join(OUT, "bare.js"),
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  const { server, origin } = await serve();
  const browser = await launch();
  try {
    const firstRenderMs = await firstRender(
      browser,
      `${origin}/taskpane.html`,
      "button:has-text('Kiểm tra')",
    );
    const bareReactMs = await firstRender(browser, `${origin}/__bare.html`, "#ready");
    return { firstRenderMs, bareReactMs };
  } finally {
    await browser.close();
    server.close();
  }
}
