/**
 * Saves bytes as a file through the browser's own download (an object URL on an <a download>): nothing
 * leaves the machine, and the user's browser decides where the file goes.
 */
export function download(data: Uint8Array | string, fileName: string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns: let go of it a little later, not at once.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv;charset=utf-8";

/** A file name without characters Windows refuses ("Xã A/B" → "Xã A-B"), and without its extension. */
export function baseName(file: string): string {
  return (
    file
      .replace(/\.[a-z0-9]+$/i, "")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names.
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "-")
      .trim() || "par-index"
  );
}
