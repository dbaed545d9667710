import { describe, expect, it } from "vitest";
import { parseRatingOption, ratingOptionText, ratingsFromNote } from "../../src/core/ratings";
import { builtinRubric } from "../../src/core/rubric/builtin";
import { importRubricFromWorkbook } from "../../src/core/rubric/import";
import type { Rubric } from "../../src/core/rubric/schema";
import { rate } from "../../src/core/score";
import { specToSnapshot } from "../../src/core/sheet-spec";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { templateSpec } from "../../src/sample";

// Issue #23 item 4 / #27 item 4: the province's rating names and thresholds, as written.

describe("--rating", () => {
  it("reads name=threshold pairs, each band from its threshold up", () => {
    const read = parseRatingOption("Xuất sắc=90,Tốt=80,Khá=70,Trung bình=50,Yếu=0");
    expect(read.problems).toEqual([]);
    expect(read.bands.map((b) => [b.label, b.labelEn, b.min, b.minInclusive])).toEqual([
      ["Xuất sắc", "Excellent", 90, true],
      ["Tốt", "Good", 80, true],
      ["Khá", "Fair", 70, true],
      ["Trung bình", "Average", 50, true],
      ["Yếu", "Weak", 0, true],
    ]);
    expect(rate(read.bands, 90)?.label).toBe("Xuất sắc");
    expect(rate(read.bands, 89.99)?.label).toBe("Tốt");
    expect(ratingOptionText(read.bands)).toBe("Xuất sắc=90,Tốt=80,Khá=70,Trung bình=50,Yếu=0");
  });

  it("takes the province's own words, ';' with decimal commas, and '>' for a threshold not included", () => {
    const read = parseRatingOption("Hoàn thành xuất sắc nhiệm vụ>89,5; Hoàn thành tốt=79,5; Chưa đạt=0");
    expect(read.bands.map((b) => [b.label, b.min, b.minInclusive])).toEqual([
      ["Hoàn thành xuất sắc nhiệm vụ", 89.5, false],
      ["Hoàn thành tốt", 79.5, true],
      ["Chưa đạt", 0, true],
    ]);
    expect(rate(read.bands, 89.5)?.label).toBe("Hoàn thành tốt");
  });

  it("refuses what is not a scale, naming the part", () => {
    expect(parseRatingOption("Tốt 80").problems[0].en).toBe(
      '--rating: "Tốt 80" is not name=points (for example "Tốt=80").',
    );
    expect(parseRatingOption("Tốt=80,Tốt=70").problems[0].vi).toContain('mức "Tốt" xuất hiện hai lần');
    expect(parseRatingOption("Tốt=80,Khá=80").problems[0].en).toContain("share the threshold 80");
    expect(parseRatingOption("").problems[0].en).toContain("empty");
    expect(parseRatingOption("Tốt=80,Khá=80").bands).toEqual([]);
  });
});

describe("a rating note in the template", () => {
  it("reads 'từ … trở lên', 'từ … đến dưới …' and 'dưới …' as written", () => {
    const read = ratingsFromNote(
      "Xếp loại: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90; Khá từ 70 đến dưới 80; Trung bình từ 50 đến dưới 70; Yếu dưới 50.",
    );
    expect(read?.problems).toEqual([]);
    expect(read?.bands.map((b) => [b.label, b.min, b.minInclusive])).toEqual([
      ["Xuất sắc", 90, true],
      ["Tốt", 80, true],
      ["Khá", 70, true],
      ["Trung bình", 50, true],
      ["Yếu", 0, true],
    ]);
  });

  it("reads 'trên' as not including the threshold, and a note on several lines with bullets", () => {
    const read = ratingsFromNote(
      "* XẾP LOẠI:\n- Loại Tốt: trên 85 điểm\n- Loại Khá: từ 70 điểm\n- Loại Trung bình: dưới 70 điểm",
    );
    expect(read?.bands.map((b) => [b.label, b.min, b.minInclusive])).toEqual([
      ["Tốt", 85, false],
      ["Khá", 70, true],
      ["Trung bình", 0, true],
    ]);
    expect(rate(read?.bands ?? [], 85)?.label).toBe("Khá");
  });

  it("is not fooled by text that is no rating note", () => {
    expect(ratingsFromNote("Ghi chú: điểm thẩm định từ 0 đến 2")).toBeNull();
    expect(ratingsFromNote("Xếp loại theo quy định của UBND tỉnh")).toBeNull();
  });
});

describe("rubric import reads the template's rating scale", () => {
  const rubric = builtinRubric("example-commune-2024") as Rubric;
  const template = (extra: CellValue[][]): WorkbookSnapshot => {
    const sheet = specToSnapshot(templateSpec(rubric));
    const width = sheet.values[0]?.length ?? 1;
    const pad = (r: CellValue[]) => [...r, ...new Array<CellValue>(Math.max(0, width - r.length)).fill(null)];
    return {
      source: "mau.xlsx",
      sheets: [{ ...sheet, values: [...sheet.values, pad([]), ...extra.map(pad)] }],
    };
  };

  it("a note under the table gives the bands, and the import says where it read them", () => {
    const wb = template([
      ["Xếp loại: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90; Khá từ 65 đến dưới 80; Yếu dưới 65"],
    ]);
    const imported = importRubricFromWorkbook(wb);
    expect(imported.rubric?.ratingBands.map((b) => [b.label, b.min])).toEqual([
      ["Xuất sắc", 90],
      ["Tốt", 80],
      ["Khá", 65],
      ["Yếu", 0],
    ]);
    const row = wb.sheets[0].values.length;
    expect(imported.problems.map((p) => [p.address, p.message.en])).toEqual([
      [
        `A${row}`,
        "Read the template's rating scale: Xuất sắc from 90; Tốt from 80; Khá from 65; Yếu from 0. Check it; change it with --rating or ratingBands in the JSON.",
      ],
    ]);
  });

  it("a 'Xếp loại' heading with one band per row below it", () => {
    const wb = template([
      ["Xếp loại"],
      ["Hoàn thành xuất sắc", "Từ 92 điểm trở lên"],
      ["Hoàn thành tốt", "Từ 75 điểm"],
      ["Không hoàn thành", "Dưới 75 điểm"],
    ]);
    expect(importRubricFromWorkbook(wb).rubric?.ratingBands.map((b) => [b.label, b.labelEn, b.min])).toEqual([
      ["Hoàn thành xuất sắc", "Excellent", 92],
      ["Hoàn thành tốt", "Good", 75],
      ["Không hoàn thành", "Not achieved", 0],
    ]);
  });
});
