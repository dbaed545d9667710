/**
 * Template recognition: find the scoring table in a workbook the way the unit laid it out — header
 * below a title block, columns moved, renamed or inserted, a header merged over two rows — and match
 * its rows to rubric items by code, or by folded label where codes are missing or styled differently.
 * Users never change their layout for us; instead we say what we recognised so they can check it.
 *
 * The work is in src/core/recognition/ by job: header finding (header.ts, header-words.ts), the user's
 * column corrections (corrections.ts), item rows (rows.ts, match.ts, codes.ts), the unit's name
 * (unit-name.ts) and the workbook-level sheet choice (workbook.ts). This module keeps the public names.
 */
export { isColumnNumberRow } from "./recognition/header";
export { matchRows } from "./recognition/match";
export type { RecognisedTable, RecogniseOptions, Recognition, TableRow } from "./recognition/types";
export { recogniseWorkbook, sheetOf } from "./recognition/workbook";
