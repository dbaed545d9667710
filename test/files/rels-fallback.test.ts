import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { FileReadError } from "../../src/files/errors";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";
import { generateUnit } from "../../src/sample";

/** #24 item 9: a damaged `_rels/.rels` with xl/workbook.xml in its usual place is read, as LibreOffice reads it. */
let good: Uint8Array;
beforeAll(async () => {
  good = await writeWorkbook(
    generateUnit(builtinRubric("example-commune-2024") as Rubric, { seed: 7, index: 0 }).sheets,
  );
});

function withRels(rels: string | null, drop: string[] = []): Uint8Array {
  const parts = unzipSync(good);
  if (rels === null) delete parts["_rels/.rels"];
  else parts["_rels/.rels"] = strToU8(rels);
  for (const d of drop) delete parts[d];
  return zipSync(parts);
}

describe("damaged package relationships", () => {
  const damaged = [
    '<?xml version="1.0"?>\n<Relationships><Relationship Id="rId1"',
    "garbage < > &",
    "<a></a>trailing",
  ];

  it("not well-formed, the workbook where Excel puts it: read, the same sheets as the good file", () => {
    const expected = readWorkbook(good, "tot.xlsx").sheets.map((s) => [s.name, s.values.length]);
    for (const rels of damaged)
      expect(readWorkbook(withRels(rels), "hong.xlsx").sheets.map((s) => [s.name, s.values.length])).toEqual(
        expected,
      );
  });

  it("not well-formed and no xl/workbook.xml: still refused, as a damaged file", () => {
    const parts = unzipSync(withRels(damaged[0]));
    parts["xl/book.xml"] = parts["xl/workbook.xml"];
    delete parts["xl/workbook.xml"];
    let error: unknown = null;
    try {
      readWorkbook(zipSync(parts), "hong.xlsx");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileReadError);
    expect((error as FileReadError).reason).toBe("malformed-xml");
  });
});

describe("a malformed-xml refusal names the part and says in words what is wrong", () => {
  it("text after a sheet's root element: the sheet's part, and words, not the parser's '2:9: text data …'", () => {
    const parts = unzipSync(good);
    const sheet = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)) as string;
    parts[sheet] = strToU8(`${strFromU8(parts[sheet])}stray text`);
    let error: unknown = null;
    try {
      readWorkbook(zipSync(parts), "hong.xlsx");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileReadError);
    const e = error as FileReadError;
    expect(e.reason).toBe("malformed-xml");
    expect(e.text.en).toContain(`${sheet}: `);
    expect(e.text.en).toMatch(/text outside the XML's root element \(.*line \d+, column \d+\)/);
    expect(e.text.en).not.toMatch(/text data outside of root node/);
  });
});
