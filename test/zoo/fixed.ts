import type { Variant } from "./variant";

/** The cases issue #12 names, fixed so they are always in the zoo whatever the random seed draws. */
const PLAIN: Omit<Variant, "name" | "seed" | "codes" | "letters"> = {
  areas: 4,
  wide: false,
  decoratedCodes: false,
  numericCodes: false,
  maxFormulas: false,
  headerRows: 1,
  shuffleColumns: false,
  numberRow: "none",
  titleRows: 6,
  unitNameCell: "same",
  guidance: false,
  explanation: true,
  note: true,
  appraisalRounds: 0,
  hiddenRows: false,
  formulaScores: false,
  percentFormat: false,
  footer: true,
  separators: false,
  total: "bottom",
  sectionHeading: false,
  defects: ["missing-evidence", "over-max", "text-comma", "missing-self", "total-overwritten"],
  file: "none",
};

/** A commune template: Roman areas, criteria numbered across the table (12.2 in area V), letters a). */
export const COMMUNE: Variant = {
  ...PLAIN,
  name: "fixed: commune, Roman areas, criteria across the table, letters",
  seed: 101,
  codes: "roman-across",
  letters: "a)",
  areas: 7,
  wide: true,
  numericCodes: true,
  headerRows: 2,
  numberRow: "parenthesised",
  titleRows: 7,
  guidance: true,
  appraisalRounds: 2,
  footer: true,
};

/** An agency template: criteria restarting in every area (2.1 in area III), the total row at the top. */
export const AGENCY: Variant = {
  ...PLAIN,
  name: "fixed: agency, criteria restarting per area, total row at the top",
  seed: 202,
  codes: "roman-restart",
  letters: "-",
  areas: 5,
  decoratedCodes: true,
  headerRows: 3,
  shuffleColumns: true,
  numberRow: "plain",
  titleRows: 4,
  appraisalRounds: 1,
  total: "top",
  separators: true,
  sectionHeading: true,
  file: "excel",
};

/** The consolidation workbook's layout: one unit per sheet beside an instructions and a blank template sheet. */
export const CONSOLIDATION: Variant = {
  ...PLAIN,
  name: "fixed: consolidation workbook",
  seed: 303,
  codes: "roman-dotted",
  letters: "a.",
  areas: 3,
  headerRows: 2,
  titleRows: 5,
  total: "bottom",
  defects: ["over-max", "missing-evidence"],
  file: "excel",
};

/**
 * The layout the engine was first written for (src/sample's): dotted codes, one header row, a title
 * block, the total at the bottom. Every planted defect. It passing shows the generator and the
 * assertions are sound, so a feature variant's failure is the feature's.
 */
export const BASELINE: Variant = {
  ...PLAIN,
  name: "baseline",
  seed: 7,
  codes: "dotted",
  letters: "none",
  areas: 3,
  note: false,
  footer: false,
};

