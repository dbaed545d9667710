/** The user's own column choice (`--columns`, the pane's "Sửa cột") laid over the header recognised. */
import type { ColumnRole } from "../columns";
import type { HeaderGuess, RecogniseOptions } from "./types";

/** A column holds one role: the user's choice replaces what the header words said. */
export function withCorrections(
  guess: HeaderGuess,
  corrections: RecogniseOptions["columns"],
  sheet: string,
): HeaderGuess {
  if (!corrections || (corrections.sheet && corrections.sheet !== sheet)) return guess;
  const columns = { ...guess.columns };
  const headers = { ...guess.headers };
  for (const [role, col] of Object.entries(corrections.roles) as [ColumnRole, number | null][]) {
    // A column holds one role: moving a role onto a column takes it from the role that had it.
    for (const [other, c] of Object.entries(columns) as [ColumnRole, number][])
      if (c === col && other !== role) delete columns[other];
    if (col === null) delete columns[role];
    else columns[role] = col;
    headers[role] = col === null ? undefined : wordsOf(guess, col);
  }
  // A role the user placed is no longer a choice recognition made.
  const placed = (role: ColumnRole) => role in corrections.roles;
  const choices = guess.choices.filter(
    (c) => !placed(c.role) && !(c.kind === "two-roles" && c.others.some(placed)),
  );
  return { ...guess, columns, headers, choices };
}

/**
 * The header's words over column `col`, as recognition read them for whichever role it gave that column
 * (not those of the column a role was moved from); "" when recognition named no role there — messages
 * then say "chọn tay" / "set by hand", each in its own language.
 */
function wordsOf(guess: HeaderGuess, col: number): string {
  for (const [role, c] of Object.entries(guess.columns) as [ColumnRole, number][])
    if (c === col) return (guess.headers[role] ?? "").trim();
  return "";
}
