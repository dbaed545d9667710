// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { quoteSheetName } from "../../src/core/address";
import { analyseWorkbook } from "../../src/core/analyse";
import { formatNumber } from "../../src/core/i18n";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { writeWorkbook } from "../../src/files/write-workbook";
import { DIFF_SHEET, INTAKE_SHEET } from "../../src/core/sheets/style";
import { createExcelService } from "../../src/excel/service";
import { consolidationWorkbook, generateUnit, resubmitUnit, unitWorkbook } from "../../src/sample";
import { DiffView } from "../../src/taskpane/DiffView";
import { IntakeView } from "../../src/taskpane/IntakeView";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";
import "../support/resize-observer";

/** The two round views as the user drives them: pick files, press the button, read the result. */
const rubric = builtinRubric("example-commune-2024") as Rubric;
const first = { seed: 43, index: 0, appraisal: 1 as const };
const leaves = flattenRubric(rubric).filter((i) => i.isLeaf && i.kind === "scored");

let installed: InstalledOffice | null = null;
afterEach(() => {
  cleanup();
  installed?.uninstall();
  installed = null;
});

/** The open workbook: these sheets on the strict fake host, and the real service over it. */
function openWorkbook(specs: Parameters<typeof FakeExcelHost.fromSpecs>[0], name: string) {
  const host = FakeExcelHost.fromSpecs(specs, name);
  installed = installFakeOffice(host);
  return { host, service: createExcelService(host.run) };
}

/** Generated units whose "Đơn vị:" line carries their name (so the row is named as the unit). */
function namedUnits(seed: number, n: number) {
  const out: ReturnType<typeof generateUnit>[] = [];
  for (let index = 0; out.length < n && index < 50; index++) {
    const u = generateUnit(rubric, { seed, index, appraisal: 1 });
    if (u.truth.unitName === u.name) out.push(u);
  }
  expect(out).toHaveLength(n);
  return out;
}

/** The hyperlinks written on a sheet of the fake host, as Excel holds them. */
function linksOn(host: FakeExcelHost, sheet: string): string[] {
  const cells = [...(host.sheet(sheet)?.cells.values() ?? [])];
  return cells.flatMap((c) => {
    const link = c.hyperlink as { documentReference?: string } | undefined;
    return link?.documentReference ? [link.documentReference] : [];
  });
}

/** A picked file; jsdom's File may lack arrayBuffer(), which the browser's has. */
function picked(bytes: Uint8Array, name: string): File {
  const file = new File([new Uint8Array(bytes)], name, { lastModified: Date.UTC(2025, 0, 1) });
  if (typeof file.arrayBuffer !== "function")
    Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.slice().buffer });
  return file;
}

async function fileOf(sheets: Parameters<typeof writeWorkbook>[0], name: string): Promise<File> {
  return picked(await writeWorkbook(sheets), name);
}

function pick(input: HTMLElement, files: File[]) {
  fireEvent.change(input, { target: { files } });
}

describe("IntakeView", () => {
  it("takes in picked files: a received unit and a file that is not a workbook, each on its row", async () => {
    const unit = generateUnit(rubric, first);
    const bad = picked(new TextEncoder().encode("STT;Nội dung\n1;x\n"), "gui-nham.xlsx");
    render(
      <FluentProvider theme={webLightTheme}>
        <IntakeView state={{ lang: "en", rubric }} />
      </FluentProvider>,
    );
    const button = screen.getByRole("button", { name: "Take in" });
    expect(button).toHaveProperty("disabled", true);
    pick(screen.getByLabelText("The units' scoring workbooks"), [
      await fileOf(unit.sheets, unit.fileName),
      bad,
    ]);
    expect(screen.getByText("2 file(s) chosen (read here, never uploaded)")).toBeTruthy();
    fireEvent.click(button);
    const table = await waitFor(() => screen.getByRole("table", { name: "Intake" }), { timeout: 10_000 });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0].textContent)).toEqual([
      "Unreadable",
      "Received",
    ]);
    expect(within(rows[1]).getAllByRole("cell")[1].textContent).toBe(unit.name);
    expect(screen.getByText(/^Received 1, missing 0, unreadable 1/)).toBeTruthy();
    // Where did this unit lose points: an SVG bar per area, its figures in its accessible name.
    fireEvent.click(screen.getByRole("button", { name: `See where ${unit.name} lost points` }));
    const chart = await waitFor(() => screen.getByRole("img", { name: /^Where the points were lost: / }));
    const name = chart.getAttribute("aria-label") ?? "";
    const [first1] = analyseWorkbook(unitWorkbook(unit), { rubric, source: unit.fileName }).units;
    const area1 = first1.score.areas[0];
    expect(name).toContain(`${area1.code}: ${formatNumber(area1.scores.final, rubric.precision, "en")}/`);
    expect(chart.querySelectorAll("g")).toHaveLength(first1.score.areas.length);
    const top = screen.getByRole("list", { name: "Items with the largest lost points" });
    expect(within(top).getAllByRole("listitem").length).toBeGreaterThan(0);
  }, 20_000);
});

