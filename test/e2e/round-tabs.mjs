// Issue 16, "Must show": the round in the pane — the "Tiếp nhận" tab on picked files (one row per unit:
// received, duplicate, unreadable) and the "So sánh" tab on two picked versions of one unit (the changed
// items with old → new values); then on the open workbook: the intake of its unit sheets and the
// "Ghi bảng tiếp nhận vào sổ" write (one link per unit sheet), and the open workbook (a resubmission)
// against an earlier file, written as "So sánh". Expectations come from the generated files
// (test/e2e/round-files.ts, resubmitUnit's record of its changes) and the workbook the host holds, never
// from the engine. Screenshots in vi at 320 and 500 px to the harness's OUT folder. Nothing is added or
// activated until the user asks (the fake host records both).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { OUT } from "./harness.mjs";

/** The pane on the fake host; `workbook` (a snapshot) replaces the run's sample workbook for this page. */
async function openPane(browser, origin, width, workbook) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (workbook && url === `${origin}/__workbook.js`)
      return route.fulfill({
        contentType: "text/javascript",
        body: `window.__PAR_FAKE_WORKBOOK__ = ${JSON.stringify(workbook)};`,
      });
    return url.startsWith(origin) ? route.continue() : route.abort();
  });
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole("tab", { name: "Tiếp nhận" }).waitFor({ timeout: 20_000 });
  return page;
}

async function shots(page, name) {
  for (const width of [500, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(OUT, `${name}-vi-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 500, height: 900 });
}

const hostMoves = (page) =>
  page.evaluate(() => ({
    added: [...window.__PAR_FAKE_HOST__.added],
    activations: [...window.__PAR_FAKE_HOST__.activations],
  }));

export async function roundTabs({ browser, origin, step, expect }) {
  const made = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "test/e2e/round-files.ts"], {
    encoding: "utf8",
  });
  if (made.status !== 0) {
    await step("the round's files are generated", async () => {
      throw new Error(`could not write the round's files: ${made.stderr}`);
    });
    return;
  }
  const truth = JSON.parse(made.stdout);
  const page = await openPane(browser, origin, 500);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const leaks = [];
  page.on("request", (r) => {
    if (r.method() !== "GET" || !r.url().startsWith(origin)) leaks.push(`${r.method()} ${r.url()}`);
  });
  const before = await hostMoves(page);

  await step(
    "Tiếp nhận: picked files give one row per unit — received, duplicate (newer counted), unreadable",
    async () => {
      await page.getByRole("tab", { name: "Tiếp nhận" }).click();
      await page.getByLabel("Các biểu chấm điểm đơn vị gửi", { exact: true }).setInputFiles(truth.files);
      await page.getByText(`Đã chọn ${truth.files.length} tệp`).waitFor({ timeout: 10_000 });
      await page.getByRole("button", { name: "Tiếp nhận", exact: true }).click();
      const table = page.getByRole("table", { name: "Tiếp nhận" });
      await table.waitFor({ timeout: 60_000 });
      const rows = await table
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
        );
      expect(
        rows.length === truth.rows.length,
        `${rows.length} rows for ${truth.rows.length} units: ${JSON.stringify(rows.map((r) => r.slice(0, 2)))}`,
      );
      for (const want of truth.rows) {
        const row = rows.find((r) => r[1].startsWith(want.unit));
        expect(row, `no row for ${want.unit}: ${JSON.stringify(rows.map((r) => r[1]))}`);
        expect(row[0] === want.status, `${want.unit}: status "${row[0]}", expected "${want.status}"`);
      }
      const duplicate = rows.find((r) => r[1].startsWith(truth.rows[0].unit));
      expect(
        duplicate[1].includes(`dùng ${truth.rows[0].file}`),
        `the duplicate row does not name the newer file ${truth.rows[0].file}: ${duplicate[1]}`,
      );
      const unreadable = rows.find((r) => r[1].startsWith("gui-nham"));
      expect(
        unreadable[1].length > "gui-nham".length,
        `the unreadable row gives no reason: ${unreadable[1]}`,
      );
      await page
        .getByText("Đã nhận 1, chưa nộp 0, không đọc được 1, nộp trùng 1, ngoài danh sách 0")
        .waitFor({ timeout: 5_000 });
      await shots(page, "8-intake");
    },
  );

  await step("So sánh: two picked versions show the changed items with old → new values", async () => {
    await page.getByRole("tab", { name: "So sánh" }).click();
    // The open workbook is the default; two picked files is the other choice.
    await page.getByRole("radio", { name: "Hai tệp chọn từ máy" }).check();
    await page.getByLabel("Bản trước", { exact: true }).setInputFiles(truth.before);
    await page.getByLabel("Bản nộp lại", { exact: true }).setInputFiles(truth.after);
    await page.getByRole("button", { name: "So sánh", exact: true }).click();
    const items = new Set(truth.changes.map((c) => c.item));
    await page
      .getByText(new RegExp(`^Thay đổi nội dung: ${items.size} tiêu chí`))
      .waitFor({ timeout: 60_000 });
    const list = page.getByRole("list", { name: "So sánh với bản trước" });
    const shown = await list.locator(":scope > li").evaluateAll((lis) =>
      lis.map((li) => ({
        item: li.querySelector("strong")?.textContent ?? "",
        text: li.textContent ?? "",
      })),
    );
    expect(
      shown.length === items.size && shown.every((s) => items.has(s.item)),
      `items shown ${JSON.stringify(shown.map((s) => s.item))}, changed ${JSON.stringify([...items])}`,
    );
    expectChanges(expect, shown, truth.changes);
    await shots(page, "9-diff");
  });

  await step("Tiếp nhận and So sánh add no sheet, activate none, send nothing", async () => {
    const after = await hostMoves(page);
    expect(after.added.length === before.added.length, `sheets added: ${after.added.join(", ")}`);
    expect(
      after.activations.length === before.activations.length,
      `sheets activated: ${after.activations.join(", ")}`,
    );
    expect(leaks.length === 0, `requests that could carry data: ${leaks.join(", ")}`);
    expect(errors.length === 0, errors.join("; "));
  });
  await page.close();
  await intakeHere({ browser, origin, step, expect });
  await diffOpen({ browser, origin, step, expect, truth });
}

