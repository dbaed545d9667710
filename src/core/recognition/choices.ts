/**
 * Choices the header left to recognition, said to the user: two columns for one role, or one header
 * naming two roles. One `ambiguous-column` warning each, at the header cell of the column concerned,
 * with the fix (`--columns`, the pane's "Sửa cột"), as `missing-column` does.
 */
import { a1, columnLetters } from "../address";
import type { Finding } from "../finding";
import { msg } from "../messages";
import type { ColumnChoice } from "./types";

export function choiceFindings(sheet: string, choices: readonly ColumnChoice[]): Finding[] {
  return choices.map((c) => ({
    code: "ambiguous-column",
    severity: "warning",
    sheet,
    address: a1(c.row, c.column),
    item: null,
    message:
      c.kind === "two-columns"
        ? msg.columnTwoColumns(
            c.role,
            { column: columnLetters(c.chosen.column), header: c.chosen.header },
            { column: columnLetters(c.column), header: c.header },
          )
        : msg.columnTwoRoles(
            c.role,
            c.others,
            { column: columnLetters(c.column), header: c.header },
            c.because,
          ),
    found: columnLetters(c.column),
    expected: c.role,
  }));
}