describe("IntakeView on the open workbook", () => {
  it("takes in this workbook's three unit sheets, moves nothing until asked, writes 'Tiếp nhận' with a link per unit", async () => {
    const units = namedUnits(44, 3);
    const specs = consolidationWorkbook(units);
    const { host, service } = openWorkbook(specs, "Tong-hop.xlsx");
    render(
      <FluentProvider theme={webLightTheme}>
        <IntakeView state={{ lang: "en", rubric }} service={service} />
      </FluentProvider>,
    );
    const button = screen.getByRole("button", { name: "Take in" });
    expect(button).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("checkbox", { name: "This workbook's unit sheets" }));
    expect(button).toHaveProperty("disabled", false);
    fireEvent.click(button);
    const table = await waitFor(() => screen.getByRole("table", { name: "Intake" }), { timeout: 10_000 });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0].textContent)).toEqual([
      "Received",
      "Received",
      "Received",
    ]);
    const names = rows.map((r) => within(r).getByRole("button", { name: /^See where/ }).textContent);
    expect(names.sort()).toEqual(units.map((u) => u.name).sort());
    expect(screen.getByText(/^Received 3, missing 0, unreadable 0/)).toBeTruthy();
    // Reading moved nothing and wrote nothing; "go to its sheet" moves the selection, on the click only.
    expect(host.activations).toEqual([]);
    expect(host.added).toEqual([]);
    const second = specs[1];
    fireEvent.click(screen.getByRole("button", { name: `Go to ${units[1].name}'s sheet "${second.name}"` }));
    await waitFor(() => expect(host.activations).toEqual([second.name]));
    expect(host.selection).toEqual({ sheet: second.name, address: "A1" });

    fireEvent.click(screen.getByRole("button", { name: "Write the intake sheet into the workbook" }));
    await waitFor(() =>
      screen.getByText(`Wrote the sheet "${INTAKE_SHEET}" into the workbook.`, { exact: false }),
    );
    expect(host.added).toEqual([INTAKE_SHEET]);
    expect(host.activations).toEqual([second.name]);
    const links = linksOn(host, INTAKE_SHEET);
    expect(links.sort()).toEqual(specs.map((sp) => `#${quoteSheetName(sp.name)}!A1`).sort());
    expect(host.sheet(INTAKE_SHEET)?.tables).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Go to the sheet" }));
    await waitFor(() => expect(host.activations).toEqual([second.name, INTAKE_SHEET]));
  }, 30_000);

  it("a user's own 'Tiếp nhận' sheet refuses the write, in both languages' words, and stays as it was", async () => {
    const [unit] = namedUnits(45, 1);
    const { host, service } = openWorkbook(
      [
        ...consolidationWorkbook([unit]),
        { name: INTAKE_SHEET, cells: [{ row: 0, col: 0, value: "sổ tay" }] },
      ],
      "Tong-hop.xlsx",
    );
    render(
      <FluentProvider theme={webLightTheme}>
        <IntakeView state={{ lang: "vi", rubric }} service={service} />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("checkbox", { name: "Các trang của sổ đang mở" }));
    fireEvent.click(screen.getByRole("button", { name: "Tiếp nhận" }));
    const write = await waitFor(() => screen.getByRole("button", { name: "Ghi bảng tiếp nhận vào sổ" }), {
      timeout: 10_000,
    });
    fireEvent.click(write);
    await waitFor(() =>
      screen.getByText(`Sổ đã có trang "${INTAKE_SHEET}" không do tiện ích tạo.`, { exact: false }),
    );
    expect(host.values(INTAKE_SHEET)).toEqual([["sổ tay"]]);
    expect(host.added).toEqual([]);
    expect(host.activations).toEqual([]);
  }, 30_000);
});

