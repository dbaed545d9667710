// End-to-end: the production task pane in Debian's Chromium, on the fake Excel host, clicked like a user.
// Prints "N passed, N failed" (scripts/test.mjs adds it to the total) and exits non-zero on a failure.
import { join } from "node:path";
import { launch, localPage, OUT, prepare, serve } from "./harness.mjs";

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
  await page.goto(`${origin}/taskpane.html`);

  await step("the pane opens in Vietnamese and checks the active unit", async () => {
    const check = page.getByRole("button", { name: "Kiểm tra", exact: true });
    await check.waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      () => !document.querySelector("button[disabled]")?.textContent?.startsWith("Kiểm tra"),
      null,
      { timeout: 20_000 },
    );
    await check.click();
    await page.getByRole("group", { name: /^Lỗi \(\d+\)$/ }).waitFor({ timeout: 20_000 });
    const written = await page.evaluate(() => window.__PAR_FAKE_HOST__.sheets.map((s) => s.name));
    expect(written.includes("Báo cáo kiểm tra"), `no report sheet written: ${written.join(", ")}`);
    await page.screenshot({ path: join(OUT, "1-check.png"), fullPage: true });
  });

  await step("clicking a finding selects its cell in Excel", async () => {
    const finding = page.locator("button[data-code]:not([disabled])").first();
    const label = (await finding.getAttribute("aria-label")) ?? "";
    const address = /Chọn ô ([A-Z]+\d+)/.exec(label)?.[1];
    await finding.click();
    await page.waitForFunction((a) => window.__PAR_FAKE_HOST__.selection?.address === a, address, {
      timeout: 10_000,
    });
    const selection = await page.evaluate(() => window.__PAR_FAKE_HOST__.selection);
    expect(selection.address === address, `selected ${JSON.stringify(selection)}, expected ${address}`);
  });

  await step("building the ranking writes the ranking sheet and shows a preview", async () => {
    await page.getByRole("tab", { name: "Xếp hạng" }).click();
    await page.getByRole("button", { name: "Lập bảng xếp hạng" }).click();
    await page.getByText(/Đã ghi trang "Xếp hạng": 3 đơn vị được xếp hạng/).waitFor({ timeout: 20_000 });
    const names = await page.evaluate(() => window.__PAR_FAKE_HOST__.sheets.map((s) => s.name));
    expect(names.includes("Xếp hạng"), `no ranking sheet: ${names.join(", ")}`);
    await page.screenshot({ path: join(OUT, "2-ranking.png"), fullPage: true });
  });

  await step("switching to English changes the pane's language", async () => {
    await page.getByRole("button", { name: "Chuyển sang tiếng Anh" }).click();
    await page.getByRole("tab", { name: "Ranking" }).waitFor({ timeout: 5_000 });
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByRole("button", { name: "Check again" }).waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(OUT, "3-english.png"), fullPage: true });
  });

  await step("no script error on the page", async () => {
    expect(errors.length === 0, errors.join("; "));
  });

  await step("opened outside Office, the page says to open it in Excel", async () => {
    const outside = await localPage(browser, origin);
    await outside.goto(`${origin}/taskpane.html?outside`);
    await outside
      .getByText(/Hãy mở trang này trong Excel|Open this page in Excel/)
      .waitFor({ timeout: 10_000 });
    await outside.screenshot({ path: join(OUT, "4-outside-office.png") });
  });
} finally {
  await browser.close();
  server.close();
}
const failed = results.filter(([, ok]) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
