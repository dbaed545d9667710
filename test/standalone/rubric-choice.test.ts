import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors";
import { templateSpec } from "../../src/sample/template";
import { flattenRubric } from "../../src/core/rubric/tree";
import {
  DEFAULT_CHOICE,
  type KeyValueStore,
  rememberChoice,
  restoreChoice,
  rubricFromFile,
  rubricOf,
  STORAGE_KEY,
} from "../../src/standalone/rubric-choice";
import { agency, bytesOf, commune } from "./helpers";

function store(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

/** The rubric choice, remembered in the browser and read back as untrusted input (issue #17 point 3). */
describe("restoreChoice / rememberChoice", () => {
  it("a first visit gets the default built-in rubric, with nothing to say", () => {
    expect(restoreChoice(store())).toEqual({ choice: DEFAULT_CHOICE, problem: null });
    expect(rubricOf(DEFAULT_CHOICE)?.id).toBe("example-commune-2024");
  });

  it("a built-in, the workbook's own structure and a loaded rubric all come back as chosen", () => {
    const s = store();
    for (const choice of [
      { kind: "builtin", id: "example-agency-2024" } as const,
      { kind: "own" } as const,
      { kind: "custom", rubric: agency, from: "bo-chi-so.json" } as const,
    ]) {
      expect(rememberChoice(s, choice)).toBeNull();
      expect(restoreChoice(s)).toEqual({ choice, problem: null });
    }
    expect(rubricOf({ kind: "own" })).toBeNull();
  });

  it("damaged or outdated data falls back to the default and says why, never silently", () => {
    const cases: [string, RegExp][] = [
      ["{not json", /damaged/],
      [JSON.stringify({ kind: "builtin", id: "gone-2019" }), /gone-2019/],
      [
        JSON.stringify({ kind: "custom", rubric: { ...commune, items: [] }, from: "a.json" }),
        /could not be used/,
      ],
      [JSON.stringify({ kind: "?" }), /unrecognised/],
    ];
    for (const [raw, why] of cases) {
      const r = restoreChoice(store({ [STORAGE_KEY]: raw }));
      expect(r.choice).toEqual(DEFAULT_CHOICE);
      expect(r.problem?.en).toMatch(why);
      expect(r.problem?.vi).toContain("bộ mặc định");
    }
  });

  it("a rubric edited in storage so its maxima no longer add up is refused, naming the item", () => {
    const broken = structuredClone(commune);
    broken.items[0].max += 1;
    const r = restoreChoice(store({ [STORAGE_KEY]: JSON.stringify({ kind: "custom", rubric: broken }) }));
    expect(r.choice).toEqual(DEFAULT_CHOICE);
    expect(r.problem?.en).toContain(broken.items[0].code);
  });

  it("storage that refuses to read gives the default; refusing to write gives a message", () => {
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(restoreChoice(refusing)).toEqual({ choice: DEFAULT_CHOICE, problem: null });
    expect(rememberChoice(refusing, DEFAULT_CHOICE)?.en).toMatch(/would not store/);
    expect(restoreChoice(null).choice).toEqual(DEFAULT_CHOICE);
  });
});

describe("rubricFromFile", () => {
  it("reads a rubric JSON", async () => {
    const r = await rubricFromFile("agency.json", new TextEncoder().encode(JSON.stringify(agency)));
    expect(r.id).toBe(agency.id);
  });

  it("imports a province's blank template (.xlsx) with the same items", async () => {
    const bytes = await bytesOf([templateSpec(commune)]);
    const r = await rubricFromFile("bieu-mau.xlsx", bytes);
    const codes = (x: typeof r) => flattenRubric(x).map((i) => `${i.code}:${i.max}`);
    expect(codes(r)).toEqual(codes(commune));
  });

  it("bad JSON, an invalid rubric and a workbook with no rubric table each name the file", async () => {
    const attempts: [string, Uint8Array][] = [
      ["hong.json", new TextEncoder().encode("{")],
      ["sai.json", new TextEncoder().encode(JSON.stringify({ ...commune, ratingBands: "x" }))],
      ["trong.xlsx", await bytesOf([{ name: "Trang 1", cells: [{ row: 0, col: 0, value: "Xin chào" }] }])],
    ];
    for (const [name, bytes] of attempts) {
      const error = await (async () => {
        try {
          await rubricFromFile(name, bytes);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).text.vi).toContain(name);
      expect((error as UserError).text.en).toContain(name);
    }
  });

  it("bad JSON says where in Vietnamese, with none of the parser's English (as the pane and the CLI do)", async () => {
    const error = await rubricFromFile(
      "hong.json",
      new TextEncoder().encode('{\n  "id": "x",\n  name: 1\n}'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("invalid-rubric");
    expect((error as UserError).text.vi).toBe(
      "hong.json: không phải JSON hợp lệ (lỗi cú pháp ở dòng 3, cột 3).",
    );
    expect((error as UserError).text.en).toMatch(
      /^hong\.json: not valid JSON \((Expected|Unexpected) .+\)\.$/,
    );
  });
});
