// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readWorkbook } from "../../src/files/read-workbook";
import { StandaloneApp } from "../../src/standalone/App";
import { STORAGE_KEY } from "../../src/standalone/rubric-choice";
import { agency, NOT_A_ZIP, type UnitFile, unitFile } from "./helpers";
import "../support/resize-observer";

/**
 * The standalone page as a user meets it (issue #17): pick files → per-file summary, totals and findings;
 * several → the ranking; downloads; the rubric choice and language remembered. Real engine, real .xlsx.
 */
function memoryStore() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

/** The engine arrives through a dynamic import: the first one in a test process compiles it. */
const ENGINE_LOAD = { timeout: 30_000 };

/** What a downloaded blob holds, byte-order mark included (jsdom's Blob has no arrayBuffer()). */
function bytesOfBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** jsdom's File has no arrayBuffer(); browsers' do. */
function file(name: string, bytes: Uint8Array): File {
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.slice().buffer });
  return f;
}

let defective: UnitFile;
let clean: UnitFile;
beforeAll(async () => {
  defective = await unitFile(0, ["missing-evidence", "score-out-of-range"]);
  clean = await unitFile(1);
});
afterEach(cleanup);

function renderApp(store = memoryStore()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <StandaloneApp context="site" initialLang="vi" storage={store} />
    </FluentProvider>,
  );
  return store;
}

async function pick(files: File[]) {
  const picker = await waitFor(() => {
    const input = document.querySelector<HTMLInputElement>('input[data-picker="files"]');
    const button = screen.getByRole("button", { name: "Chọn tệp .xlsx…" });
    expect(button.hasAttribute("disabled")).toBe(false);
    return input as HTMLInputElement;
  }, ENGINE_LOAD);
  await act(async () => {
    fireEvent.change(picker, { target: { files } });
  });
}

