import { describe, expect, it } from "vitest";
import { claim, sheetOf } from "../../src/excel/ownership";

describe("ownership marks", () => {
  it("reads the sheet a name points at, quoted or not, and none for #REF!", () => {
    expect(sheetOf("='Báo cáo kiểm tra'!$A$1")).toBe("Báo cáo kiểm tra");
    expect(sheetOf("='It''s'!$A$1")).toBe("It's");
    expect(sheetOf("=Sheet1!$A$1")).toBe("Sheet1");
    expect(sheetOf("=#REF!")).toBeNull();
  });

  it("claims an absent sheet, its own marked sheet, and refuses an unmarked one", () => {
    const marks = new Map([["ParIndex_Owned_Ranking", "Xếp hạng"]]);
    expect(claim("Kết quả", new Set(["Tự chấm"]), { marks })).toEqual({ exists: false });
    expect(claim("Xếp hạng", new Set(["Xếp hạng"]), { marks })).toEqual({ exists: true });
    expect(() => claim("Kết quả", new Set(["Kết quả"]), { marks })).toThrow(/Kết quả/);
    expect(() => claim("Tự chấm", new Set(), { marks })).toThrow(/not a sheet the add-in owns/);
  });

  it("finds a present sheet whatever its capitals, as Excel does: the user's is refused in their spelling", () => {
    const marks = new Map([["ParIndex_Owned_Ranking", "XẾP HẠNG"]]);
    expect(() => claim("Kết quả", new Set(["KẾT QUẢ"]), { marks })).toThrow(/"KẾT QUẢ"/);
    // Our own sheet, its capitals changed by the user: still ours, rewritten in place.
    expect(claim("Xếp hạng", new Set(["XẾP HẠNG"]), { marks })).toEqual({ exists: true });
  });
});
