// End-to-end for the standalone checker (issue #17): the production build's check/ page in Debian's
// Chromium with no Office script anywhere, clicked like a user — pick files, see findings and the index,
// rank several, download the ranking and open it in LibreOffice, then load the page again with the
// server gone (the service worker). Runs inside test/e2e/run.mjs, or alone: `node test/e2e/standalone.mjs`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { SHOTS } from "./pane-states.mjs";

const DIST = resolve("dist");
const OUT = resolve("test-output/e2e/standalone");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain",
};
const OFFICE_TAG = /<script[^>]+appsforoffice\.microsoft\.com[^>]*><\/script>/;
/** The pane's first load, every script of taskpane.html gzipped (the README's bench row "Pane: initial JS"). */
const PANE_INITIAL_BUDGET_KB = 200;
/** A message only re2js (the RE2 engine of core/group-pattern.ts) carries; it must stay out of the first load. */
const RE2JS_MARKER = "inconsistency in matching group data";

/** dist/ as a static host serves it (a folder gets its index.html); the add-in's page without Office.js. */
function serveDist() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = join(DIST, decodeURIComponent(url.pathname));
    if (!path.startsWith(DIST) || !existsSync(path)) return void res.writeHead(404).end();
    if (statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path)) return void res.writeHead(404).end();
    let body = readFileSync(path);
    // Opened in a browser, the add-in's page finds no Office: as if office.js could not load.
    if (path.endsWith("taskpane.html")) body = body.toString("utf8").replace(OFFICE_TAG, "");
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () =>
      done({ server, origin: `http://127.0.0.1:${server.address().port}` }),
    ),
  );
}

function stop(server) {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

/** RFC 4180, LibreOffice's CSV export (comma-separated). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * The pane's first load in a production build: every script tag of taskpane.html, gzipped one by one and
 * summed (as scripts/bench.ts reports it), and what is wrong with it — over the budget, the standalone
 * checker or re2js bundled in. Exported so the check can be run on any build folder.
 */
export function paneFirstLoad(dist) {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]+src="?([^" >]+\.js)/g)]
    .map((m) => m[1])
    .filter((src) => !src.startsWith("http"));
  const files = initial.map((src) => readFileSync(join(dist, src)));
  const code = files.join("\n");
  const kb = files.reduce((n, b) => n + gzipSync(b).length, 0) / 1024;
  const problems = [];
  // Sentences only the standalone page has: in the pane's first load they would mean it was bundled in.
  for (const only of ["Vùng thả tệp", "Chọn cả thư mục"])
    if (code.includes(only)) problems.push(`"${only}" is in the pane's initial scripts`);
  // The marker must still name re2js somewhere in the build, or its absence below would prove nothing.
  const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !initial.includes(f));
  if (!lazy.some((f) => readFileSync(join(dist, f), "utf8").includes(RE2JS_MARKER)))
    problems.push(`no lazy chunk carries re2js's "${RE2JS_MARKER}": pick another string unique to re2js`);
  if (code.includes(RE2JS_MARKER))
    problems.push(
      `re2js ("${RE2JS_MARKER}") is in the pane's initial scripts: something the first paint imports reaches core/group-pattern statically`,
    );
  if (kb > PANE_INITIAL_BUDGET_KB)
    problems.push(
      `the pane's initial JS is ${kb.toFixed(1)} KB gzipped, over the ${PANE_INITIAL_BUDGET_KB} KB budget (${initial.join(", ")}): load what the first paint does not need through import()`,
    );
  return { initial, kb, problems };
}

