// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { INTAKE_SHEET } from "../../src/core/sheets/style";
import { createExcelService } from "../../src/excel/service";
import { writeWorkbook } from "../../src/files/write-workbook";
import { generateUnit } from "../../src/sample";
import { App } from "../../src/taskpane/App";
import { IntakeView } from "../../src/taskpane/IntakeView";
import { FakeExcelHost } from "../fake-excel/host";
import { type InstalledOffice, installFakeOffice } from "../fake-excel/install";
import "../support/resize-observer";

/**
 * Issue #26 item 4 in the pane: the two Settings fields (annex lines, signature block) checked as typed
 * and printed on the ranking sheet the pane writes, over the real service on the strict fake host.
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;
let installed: InstalledOffice | null = null;
afterEach(() => {
  cleanup();
  installed?.uninstall();
  installed = null;
});

const ANNEX = "Phụ lục 03|Kèm theo Quyết định số 77/QĐ-UBND";
const SIGNATURE = "NGƯỜI LẬP BIỂU|TM. ỦY BAN NHÂN DÂN|Hưng Yên, ngày 10 tháng 01 năm 2027";

async function openPane() {
  const units = [0, 1].map((index) => generateUnit(rubric, { seed: 11, index, appraisal: 1 }));
  const host = FakeExcelHost.fromSpecs(
    units.flatMap((u) =>
      u.sheets.slice(0, 1).map((s, i) => ({ ...s, name: `Đơn vị ${u.name.slice(0, 20)} ${i}` })),
    ),
    "ranking.xlsx",
  );
  installed = installFakeOffice(host);
  const service = createExcelService(host.run);
  render(
    <FluentProvider theme={webLightTheme}>
      <App loadService={async () => service} initialLang="vi" />
    </FluentProvider>,
  );
  await screen.findByRole("button", { name: "Kiểm tra" });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Cài đặt" })));
  return host;
}

describe("annex and signature settings", () => {
  it("typed in Settings, they print above the ranking's title and under its table", async () => {
    const host = await openPane();
    const annex = await screen.findByLabelText(/Phụ lục \/ quyết định/);
    const signature = screen.getByLabelText(/Khối chữ ký/);
    await act(async () => fireEvent.change(annex, { target: { value: ANNEX } }));
    await act(async () => fireEvent.change(signature, { target: { value: SIGNATURE } }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Cài đặt" })));
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Xếp hạng" })));
    const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" });
    await waitFor(() => expect((build as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(build));
    await screen.findByText(/Đã ghi trang "Xếp hạng"/, undefined, { timeout: 10_000 });
    const values = host.values("Xếp hạng");
    const rowOf = (text: string) => values.findIndex((r) => r.includes(text));
    expect(rowOf("Phụ lục 03")).toBe(0);
    expect(rowOf("Kèm theo Quyết định số 77/QĐ-UBND")).toBe(1);
    const title = values.findIndex((r) => r.some((v) => typeof v === "string" && /XẾP HẠNG/.test(v)));
    expect(title).toBeGreaterThan(1);
    const placeDate = rowOf("Hưng Yên, ngày 10 tháng 01 năm 2027");
    expect(placeDate).toBeGreaterThan(title + 2);
    expect(rowOf("NGƯỜI LẬP BIỂU")).toBe(placeDate + 1);
    expect(rowOf("TM. ỦY BAN NHÂN DÂN")).toBe(placeDate + 1);
    // Nothing of the user's text is in the table above the signature but the annex lines themselves.
    expect(
      values
        .slice(2, placeDate)
        .flat()
        .filter((v) => v === "NGƯỜI LẬP BIỂU"),
    ).toEqual([]);
  });

  it("a value parseAnnex refuses is shown under its field and never reaches the sheet", async () => {
    const host = await openPane();
    const annex = await screen.findByLabelText(/Phụ lục \/ quyết định/);
    await act(async () => fireEvent.change(annex, { target: { value: "1|2|3|4|5|6|7" } }));
    expect(await screen.findByText(/^tối đa 6 dòng, mỗi dòng tối đa 300 ký tự/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Cài đặt" })));
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Xếp hạng" })));
    const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" });
    await waitFor(() => expect((build as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(build));
    await screen.findByText(/Đã ghi trang "Xếp hạng"/, undefined, { timeout: 10_000 });
    const values = host.values("Xếp hạng");
    expect(values.flat().filter((v) => v === "1" || v === "7")).toEqual([]);
    // No annex: the rubric line first, the title under it.
    expect(String(values[0][0])).toMatch(/^Bộ chỉ số: /);
    expect(String(values[1][0])).toMatch(/XẾP HẠNG/);
  });

  it("the intake sheet the pane writes carries them too", async () => {
    const unit = generateUnit(rubric, { seed: 11, index: 0, appraisal: 1 });
    const host = FakeExcelHost.fromSpecs(
      [{ name: "Ghi chú", cells: [{ row: 0, col: 0, value: "x" }] }],
      "so.xlsx",
    );
    installed = installFakeOffice(host);
    const bytes = await writeWorkbook(unit.sheets);
    const file = new File([new Uint8Array(bytes)], unit.fileName);
    if (typeof file.arrayBuffer !== "function")
      Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.slice().buffer });
    render(
      <FluentProvider theme={webLightTheme}>
        <IntakeView
          state={{ lang: "vi", rubric, settings: { annex: ANNEX, signature: SIGNATURE } }}
          service={createExcelService(host.run)}
        />
      </FluentProvider>,
    );
    fireEvent.change(screen.getByLabelText("Các biểu chấm điểm đơn vị gửi"), { target: { files: [file] } });
    fireEvent.click(screen.getByRole("button", { name: "Tiếp nhận" }));
    const write = await screen.findByRole(
      "button",
      { name: "Ghi bảng tiếp nhận vào sổ" },
      { timeout: 10_000 },
    );
    await act(async () => fireEvent.click(write));
    await waitFor(() => expect(host.sheet(INTAKE_SHEET)).toBeTruthy());
    const values = host.values(INTAKE_SHEET);
    const rowOf = (text: string) => values.findIndex((r) => r.includes(text));
    expect(rowOf("Phụ lục 03")).toBe(0);
    expect(rowOf("Kèm theo Quyết định số 77/QĐ-UBND")).toBe(1);
    const placeDate = rowOf("Hưng Yên, ngày 10 tháng 01 năm 2027");
    expect(placeDate).toBeGreaterThan(rowOf(unit.name));
    expect(rowOf("TM. ỦY BAN NHÂN DÂN")).toBe(placeDate + 1);
  });

  it("so does the appraisal result written from the Check tab", async () => {
    const host = await openPane();
    const annex = await screen.findByLabelText(/Phụ lục \/ quyết định/);
    await act(async () => fireEvent.change(annex, { target: { value: ANNEX } }));
    await act(async () =>
      fireEvent.change(screen.getByLabelText(/Khối chữ ký/), { target: { value: SIGNATURE } }),
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Cài đặt" })));
    const check = screen.getByRole("button", { name: "Kiểm tra" });
    await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(check));
    await act(async () =>
      fireEvent.click(await screen.findByRole("button", { name: "Ghi vào sổ" }, { timeout: 10_000 })),
    );
    await act(async () =>
      fireEvent.click(await screen.findByRole("button", { name: "Ghi kết quả thẩm định vào sổ" })),
    );
    await waitFor(() => expect(host.sheet("Kết quả thẩm định")).toBeTruthy());
    const values = host.values("Kết quả thẩm định");
    const rowOf = (text: string) => values.findIndex((r) => r.includes(text));
    expect(rowOf("Phụ lục 03")).toBe(0);
    expect(rowOf("Kèm theo Quyết định số 77/QĐ-UBND")).toBe(1);
    // The annex stays on top (the decree's layout); the rubric line opens the sheet's own content.
    expect(String(values[3][0])).toMatch(/^Bộ chỉ số: /);
    const title = values.findIndex((r) => r.includes("KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC"));
    expect(title).toBe(4);
    const placeDate = rowOf("Hưng Yên, ngày 10 tháng 01 năm 2027");
    expect(placeDate).toBeGreaterThan(title + 2);
    expect(rowOf("NGƯỜI LẬP BIỂU")).toBe(placeDate + 1);
  });
});
