// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { baseName, CSV_TYPE, download } from "../../src/standalone/download";

/** Downloads go through the browser's own save, from memory: the object URL is let go of afterwards. */
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("download", () => {
  it("clicks a hidden <a download> on an object URL, removes it, and revokes the URL a minute later", () => {
    vi.useFakeTimers();
    const create = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:x");
    const revoke = vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
    const clicked: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.getAttribute("href") ?? "" });
    });
    download("a;b\r\n", "Phát hiện.csv", CSV_TYPE);
    expect(clicked).toEqual([{ name: "Phát hiện.csv", href: "blob:x" }]);
    expect((create.mock.calls[0][0] as Blob).type).toBe(CSV_TYPE);
    expect(document.querySelector("a")).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(revoke).toHaveBeenCalledWith("blob:x");
  });
});

describe("baseName", () => {
  it("drops the extension and the characters Windows refuses in a file name", () => {
    expect(baseName("Xa-Tien-Loi.xlsx")).toBe("Xa-Tien-Loi");
    expect(baseName('Xã A/B: "mới"?.xlsm')).toBe("Xã A-B- -mới--");
    expect(baseName(".xlsx")).toBe("par-index");
  });
});