export default async function standalone({ browser, step, expect }) {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join(DIST, "check", "index.html")))
    throw new Error("no standalone page in dist/ (run npm run build)");
  const made = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "test/e2e/standalone-files.ts"],
    {
      encoding: "utf8",
    },
  );
  if (made.status !== 0) throw new Error(`could not write the unit files: ${made.stderr}`);
  const { units, broken } = JSON.parse(made.stdout);

  let { server, origin } = await serveDist();
  const context = await browser.newContext({
    viewport: { width: 900, height: 1000 },
    serviceWorkers: "allow",
    acceptDownloads: true,
  });
  // Only the local server is reachable; anything else is refused and recorded.
  const leaks = [];
  await context.route("**/*", (route) => {
    const r = route.request();
    if (r.url().startsWith(origin) && r.method() === "GET") return route.continue();
    leaks.push(`${r.method()} ${r.url()}`);
    return route.abort();
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const ready = async (p) =>
    p.waitForFunction(
      () => {
        const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "Chọn tệp .xlsx…");
        return b && !b.disabled;
      },
      null,
      { timeout: 30_000 },
    );
  let shown = [];

  try {
    await step(
      "standalone: the page opens without Office.js, in Vietnamese, and says files stay here",
      async () => {
        await page.goto(`${origin}/`);
        await page.waitForURL(/\/check\/$/, { timeout: 10_000 });
        await page
          .getByText("Tệp được đọc ngay trên máy này, không tải lên đâu cả.")
          .waitFor({ timeout: 20_000 });
        await ready(page);
        const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src));
        expect(
          !scripts.some((s) => s.includes("appsforoffice")),
          `Office.js on the page: ${scripts.join(", ")}`,
        );
        expect(leaks.length === 0, `requests off the site: ${leaks.join(", ")}`);
        await page.screenshot({ path: join(OUT, "1-start.png"), fullPage: true });
      },
    );

    await step(
      "standalone: a picked unit file shows its index, totals and the planted findings",
      async () => {
        await page.locator('input[data-picker="files"]').setInputFiles(units[0].path);
        await page.getByText(/^Xong: 1 tệp/).waitFor({ timeout: 30_000 });
        await page.getByText(`Đơn vị: ${units[0].name}`).waitFor({ timeout: 5_000 });
        const index = await page.getByTestId("index").textContent();
        expect(/^(Chỉ số: [\d,]+\/100|Chưa có điểm điều tra)/.test(index), `no index shown: ${index}`);
        const codes = await page.locator("li[data-code]").evaluateAll((li) => li.map((x) => x.dataset.code));
        for (const code of units[0].planted)
          expect(codes.includes(code), `planted ${code} not shown: ${codes}`);
        await page.getByRole("combobox", { name: "Hiển thị" }).first().selectOption("evidence");
        const evidence = await page
          .locator("li[data-code]")
          .evaluateAll((li) => li.map((x) => x.dataset.code));
        expect(
          evidence.length > 0 && evidence.every((c) => /evidence/.test(c)),
          `missing-evidence view shows ${evidence}`,
        );
        await page.screenshot({ path: join(OUT, "2-one-file.png"), fullPage: true });
      },
    );

    await step("standalone: several files give the ranking; the unreadable one is listed", async () => {
      await page.locator('input[data-picker="files"]').setInputFiles([...units.map((u) => u.path), broken]);
      await page.getByText(/^Xong: 4 tệp/).waitFor({ timeout: 30_000 });
      const summary = await page.getByTestId("ranking-summary").textContent();
      expect(summary === "3 đơn vị được xếp hạng, 1 chưa xếp hạng.", `ranking summary: ${summary}`);
      shown = await page.locator("tr[data-unit]").evaluateAll((rows) =>
        rows.map((r) => ({
          unit: r.dataset.unit,
          score: Number(r.querySelector("[data-score]").dataset.score),
        })),
      );
      expect(
        shown
          .map((u) => u.unit)
          .sort()
          .join("|") ===
          units
            .map((u) => u.name)
            .sort()
            .join("|"),
        `ranked units: ${JSON.stringify(shown)}`,
      );
      await page
        .getByText(/hong\.xlsx/)
        .first()
        .waitFor({ timeout: 5_000 });
      await page.screenshot({ path: join(OUT, "3-ranking.png"), fullPage: true });
    });

    await step(
      "standalone: no sideways scroll at 360 px; a provisional ranking says so and why the rating is empty",
      async () => {
        const sideways = () =>
          page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        try {
          await page.setViewportSize({ width: 360, height: 800 });
          const over = await sideways();
          expect(over <= 1, `the page scrolls ${over} px sideways at 360 px`);
          await page.getByRole("combobox", { name: "Xếp theo" }).last().selectOption("self");
          await page.getByText("Xếp hạng tạm tính").waitFor({ timeout: 10_000 });
          await page.getByText(/Cột xếp loại để trống/).waitFor({ timeout: 5_000 });
          const empty = await page
            .locator("tr[data-unit] td:last-child")
            .evaluateAll((tds) => tds.map((td) => td.textContent));
          expect(
            empty.length > 0 && empty.every((x) => x === "chưa xếp loại"),
            `rating cells of a provisional ranking: ${JSON.stringify(empty)}`,
          );
          const overAfter = await sideways();
          expect(overAfter <= 1, `the provisional ranking scrolls ${overAfter} px sideways at 360 px`);
          for (const width of [320, 500]) {
            await page.setViewportSize({ width, height: 800 });
            await page
              .locator("section[aria-labelledby='par-ranking-title']")
              .screenshot({ path: join(SHOTS, `ranking-provisional-vi-${width}.png`) });
          }
        } finally {
          await page.getByRole("combobox", { name: "Xếp theo" }).last().selectOption("final");
          await page.setViewportSize({ width: 900, height: 1000 });
        }
      },
    );

    await step(
      "standalone: the ranking basis choice (#24): the evidence part for every unit ranks as `rank --basis evidence` and says so",
      async () => {
        const part = page.getByRole("combobox", { name: "Cơ sở xếp hạng" });
        const basis = page.getByTestId("ranking-basis");
        try {
          expect(
            /^Xếp theo Chỉ số CCHC/.test((await basis.textContent()) ?? ""),
            `the basis line on the index: ${await basis.textContent()}`,
          );
          await part.selectOption("evidence");
          await page.getByText("Xếp hạng tạm tính").waitFor({ timeout: 10_000 });
          const said = (await basis.textContent()) ?? "";
          expect(said.includes("như người dùng chọn"), `the basis line on the evidence part: ${said}`);
          const onPage = await page.locator("tr[data-unit]").evaluateAll((rows) =>
            rows.map((r) => ({
              rank: Number(r.querySelector("td").textContent),
              unit: r.dataset.unit,
              score: Number(r.querySelector("[data-score]").dataset.score),
            })),
          );
          const cli = spawnSync(
            process.execPath,
            [
              "bin/par-index.js",
              "rank",
              ...units.map((u) => u.path),
              broken,
              "--basis",
              "evidence",
              "--json",
            ],
            { encoding: "utf8" },
          );
          const reference = JSON.parse(cli.stdout);
          expect(reference.basis === "evidence", `the CLI ranked on ${reference.basis}`);
          const expected = reference.groups.flatMap((g) =>
            g.units.map((u) => ({ rank: u.rank, unit: u.unit, score: u.score })),
          );
          expect(
            JSON.stringify(onPage) === JSON.stringify(expected),
            `page ${JSON.stringify(onPage)} ≠ CLI ${JSON.stringify(expected)}`,
          );
        } finally {
          await part.selectOption("index");
        }
      },
    );

    await step("standalone: the downloaded ranking opens in LibreOffice with the CLI's values", async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tải bảng xếp hạng (.xlsx)" }).click(),
      ]);
      expect(download.suggestedFilename() === "Xếp hạng.xlsx", `named ${download.suggestedFilename()}`);
      const xlsx = join(OUT, "ranking.xlsx");
      await download.saveAs(xlsx);
      // The same files through the command line (Node's reader and zlib): the reference values.
      const cli = spawnSync(
        process.execPath,
        ["bin/par-index.js", "rank", ...units.map((u) => u.path), broken, "--json"],
        { encoding: "utf8" },
      );
      const reference = JSON.parse(cli.stdout);
      const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
      if (!soffice) {
        if (process.env.CI)
          throw new Error("LibreOffice is required in CI (apt-get install libreoffice-calc-nogui)");
        console.log("    (LibreOffice not installed: the conversion is skipped)");
        return;
      }
      const home = join(OUT, "lo-home");
      rmSync(home, { recursive: true, force: true });
      execFileSync(
        soffice,
        ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", OUT, xlsx],
        { timeout: 120_000, env: { ...process.env, HOME: home }, stdio: "pipe" },
      );
      const rows = parseCsv(readFileSync(join(OUT, "ranking.csv"), "utf8"));
      const precision = reference.precision;
      for (const g of reference.groups) {
        for (const u of g.units) {
          const row = rows.find((r) => r[1] === u.unit);
          expect(row, `${u.unit} not in LibreOffice's reading of the ranking`);
          expect(Number(row[0]) === u.rank, `${u.unit}: rank ${row[0]}, CLI ${u.rank}`);
          expect(row[2] === u.score.toFixed(precision), `${u.unit}: score ${row[2]}, CLI ${u.score}`);
          const onPage = shown.find((x) => x.unit === u.unit);
          expect(onPage?.score === u.score, `${u.unit}: page ${onPage?.score}, CLI ${u.score}`);
        }
      }
      expect(reference.unranked.length === 1, `CLI unranked: ${JSON.stringify(reference.unranked)}`);
      expect(
        rows.some((r) => r.some((c) => c.includes("hong.xlsx"))),
        "the unreadable file is not on the sheet",
      );
    });

    await step("standalone: the report downloads as .xlsx and the findings as CSV with a BOM", async () => {
      const card = page.locator(`section[data-file="${units[0].path.split("/").pop()}"]`);
      const [report] = await Promise.all([
        page.waitForEvent("download"),
        card.getByRole("button", { name: "Tải báo cáo kiểm tra và Kết quả (.xlsx)" }).click(),
      ]);
      const reportPath = join(OUT, "report.xlsx");
      await report.saveAs(reportPath);
      expect(readFileSync(reportPath).subarray(0, 2).toString() === "PK", "the report is not a zip");
      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tải phát hiện của tất cả tệp (.csv)" }).click(),
      ]);
      const csvPath = join(OUT, "findings.csv");
      await csv.saveAs(csvPath);
      const bytes = readFileSync(csvPath);
      expect(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, "no UTF-8 byte-order mark");
      expect(bytes.toString("utf8").includes("score-out-of-range"), "the CSV lacks the planted finding");
    });

    await step("standalone: English, and dark with the system's colour scheme", async () => {
      await page.getByRole("button", { name: "English — chuyển sang tiếng Anh" }).click();
      await page.getByText("Files are read on this computer and never uploaded.").waitFor({ timeout: 5_000 });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.waitForFunction(() => {
        const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number);
        return r + g + b < 3 * 96;
      });
      await page.screenshot({ path: join(OUT, "4-english-dark.png"), fullPage: true });
      await page.getByRole("button", { name: "Tiếng Việt — switch to Vietnamese" }).click();
      await page.emulateMedia({ colorScheme: "light" });
    });

    await step(
      "standalone: the add-in's page outside Office shows the checker, outside the worker's scope",
      async () => {
        await page.getByText(/lần sau mở được cả khi không có mạng/).waitFor({ timeout: 30_000 });
        const pane = await context.newPage();
        await pane.goto(`${origin}/taskpane.html`);
        await pane
          .getByText(/Trang này là ngăn tác vụ của add-in, đang mở ngoài Excel/)
          .waitFor({ timeout: 20_000 });
        await ready(pane);
        const controlled = await pane.evaluate(() => navigator.serviceWorker.controller !== null);
        expect(!controlled, "the service worker controls the add-in's page");
        await pane.close();
      },
    );

    await step(
      `standalone: the pane's first load does not carry the checker nor re2js, and stays within ${PANE_INITIAL_BUDGET_KB} KB gzipped`,
      async () => {
        const { initial, kb, problems } = paneFirstLoad(DIST);
        console.log(`    pane's initial JS: ${kb.toFixed(1)} KB gzipped (${initial.join(", ")})`);
        expect(problems.length === 0, problems.join("\n"));
      },
    );

    await step(
      "standalone: with the server gone, the page loads again and still checks and ranks",
      async () => {
        await stop(server);
        server = null;
        const probe = await page.evaluate(
          (o) =>
            fetch(`${o}/not-cached-${Date.now()}`).then(
              () => "reached",
              () => "offline",
            ),
          origin,
        );
        expect(probe === "offline", "the server still answers");
        await page.reload();
        await page
          .getByText("Tệp được đọc ngay trên máy này, không tải lên đâu cả.")
          .waitFor({ timeout: 20_000 });
        await ready(page);
        await page.locator('input[data-picker="files"]').setInputFiles(units.map((u) => u.path));
        await page.getByText(/^Xong: 3 tệp/).waitFor({ timeout: 30_000 });
        await page.getByTestId("ranking-summary").waitFor({ timeout: 5_000 });
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: "Tải bảng xếp hạng (.xlsx)" }).click(),
        ]);
        expect((await download.failure()) === null, "the ranking could not be written offline");
        await page.screenshot({ path: join(OUT, "5-offline.png"), fullPage: true });
      },
    );

    await step("standalone: no script error and no Content-Security-Policy violation", async () => {
      expect(errors.length === 0, errors.join("; "));
      const violations = await page.evaluate(() => window.__cspViolations);
      expect(violations.length === 0, `CSP violations: ${violations.join(", ")}`);
      expect(leaks.length === 0, `requests off the site: ${leaks.join(", ")}`);
    });
  } finally {
    await context.close();
    if (server) await stop(server);
  }
}

// Alone: its own browser, the same "N passed, N failed" line as run.mjs.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { launch } = await import("./harness.mjs");
  const results = [];
  const step = async (name, fn) => {
    try {
      await fn();
      results.push(true);
      console.log(`  ✓ ${name}`);
    } catch (e) {
      results.push(false);
      console.log(
        `  ✗ ${name}\n    ${String(e?.message ?? e)
          .split("\n")
          .slice(0, 4)
          .join("\n    ")}`,
      );
    }
  };
  const expect = (ok, message) => {
    if (!ok) throw new Error(message);
  };
  const browser = await launch();
  try {
    await standalone({ browser, step, expect });
  } finally {
    await browser.close();
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