describe("DiffView", () => {
  it("compares the open workbook (the resubmission) with an earlier version picked as a file, and writes 'So sánh' on request", async () => {
    const unit = generateUnit(rubric, first);
    const again = resubmitUnit(
      rubric,
      first,
      [
        { item: leaves[0].code, evidence: "Quyết định số 12/QĐ-UBND (bổ sung)" },
        { item: leaves[leaves.length - 1].code, explanation: "Đã bổ sung giải trình" },
      ],
      "moved-header",
    );
    const { host, service } = openWorkbook(again.unit.sheets, "moi.xlsx");
    render(
      <FluentProvider theme={webLightTheme}>
        <DiffView state={{ lang: "en", rubric }} service={service} />
      </FluentProvider>,
    );
    // The default: the open workbook against one picked file; no second picker.
    expect(screen.getByRole("radio", { name: /^The open workbook/ })).toHaveProperty("checked", true);
    expect(screen.queryByLabelText("Resubmission")).toBeNull();
    const button = screen.getByRole("button", { name: "Compare" });
    expect(button).toHaveProperty("disabled", true);
    pick(screen.getByLabelText("Earlier version"), [await fileOf(unit.sheets, unit.fileName)]);
    fireEvent.click(button);
    const items = new Set(again.changes.map((c) => c.item));
    await waitFor(() => screen.getByText(new RegExp(`^Content changes: ${items.size} item\\(s\\)`)), {
      timeout: 10_000,
    });
    const list = screen.getByRole("list", { name: "Compare with the earlier version" });
    const shown = within(list)
      .getAllByRole("listitem")
      .filter((li) => li.parentElement === list);
    expect(shown.map((li) => li.querySelector("strong")?.textContent).sort()).toEqual([...items].sort());
    for (const c of again.changes) {
      const li = shown.find((x) => x.querySelector("strong")?.textContent === c.item);
      const field = c.field === "evidence" ? "Evidence" : "Explanation";
      expect(li?.textContent).toContain(`${field}: `);
      expect(li?.textContent).toContain(`→ ${c.new} [`);
    }
    expect(host.added).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Write the comparison sheet into the workbook" }));
    await waitFor(() =>
      screen.getByText(`Wrote the sheet "${DIFF_SHEET}" into the workbook.`, { exact: false }),
    );
    expect(host.added).toEqual([DIFF_SHEET]);
    expect(host.activations).toEqual([]);
    const written = host.values(DIFF_SHEET).flat();
    for (const c of again.changes) expect(written).toContain(c.new);
    fireEvent.click(screen.getByRole("button", { name: "Go to the sheet" }));
    await waitFor(() => expect(host.activations).toEqual([DIFF_SHEET]));
  }, 30_000);

  it("with the open workbook at hand, the two-files mode still compares two picked files", async () => {
    const unit = generateUnit(rubric, first);
    const again = resubmitUnit(rubric, first, [{ item: "3.1", explanation: "Đã bổ sung" }]);
    // The open workbook is another unit altogether: the two-files mode must not read it.
    const { host, service } = openWorkbook(generateUnit(rubric, { seed: 99, index: 4 }).sheets, "khac.xlsx");
    render(
      <FluentProvider theme={webLightTheme}>
        <DiffView state={{ lang: "en", rubric }} service={service} />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("radio", { name: "Two picked files" }));
    pick(screen.getByLabelText("Earlier version"), [await fileOf(unit.sheets, unit.fileName)]);
    const button = screen.getByRole("button", { name: "Compare" });
    expect(button).toHaveProperty("disabled", true);
    pick(screen.getByLabelText("Resubmission"), [await fileOf(again.unit.sheets, "moi.xlsx")]);
    fireEvent.click(button);
    await waitFor(() => screen.getByText(/^Content changes: 1 item\(s\)/), { timeout: 10_000 });
    expect(screen.getByText(/^Explanation: .* → Đã bổ sung/)).toBeTruthy();
    expect(host.runs).toBe(0);
  }, 20_000);

  it("compares two picked versions and lists the changed cell by item", async () => {
    const unit = generateUnit(rubric, first);
    const again = resubmitUnit(
      rubric,
      first,
      [{ item: "3.1", explanation: "Đã bổ sung" }],
      "reordered-columns",
    );
    render(
      <FluentProvider theme={webLightTheme}>
        <DiffView state={{ lang: "en", rubric }} />
      </FluentProvider>,
    );
    const button = screen.getByRole("button", { name: "Compare" });
    pick(screen.getByLabelText("Earlier version"), [await fileOf(unit.sheets, unit.fileName)]);
    expect(button).toHaveProperty("disabled", true);
    pick(screen.getByLabelText("Resubmission"), [await fileOf(again.unit.sheets, "moi.xlsx")]);
    fireEvent.click(button);
    await waitFor(() => screen.getByText(/^Content changes: 1 item\(s\)/), { timeout: 10_000 });
    expect(screen.getByText(/^Explanation: .* → Đã bổ sung/)).toBeTruthy();
    expect(screen.getByText(/^Columns moved:/)).toBeTruthy();
  }, 20_000);
});

describe("the round views' file pickers", () => {
  it("speak the pane's language: no browser 'Choose Files / No file chosen', one button per picker", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <IntakeView state={{ lang: "vi", rubric }} />
        <DiffView state={{ lang: "vi", rubric }} />
      </FluentProvider>,
    );
    // Each native input is hidden from the Tab order; the pane's own button opens it.
    const inputs = [...document.querySelectorAll("input[type=file]")] as HTMLInputElement[];
    expect(inputs.length).toBeGreaterThanOrEqual(4);
    for (const input of inputs) expect(input.tabIndex).toBe(-1);
    expect(screen.getAllByRole("button", { name: /^Chọn tệp…|^Chọn thư mục…/ }).length).toBe(inputs.length);
    expect(screen.getByRole("button", { name: /^Chọn thư mục…/ })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Choose|No file chosen|Browse/);
    expect(screen.getAllByText("Chưa chọn tệp").length).toBe(inputs.length);
  });
});
