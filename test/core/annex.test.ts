import { describe, expect, it } from "vitest";
import { specToSnapshot } from "../../src/core/sheet-spec";
import { parseAnnex } from "../../src/core/sheets/annex";
import { intakeSheetSpec } from "../../src/core/sheets/intake";
import { buildIntake } from "../../src/core/intake";

const intake = buildIntake([{ unit: "Xã An Bình", where: "ds.json" }], []);

describe("the annex block (issue #26): the user's text, nothing invented", () => {
  it("reads --annex lines and --signature parts; blank parts stay out", () => {
    expect(parseAnnex(undefined, undefined)).toEqual({ annex: null, problem: null });
    const { annex } = parseAnnex(
      " Phụ lục 01 | Kèm theo Quyết định số 12/QĐ-UBND ||",
      "|TM. ỦY BAN NHÂN DÂN",
    );
    expect(annex).toEqual({
      heading: ["Phụ lục 01", "Kèm theo Quyết định số 12/QĐ-UBND"],
      signature: { left: null, right: "TM. ỦY BAN NHÂN DÂN", placeDate: null },
    });
    expect(parseAnnex("a|b|c|d|e|f|g", undefined).problem?.en).toContain("at most 6 lines");
    expect(parseAnnex(undefined, "a|b|c|d").problem?.vi).toContain("tối đa 3 phần");
  });

  it("puts the lines above the title and the signers under the table, everything else moved down", () => {
    const plain = intakeSheetSpec(intake);
    const { annex } = parseAnnex(
      "Phụ lục 02|Kèm theo Quyết định số …",
      "NGƯỜI LẬP BIỂU|TM. …|Hà Nội, ngày … tháng … năm …",
    );
    const spec = intakeSheetSpec(intake, { annex });
    const values = specToSnapshot(spec).values;
    expect(values[0][0]).toBe("Phụ lục 02");
    expect(values[1][0]).toBe("Kèm theo Quyết định số …");
    expect(values[3][0]).toBe(specToSnapshot(plain).values[0][0]);
    const table = spec.tables?.[0];
    expect(table?.row).toBe((plain.tables?.[0].row ?? 0) + 3);
    expect(spec.print?.repeatRows).toEqual([table?.row, table?.row]);
    expect(spec.freeze?.rows).toBe((plain.freeze?.rows ?? 0) + 3);
    const end = (table?.row ?? 0) + (table?.rows.length ?? 0);
    const under = values
      .slice(end + 1)
      .flat()
      .filter((v) => v !== null);
    expect(under).toEqual(["Hà Nội, ngày … tháng … năm …", "NGƯỜI LẬP BIỂU", "TM. …"]);
    // Without the options nothing of the kind is written.
    expect(specToSnapshot(plain).values.flat()).not.toContain("NGƯỜI LẬP BIỂU");
  });
});
