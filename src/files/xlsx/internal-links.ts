import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from "fflate";

/**
 * ExcelJS writes an internal link ("#'Sheet'!A1") both as `location="#…"` and as an external relationship
 * with target "#…"; Excel wants only `location`, without the "#", and says "Reference isn't valid" on
 * the other form in some versions. Rewrites those hyperlinks to Excel's own form and drops the stray
 * relationships; every other part is copied as it was.
 */
const LINK = /<hyperlink ([^>]*?)r:id="(rId\d+)"([^>]*?)location="#([^"]*)"/g;

export function fixInternalLinks(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  let changed = false;
  for (const name of Object.keys(parts)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(parts[name]);
    if (!xml.includes('location="#')) continue;
    const dropped = new Set<string>();
    const fixed = xml.replace(LINK, (_m, before: string, rId: string, between: string, target: string) => {
      dropped.add(rId);
      return `<hyperlink ${before}${between}location="${target}"`.replace(/\s+location/, " location");
    });
    parts[name] = strToU8(fixed);
    const relsName = name.replace("worksheets/", "worksheets/_rels/").concat(".rels");
    if (parts[relsName]) {
      const rels = strFromU8(parts[relsName]).replace(
        /<Relationship [^>]*?Id="(rId\d+)"[^>]*?\/>/g,
        (m, id: string) => (dropped.has(id) ? "" : m),
      );
      parts[relsName] = strToU8(rels);
    }
    changed = true;
  }
  if (!changed) return bytes;
  // A fixed timestamp keeps the output byte-stable for the same input.
  const mtime = new Date(Date.UTC(2024, 0, 1));
  const zippable: Zippable = {};
  for (const name of Object.keys(parts)) zippable[name] = [parts[name], { mtime }];
  return zipSync(zippable, { level: 6 });
}
