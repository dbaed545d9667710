import type { Text } from "../core/finding";
import type { WorkbookSnapshot } from "../core/snapshot";
import { FileReadError } from "./errors";
import { count, DEFAULT_LIMITS, emptyUsage, type ReadLimits } from "./limits";
import { type Container, openContainer } from "./xlsx/container";
import { locateParts, readRelationships } from "./xlsx/package";
import { readSharedStrings, readSheetList, readStyles, xml } from "./xlsx/parts";
import { readSheet } from "./xlsx/sheet";
import type { Inflate } from "./xlsx/zip";

export type { ReadLimits } from "./limits";

/**
 * Reads an .xlsx into the snapshot core validates: values (cached results for formulas), formula
 * text, number formats, errors, merges, hidden rows/columns, protection. Only the parts validation
 * needs are inflated (the platform's inflater, or fflate), one at a time, and walked by a scanner that
 * hands the part to saxes whenever it is not plain well-formed XML (xlsx/xml-scan.ts) — several times
 * cheaper than a general workbook library, and small enough for the task pane to import units' files in
 * the browser. Every file is held to the budgets of files/limits.ts, so time and memory are bounded
 * whatever the bytes say. Sync, pure (bytes in, snapshot out); throws only FileReadError.
 */
export function readWorkbook(
  bytes: Uint8Array,
  source: string,
  limits: Partial<ReadLimits> = {},
  /** The platform's inflater where there is one (Node's zlib, see files/node.ts); fflate otherwise. */
  inflate?: Inflate,
): WorkbookSnapshot {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const usage = emptyUsage();
  const container = openContainer(bytes, source, lim, usage, inflate);
  // The part being read, so a refusal names it ("xl/worksheets/sheet3.xml: …"), not just "2:9: …".
  let part = "_rels/.rels";
  try {
    const parts = locateParts(container, source);
    part = parts.workbook;
    // A sheet listed twice (or a thousand times) is one sheet: read it once.
    const seen = new Set<string>();
    const worksheets: { name: string; hidden: boolean; path: string }[] = [];
    for (const s of readSheetList(xml(container.read(parts.workbook)))) {
      const path = parts.sheets.get(s.id);
      if (!path || seen.has(path) || !container.has(path)) continue;
      seen.add(path);
      worksheets.push({ name: s.name, hidden: s.hidden, path });
    }
    if (worksheets.length === 0) throw new FileReadError("no-sheets", source);
    if (worksheets.length > lim.maxSheets)
      throw new FileReadError("too-large", source, {
        vi: `${count(worksheets.length, "vi")} trang tính (giới hạn ${count(lim.maxSheets, "vi")})`,
        en: `${count(worksheets.length, "en")} sheets (limit ${count(lim.maxSheets, "en")})`,
      });
    part = parts.sharedStrings ?? part;
    const strings = parts.sharedStrings ? readSharedStrings(xml(container.read(parts.sharedStrings))) : [];
    part = parts.styles ?? part;
    const formats = parts.styles ? readStyles(xml(container.read(parts.styles))) : [];
    const sheets = worksheets.map((s) => {
      part = s.path;
      return readSheet(xml(container.read(s.path)), {
        file: source,
        name: s.name,
        hidden: s.hidden,
        strings,
        formats,
        limits: lim,
        usage,
        links: sheetLinks(container, s.path),
      });
    });
    return { source, sheets };
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    const why = xmlFaultWords(e);
    throw new FileReadError("malformed-xml", source, { vi: `${part}: ${why.vi}`, en: `${part}: ${why.en}` });
  }
}

/** A sheet's external hyperlink targets by relationship id (xl/worksheets/_rels/sheetN.xml.rels); none without the part. */
function sheetLinks(container: Container, sheetPath: string): Map<string, string> | undefined {
  const slash = sheetPath.lastIndexOf("/") + 1;
  const rels = `${sheetPath.slice(0, slash)}_rels/${sheetPath.slice(slash)}.rels`;
  if (!container.has(rels)) return undefined;
  const out = new Map<string, string>();
  for (const [id, rel] of readRelationships(container, rels))
    if (rel.type.endsWith("/hyperlink")) out.set(id, rel.target);
  return out;
}

/**
 * What the XML parser's message ("2:9: text data outside of root node.") means, in words a user can pass
 * on, in each language (a message is said in one language: the other's words would make it mixed), with
 * where it is; the parser's own text otherwise.
 */
export function xmlFaultWords(e: unknown): Text {
  const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
  const at = /^(?:[^:]*:)?(\d+):(\d+): /.exec(message);
  const rules: [RegExp, Text][] = [
    [
      /outside of root node/,
      { vi: "có chữ nằm ngoài phần tử gốc của XML", en: "text outside the XML's root element" },
    ],
    [
      /unclosed tag|unexpected end|ended prematurely/i,
      {
        vi: "phần này bị cắt giữa chừng, có thẻ không được đóng",
        en: "the part is cut short, a tag is never closed",
      },
    ],
    [
      /unmatched closing tag|unexpected close tag/i,
      { vi: "thẻ đóng không khớp thẻ mở", en: "a closing tag does not match its opening tag" },
    ],
    [
      /document must contain a root element|no root/i,
      { vi: "phần này không có nội dung XML", en: "the part holds no XML" },
    ],
    [
      /disallowed character|invalid character|illegal/i,
      { vi: "có ký tự không được phép trong XML", en: "a character XML does not allow" },
    ],
    [/entity/i, { vi: "một ký hiệu & không hợp lệ", en: "an invalid & entity" }],
  ];
  const words = rules.find(([re]) => re.test(message))?.[1];
  if (!words) return { vi: message.slice(0, 160), en: message.slice(0, 160) };
  if (!at) return words;
  return {
    vi: `${words.vi} (dòng ${at[1]}, cột ${at[2]})`,
    en: `${words.en} (line ${at[1]}, column ${at[2]})`,
  };
}
