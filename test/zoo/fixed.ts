import type { Variant } from "./variant";

/** The cases issue #12 names, fixed so they are always in the zoo whatever the random seed draws. */
const PLAIN: Omit<Variant, "name" | "seed" | "codes" | "letters"> = {
  areas: 4,
  wide: false,
  decoratedCodes: false,
  numericCodes: false,
  headerRows: 1,
  shuffleColumns: false,
  numberRow: "none",
  titleRows: 6,
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
  viaFile: false,
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
  viaFile: true,
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
  viaFile: true,
};
