import { describe, expect, it } from "vitest";
import {
  columnsOption,
  intOption,
  parseCommandArgs,
  refuseExtraArguments,
  takeLang,
  UsageError,
} from "../../src/cli/args";

/** #24 item 6: options checked, each mistake a usage error naming the option and what is allowed, in both languages. */
const options = {
  rubric: { type: "string" as const },
  json: { type: "boolean" as const },
  output: { type: "string" as const, short: "o" },
};

function refusal(f: () => unknown): UsageError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error("expected a usage error");
}

describe("parseCommandArgs", () => {
  it("an unknown option names it and lists the allowed ones; the Vietnamese text holds no English of Node's", () => {
    const e = refusal(() => parseCommandArgs(["--x"], options));
    expect(e.text.vi).toBe(
      "Không có tuỳ chọn --x cho lệnh này. Các tuỳ chọn được dùng: --rubric …, --json, --output (-o) …, --lang, --help.",
    );
    expect(e.text.en).toMatch(/^Unknown option --x for this command\. Allowed options: --rubric …/);
    expect(e.text.vi).not.toMatch(/positional|Unknown|argument/);
  });

  it("a missing value and a value given to a switch", () => {
    expect(refusal(() => parseCommandArgs(["--rubric"], options)).text.vi).toBe(
      "Tuỳ chọn --rubric cần một giá trị (ví dụ --rubric <giá-trị>).",
    );
    expect(refusal(() => parseCommandArgs(["-o"], options)).text.en).toBe(
      "Option -o needs a value (e.g. -o <value>).",
    );
    expect(refusal(() => parseCommandArgs(["--json=yes"], options)).text.en).toMatch(
      /Option --json takes no value/,
    );
  });
});

describe("--columns", () => {
  it("a role given twice is refused (it was: last wins)", () => {
    const e = refusal(() => columnsOption("self=A,self=B"));
    expect(e.text.en).toBe(
      "--columns: the role self is given twice; one column per role (e.g. --columns self=E,evidence=F).",
    );
    expect(e.text.vi).toMatch(/vai trò self được chỉ hai lần/);
    expect(() => columnsOption("appraised=C,appraised1=D")).toThrow(UsageError); // two names of one role
  });

  it("distinct roles on distinct columns are taken", () => {
    expect(columnsOption("self=E,evidence=F,note=none")).toEqual({
      roles: { self: 4, evidence: 5, note: null },
      given: { self: "self=E", evidence: "evidence=F", note: "note=none" },
    });
  });
});

describe("--lang, taken out before the command's options", () => {
  const en = { LANG: "en_US.UTF-8" };
  it("anywhere, as --lang en or --lang=en, the rest left in order", () => {
    expect(takeLang(["rank", "--lang", "en", "units", "-o", "r.xlsx"], {})).toEqual({
      lang: "en",
      rest: ["rank", "units", "-o", "r.xlsx"],
    });
    // It was passed to the command, which called it unknown while listing it as allowed.
    expect(takeLang(["rank", "units", "--lang=en"], {})).toEqual({ lang: "en", rest: ["rank", "units"] });
    expect(takeLang(["rank", "--lang", "vi", "--lang=vi"], en).lang).toBe("vi");
    expect(takeLang(["rank", "units"], en)).toEqual({ lang: "en", rest: ["rank", "units"] });
  });

  it("missing its value, two values, or a value not vi/en: a usage error", () => {
    // A bare --lang at the end was ignored in silence.
    expect(refusal(() => takeLang(["rank", "units", "--lang"], en)).text.en).toBe(
      "Option --lang needs a value: vi or en (e.g. --lang en).",
    );
    expect(refusal(() => takeLang(["rank", "--lang", "vi", "--lang", "en"], en)).text.vi).toBe(
      '--lang được chỉ hai lần ("vi" và "en"); chỉ chọn một ngôn ngữ: vi hoặc en.',
    );
    expect(refusal(() => takeLang(["rank", "--lang=fr"], en)).text.en).toBe(
      '--lang takes vi or en (got "fr").',
    );
  });
});

describe("arguments past those a command takes", () => {
  const usage = { vi: "par-index rubrics [--json]", en: "par-index rubrics [--json]" };
  it("none past the allowed count: taken", () => {
    expect(() => refuseExtraArguments([], 0, usage)).not.toThrow();
    expect(() => refuseExtraArguments(["a.xlsx"], 1, usage)).not.toThrow();
  });

  it("more: a usage error naming them (at most three, each cut) and the command's usage", () => {
    expect(refusal(() => refuseExtraArguments(["extra"], 0, usage)).text).toEqual({
      vi: 'Thừa tham số "extra": lệnh này không nhận tệp hay thư mục nào. Cách dùng: par-index rubrics [--json]',
      en: 'Unexpected argument "extra": this command takes no files or folders. Usage: par-index rubrics [--json]',
    });
    const many = refusal(() =>
      refuseExtraArguments(["a.xlsx", "b.xlsx", "x".repeat(100), "d", "e"], 1, usage),
    );
    expect(many.text.en).toBe(
      `Unexpected arguments "b.xlsx", "${"x".repeat(60)}…", "d", …: this command takes only 1 file. Usage: par-index rubrics [--json]`,
    );
    expect(many.text.vi).toMatch(/^Thừa tham số "b\.xlsx", .*: lệnh này chỉ nhận 1 tệp\. Cách dùng: /);
  });
});

describe("intOption", () => {
  it("names the bounds as each language writes numbers: 100.000 / 100,000; years as years", () => {
    const count = refusal(() => intOption("count", "abc", 10, 1, 100_000));
    expect(count.text.vi).toBe('--count phải là số nguyên từ 1 đến 100.000 (nhận "abc").');
    expect(count.text.en).toBe('--count must be a whole number from 1 to 100,000 (got "abc").');
    const year = refusal(() => intOption("year", "1999", 2024, 2000, 2100));
    expect(year.text.vi).toBe('--year phải là số nguyên từ 2000 đến 2100 (nhận "1999").');
    expect(year.text.en).toBe('--year must be a whole number from 2000 to 2100 (got "1999").');
  });
});
