// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { StandaloneApp } from "../../src/standalone/App";
import {
  DEFAULT_RANK_CHOICE,
  RANK_CHOICE_KEY,
  rememberRankChoice,
  restoreRankChoice,
} from "../../src/standalone/rank-choice-store";
import { type UnitFile, unitFile } from "./helpers";
import "../support/resize-observer";

/**
 * The page remembers its ranking choice (issue #24, "one answer on every face": the pane keeps its own per
 * user): restored from untrusted storage field by field, a damaged one replaced by the default with a notice.
 */
function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map<string, string>(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}
const blocked = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
};

describe("rank choice store", () => {
  it("gives back what was remembered, and the default on a first visit", () => {
    const store = memoryStore();
    expect(restoreRankChoice(store)).toEqual({ choice: DEFAULT_RANK_CHOICE, problem: null });
    const chosen = { by: "appraised", part: "evidence", groupBy: "none", dense: true } as const;
    rememberRankChoice(store, chosen);
    expect(restoreRankChoice(store)).toEqual({ choice: chosen, problem: null });
  });

  it.each([
    ["not JSON", "{"],
    [
      "an unknown score column",
      JSON.stringify({ by: "max", part: "index", groupBy: "rubric", dense: false }),
    ],
    [
      "a pattern the page does not offer",
      JSON.stringify({ by: "final", part: "index", groupBy: "^(a+)+$", dense: false }),
    ],
    ["dense as text", JSON.stringify({ by: "final", part: "index", groupBy: "rubric", dense: "yes" })],
    [
      "too long",
      JSON.stringify({ by: "final", part: "index", groupBy: "rubric", dense: false, pad: "x".repeat(2_000) }),
    ],
  ])("saved data that cannot be used (%s): the default, with a notice saying so", (_, raw) => {
    const r = restoreRankChoice(memoryStore({ [RANK_CHOICE_KEY]: raw }));
    expect(r.choice).toEqual(DEFAULT_RANK_CHOICE);
    expect(r.problem?.vi).toMatch(/^Không dùng lại được cách xếp hạng đã chọn lần trước/);
    expect(r.problem?.en).toMatch(/^The ranking choice made last time could not be used again/);
  });

  it("storage the browser refuses fails nothing: the default, no notice, and remembering is a no-op", () => {
    expect(restoreRankChoice(blocked)).toEqual({ choice: DEFAULT_RANK_CHOICE, problem: null });
    expect(() => rememberRankChoice(blocked, DEFAULT_RANK_CHOICE)).not.toThrow();
    expect(restoreRankChoice(null)).toEqual({ choice: DEFAULT_RANK_CHOICE, problem: null });
  });
});

/** jsdom's File has no arrayBuffer(); browsers' do. */
function file(name: string, bytes: Uint8Array): File {
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.slice().buffer });
  return f;
}

let units: UnitFile[];
beforeAll(async () => {
  units = await Promise.all([unitFile(2), unitFile(3)]);
});
afterEach(cleanup);

async function rankTwo(store: ReturnType<typeof memoryStore>) {
  render(
    <FluentProvider theme={webLightTheme}>
      <StandaloneApp context="site" initialLang="vi" storage={store} />
    </FluentProvider>,
  );
  const picker = await waitFor(
    () => {
      const input = document.querySelector<HTMLInputElement>('input[data-picker="files"]');
      expect(screen.getByRole("button", { name: "Chọn tệp .xlsx…" }).hasAttribute("disabled")).toBe(false);
      return input as HTMLInputElement;
    },
    { timeout: 30_000 },
  );
  await act(async () => {
    fireEvent.change(picker, { target: { files: units.map((u) => file(u.unit.fileName, u.bytes)) } });
  });
  await screen.findByText(/^Xong: 2 tệp/, undefined, { timeout: 20_000 });
}

const partSelect = () => screen.getByRole("combobox", { name: "Cơ sở xếp hạng" }) as HTMLSelectElement;

describe("the page remembers its ranking choice", () => {
  it("the evidence part chosen on one visit is the choice on the next, and ranks on it", async () => {
    const store = memoryStore();
    await rankTwo(store);
    expect(partSelect().value).toBe("index");
    await act(async () => {
      fireEvent.change(partSelect(), { target: { value: "evidence" } });
    });
    expect(JSON.parse(store.data.get(RANK_CHOICE_KEY) ?? "null")).toEqual({
      ...DEFAULT_RANK_CHOICE,
      part: "evidence",
    });
    cleanup();
    await rankTwo(store);
    expect(partSelect().value).toBe("evidence");
    expect(screen.getByTestId("ranking-basis").textContent).toContain("như người dùng chọn");
  }, 60_000);

  it("a damaged saved choice: the default ranking, and the page says why", async () => {
    await rankTwo(memoryStore({ [RANK_CHOICE_KEY]: '{"by":"max"}' }));
    expect(partSelect().value).toBe("index");
    expect(screen.getByText(/Không dùng lại được cách xếp hạng đã chọn lần trước/)).toBeTruthy();
    // Choosing again settles it: the note goes, the new choice is kept.
    await act(async () => {
      fireEvent.change(partSelect(), { target: { value: "evidence" } });
    });
    expect(screen.queryByText(/Không dùng lại được cách xếp hạng đã chọn lần trước/)).toBeNull();
  }, 60_000);
});
