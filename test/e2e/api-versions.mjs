// Issue #28: the production pane on fake hosts that refuse, as Excel does, every member above the API
// set they claim (table from @types/office-js): 1.1 (Excel 2016: the "too old" message, nothing read),
// 1.7 (the manifest's minimum: the check works, nothing refused) and the newest set.
import { spawnSync } from "node:child_process";
import { localPage } from "./harness.mjs";

function apiSets() {
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "test/e2e/api-sets.ts"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`could not extract the API-set table: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function newest(table) {
  const versions = Object.values(table).filter((v) => /^\d/.test(v));
  const key = (v) => v.split(".").map(Number);
  return versions.reduce((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return a1 > b1 || (a1 === b1 && a2 >= b2) ? a : b;
  });
}

async function paneOn(browser, origin, table, claim) {
  const page = await localPage(browser, origin);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(
    ([t, c]) => {
      window.__PAR_API_SETS__ = t;
      window.__PAR_FAKE_EXCEL_API__ = c;
    },
    [table, claim],
  );
  await page.goto(`${origin}/taskpane.html`);
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
  return { page, errors };
}

export default async function apiVersions({ browser, origin, step, expect }) {
  const table = apiSets();
  await step("on Excel 2016 (ExcelApi 1.1) the pane says Excel is too old and reads nothing", async () => {
    const { page, errors } = await paneOn(browser, origin, table, "1.1");
    await page
      .getByRole("alert")
      .getByText(/quá cũ/)
      .waitFor({ timeout: 20_000 });
    const host = await page.evaluate(() => ({
      syncs: window.__PAR_FAKE_HOST__.syncs,
      refused: window.__PAR_FAKE_HOST__.refusedApis,
    }));
    expect(host.syncs === 0, `the pane synced ${host.syncs} times on a 1.1 host`);
    expect(errors.length === 0, errors.join("; "));
    await page.close();
  });
  for (const claim of ["1.7", newest(table)]) {
    await step(`on a host claiming ExcelApi ${claim} the check runs and no member is refused`, async () => {
      const { page, errors } = await paneOn(browser, origin, table, claim);
      await page.getByRole("region", { name: "Kết quả kiểm tra" }).waitFor({ timeout: 20_000 });
      const refused = await page.evaluate(() => window.__PAR_FAKE_HOST__.refusedApis);
      expect(refused.length === 0, `refused: ${refused.join(", ")}`);
      expect(errors.length === 0, errors.join("; "));
      await page.close();
    });
  }
}
