/**
 * One layout-zoo variant: which features of issue #12 (points 2, 4 and 5) a province's template combines,
 * and which defects a unit plants. fast-check draws these (arbitrary.ts); the fixed cases spell them out.
 * The generator (generate.ts) turns a variant into sheets plus the expectations it planted.
 */
export type CodeStyle =
  /** 1 / 1.1 / 1.1.1 */
  | "dotted"
  /** I / 1.1 / 1.1.1 */
  | "roman-dotted"
  /** I / 1, 2, … numbered across the whole table / 12.1, 12.2 */
  | "roman-across"
  /** I / 1, 2, … restarting in every area / 2.1 (repeats across areas) */
  | "roman-restart";

export type LetterStyle = "none" | "a)" | "a." | "-";

export type DefectKind =
  /** A positive self score with no evidence and no explanation. */
  | "missing-evidence"
  /** A self score one point above the item's maximum. */
  | "over-max"
  /** "1,5" typed as text in a self-score cell. */
  | "text-comma"
  /** A leaf's self-score cell left empty. */
  | "missing-self"
  /** The grand total's self cell typed over its formula with a wrong number. */
  | "total-overwritten";

export const DEFECT_KINDS: readonly DefectKind[] = [
  "missing-evidence",
  "over-max",
  "text-comma",
  "missing-self",
  "total-overwritten",
];

export type RoundWords = "lần" | "vòng" | "sau giải trình" | "sau phúc tra";

export const ROUND_WORDS: readonly RoundWords[] = ["lần", "vòng", "sau giải trình", "sau phúc tra"];

export interface Variant {
  name: string;
  /** Drives every detail the flags leave open (maxima, labels, scores, column shuffle). */
  seed: number;
  codes: CodeStyle;
  letters: LetterStyle;
  areas: number;
  /** One criterion with ten or more sub-criteria, so that a code "1.10" exists. */
  wide: boolean;
  /** Some codes written "14.3." or "7.1 ". */
  decoratedCodes: boolean;
  /** Numeric-looking codes stored as numbers, with a format that shows them as written ("1.10" → 0.00). */
  numericCodes: boolean;
  /** Parents' and the total's maxima as formulas over the rows below (=D12+D15), not typed numbers. */
  maxFormulas: boolean;
  headerRows: 1 | 2 | 3;
  /** Column blocks in the usual order, or shuffled (groups stay together under their merged cell). */
  shuffleColumns: boolean;
  numberRow: "none" | "parenthesised" | "plain";
  titleRows: number;
  /** "Đơn vị: UBND xã An Bình" in one cell, or "Đơn vị:" with the name in the next cell. */
  unitNameCell: "same" | "next";
  guidance: boolean;
  explanation: boolean;
  note: boolean;
  appraisalRounds: 0 | 1 | 2;
  /**
   * How two appraisal rounds are told apart in their headers (#23 item 1): "lần" (the default),
   * "vòng", "sau giải trình" (round 2 "Điểm thẩm định lần 2 (sau giải trình)" beside the unit's "Giải
   * trình của đơn vị") or "sau phúc tra". Absent: the wordings drawn before this existed.
   */
  roundWords?: RoundWords;
  /**
   * Not-applicable words (#23): the guidance column marks some leaves "không phát sinh thì được tính
   * điểm tối đa" (the rubric import reads that as allowed); every unit writes "x", "K.A.D", "Không áp
   * dụng", "Không phát sinh", "KPS" or "-" in their self-score cells, counted at full points (the rubric's
   * default policy, no note says otherwise); the defective unit also writes one on a leaf that does not
   * allow it. Needs `guidance` and no appraisal round (the appraisers' columns for such items are not drawn
   * yet); absent: no such words.
   */
  naWords?: boolean;
  /**
   * Hyperlinked evidence (#23): some evidence cells read "Xem tài liệu" with a link on the cell (a
   * document cited whatever the text says); the defective unit also has one without the link
   * (evidence-unverifiable there). Absent: no such cells.
   */
  linkedEvidence?: boolean;
  /**
   * An evidence list sheet (#23): "Danh mục tài liệu kiểm chứng" (STT, số ký hiệu, ngày, trích yếu) beside
   * the unit's sheet, cited as "TL 05", "TL05", "05; 06", "TL 05-07"; the defective unit cites one number
   * the list lacks (evidence-not-listed there) and its last two entries are cited by nobody (one
   * evidence-list-uncited note at the first). Absent: no list.
   */
  evidenceList?: boolean;
  /**
   * A rating note under the table (#23): "Xếp loại: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90;
   * …; Yếu dưới 50", thresholds drawn from the seed; rubric import reads it into the rubric's bands.
   */
  ratingNote?: boolean;
  hiddenRows: boolean;
  formulaScores: boolean;
  percentFormat: boolean;
  footer: boolean;
  separators: boolean;
  total: "none" | "top" | "bottom";
  sectionHeading: boolean;
  defects: DefectKind[];
  /**
   * "excel": written to .xlsx with ExcelJS and read back with the project's reader; "libreoffice": the
   * same file with its text as inline strings, as LibreOffice and other tools save it; "none": in memory.
   */
  file: "none" | "excel" | "libreoffice";
}

/** A short tag per feature that is on, for test names: a failure says which features it combined. */
export function featureTags(v: Variant): string[] {
  const tags = [`codes=${v.codes}`, `header=${v.headerRows}`];
  if (v.letters !== "none") tags.push(`letters=${v.letters}`);
  if (v.wide) tags.push("wide");
  if (v.decoratedCodes) tags.push("decorated-codes");
  if (v.numericCodes) tags.push("numeric-codes");
  if (v.maxFormulas) tags.push("max-formulas");
  if (v.shuffleColumns) tags.push("shuffled");
  if (v.numberRow !== "none") tags.push(`number-row=${v.numberRow}`);
  tags.push(`title=${v.titleRows}`);
  if (v.unitNameCell === "next" && v.titleRows > 0) tags.push("unit-name-next-cell");
  if (v.guidance) tags.push("guidance");
  if (v.explanation) tags.push("explanation");
  if (v.note) tags.push("note");
  if (v.appraisalRounds) tags.push(`appraisal=${v.appraisalRounds}`);
  if (v.roundWords && v.appraisalRounds === 2) tags.push(`rounds=${v.roundWords}`);
  if (v.naWords && v.guidance && v.appraisalRounds === 0) tags.push("na-words");
  if (v.linkedEvidence) tags.push("linked-evidence");
  if (v.evidenceList) tags.push("evidence-list");
  if (v.ratingNote) tags.push("rating-note");
  if (v.hiddenRows) tags.push("hidden-rows");
  if (v.formulaScores) tags.push("formula-scores");
  if (v.percentFormat) tags.push("percent");
  if (v.footer) tags.push("footer");
  if (v.separators) tags.push("separators");
  if (v.total !== "none") tags.push(`total=${v.total}`);
  if (v.sectionHeading) tags.push("section-heading");
  if (v.file !== "none") tags.push(v.file === "excel" ? "xlsx" : "xlsx-inline-strings");
  return tags;
}
