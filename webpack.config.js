// Task pane + ribbon command pages for Excel (shape of Office's generator-office template, ESM).
// `npm run build` needs no certificates: the dev-server https options are loaded only under `webpack serve`.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";

const root = dirname(fileURLToPath(import.meta.url));
const DEV_URL = "https://localhost:3000/";
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** Production address the manifest is rewritten to; always ends with "/". */
export function productionUrl(env = process.env) {
  const url = env.PAR_INDEX_URL || "https://par-index.example.gov.vn/";
  return url.endsWith("/") ? url : `${url}/`;
}

/** The manifest as shipped: localhost URLs replaced by the production address, AppDomain by its origin. */
export function rewriteManifest(xml, url = productionUrl()) {
  const base = url.endsWith("/") ? url : `${url}/`;
  return xml.split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(new URL(base).origin);
}

/**
 * Only the page itself and Office's CDN script may load code; nothing may be fetched from elsewhere
 * (workbooks never leave the machine). Office.js talks to the host through postMessage, not the network.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/**
 * The standalone checker (check/index.html) loads no Office.js: its CSP allows nothing but the site,
 * including the service worker and the web manifest that make it work offline and installable.
 */
export const STANDALONE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/** Where the standalone page, its web manifest and its service worker live (the worker's scope). */
export const STANDALONE_DIR = "check/";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** A page with Office.js from the CDN (the real host needs it; tests swap it for the fake host). */
function page(title, body = "") {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${title}</title>
<script src="${OFFICE_JS}"></script>
</head>
<body>${body}</body>
</html>`;
}

const HELP_BODY = `<main style="font-family:Segoe UI,sans-serif;max-width:40em;margin:2em auto">
<h1>Chỉ số CCHC / PAR Index</h1>
<p>Mở thẻ <b>Chỉ số CCHC</b> trên thanh công cụ: <b>Kiểm tra</b> kiểm tra biểu chấm điểm và ghi trang "Báo cáo kiểm tra";
<b>Xếp hạng</b> tính điểm các đơn vị trong sổ và ghi trang "Xếp hạng"; <b>Mở ngăn</b> hiện kết quả chi tiết.
Các trang của bạn không bao giờ bị sửa.</p>
<p lang="en">Open the <b>PAR Index</b> tab: <b>Check</b> validates this workbook and writes the "Báo cáo kiểm tra" sheet;
<b>Build ranking</b> scores every unit sheet and writes the "Xếp hạng" sheet; <b>Open pane</b> shows the details.
Your own sheets are never changed.</p>
</main>`;

/**
 * One page per entry. Every page carries the CSP as the first thing in <head> (a CSP meta governs only
 * what follows it): the pane's template writes it from `csp`, the fallback pages have it built in.
 */
function htmlPage(filename, chunks, template, fallback) {
  return new HtmlWebpackPlugin({
    filename,
    chunks,
    ...(existsSync(resolve(root, template))
      ? { template, templateParameters: { csp: CSP } }
      : { templateContent: fallback }),
  });
}

/** The site's front door: everyone lands on the standalone checker (the add-in has its own manifest URLs). */
const INDEX_PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STANDALONE_CSP}">
<meta http-equiv="refresh" content="0; url=${STANDALONE_DIR}">
<title>Chỉ số CCHC</title>
</head>
<body><p><a href="${STANDALONE_DIR}">Chỉ số CCHC — kiểm tra biểu chấm điểm</a> · <a href="${STANDALONE_DIR}" lang="en">PAR Index — check scoring workbooks</a></p></body>
</html>`;

/**
 * Emits check/sw.js: src/standalone/service-worker.js with the list of every file the standalone page
 * can load (its entry chunks and all their lazy chunks, the page, its web manifest, the icons), relative
 * to the worker, and a version hashed from that list. Nothing of the add-in's own pages is in it.
 */
class StandaloneServiceWorker {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("StandaloneServiceWorker", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "StandaloneServiceWorker", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        (assets) => {
          const entry = compilation.entrypoints.get("standalone");
          const files = new Set();
          for (const chunk of entry.chunks) {
            for (const c of [chunk, ...chunk.getAllAsyncChunks()]) for (const f of c.files) files.add(f);
          }
          for (const name of Object.keys(assets)) {
            if (name.startsWith(STANDALONE_DIR) || /^assets\/icon-\d+\.png$/.test(name)) files.add(name);
          }
          const list = [...files]
            .filter((f) => !f.endsWith(".map") && f !== `${STANDALONE_DIR}sw.js`)
            .sort()
            .map((f) => (f.startsWith(STANDALONE_DIR) ? `./${f.slice(STANDALONE_DIR.length)}` : `../${f}`));
          const template = readFileSync(resolve(root, "src/standalone/service-worker.js"), "utf8");
          const contents = list.map((f) => assets[f.replace(/^\.\.\//, "").replace(/^\.\//, STANDALONE_DIR)]);
          const version = createHash("sha256")
            .update(template)
            .update(list.join("\n"))
            .update(contents.map((a) => (a ? a.source() : "")).join("\n"))
            .digest("hex")
            .slice(0, 12);
          const code = template
            .replace("self.__PAR_PRECACHE__", JSON.stringify(list))
            .replace("self.__PAR_VERSION__", JSON.stringify(version));
          compilation.emitAsset(`${STANDALONE_DIR}sw.js`, new sources.RawSource(code));
        },
      );
    });
  }
}

async function httpsOptions() {
  const devCerts = await import("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

export default async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env?.WEBPACK_SERVE);
  return {
    context: root,
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      standalone: "./src/standalone/index.tsx",
    },
    output: {
      path: resolve(root, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
      publicPath: "auto",
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: "es2020", jsx: "automatic" },
        },
      ],
    },
    performance: { hints: false },
    // Heavy code (the .xlsx reader/writer, ExcelJS) is reached only through import(): webpack keeps it in
    // async chunks, so the pane's first load is React, Fluent and the pane itself.
    optimization: { splitChunks: { chunks: "async" } },
    plugins: [
      htmlPage(
        "taskpane.html",
        ["taskpane"],
        "./src/taskpane/taskpane.html",
        page("Chỉ số CCHC", '<div id="root"></div>'),
      ),
      htmlPage("commands.html", ["commands"], "./src/commands/commands.html", page("PAR Index")),
      htmlPage("help.html", [], "./src/commands/help.html", page("Chỉ số CCHC", HELP_BODY)),
      new HtmlWebpackPlugin({
        filename: `${STANDALONE_DIR}index.html`,
        chunks: ["standalone"],
        template: "./src/standalone/index.html",
        templateParameters: { csp: STANDALONE_CSP },
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        chunks: [],
        templateContent: INDEX_PAGE,
        inject: false,
      }),
      new StandaloneServiceWorker(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/standalone/manifest.webmanifest", to: `${STANDALONE_DIR}manifest.webmanifest` },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content.toString())),
          },
        ],
      }),
    ],
    devServer: {
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      port: DEV_PORT,
      server: serving ? { type: "https", options: await httpsOptions() } : "http",
    },
  };
};