/** Every changed item shown once, each with its planted old → new value. */
function expectChanges(expect, shown, changes) {
  const items = new Set(changes.map((c) => c.item));
  expect(
    shown.length === items.size && shown.every((s) => items.has(s.item)),
    `items shown ${JSON.stringify(shown.map((s) => s.item))}, changed ${JSON.stringify([...items])}`,
  );
  for (const c of changes) {
    const li = shown.find((s) => s.item === c.item);
    const want = `${c.field}: ${c.old} [`;
    expect(li.text.includes(want), `${c.item}: no "${want}" in ${li.text}`);
    expect(li.text.includes(`→ ${c.new} [`), `${c.item}: no "→ ${c.new}" in ${li.text}`);
  }
}

const linksOn = (page, sheet) =>
  page.evaluate(
    (name) =>
      [...(window.__PAR_FAKE_HOST__.sheets.find((s) => s.name === name)?.cells.values() ?? [])]
        .map((c) => c.hyperlink?.documentReference)
        .filter(Boolean),
    sheet,
  );

/** The run's consolidation workbook (three unit sheets): its intake, then the intake sheet written on request. */
async function intakeHere({ browser, origin, step, expect }) {
  const page = await openPane(browser, origin, 500);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const sheets = await page.evaluate(() => window.__PAR_FAKE_HOST__.sheets.map((s) => s.name));
  await step(
    "Tiếp nhận: this workbook's unit sheets, one received row each, 'go to' moves only on its click",
    async () => {
      await page.getByRole("tab", { name: "Tiếp nhận" }).click();
      await page.getByRole("checkbox", { name: "Các trang của sổ đang mở" }).check();
      await page.getByRole("button", { name: "Tiếp nhận", exact: true }).click();
      const table = page.getByRole("table", { name: "Tiếp nhận" });
      await table.waitFor({ timeout: 60_000 });
      const status = await table.locator("tbody tr td:first-child").allTextContents();
      expect(
        status.length === sheets.length && status.every((t) => t === "Đã nhận"),
        `statuses ${JSON.stringify(status)} for the sheets ${JSON.stringify(sheets)}`,
      );
      for (const sheet of sheets) {
        const n = await page
          .getByRole("button", { name: new RegExp(`^Đi tới trang "${escapeRegExp(sheet)}"`) })
          .count();
        expect(n === 1, `${n} "go to" buttons for the sheet ${sheet}`);
      }
      const moves = await hostMoves(page);
      expect(moves.activations.length === 0 && moves.added.length === 0, `moved: ${JSON.stringify(moves)}`);
      await shots(page, "10-intake-here");
      await page
        .getByRole("button", { name: new RegExp(`^Đi tới trang "${escapeRegExp(sheets[1])}"`) })
        .click();
      await page.waitForFunction((s) => window.__PAR_FAKE_HOST__.activations.includes(s), sheets[1], {
        timeout: 10_000,
      });
    },
  );
  await step(
    "Ghi bảng tiếp nhận vào sổ: writes exactly 'Tiếp nhận', a link per unit sheet, activates nothing",
    async () => {
      const before = await hostMoves(page);
      await page.getByRole("button", { name: "Ghi bảng tiếp nhận vào sổ" }).click();
      await page.getByText('Đã ghi trang "Tiếp nhận" vào sổ.', { exact: false }).waitFor({ timeout: 20_000 });
      const after = await hostMoves(page);
      expect(
        JSON.stringify(after.added.slice(before.added.length)) === JSON.stringify(["Tiếp nhận"]),
        `added ${JSON.stringify(after.added)}`,
      );
      expect(
        after.activations.length === before.activations.length,
        `activated ${after.activations.join(", ")}`,
      );
      const links = await linksOn(page, "Tiếp nhận");
      expect(
        links.length === sheets.length &&
          sheets.every((s) => links.some((l) => l.includes(s) && l.endsWith("!A1"))),
        `links ${JSON.stringify(links)} for the sheets ${JSON.stringify(sheets)}`,
      );
      await shots(page, "11-intake-written");
      await page.getByRole("button", { name: "Đi tới trang", exact: true }).click();
      await page.waitForFunction(() => window.__PAR_FAKE_HOST__.activations.at(-1) === "Tiếp nhận", null, {
        timeout: 10_000,
      });
      expect(errors.length === 0, errors.join("; "));
    },
  );
  await page.close();
}

