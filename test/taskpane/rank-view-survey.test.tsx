// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { basisReasonFor } from "../../src/core/basis-words";
import type { Ranking } from "../../src/core/rank";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { surveyMaxOf } from "../../src/core/survey";
import type { ExcelService } from "../../src/excel/service";
import { writeWorkbook } from "../../src/files/write-workbook";
import { generateUnit } from "../../src/sample";
import { App } from "../../src/taskpane/App";
import "../support/resize-observer";
import { settingsMethods, sheetMethods } from "../support/service-stub";

/**
 * The pane's "Nhập điểm điều tra" (the CLI's `rank --survey`): a table picked on the Ranking card is read
 * with the CLI's limits, matched to the units by the CLI's rule, and said on the card — matched units,
 * units without a row, rows matching no unit, rows not used — and the ranking written carries the scores.
 * The units come from real workbooks (picked files); only the Excel host is faked.
 */
const rubric = builtinRubric("example-commune-2024") as Rubric;
const max = surveyMaxOf(rubric) as number;
// Not appraised: the generator enters no survey score (the province scores the survey).
const units = [1, 2].map((i) => generateUnit(rubric, { seed: 8, index: i, appraisal: 0 }));

/** A picked file; `reads` counts how often its bytes were asked for (jsdom's File may lack arrayBuffer). */
function fileOf(bytes: Uint8Array, name: string, reads = { count: 0 }): File {
  const file = new File([new Uint8Array(bytes)], name);
  Object.defineProperty(file, "arrayBuffer", {
    value: async () => {
      reads.count++;
      return bytes.slice().buffer;
    },
  });
  return file;
}

function fakeService() {
  return {
    validate: vi.fn(),
    buildRanking: vi.fn(),
    writeRanking: vi.fn(async (_r: Ranking) => "Xếp hạng"),
    canSetPage: () => true,
    ...sheetMethods(),
    ...settingsMethods({ rubricId: rubric.id }),
  };
}

/** The Ranking tab with the units' files and the survey file picked, then "Lập bảng xếp hạng". */
async function rankWith(survey: File) {
  const service = fakeService();
  render(
    <FluentProvider theme={webLightTheme}>
      <App loadService={async () => service as unknown as ExcelService} initialLang="vi" />
    </FluentProvider>,
  );
  await act(async () => {
    fireEvent.click(await screen.findByRole("tab", { name: "Xếp hạng" }));
  });
  const source = await screen.findByRole("combobox", { name: "Nguồn" });
  await act(async () => fireEvent.change(source, { target: { value: "files" } }));
  const files = await Promise.all(units.map(async (u) => fileOf(await writeWorkbook(u.sheets), u.fileName)));
  fireEvent.change(screen.getByLabelText("Chọn tệp"), { target: { files } });
  fireEvent.change(screen.getByLabelText(/^Nhập điểm điều tra/), { target: { files: [survey] } });
  const build = await screen.findByRole("button", { name: "Lập bảng xếp hạng" });
  await waitFor(() => expect(build.getAttribute("aria-disabled")).not.toBe("true"));
  await act(async () => fireEvent.click(build));
  return service;
}

afterEach(cleanup);
configure({ asyncUtilTimeout: 15_000 });

const vn = (x: number) => String(x).replace(".", ",");

describe("pane ranking card: the survey import", () => {
  it("matches the table to the units, says every mismatch, and writes the ranking with the survey score", async () => {
    const score = Math.round(max * 0.8 * 100) / 100;
    // Vietnamese Excel's CSV: ";" and a decimal comma; "UBND" and case ignored as the CLI ignores them.
    const csv = [
      "Đơn vị;Điểm điều tra xã hội học",
      `UBND ${units[0].name.toUpperCase()};${vn(score)}`,
      `Xã Không Có Thật;${vn(score)}`,
      `Xã Quá Điểm;${vn(max + 5)}`,
    ].join("\n");
    const service = await rankWith(fileOf(new TextEncoder().encode(csv), "dieu-tra.csv"));
    await screen.findByText(/^Đã ghi trang "Xếp hạng"/);
    const ranking = service.writeRanking.mock.calls[0][0];
    // The unit with a row is ranked on its index; the other is listed apart (no survey score).
    const ranked = ranking.groups.flatMap((g) => g.units.map((u) => u.unit));
    expect(ranked).toEqual([units[0].name]);
    expect(ranking.unranked.map((u) => u.unit)).toEqual([units[1].name]);
    expect(ranking.basisFacts.withoutSurvey).toEqual([units[1].name]);
    const box = screen.getByTestId("survey-summary");
    expect(box.textContent).toContain("Điểm điều tra từ dieu-tra.csv: 2 dòng dùng được, 1 đơn vị khớp.");
    expect(within(box).getByTestId("survey-matched").textContent).toContain(`${units[0].name}: ${vn(score)}`);
    const mismatches = within(box).getByTestId("survey-mismatches").textContent ?? "";
    expect(mismatches).toContain(`Không có điểm điều tra xã hội học cho đơn vị "${units[1].name}".`);
    expect(mismatches).toContain('Điểm điều tra của "Xã Không Có Thật" (B3) không khớp đơn vị nào.');
    // The row out of range is not used, and said with its cell.
    expect(within(box).getByTestId("survey-rows-not-used").textContent).toMatch(
      /dieu-tra\.csv › B4: điểm điều tra của "Xã Quá Điểm".*ngoài khoảng 0–/,
    );
    // The CLI's hint ("… hay "Nhập điểm điều tra" trong ngăn tác vụ") names this very control.
    const cliHint = basisReasonFor(ranking.basisFacts, "cli");
    const label = screen.getByText(/^Nhập điểm điều tra \(/, { selector: "label" }).textContent ?? "";
    expect(cliHint.vi).toContain(`"${label.split(" (")[0]}" trong ngăn tác vụ`);
    expect(cliHint.en).toContain("or the pane's survey import");
  }, 60_000);

  it("a refused table is said naming the file, and nothing is written", async () => {
    // UTF-32 is refused by the CSV reader, as `rank --survey` refuses it.
    const utf32 = new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]);
    const service = await rankWith(fileOf(utf32, "khao-sat.csv"));
    await screen.findByText(/Không đọc bảng khảo sát khao-sat\.csv: mã hoá UTF-32/);
    expect(service.writeRanking).not.toHaveBeenCalled();
    cleanup();
    // Over the CLI's cap for a CSV (2 MB): refused from its size, before a byte is read.
    const reads = { count: 0 };
    const second = await rankWith(fileOf(new Uint8Array(2_000_001), "lon.csv", reads));
    await screen.findByText(/Không đọc bảng khảo sát lon\.csv: tệp [0-9,.]+ MB lớn quá giới hạn/);
    expect(reads.count).toBe(0);
    expect(second.writeRanking).not.toHaveBeenCalled();
  }, 60_000);
});
