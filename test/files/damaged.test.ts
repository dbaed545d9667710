import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit } from "../../src/sample";
import { FileReadError } from "../../src/files/errors";
import { readWorkbook } from "../../src/files/read-workbook";
import { writeWorkbook } from "../../src/files/write-workbook";

/** Damaged copies of a real unit workbook: the reader returns a snapshot or a FileReadError, nothing else. */
let good: Uint8Array;
beforeAll(async () => {
  const rubric = builtinRubric("example-commune-2024") as Rubric;
  good = await writeWorkbook(generateUnit(rubric, { seed: 7, index: 0 }).sheets);
});

function readOrReason(bytes: Uint8Array): string {
  try {
    readWorkbook(bytes, "hong.xlsx");
    return "ok";
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    expect(e.text.vi).toContain("hong.xlsx");
    expect(e.text.en).toContain("hong.xlsx");
    return e.reason;
  }
}

describe("damaged workbooks", () => {
  it("flipped bytes and cuts of the archive", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (flips, cut) => {
          const bytes = good.slice(0, cut === undefined ? good.length : cut % (good.length + 1));
          for (const [at, b] of flips) if (bytes.length) bytes[at % bytes.length] = b;
          readOrReason(bytes);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  it("edits inside the sheet XML (re-zipped, so only the XML is damaged)", () => {
    const parts = unzipSync(good);
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.constantFrom("", "<", ">", "&", '"', "<c>", "</row>", 'r="XFD0"', 't="s"', "<v>9e999</v>"),
        (at, len, insert) => {
          const i = at % sheet.length;
          const damaged = sheet.slice(0, i) + insert + sheet.slice(i + len);
          const reason = readOrReason(zipSync({ ...parts, "xl/worksheets/sheet1.xml": strToU8(damaged) }));
          expect(["ok", "malformed-xml", "too-large", "no-sheets"]).toContain(reason);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
