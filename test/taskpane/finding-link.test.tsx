// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding";
import { findingLines } from "../../src/cli/render";
import { FindingsList } from "../../src/taskpane/check/FindingsList";

/** The link target of an evidence cell is shown beside its finding: in the pane's row and the CLI's line. */
afterEach(cleanup);

const linked: Finding = {
  code: "evidence-out-of-period",
  severity: "warning",
  sheet: "Tự chấm",
  address: "E12",
  item: "1.1",
  message: { vi: "Tài liệu ngoài kỳ đánh giá", en: "Document outside the assessment period" },
  found: "Xem tài liệu",
  link: "https://xa-mau.gov.vn/qd-12-2001.pdf",
};
const bare: Finding = { ...linked, address: "E13", item: "1.2", link: undefined };

describe("a finding's link target", () => {
  it("is a line of the pane's finding row, in the user's language, only where the cell has a link", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingsList
          findings={[linked, bare]}
          lang="vi"
          labels={new Map()}
          current={null}
          onSelect={() => {}}
        />
      </FluentProvider>,
    );
    const shown = screen.getByText("Liên kết: https://xa-mau.gov.vn/qd-12-2001.pdf");
    expect(shown.closest("button")?.textContent).toContain("E12");
    expect(document.querySelectorAll("[data-link]")).toHaveLength(1);
  });

  it("ends the CLI's finding line after an arrow", () => {
    const lines = findingLines([linked, bare], "en");
    expect(lines.find((l) => l.includes("E12"))).toContain("→ https://xa-mau.gov.vn/qd-12-2001.pdf");
    expect(lines.find((l) => l.includes("E13"))).not.toContain("→");
  });
});