/** A resubmission open in Excel against its earlier version picked as a file; "So sánh" written on request. */
async function diffOpen({ browser, origin, step, expect, truth }) {
  const page = await openPane(browser, origin, 500, truth.open);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await step(
    "So sánh: the open workbook against an earlier file shows the planted changes; written on request",
    async () => {
      await page.getByRole("tab", { name: "So sánh" }).click();
      const open = page.getByRole("radio", { name: /^Sổ đang mở/ });
      expect(await open.isChecked(), "the open workbook is not the default");
      await page.getByLabel("Bản trước", { exact: true }).setInputFiles(truth.before);
      await page.getByRole("button", { name: "So sánh", exact: true }).click();
      const items = new Set(truth.changes.map((c) => c.item));
      await page
        .getByText(new RegExp(`^Thay đổi nội dung: ${items.size} tiêu chí`))
        .waitFor({ timeout: 60_000 });
      const shown = await page
        .getByRole("list", { name: "So sánh với bản trước" })
        .locator(":scope > li")
        .evaluateAll((lis) =>
          lis.map((li) => ({
            item: li.querySelector("strong")?.textContent ?? "",
            text: li.textContent ?? "",
          })),
        );
      expectChanges(expect, shown, truth.changes);
      const before = await hostMoves(page);
      expect(before.added.length === 0, `added before the click: ${before.added.join(", ")}`);
      await shots(page, "12-diff-open");
      await page.getByRole("button", { name: "Ghi bảng so sánh vào sổ" }).click();
      await page.getByText('Đã ghi trang "So sánh" vào sổ.', { exact: false }).waitFor({ timeout: 20_000 });
      const after = await hostMoves(page);
      expect(
        JSON.stringify(after.added) === JSON.stringify(["So sánh"]),
        `added ${JSON.stringify(after.added)}`,
      );
      expect(after.activations.length === 0, `activated ${after.activations.join(", ")}`);
      expect(errors.length === 0, errors.join("; "));
    },
  );
  await page.close();
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
