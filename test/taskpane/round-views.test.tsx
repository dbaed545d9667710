// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../src/core/analyse";
import { formatNumber } from "../../src/core/i18n";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { writeWorkbook } from "../../src/files/write-workbook";
import { generateUnit, resubmitUnit, unitWorkbook } from "../../src/sample";
import { DiffView } from "../../src/taskpane/DiffView";
import { IntakeView } from "../../src/taskpane/IntakeView";

/** The two round views as the user drives them: pick files, press the button, read the result. */
const rubric = builtinRubric("example-commune-2024") as Rubric;
const first = { seed: 43, index: 0, appraisal: 1 as const };

afterEach(cleanup);

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

describe("DiffView", () => {
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