/** One feature of issue #12 (points 2, 4, 5) at a time over the baseline: a failure names its feature. */
const ONE_FEATURE: [string, Partial<Variant>][] = [
  ["two header rows: 'Điểm tự đánh giá' over 'Tài liệu kiểm chứng | Điểm | Giải trình'", { headerRows: 2 }],
  ["three header rows", { headerRows: 3 }],
  ["'Điểm thẩm định' over 'Lần 1 | Lần 2'", { headerRows: 2, appraisalRounds: 2 }],
  ["one appraisal column", { appraisalRounds: 1 }],
  // #23 item 1: rounds by their wording; "sau giải trình" is a round, not the explanation column.
  [
    "'Điểm thẩm định lần 2 (sau giải trình)' beside 'Giải trình của đơn vị'",
    { appraisalRounds: 2, roundWords: "sau giải trình" },
  ],
  [
    "'Điểm thẩm định' over 'Lần 1 | Lần 2 (sau giải trình)', 'Giải trình của đơn vị'",
    { headerRows: 2, appraisalRounds: 2, roundWords: "sau giải trình" },
  ],
  ["'Điểm thẩm định vòng 1 | vòng 2'", { appraisalRounds: 2, roundWords: "vòng" }],
  ["'Điểm thẩm định' over 'Vòng 1 | Vòng 2'", { headerRows: 2, appraisalRounds: 2, roundWords: "vòng" }],
  ["'Điểm thẩm định | Điểm sau phúc tra'", { appraisalRounds: 2, roundWords: "sau phúc tra" }],
  [
    "'Kết quả thẩm định' over 'Lần 1 | Sau phúc tra', three header rows",
    { headerRows: 3, appraisalRounds: 2, roundWords: "sau phúc tra" },
  ],
  ["columns in another order", { shuffleColumns: true, seed: 8 }],
  ["column-number row (1) … (n)", { numberRow: "parenthesised" }],
  ["column-number row 1 2 3 …", { numberRow: "plain" }],
  ["no title block", { titleRows: 0 }],
  ["title block of 8 rows", { titleRows: 8 }],
  ["'Đơn vị:' with the unit's name in the next cell", { unitNameCell: "next" }],
  ["guidance column", { guidance: true }],
  // #23: "x", "K.A.D", "Không áp dụng", "Không phát sinh", "KPS", "-" where the guidance allows it, and not.
  ["not-applicable words in score cells", { guidance: true, naWords: true }],
  ["not-applicable words, written to .xlsx", { guidance: true, naWords: true, file: "excel", seed: 23 }],
  // #23: "Xem tài liệu" with a link on the cell is a cited document; without one it is unverifiable.
  ["hyperlinked evidence 'Xem tài liệu'", { linkedEvidence: true }],
  ["hyperlinked evidence, written to .xlsx", { linkedEvidence: true, file: "excel", seed: 24 }],
  [
    "hyperlinked evidence, saved with inline strings",
    { linkedEvidence: true, file: "libreoffice", seed: 25 },
  ],
  // #23: evidence cited from the list sheet, one citation dangling, two entries nobody cites.
  ["evidence list sheet cited as 'TL 05', 'TL05', '05; 06', 'TL 05-07'", { evidenceList: true }],
  ["evidence list sheet, written to .xlsx", { evidenceList: true, file: "excel", seed: 26 }],
  // Seed 1018334728 random #4: on a small table the not-applicable words, the links and the defects take
  // every evidence cell, so the defective unit's only "TL …" is the dangling one and the list's entries are
  // all uncited — still one evidence-list-uncited note, at the first entry.
  [
    "evidence list no row cites by a listed number, only a dangling one",
    {
      guidance: true,
      naWords: true,
      linkedEvidence: true,
      evidenceList: true,
      areas: 2,
      defects: ["missing-self", "total-overwritten"],
      seed: 6,
    },
  ],
  // #23: the province's rating scale written under the table, read by rubric import.
  ["rating note under the table", { ratingNote: true, footer: true }],
  ["rating note, 'trên' or 'từ' at the top, written to .xlsx", { ratingNote: true, file: "excel", seed: 28 }],
  ["rating note, another draw of thresholds", { ratingNote: true, seed: 29 }],
  ["appraiser's note column", { note: true }],
  ["no explanation column", { explanation: false }],
  ["Roman areas, criteria 1.1", { codes: "roman-dotted" }],
  ["Roman areas, criteria numbered across the table", { codes: "roman-across", areas: 5 }],
  ["Roman areas, criteria restarting in every area", { codes: "roman-restart", areas: 4 }],
  ["letters a) as the lowest level", { letters: "a)" }],
  ["letters a. as the lowest level", { letters: "a." }],
  ["dashes - as the lowest level", { letters: "-" }],
  ["codes with trailing dots or spaces", { decoratedCodes: true }],
  ["codes stored as numbers", { numericCodes: true }],
  [
    "a criterion with ten sub-criteria, 1.10 stored as a number",
    { codes: "roman-across", wide: true, numericCodes: true },
  ],
  ["maxima of parents and the total as formulas", { maxFormulas: true }],
  ["hidden rows", { hiddenRows: true }],
  ["scores typed as formulas (=0.5*2)", { formulaScores: true }],
  ["percent-formatted score cells", { percentFormat: true }],
  ["notes and signature block under the table", { footer: true }],
  // Five columns wide: "NGƯỜI LẬP BIỂU" lands in the label column, "THỦ TRƯỞNG ĐƠN VỊ" in the maximum's.
  ["signature block over the label and maximum columns", { footer: true, explanation: false }],
  ["blank separator rows", { separators: true }],
  ["grand total row at the top", { total: "top" }],
  ["no grand total row", { total: "none" }],
  ["section heading without a maximum", { sectionHeading: true }],
  ["written to .xlsx and read back", { file: "excel" }],
  ["saved with inline strings, as LibreOffice does", { file: "libreoffice" }],
];

export const FEATURE_VARIANTS: Variant[] = ONE_FEATURE.map(([feature, change]) => ({
  ...BASELINE,
  ...change,
  name: `feature: ${feature}`,
}));
