/** missing-column: the columns a unit's table needs, each missing one named with what was recognised. */
import { a1, columnLetters } from "../address";
import type { ColumnRole } from "../columns";
import type { Severity } from "../finding";
import { msg } from "../messages";
import type { RuleContext } from "./context";

export function checkColumns(ctx: RuleContext): void {
  const { table } = ctx;
  const header = a1(table.headerRow, 0);
  // Units score themselves: a table with only appraisal columns recognised would total nothing for
  // the unit and say nothing about why (a header misread). Never silent: name what was found.
  if (table.columns.self === undefined) {
    const recognised = (Object.entries(table.columns) as [ColumnRole, number][])
      .sort((a, b) => a[1] - b[1])
      .map(([role, col]) => ({
        role,
        column: columnLetters(col),
        header: table.columnHeaders[role] ?? "",
      }));
    ctx.add(
      "missing-column",
      "error",
      header,
      null,
      msg.missingKeyColumn("self", table.headerRow, recognised),
      {
        expected: "self",
      },
    );
  }
  for (const role of ["evidence", "max", "code"] as const) {
    if (table.columns[role] !== undefined) continue;
    // Without codes, rows match by label: worth knowing, not a defect.
    const severity: Severity = role === "code" ? "info" : "warning";
    ctx.add("missing-column", severity, header, null, msg.missingColumn(role, table.headerRow), {
      expected: role,
    });
  }
}
