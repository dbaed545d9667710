/**
 * A table's column names as Excel requires them: unique (Excel compares them ignoring case) and not
 * empty, or it "repairs" the workbook on opening and drops the table. Names come from the user's own
 * words (area labels, survey headers), so two can coincide: the second becomes "Name (2)". Every writer
 * of a table (ExcelJS for the CLI, Office.js in the pane, the snapshot view) calls this, so the three agree.
 */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const used = new Set<string>();
  return headers.map((raw, j) => {
    const base = String(raw ?? "").trim() || `Cột ${j + 1}`;
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    used.add(name.toLowerCase());
    return name;
  });
}
