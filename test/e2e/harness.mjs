// Shared by the end-to-end run and the benchmark: the production pane served from dist/ with the fake
// Excel host in place of Office.js from the CDN, and Debian's Chromium driven by playwright-core.
// Nothing here touches the network: every request that is not to this local server is aborted.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve } from "node:path";
import { build } from "esbuild";

export const OUT = resolve("test-output/e2e");
const DIST = resolve("dist");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
};
const OFFICE_TAG = /<script[^>]+appsforoffice\.microsoft\.com[^>]*><\/script>/;

export async function prepare() {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("no production build in dist/ (run npm run build)");
  await build({
    entryPoints: ["test/fake-excel/browser.ts"],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    outfile: join(OUT, "fake-office.js"),
    logLevel: "warning",
  });
  const wb = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "test/e2e/workbook.ts"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (wb.status !== 0) throw new Error(`could not build the sample workbook: ${wb.stderr}`);
  writeFileSync(join(OUT, "workbook.js"), `window.__PAR_FAKE_WORKBOOK__ = ${wb.stdout};\n`);
}

/** Serves dist/; /taskpane.html gets the fake host (or, with ?outside, no Office at all) instead of the CDN script. */
export function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let body;
    let type;
    const file = url.pathname === "/" ? "/taskpane.html" : url.pathname;
    if (file === "/__bare.html" || file === "/__bare.js") {
      body =
        file === "/__bare.js"
          ? readFileSync(join(OUT, "bare.js"))
          : '<!doctype html><html><body><div id="root"></div><script src="/__bare.js"></script></body></html>';
      type = TYPES[file.endsWith(".js") ? ".js" : ".html"];
    } else if (file === "/__fake-office.js" || file === "/__workbook.js") {
      body = readFileSync(join(OUT, file === "/__workbook.js" ? "workbook.js" : "fake-office.js"));
      type = TYPES[".js"];
    } else if (file === "/taskpane.html" || file === "/bare.html") {
      const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
      body = url.searchParams.has("outside")
        ? html.replace(OFFICE_TAG, "")
        : html.replace(
            OFFICE_TAG,
            '<script src="/__workbook.js"></script><script src="/__fake-office.js"></script>',
          );
      type = TYPES[".html"];
    } else {
      const path = join(DIST, file);
      if (!path.startsWith(DIST) || !existsSync(path)) {
        res.writeHead(404).end();
        return;
      }
      body = readFileSync(path);
      type = TYPES[extname(file)] ?? "application/octet-stream";
    }
    res.writeHead(200, { "content-type": type }).end(body);
  });
  return new Promise((resolveServer) =>
    server.listen(0, "127.0.0.1", () =>
      resolveServer({ server, origin: `http://127.0.0.1:${server.address().port}` }),
    ),
  );
}

export async function launch() {
  const { chromium } = await import("playwright-core");
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return chromium.launch({ executablePath, args: ["--no-sandbox", "--headless=new", "--disable-gpu"] });
}

/** A page that can only reach the local server. */
export async function localPage(browser, origin) {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  await page.route("**/*", (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort(),
  );
  return page;
}
