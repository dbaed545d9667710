import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args";
import {
  MAX_SIDE_ROWS,
  readSideBytes,
  readSideCsv,
  readSideJson,
  refuseOverCount,
  SIDE_FILE_BYTES,
} from "../../src/cli/side-file";

/** #24 item 3: side files size-checked from the file system before a byte is read, limits named. */
const dir = mkdtempSync(join(tmpdir(), "par-index-side-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const thrown = (f: () => unknown): UsageError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error("expected a refusal");
};

describe("size checked before reading", () => {
  it("a 1 GB survey (sparse: nothing to read) is refused at once, naming the limit", () => {
    const big = join(dir, "survey.csv");
    writeFileSync(big, "");
    truncateSync(big, 1024 ** 3);
    const started = performance.now();
    const e = thrown(() => readSideBytes(big, "survey"));
    expect(performance.now() - started).toBeLessThan(200);
    expect(e.text.en).toMatch(
      /Not reading the survey table .*survey\.csv: the file is over the limit \(1\.9 MB/,
    );
    expect(e.text.vi).toMatch(/Không đọc bảng khảo sát/);
  });

  it.skipIf(process.platform === "win32")("a FIFO is refused, not waited on", () => {
    const fifo = join(dir, "list.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect(thrown(() => readSideBytes(fifo, "expected")).text.en).toMatch(/list\.csv/);
  });

  it("a file at the cap is read; one byte more is not", () => {
    const at = join(dir, "map.csv");
    writeFileSync(at, Buffer.alloc(SIDE_FILE_BYTES.map.text, 0x41));
    expect(readSideBytes(at, "map").length).toBe(SIDE_FILE_BYTES.map.text);
    writeFileSync(at, Buffer.alloc(SIDE_FILE_BYTES.map.text + 1, 0x41));
    thrown(() => readSideBytes(at, "map"));
  });
});

describe("inside the file", () => {
  it("a field over its limit, an encoding not read, invalid JSON, too many rows: each refused naming why", () => {
    const long = join(dir, "long.csv");
    writeFileSync(long, `Đơn vị,Điểm\n"${"x".repeat(50_000)}",1\n`);
    const e = thrown(() => readSideCsv(long, "survey"));
    expect(e.text.en).toMatch(/line 2: a field longer than 10,000 characters/);
    expect(e.text.en.length).toBeLessThan(400); // the field is never echoed
    const utf32 = join(dir, "u32.csv");
    writeFileSync(utf32, Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]));
    expect(thrown(() => readSideCsv(utf32, "expected")).text.en).toMatch(/UTF-32/);
    const json = join(dir, "r.json");
    writeFileSync(json, "{ not json");
    expect(thrown(() => readSideJson(json, "rubric")).text.en).toMatch(
      /Not reading the rubric .*r\.json: not valid JSON/,
    );
    expect(
      thrown(() => refuseOverCount("p.json", "previous", MAX_SIDE_ROWS + 1, MAX_SIDE_ROWS)).text.en,
    ).toMatch(/p\.json: it has 5,001 rows, over the limit of 5,000/);
  });

  it("JSON saved by Notepad as UTF-16 with a BOM is read", () => {
    const json = join(dir, "u16.json");
    writeFileSync(json, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":"Xã"}', "utf16le")]));
    expect(readSideJson(json, "previous")).toEqual({ a: "Xã" });
  });
});

describe("invalid JSON, in each language", () => {
  it("the Vietnamese text says where (line, column) or that the file ends early, with no English of the parser's", () => {
    const cases: [string, string][] = [
      ['{\n  "unit": "Xã A",\n  score: 1\n}', "lỗi cú pháp ở dòng 3, cột 3"],
      ['[{"unit": "Xã A"', "tệp kết thúc giữa chừng"],
    ];
    for (const [text, where] of cases) {
      const json = join(dir, "where.json");
      writeFileSync(json, text);
      const e = thrown(() => readSideJson(json, "previous"));
      expect(e.text.vi).toBe(`Không đọc bảng xếp hạng năm trước ${json}: không phải JSON hợp lệ (${where}).`);
      expect(e.text.en).toMatch(
        /^Not reading the previous ranking .*: not valid JSON \((Expected|Unexpected) /,
      );
    }
  });
});
