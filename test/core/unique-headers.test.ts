import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { uniqueHeaders } from "../../src/core/sheets/unique-headers";
import { writeWorkbook } from "../../src/files/write-workbook";

/** #24 item 8: every written table's column names unique, as Excel requires (or it repairs the file). */
describe("uniqueHeaders", () => {
  it("keeps distinct names, numbers the repeats (case ignored, as Excel compares), names the empty ones", () => {
    expect(uniqueHeaders(["Đơn vị", "Điểm", "điểm", "Điểm", " ", "Điểm (2)"])).toEqual([
      "Đơn vị",
      "Điểm",
      "điểm (2)",
      "Điểm (3)",
      "Cột 5",
      "Điểm (2) (2)",
    ]);
  });

  it("a written table with two columns of one name carries two names in its table part", async () => {
    const bytes = await writeWorkbook([
      {
        name: "Xếp hạng",
        cells: [],
        tables: [
          {
            name: "XepHang",
            row: 0,
            col: 0,
            headers: ["Đơn vị", "Lĩnh vực", "Lĩnh vực"],
            rows: [["Xã A", 1, 2]],
          },
        ],
      },
    ]);
    const parts = unzipSync(bytes);
    const table = Object.keys(parts).find((p) => /^xl\/tables\/.+\.xml$/.test(p)) as string;
    const names = [...strFromU8(parts[table]).matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual(["Đơn vị", "Lĩnh vực", "Lĩnh vực (2)"]);
  });
});
