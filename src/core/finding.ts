/**
 * One finding shape everywhere: task pane, report sheet, `--json`. Codes are stable API: tools and
 * appraisers filter on them, so a code is never renamed, only added — at the end of FINDING_CODES, with
 * its entry in finding-registry.ts and its help in finding-help.ts (the types refuse anything less).
 */
export const FINDING_CODES = [
  "table-not-found",
  "missing-column",
  "missing-item",
  "unknown-item",
  "duplicate-item",
  "max-mismatch",
  "not-a-number",
  "number-as-text",
  "score-out-of-range",
  "score-not-allowed",
  "missing-score",
  "total-mismatch",
  "formula-overwritten",
  "formula-error",
  "missing-evidence",
  "evidence-unverifiable",
  "evidence-out-of-period",
  "appraisal-without-note",
  "self-score-on-survey",
  "missing-unit-name",
  "unreadable-file",
  // Imported tables (survey scores, last year's ranking) and the ranking itself:
  "number-format-ambiguous",
  "unusable-row",
  "duplicate-unit",
  "wrong-rubric",
  // Recognition: a column the header words could give two ways, and which way it went.
  "ambiguous-column",
  // Evidence cited from the workbook's evidence list sheet ("Danh mục TLKC"):
  "evidence-not-listed",
  "evidence-list-uncited",
  // The pane reads cell links one by one, up to a bound per sheet:
  "links-not-read",
  // The file was encrypted with Excel's built-in password (read-only recommended) and was decrypted to be read:
  "opened-with-default-key",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = "error" | "warning" | "info";

export interface Text {
  vi: string;
  en: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string | null;
  /** The cell the user must fix, A1 without the sheet ("D12"); null where no single cell is at fault. */
  address: string | null;
  /** The item's code as the rubric (the province's template) writes it ("I", "12.2", "a)"), or null. */
  item: string | null;
  /**
   * Present only where that code is written more than once in the rubric (criteria restarting in every
   * area, letters under many criteria): the written codes from the area down, e.g. ["III", "2.1"].
   */
  itemPath?: string[];
  message: Text;
  found?: string | number | boolean | null;
  expected?: string | number | boolean | null;
  /** Which score column the finding is about, where there are several (self, appraised1, appraised2). */
  column?: string;
  /**
   * The hyperlink target on the finding's cell (an evidence cell): a web or file address, or "#Sheet!A1".
   * Shown beside the message, since the cell's text ("Xem tài liệu") does not say where it points.
   */
  link?: string;
}

/**
 * The item a finding is about, as one string comparable with `itemPathKey(node.shownPath)`: findings name
 * items by the template's codes (`item`, and `itemPath` where a code repeats), never by the engine's key.
 */
export function findingItemKey(f: Pick<Finding, "item" | "itemPath">): string | null {
  if (f.itemPath?.length) return itemPathKey(f.itemPath);
  return f.item;
}

/** A written-code path as a key; a single code is its own key, so unique codes match `item` directly. */
export function itemPathKey(path: readonly string[]): string {
  return path.length === 1 ? path[0] : path.join(" › ");
}

/**
 * The same key for a scored node or item (`code` = the engine's key, `shown` = the written code): a code
 * written once is its own key; one the template repeats is known by its path, as findings name it.
 */
export function nodeItemKey(n: { code: string; shown: string; shownPath: readonly string[] }): string {
  return n.code === n.shown ? n.shown : itemPathKey(n.shownPath);
}

/** The finding of a file that could not be read at all: the reader's message, its short reason as `found`. */
export function unreadableFileFinding(message: Text, reason: string): Finding {
  return {
    code: "unreadable-file",
    severity: "error",
    sheet: null,
    address: null,
    item: null,
    message,
    found: reason,
  };
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.sheet ?? "").localeCompare(b.sheet ?? "") ||
      addressOrder(a.address) - addressOrder(b.address) ||
      a.code.localeCompare(b.code),
  );
}

function addressOrder(address: string | null): number {
  if (!address) return -1;
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 20_000 + col;
}
