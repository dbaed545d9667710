import { describe, expect, it } from "vitest";
import { citation, isVerifiable } from "../../src/core/evidence";

describe("what an evidence cell cites", () => {
  it.each([
    ["Kế hoạch số 12/KH-UBND ngày 15/01/2024", { documentNumber: true, link: false }, [2024]],
    ["Quyết định 45/QĐ-UBND", { documentNumber: true, link: false }, []],
    ["Nghị quyết số 05/2024/NQ-HĐND", { documentNumber: true, link: false }, []],
    ["Báo cáo ngày 3 tháng 12 năm 2023", { documentNumber: false, link: false }, [2023]],
    ["Biên bản họp 20-12-2022 và 05.01.2024", { documentNumber: false, link: false }, [2022, 2024]],
    ["https://dichvucong.gov.vn/p/123", { documentNumber: false, link: true }, []],
    ["Xem www.anbinh.gov.vn", { documentNumber: false, link: true }, []],
  ])("%s", (text, flags, years) => {
    const c = citation(text);
    expect({ documentNumber: c.documentNumber, link: c.link }).toEqual(flags);
    expect(c.dates.map((d) => d.year)).toEqual(years);
    expect(isVerifiable(c)).toBe(true);
  });

  it.each([["Có thực hiện đầy đủ"], ["Hồ sơ lưu tại Văn phòng"], ["Đã ban hành"], ["32/45 ngày trong năm"]])(
    "cites nothing checkable: %s",
    (text) => {
      const c = citation(text);
      expect(c.dates).toEqual([]);
      expect(c.link).toBe(false);
      expect(isVerifiable(c)).toBe(false);
    },
  );

  it("impossible dates are not dates", () => {
    expect(citation("ngày 45/13/2024").dates).toEqual([]);
  });
});

describe("worded dates in any case", () => {
  it.each([
    ["NGÀY 3 THÁNG 12 NĂM 2023", [2023]],
    ["ngày 3 Tháng 12 năm 2023", [2023]],
    ["Ngày 03 tháng 01 năm 2024 và ngày 5 tháng 6 năm 2022", [2024, 2022]],
    ["ngày 3 thang 12 nam 2023", [2023]],
    ["ngày 3 tháng 13 năm 2023", []],
  ])("%s", (text, years) => {
    expect(citation(text).dates.map((d) => d.year)).toEqual(years);
  });
});