describe("standalone checker", () => {
  it("says files stay on the computer, and shows a picked unit's index, totals and findings", async () => {
    renderApp();
    expect(screen.getByText("Tệp được đọc ngay trên máy này, không tải lên đâu cả.")).toBeTruthy();
    await pick([file(defective.unit.fileName, defective.bytes)]);
    await screen.findByText(/^Xong: 1 tệp/, undefined, { timeout: 20_000 });
    expect(screen.getByText(`Đơn vị: ${defective.unit.truth.unitName}`)).toBeTruthy();
    expect(screen.getByTestId("index").textContent).toMatch(/^(Chỉ số: [\d,]+\/100|Chưa có điểm điều tra)/);
    expect(screen.getByRole("table", { name: "Điểm theo lĩnh vực" })).toBeTruthy();
    const codes = [...document.querySelectorAll("li[data-code]")].map((li) => li.getAttribute("data-code"));
    for (const p of defective.unit.truth.planted) expect(codes).toContain(p.code);
    expect(screen.getAllByText(/Bộ chỉ số: .*ví dụ|Bộ chỉ số: Bộ chỉ số/).length).toBeGreaterThan(0);
    // The missing-evidence view keeps only evidence findings.
    fireEvent.change(screen.getByRole("combobox", { name: "Hiển thị" }), { target: { value: "evidence" } });
    const shown = [...document.querySelectorAll("li[data-code]")].map((li) => li.getAttribute("data-code"));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => c?.startsWith("missing-evidence") || c?.startsWith("evidence-"))).toBe(true);
    expect(screen.queryByRole("heading", { name: "Bảng xếp hạng" })).toBeNull();
  }, 60_000);

  it("several files give the ranking; an unreadable one is listed with its reason", async () => {
    renderApp();
    await pick([
      file(defective.unit.fileName, defective.bytes),
      file(clean.unit.fileName, clean.bytes),
      file("hong.xlsx", NOT_A_ZIP),
    ]);
    await screen.findByText(/^Xong: 3 tệp/, undefined, { timeout: 20_000 });
    expect(screen.getByTestId("ranking-summary").textContent).toBe(
      "2 đơn vị được xếp hạng, 1 chưa xếp hạng.",
    );
    const ranked = [...document.querySelectorAll("tr[data-unit]")].map((tr) => tr.getAttribute("data-unit"));
    expect(ranked.sort()).toEqual([defective.unit.truth.unitName, clean.unit.truth.unitName].sort());
    expect(screen.getAllByText(/hong\.xlsx/).length).toBeGreaterThan(1);
  }, 60_000);

  it("skips Excel's lock files and files that are not workbooks, and says so", async () => {
    renderApp();
    await pick([
      file("~$Xa-A.xlsx", NOT_A_ZIP),
      file("ghi-chu.txt", NOT_A_ZIP),
      file(clean.unit.fileName, clean.bytes),
    ]);
    await screen.findByText(/^Xong: 1 tệp/, undefined, { timeout: 20_000 });
    expect(screen.getByText(/Bỏ qua 2 tệp .*~\$Xa-A\.xlsx, ghi-chu\.txt/)).toBeTruthy();
  }, 60_000);

  it("downloads the findings as CSV through the browser, nothing sent anywhere", async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
      blobs.push(b as Blob);
      return "blob:par-index";
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe(`${defective.unit.fileName.replace(/\.xlsx$/, "")} - Phát hiện.csv`);
    });
    renderApp();
    await pick([file(defective.unit.fileName, defective.bytes)]);
    await screen.findByText(/^Xong: 1 tệp/, undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("button", { name: "Tải danh sách phát hiện (.csv)" }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const bytes = await bytesOfBlob(blobs[0]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.split("\r\n")[0]).toBe(
      "Tệp;Đơn vị;Trang;Ô;Mức độ;Mã;Tiêu chí;Nội dung;Giá trị tìm thấy;Giá trị đúng",
    );
    expect(text).toContain("missing-evidence");
    create.mockRestore();
    click.mockRestore();
  }, 60_000);

  it("writes the downloaded check report in the page's language (switched to English after the check)", async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
      blobs.push(b as Blob);
      return "blob:par-index";
    });
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    renderApp();
    await pick([file(defective.unit.fileName, defective.bytes)]);
    await screen.findByText(/^Xong: 1 tệp/, undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("button", { name: /^English/ }));
    fireEvent.click(screen.getByRole("button", { name: "Download the check report and result (.xlsx)" }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1), { timeout: 20_000 });
    expect(names[0]).toBe(`${defective.unit.fileName.replace(/\.xlsx$/, "")} - Check report.xlsx`);
    const report = readWorkbook(await bytesOfBlob(blobs[0]), names[0]).sheets[0].values;
    expect(report.flat()).toContain("CHECK REPORT OF PAR INDEX SCORING WORKBOOKS");
    expect(report.some((r) => r.includes("Severity") && r.includes("Message"))).toBe(true);
    expect(report.flat()).not.toContain("Mức độ");
    create.mockRestore();
    click.mockRestore();
  }, 60_000);

  it("remembers the rubric and the language for the next visit, and shows the rubric in use", async () => {
    const store = renderApp();
    const select = await waitFor(() => {
      const s = screen.getByRole("combobox", { name: "Bộ chỉ số" }) as HTMLSelectElement;
      expect(s.disabled).toBe(false);
      return s;
    }, ENGINE_LOAD);
    fireEvent.change(select, { target: { value: "example-agency-2024" } });
    expect(JSON.parse(store.data.get(STORAGE_KEY) ?? "null")).toEqual({
      kind: "builtin",
      id: "example-agency-2024",
    });
    fireEvent.click(screen.getByRole("button", { name: /^English/ }));
    cleanup();
    renderApp(store);
    await waitFor(
      () => expect(screen.getByTestId("rubric-in-use").textContent).toMatch(/^Rubric: .*agenc/i),
      ENGINE_LOAD,
    );
    expect(screen.getByRole("button", { name: /^Tiếng Việt/ })).toBeTruthy();
  }, 60_000);

  it("a rubric loaded from JSON is used, named with its file on the summary, and remembered", async () => {
    const store = renderApp();
    await pick([]);
    const input = document.querySelector<HTMLInputElement>(
      'input[data-picker="rubric-json"]',
    ) as HTMLInputElement;
    const json = file("bo-chi-so.json", new TextEncoder().encode(JSON.stringify(agency)));
    await act(async () => {
      fireEvent.change(input, { target: { files: [json] } });
    });
    await waitFor(() =>
      expect(screen.getByTestId("rubric-in-use").textContent).toContain(
        `${agency.name} (từ tệp bo-chi-so.json)`,
      ),
    );
    expect(JSON.parse(store.data.get(STORAGE_KEY) ?? "null")).toMatchObject({
      kind: "custom",
      from: "bo-chi-so.json",
      rubric: { id: agency.id },
    });
  }, 60_000);
});
