// End-to-end: the production task pane in Debian's Chromium, on the fake Excel host, clicked like a user.
// Prints "N passed, N failed" (scripts/test.mjs adds it to the total) and exits non-zero on a failure.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { launch, localPage, OUT, prepare, serve } from "./harness.mjs";
import { paneStates } from "./pane-states.mjs";
import { roundTabs } from "./round-tabs.mjs";

const results = [];
async function step(name, fn) {
  try {
    await fn();
    results.push([name, true]);
    console.log(`  ✓ ${name}`);
  } catch (e) {
    results.push([name, false]);
    console.log(
      `  ✗ ${name}\n    ${String(e?.message ?? e)
        .split("\n")
        .slice(0, 4)
        .join("\n    ")}`,
    );
  }
}
const expect = (ok, message) => {
  if (!ok) throw new Error(message);
};

await prepare();
const { server, origin } = await serve();
const browser = await launch();
try {
  const page = await localPage(browser, origin);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Workbooks never leave the machine: any request that is not a GET to the local server is recorded.
  const leaks = [];
  page.on("request", (r) => {
    if (r.method() !== "GET" || !r.url().startsWith(origin)) leaks.push(`${r.method()} ${r.url()}`);
  });
  await page.goto(`${origin}/taskpane.html`);

  await step("the pane opens in Vietnamese and checks the active unit, writing nothing", async () => {
    const check = page.getByRole("button", { name: "Kiểm tra", exact: true });
    await check.waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll("button")].some(
          (b) => b.textContent === "Kiểm tra" && b.getAttribute("aria-disabled") !== "true",
        ),
      null,
      { timeout: 20_000 },
    );
    await check.click();
    await page.getByRole("region", { name: "Kết quả kiểm tra" }).waitFor({ timeout: 20_000 });
    await page.locator("button[data-code]").first().waitFor({ timeout: 20_000 });
    const written = await page.evaluate(() => window.__PAR_FAKE_HOST__.sheets.map((s) => s.name));
    expect(!written.includes("Báo cáo kiểm tra"), `a check wrote the report: ${written.join(", ")}`);
    await page.screenshot({ path: join(OUT, "1-check.png"), fullPage: true });
  });

  await step("clicking a finding selects its cell in Excel", async () => {
    const finding = page.locator("button[data-code]").first();
    const address = /^([A-Z]+\d+)/.exec((await finding.textContent()) ?? "")?.[1];
    await finding.click();
    await page.waitForFunction((a) => window.__PAR_FAKE_HOST__.selection?.address === a, address, {
      timeout: 10_000,
    });
    const selection = await page.evaluate(() => window.__PAR_FAKE_HOST__.selection);
    expect(selection.address === address, `selected ${JSON.stringify(selection)}, expected ${address}`);
  });

  await step("a finding is reachable with the keyboard, and Enter selects its cell", async () => {
    await page
      .getByRole("button", { name: /^Kiểm tra/ })
      .first()
      .focus();
    let code = null;
    for (let i = 0; i < 80 && !code; i++) {
      await page.keyboard.press("Tab");
      code = await page.evaluate(() => document.activeElement?.getAttribute("data-code") ?? null);
    }
    expect(code !== null, "no finding reached with Tab");
    const label = await page.evaluate(() => document.activeElement?.textContent ?? "");
    const address = /^([A-Z]+\d+)/.exec(label)?.[1];
    expect(address, `focused finding does not start with its cell: ${label}`);
    // Forget the earlier click's selection, so only this Enter can select the cell.
    await page.evaluate(() => {
      window.__PAR_FAKE_HOST__.selection = null;
    });
    await page.keyboard.press("Enter");
    await page.waitForFunction((a) => window.__PAR_FAKE_HOST__.selection?.address === a, address, {
      timeout: 10_000,
    });
  });

  await step("building the ranking writes the ranking sheet and shows a preview", async () => {
    await page.getByRole("tab", { name: "Xếp hạng" }).click();
    await page.getByRole("button", { name: "Lập bảng xếp hạng" }).click();
    await page.getByText(/Đã ghi trang "Xếp hạng": 3 đơn vị được xếp hạng/).waitFor({ timeout: 20_000 });
    const names = await page.evaluate(() => window.__PAR_FAKE_HOST__.sheets.map((s) => s.name));
    expect(names.includes("Xếp hạng"), `no ranking sheet: ${names.join(", ")}`);
    await page.screenshot({ path: join(OUT, "2-ranking.png"), fullPage: true });
  });

  await step(
    "units' .xlsx files are read in the browser, never uploaded; a broken one is listed",
    async () => {
      const made = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "test/e2e/unit-files.ts"], {
        encoding: "utf8",
      });
      expect(made.status === 0, `could not write the unit files: ${made.stderr}`);
      const { units, broken } = JSON.parse(made.stdout);
      await page.getByRole("combobox", { name: "Nguồn" }).selectOption("files");
      await page.getByLabel("Chọn tệp").setInputFiles([...units, broken]);
      await page.getByRole("button", { name: "Lập bảng xếp hạng" }).click();
      await page
        .getByText(/Đã ghi trang "Xếp hạng": 2 đơn vị được xếp hạng, 1 chưa xếp hạng/)
        .waitFor({ timeout: 30_000 });
      const listed = await page.getByText("Tệp không đọc được").locator("xpath=..").textContent();
      expect(listed.includes("hong.xlsx"), `the broken file is not listed: ${listed}`);
      const mentions = await page.getByText(/hong\.xlsx/).count();
      expect(mentions === 1, `the broken file is listed ${mentions} times`);
      expect(leaks.length === 0, `requests that could carry data: ${leaks.join(", ")}`);
      await page.screenshot({ path: join(OUT, "3-ranking-files.png"), fullPage: true });
    },
  );

  await step("switching to English changes the pane's language", async () => {
    await page.getByRole("button", { name: "English — chuyển sang tiếng Anh" }).click();
    await page.getByRole("tab", { name: "Ranking" }).waitFor({ timeout: 5_000 });
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByRole("button", { name: "Check again" }).waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(OUT, "4-english.png"), fullPage: true });
  });

  await paneStates({ browser, origin, step, expect });
  await roundTabs({ browser, origin, step, expect });

  await step("no script error on the page", async () => {
    expect(errors.length === 0, errors.join("; "));
    expect((await page.locator("#par-legacy").count()) === 0, "the old-webview notice is still on the page");
  });

  await step(
    "opened outside Office, the pane's page becomes the standalone checker and says so",
    async () => {
      const outside = await localPage(browser, origin);
      await outside.goto(`${origin}/taskpane.html?outside`);
      await outside
        .getByText(
          /Trang này là ngăn tác vụ của add-in, đang mở ngoài Excel|This is the add-in's task pane, opened outside Excel/,
        )
        .waitFor({ timeout: 20_000 });
      await outside.screenshot({ path: join(OUT, "5-outside-office.png") });
    },
  );
  await step(
    "with no Office theme (Excel on the web), a dark system scheme gives the dark theme",
    async () => {
      const dark = await localPage(browser, origin);
      await dark.emulateMedia({ colorScheme: "dark" });
      await dark.goto(`${origin}/taskpane.html`);
      await dark.getByRole("tablist").waitFor({ timeout: 20_000 });
      const background = await dark.evaluate(() => {
        const provider = document.querySelector("main")?.parentElement;
        return provider ? getComputedStyle(provider).backgroundColor : "";
      });
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
      expect(r + g + b < 3 * 96, `background ${background} is not dark`);
      await dark.screenshot({ path: join(OUT, "6-dark.png"), fullPage: true });
      await dark.close();
    },
  );

  await step("a webview without what Fluent v9 needs gets a plain message", async () => {
    const old = await localPage(browser, origin);
    await old.addInitScript(() => {
      Object.defineProperty(window, "CSS", { value: undefined, configurable: true });
    });
    await old.goto(`${origin}/taskpane.html`);
    await old
      .getByText(/too old to run the task pane|quá cũ để chạy ngăn tác vụ/)
      .waitFor({ timeout: 10_000 });
    expect((await old.locator("main [role='tablist']").count()) === 0, "the pane rendered anyway");
    await old.close();
  });

  await step("a webview that cannot even parse the pane's script shows the page's own notice", async () => {
    const old = await localPage(browser, origin);
    // What IE11 or an old EdgeHTML sees in an ES2020 bundle: a syntax error before any line runs.
    await old.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) =>
      route.fulfill({ contentType: "text/javascript", body: "const broken = ;" }),
    );
    const cdp = await old.context().newCDPSession(old);
    await cdp.send("Animation.enable");
    await cdp.send("Animation.setPlaybackRate", { playbackRate: 20 });
    await old.goto(`${origin}/taskpane.html`);
    const notice = old.locator("#par-legacy");
    await notice.waitFor({ state: "visible", timeout: 15_000 });
    expect((await notice.textContent()).includes("quá cũ"), "no Vietnamese notice");
    await old.screenshot({ path: join(OUT, "7-old-webview.png") });
    await old.close();
  });
  await (await import("./standalone.mjs")).default({ browser, step, expect });
  await (await import("./api-versions.mjs")).default({ browser, origin, step, expect });
} finally {
  await browser.close();
  server.close();
}
const failed = results.filter(([, ok]) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
