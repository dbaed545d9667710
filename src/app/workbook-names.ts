/**
 * Which file names count as workbooks, for every face: the CLI's folder walker, the pane's picked files
 * and folders, the standalone page's drop zone. One rule, so a file one face reads is never silently
 * left out by another. Legacy formats are included so the reader can tell the user to re-save them.
 */

/** Spreadsheet extensions, lower case with the dot. */
export const WORKBOOK_EXTENSIONS: readonly string[] = [
  ".xlsx",
  ".xlsm",
  ".xltx",
  ".xltm",
  ".xls",
  ".xlsb",
  ".csv",
  ".ods",
];

const EXTENSIONS = new Set(WORKBOOK_EXTENSIONS);

/** The extension of a bare name or a path ("a/b.XLSX" → ".xlsx"), "" when there is none. */
function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

function baseName(name: string): string {
  const cut = Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\"));
  return cut >= 0 ? name.slice(cut + 1) : name;
}

/** A spreadsheet's extension, whatever else the name is. */
export function hasWorkbookExtension(name: string): boolean {
  return EXTENSIONS.has(extensionOf(name));
}

/**
 * Excel's lock files ("~$Bao cao.xlsx", written while a workbook is open) and hidden files (".~lock…",
 * macOS "._" forks) look like workbooks but are not a unit's submission.
 */
export function isLockOrHidden(name: string): boolean {
  const base = baseName(name);
  return base.startsWith("~$") || base.startsWith(".");
}

/** Whether a file found in a folder or picked among others is a workbook to read. */
export function isWorkbookName(name: string): boolean {
  return hasWorkbookExtension(name) && !isLockOrHidden(name);
}

/** The HTML file input's `accept` list for the same rule. */
export const WORKBOOK_ACCEPT = WORKBOOK_EXTENSIONS.join(",");
