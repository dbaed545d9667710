// Task pane + ribbon command pages for Excel (shape of Office's generator-office template, ESM).
// `npm run build` needs no certificates: the dev-server https options are loaded only under `webpack serve`.
import { existsSync } from "node:fs";
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
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
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
