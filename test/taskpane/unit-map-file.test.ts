import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors";
import { unitKey } from "../../src/core/rank-key";
import { writeWorkbook } from "../../src/files/write-workbook";
import { readUnitMapFile } from "../../src/taskpane/files";

/** The pane's old → new unit map (#27 item 3), from the file the user picks. */
describe("readUnitMapFile", () => {
  it("reads a ';' CSV with a header: a merger and a rename", async () => {
    const file = new File(
      ["Đơn vị cũ;Đơn vị mới\nXã An Bình;Xã Bình Minh\nXã Tân Lập;Xã Bình Minh\nThị trấn Chợ;Phường Chợ\n"],
      "doi-chieu.csv",
    );
    const map = await readUnitMapFile(file);
    expect(map.predecessors.get(unitKey("Xã Bình Minh"))).toEqual(["Xã An Bình", "Xã Tân Lập"]);
    expect(map.successor.get(unitKey("Thị trấn Chợ"))).toBe("Phường Chợ");
  });

  it("reads a workbook's first sheet with rows", async () => {
    const cells = [
      ["Xã Một", "Phường Mới"],
      ["Xã Hai", "Phường Mới"],
    ].flatMap((row, r) => row.map((value, c) => ({ row: r, col: c, value })));
    const bytes = await writeWorkbook([
      { name: "Trống", cells: [] },
      { name: "Đối chiếu", cells },
    ]);
    const map = await readUnitMapFile(new File([new Uint8Array(bytes)], "doi-chieu.xlsx"));
    expect(map.predecessors.get(unitKey("Phường Mới"))).toEqual(["Xã Một", "Xã Hai"]);
  });

  it("refuses a table with a row it cannot use, saying which row and why", async () => {
    const file = new File(["Đơn vị cũ,Đơn vị mới\nXã Một,Phường Mới\nXã Lẻ\n"], "doi-chieu.csv");
    const error = await readUnitMapFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text.vi).toBe(
      'doi-chieu.csv, dòng 3: chỉ có một tên ("Xã Lẻ"); cần "đơn vị cũ; đơn vị mới". Bỏ qua dòng này.',
    );
  });

  it("refuses a file in an encoding it does not read, naming what was found (it was an empty map: 'no row')", async () => {
    const utf32 = new Uint8Array([0xff, 0xfe, 0, 0, 0x58, 0, 0, 0]);
    const error = await readUnitMapFile(new File([utf32], "doi-chieu.csv")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text).toEqual({
      vi: "Không đọc bảng đối chiếu tên đơn vị doi-chieu.csv: mã hoá UTF-32 (không hỗ trợ).",
      en: "Not reading the unit-name map doi-chieu.csv: UTF-32 encoding (not supported).",
    });
  });

  it("a line the CSV reader could not use is refused with its reason, not dropped", async () => {
    const file = new File(['Đơn vị cũ;Đơn vị mới\nXã Một;Phường Mới\n"Xã Hai;Phường Mới\n'], "doi-chieu.csv");
    const error = await readUnitMapFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text.en).toMatch(
      /^doi-chieu\.csv: line 3: a quote opens and is never closed before the end of the file/,
    );
  });
});
