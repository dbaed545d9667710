import { constants, crc32, deflateRawSync } from "node:zlib";
import { strToU8 } from "fflate";

/**
 * The hostile files of issue #13, built in memory: each attack a reader met in the wild or a crafted one,
 * with the verdict it must get — read (and how many sheets), or refused with which reason. Built with a
 * zip writer of its own (it must write what no honest zip library writes: duplicate names, Windows
 * paths, sizes and CRCs that lie) and never with the reader it tests. Big parts are deflated as a stream
 * of repeated pieces, so building the 200 MB shared-strings attack costs its compressed size, not 200 MB.
 */
export type Verdict = { reads: true; sheets: number } | { reason: string };

export interface Attack {
  name: string;
  /** What the issue says it did to the old reader, and why the verdict is right. */
  what: string;
  verdict: Verdict;
  build: () => Uint8Array;
}

/** One zip entry, its data already compressed (or stored), with the sizes and CRC to declare. */
export interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

/**
 * Deflates pieces as one stream without holding the text whole: each piece is compressed on its own and
 * ended with a full flush (which resets the compressor, so the pieces' outputs can simply follow one
 * another), then one final empty block. A repeated piece is compressed once: the 200 MB shared-strings
 * attack costs its few hundred KB of output and a CRC pass.
 */
export function deflatePieces(name: string, pieces: Iterable<string | Uint8Array>): RawEntry {
  const out: Uint8Array[] = [];
  const cache = new Map<string | Uint8Array, Uint8Array>();
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const bytes = typeof piece === "string" ? strToU8(piece) : piece;
    let packed = cache.get(piece);
    if (!packed) {
      packed = deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
      if (cache.size < 4) cache.set(piece, packed);
    }
    crc = crc32(bytes, crc);
    size += bytes.length;
    out.push(packed);
  }
  out.push(FINAL_BLOCK);
  return { name, data: concat(out), method: 8, crc, size };
}

/** A final, empty fixed-Huffman block: ends a raw deflate stream. */
const FINAL_BLOCK = Uint8Array.from([0x03, 0x00]);

export function deflated(name: string, content: string | Uint8Array): RawEntry {
  return deflatePieces(name, [content]);
}

function* repeat(head: string, body: string, times: number, tail: string): Generator<string> {
  yield head;
  // Pieces of ~64 KB: the deflater sees enough at once to compress well.
  const per = Math.max(1, Math.floor(65_536 / body.length));
  const block = body.repeat(per);
  let left = times;
  while (left >= per) {
    yield block;
    left -= per;
  }
  if (left > 0) yield body.repeat(left);
  yield tail;
}

function* pieces(head: string, count: number, body: (i: number) => string, tail: string): Generator<string> {
  yield head;
  let buf: string[] = [];
  for (let i = 0; i < count; i++) {
    buf.push(body(i));
    if (buf.length === 4096) {
      yield buf.join("");
      buf = [];
    }
  }
  yield buf.join("");
  yield tail;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A zip archive of the entries exactly as given (names, sizes and CRCs may lie: that is the point). */
export function zipRaw(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true); // names in UTF-8
    lv.setUint16(8, e.method, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const directory = concat(centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directory.length, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const WORKSHEET = `${REL_NS}/worksheet`;

interface BookOptions {
  /** Sheet parts: name and the worksheet's XML (or its entry, already deflated). */
  sheets: { name: string; xml?: string; entry?: RawEntry }[];
  sharedStrings?: string | RawEntry;
  /** Where the workbook part lives (Excel: xl/workbook.xml). */
  workbookPath?: string;
  /** The prefix the relationship id attribute is written with (Excel: r). */
  idPrefix?: string;
  /** The <sheet> elements as written, when an attack repeats or alters them. */
  sheetList?: string;
  /** Encodes each XML part (UTF-16, …). */
  encode?: (xml: string) => Uint8Array;
  /** Rewrites the entries before zipping (duplicates, Windows paths, lies). */
  mutate?: (entries: RawEntry[]) => RawEntry[];
}

/** A workbook as Excel lays it out (or as told otherwise), one worksheet part per sheet. */
export function book(o: BookOptions): Uint8Array {
  const wbPath = o.workbookPath ?? "xl/workbook.xml";
  const dir = wbPath.slice(0, wbPath.lastIndexOf("/") + 1);
  const prefix = o.idPrefix ?? "r";
  const enc = o.encode ?? ((x: string) => strToU8(x));
  const part = (name: string, x: string) => deflated(name, enc(x));
  const list =
    o.sheetList ??
    o.sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" ${prefix}:id="rId${i + 1}"/>`)
      .join("");
  const rels = o.sheets
    .map(
      (_, i) => `<Relationship Id="rId${i + 1}" Type="${WORKSHEET}" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const entries: RawEntry[] = [
    part(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    ),
    part(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="${wbPath}"/></Relationships>`,
    ),
    part(
      wbPath,
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:${prefix}="${REL_NS}"><sheets>${list}</sheets></workbook>`,
    ),
    part(
      `${dir}_rels/${wbPath.slice(dir.length)}.rels`,
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}">${rels}<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
  ];
  o.sheets.forEach((s, i) => {
    const name = `${dir}worksheets/sheet${i + 1}.xml`;
    entries.push(
      s.entry
        ? { ...s.entry, name }
        : part(
            name,
            `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.xml ?? ""}</sheetData></worksheet>`,
          ),
    );
  });
  if (o.sharedStrings !== undefined)
    entries.push(
      typeof o.sharedStrings === "string"
        ? part(
            `${dir}sharedStrings.xml`,
            `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${o.sharedStrings}</sst>`,
          )
        : { ...o.sharedStrings, name: `${dir}sharedStrings.xml` },
    );
  return zipRaw(o.mutate ? o.mutate(entries) : entries);
}

/** A small ordinary table: a header and a few scored rows (the verdict "reads" needs something to read). */
const TABLE =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Nội dung</t></is></c><c r="C1" t="inlineStr"><is><t>Điểm</t></is></c></row>' +
  '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Chỉ đạo</t></is></c><c r="C2"><v>2</v></c></row>';

function utf16(xml: string, little: boolean): Uint8Array {
  const text = `\ufeff${xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')}`;
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2 + (little ? 0 : 1)] = c & 0xff;
    out[i * 2 + (little ? 1 : 0)] = c >> 8;
  }
  return out;
}

function sheetOf(body: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${body}<sheetData>${TABLE}</sheetData>${extra}</worksheet>`;
}

const MB = 1024 * 1024;

export const ATTACKS: Attack[] = [
  {
    name: "shared-string-fanout",
    what: "12,000 cells showing one 1 MB shared string: 12 GB of text for everything after the reader; refused",
    verdict: { reason: "too-large" },
    build: () =>
      book({
        sheets: [
          {
            name: "S",
            entry: deflatePieces(
              "s",
              pieces(
                `<?xml version="1.0"?><worksheet ${NS}><sheetData>`,
                12_000,
                (i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`,
                "</sheetData></worksheet>",
              ),
            ),
          },
        ],
        sharedStrings: deflatePieces(
          "s",
          repeat(`<?xml version="1.0"?><sst ${NS}><si><t>`, "x", MB, "</t></si></sst>"),
        ),
      }),
  },
  {
    name: "shared-string-fanout-small",
    what: "40 cells showing one 1 MB shared string: a text longer than Excel's 32,767-character limit for a cell, refused",
    verdict: { reason: "too-large" },
    build: () =>
      book({
        sheets: [
          {
            name: "S",
            xml: Array.from(
              { length: 40 },
              (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`,
            ).join(""),
          },
        ],
        sharedStrings: deflatePieces(
          "s",
          repeat(`<?xml version="1.0"?><sst ${NS}><si><t>`, "x", MB, "</t></si></sst>"),
        ),
      }),
  },
  {
    name: "negative-col-range",
    what: '<col min="-300000000" hidden="1">: the old reader looped from -300M to 16,384 and died out of memory',
    verdict: { reads: true, sheets: 1 },
    build: () =>
      book({
        sheets: [
          {
            name: "S",
            entry: deflated("s", sheetOf('<cols><col min="-300000000" max="16384" hidden="1"/></cols>')),
          },
        ],
      }),
  },
  {
    name: "two-cell-sheets-spanning",
    what: "ten sheets of two cells each, A1 and T995000: 19.9M cells each if allocated; refused before allocating",
    verdict: { reason: "too-large" },
    build: () =>
      book({
        sheets: Array.from({ length: 10 }, (_, i) => ({
          name: `S${i + 1}`,
          xml: '<row r="1"><c r="A1"><v>1</v></c></row><row r="995000"><c r="T995000"><v>2</v></c></row>',
        })),
      }),
  },
  {
    name: "shared-formula-expansion",
    what: "one 8,000-character shared formula over 200,000 cells: 1.6 billion characters once expanded",
    verdict: { reason: "too-large" },
    build: () => {
      const formula = Array.from({ length: 1000 }, (_, i) => `A${i + 1}`)
        .join("+")
        .slice(0, 8000);
      return book({
        sheets: [
          {
            name: "F",
            entry: deflatePieces(
              "f",
              pieces(
                `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="B1"><f t="shared" ref="B1:B200000" si="0">${formula}</f><v>1</v></c></row>`,
                199_999,
                (i) => `<row r="${i + 2}"><c r="B${i + 2}"><f t="shared" si="0"/><v>1</v></c></row>`,
                "</sheetData></worksheet>",
              ),
            ),
          },
        ],
      });
    },
  },
  {
    name: "sheet-listed-20000-times",
    what: "workbook.xml lists the same sheet 20,000 times: read once",
    verdict: { reads: true, sheets: 1 },
    build: () =>
      book({
        sheets: [{ name: "S", xml: TABLE }],
        sheetList: Array.from(
          { length: 20_000 },
          (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`,
        ).join(""),
      }),
  },
  {
    name: "million-merges",
    what: "1,000,000 merged areas: refused by the merge budget",
    verdict: { reason: "too-large" },
    build: () =>
      book({
        sheets: [
          {
            name: "M",
            entry: deflatePieces(
              "m",
              pieces(
                `<?xml version="1.0"?><worksheet ${NS}><sheetData>${TABLE}</sheetData><mergeCells count="1000000">`,
                1_000_000,
                (i) => `<mergeCell ref="D${i + 1}:E${i + 1}"/>`,
                "</mergeCells></worksheet>",
              ),
            ),
          },
        ],
      }),
  },
  {
    name: "63-parts-of-8mb",
    what: "63 worksheet parts of 8 MB each (504 MB inflated): refused by the file's inflate budget",
    verdict: { reason: "zip-bomb" },
    build: () => {
      const big = deflatePieces(
        "w",
        repeat(
          `<?xml version="1.0"?><worksheet ${NS}><sheetData>${TABLE}</sheetData><!--`,
          "-padding-",
          Math.floor((8 * MB) / 9),
          "--></worksheet>",
        ),
      );
      return book({ sheets: Array.from({ length: 63 }, (_, i) => ({ name: `S${i + 1}`, entry: big })) });
    },
  },
  {
    name: "200mb-shared-strings",
    what: "a 200 MB sharedStrings part: refused by its declared size before inflating",
    verdict: { reason: "zip-bomb" },
    build: () =>
      book({
        sheets: [{ name: "S", xml: TABLE }],
        sharedStrings: deflatePieces(
          "s",
          repeat(
            `<?xml version="1.0"?><sst ${NS}>`,
            "<si><t>Nội dung chấm điểm</t></si>",
            Math.floor((200 * MB) / 40),
            "</sst>",
          ),
        ),
      }),
  },
  {
    name: "million-rows",
    what: "1,048,576 rows of one cell each: refused (the part alone is over its budget)",
    verdict: { reason: "too-large" },
    build: () =>
      book({
        sheets: [
          {
            name: "R",
            entry: deflatePieces(
              "r",
              pieces(
                `<?xml version="1.0"?><worksheet ${NS}><sheetData>`,
                1_048_576,
                (i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
                "</sheetData></worksheet>",
              ),
            ),
          },
        ],
      }),
  },
  {
    name: "stray-cell-at-xfd1048576",
    what: "one cell at XFD1048576 far from the table: a 17-billion-cell rectangle, refused",
    verdict: { reason: "too-large" },
    build: () =>
      book({ sheets: [{ name: "S", xml: `${TABLE}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>` }] }),
  },
  {
    name: "3000-sheets",
    what: "3,000 distinct sheets: more than any province's consolidation workbook, refused",
    verdict: { reason: "too-large" },
    build: () =>
      book({ sheets: Array.from({ length: 3000 }, (_, i) => ({ name: `S${i + 1}`, xml: TABLE })) }),
  },
  {
    name: "relationships-prefix",
    what: "the relationship id written relationships:id (any prefix is the same attribute): read",
    verdict: { reads: true, sheets: 2 },
    build: () =>
      book({
        idPrefix: "relationships",
        sheets: [
          { name: "A", xml: TABLE },
          { name: "B", xml: TABLE },
        ],
      }),
  },
  {
    name: "ns-prefix",
    what: "the relationship id written ns:id: read",
    verdict: { reads: true, sheets: 1 },
    build: () => book({ idPrefix: "ns", sheets: [{ name: "A", xml: TABLE }] }),
  },
  {
    name: "utf16-parts",
    what: "every XML part in UTF-16 (little-endian, with a byte-order mark): read",
    verdict: { reads: true, sheets: 1 },
    build: () => book({ encode: (x) => utf16(x, true), sheets: [{ name: "A", xml: TABLE }] }),
  },
  {
    name: "utf16be-parts",
    what: "every XML part in UTF-16 big-endian: read",
    verdict: { reads: true, sheets: 1 },
    build: () => book({ encode: (x) => utf16(x, false), sheets: [{ name: "A", xml: TABLE }] }),
  },
  {
    name: "workbook-at-root",
    what: "the workbook part at the archive's root, found through _rels/.rels: read",
    verdict: { reads: true, sheets: 1 },
    build: () => book({ workbookPath: "workbook.xml", sheets: [{ name: "A", xml: TABLE }] }),
  },
  {
    name: "workbook-in-other-folder",
    what: "the workbook part under another folder: read",
    verdict: { reads: true, sheets: 1 },
    build: () => book({ workbookPath: "spreadsheet/main/book.xml", sheets: [{ name: "A", xml: TABLE }] }),
  },
  {
    name: "part-2-bytes-longer-bad-crc",
    what: "a part 2 bytes longer than its directory says, with a CRC that does not match: damaged, not a zip bomb",
    verdict: { reason: "damaged" },
    build: () =>
      book({
        sheets: [{ name: "A", xml: TABLE }],
        mutate: (es) =>
          es.map((e) =>
            e.name.endsWith("sheet1.xml") ? { ...e, size: e.size - 2, crc: (e.crc ^ 1) >>> 0 } : e,
          ),
      }),
  },
  {
    name: "bad-crc",
    what: "a worksheet whose CRC-32 does not match its data: damaged",
    verdict: { reason: "damaged" },
    build: () =>
      book({
        sheets: [{ name: "A", xml: TABLE }],
        mutate: (es) =>
          es.map((e) => (e.name.endsWith("sheet1.xml") ? { ...e, crc: (e.crc ^ 0xff) >>> 0 } : e)),
      }),
  },
  {
    name: "duplicate-entries",
    what: "two entries named xl/worksheets/sheet1.xml (the old reader silently used the last)",
    verdict: { reason: "duplicate-entry" },
    build: () =>
      book({
        sheets: [{ name: "A", xml: TABLE }],
        mutate: (es) => [...es, deflated("xl/worksheets/sheet1.xml", sheetOf(""))],
      }),
  },
  {
    name: "windows-paths",
    what: "entries named xl\\workbook.xml (a tool writing Windows paths)",
    verdict: { reason: "windows-paths" },
    build: () =>
      book({
        sheets: [{ name: "A", xml: TABLE }],
        mutate: (es) => es.map((e) => ({ ...e, name: e.name.replaceAll("/", "\\") })),
      }),
  },
  {
    name: "utf16-csv",
    what: "a UTF-16 CSV (Excel's 'Unicode text') renamed .xlsx: told as CSV, not 'not a zip'",
    verdict: { reason: "csv-or-text" },
    build: () => utf16("STT\tNội dung\tĐiểm\r\n1\tChỉ đạo\t2\r\n".repeat(20), true),
  },
  {
    name: "encrypted-default-password",
    what: "an encrypted package (Excel's read-only protection uses the same container): its own reason",
    verdict: { reason: "encrypted" },
    build: () => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const name = "EncryptedPackage";
      for (let i = 0; i < name.length; i++) bytes[1024 + i * 2] = name.charCodeAt(i);
      return bytes;
    },
  },
  // Encrypted packages (#24 item 9): the reader now decrypts Excel's default key, so the compound file and
  // the encryption description are read — and each number in them is an attack.
  {
    name: "cfb-chain-loop",
    what: "a compound file whose EncryptedPackage sector chain points back at itself: refused, not looped",
    verdict: { reason: "encrypted" },
    build: () => compoundFile([info(agileXml(100_000)), pkg(8 * 512, 9 * 512)], { loop: "EncryptedPackage" }),
  },
  {
    name: "agile-spin-count-1e9",
    what: "an agile description claiming 1,000,000,000 spins (minutes of hashing): refused before one",
    verdict: { reason: "encrypted" },
    build: () => compoundFile([info(agileXml(1_000_000_000)), pkg(4096, 4104)]),
  },
  {
    name: "package-size-over-stream",
    what: "an EncryptedPackage declaring 1 TB in a 4 KB stream: refused before anything is allocated",
    verdict: { reason: "encrypted" },
    build: () => compoundFile([info(agileXml(100_000)), pkg(2 ** 40, 4104)]),
  },
  {
    name: "agile-xml-malformed",
    what: "an agile description whose XML is cut in the middle of a tag: refused, naming the damage",
    verdict: { reason: "encrypted" },
    build: () => compoundFile([info(agileXml(100_000).slice(0, 300)), pkg(4096, 4104)]),
  },
  {
    name: "entity-expansion",
    what: "a DOCTYPE with nested entities (billion laughs): never expanded",
    verdict: { reason: "malformed-xml" },
    build: () => {
      let dtd = '<!ENTITY a0 "lol">';
      for (let i = 1; i < 10; i++) dtd += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
      return book({
        sheets: [
          {
            name: "A",
            entry: deflated(
              "a",
              `<?xml version="1.0"?><!DOCTYPE worksheet [${dtd}]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData></worksheet>`,
            ),
          },
        ],
      });
    },
  },
  {
    name: "deep-nesting",
    what: "an element nested 200,000 deep inside a cell: read without recursion",
    verdict: { reads: true, sheets: 1 },
    build: () =>
      book({
        sheets: [
          {
            name: "A",
            entry: deflatePieces("a", [
              `<?xml version="1.0"?><worksheet ${NS}><sheetData>${TABLE}</sheetData><extLst>`,
              "<x>".repeat(200_000),
              "</x>".repeat(200_000),
              "</extLst></worksheet>",
            ]),
          },
        ],
      }),
  },
];

// ---------------------------------------------------------------- compound files (MS-CFB), written here

const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const FREE = 0xffffffff;

interface Stream {
  name: string;
  data: Uint8Array;
}

/** An EncryptionInfo stream: version 4.4 (agile), reserved 0x40, then the XML; padded past the mini-stream cutoff. */
function info(xml: string): Stream {
  const body = strToU8(xml);
  const data = new Uint8Array(Math.max(4096, 8 + body.length));
  data.set([4, 0, 4, 0, 0x40, 0, 0, 0]);
  data.set(body, 8);
  return { name: "EncryptionInfo", data };
}

/** An EncryptedPackage stream of `length` bytes declaring `declared` bytes of package (random-looking data). */
function pkg(declared: number, length: number): Stream {
  const data = new Uint8Array(length);
  const view = new DataView(data.buffer);
  view.setUint32(0, declared % 2 ** 32, true);
  view.setUint32(4, Math.floor(declared / 2 ** 32), true);
  for (let i = 8; i < length; i++) data[i] = (i * 131 + 7) & 0xff;
  return { name: "EncryptedPackage", data };
}

/** An agile description as Excel writes it (SHA-512, AES-256), values of the right lengths, with `spinCount`. */
function agileXml(spinCount: number): string {
  const b64 = (n: number) =>
    Buffer.from(Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff)).toString("base64");
  const key = `saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${b64(16)}"`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<keyData ${key}/>` +
    `<dataIntegrity encryptedHmacKey="${b64(64)}" encryptedHmacValue="${b64(64)}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="${spinCount}" ${key} encryptedVerifierHashInput="${b64(16)}" encryptedVerifierHashValue="${b64(64)}" encryptedKeyValue="${b64(32)}"/>` +
    "</keyEncryptor></keyEncryptors></encryption>"
  );
}

/**
 * A version-3 compound file (512-byte sectors, one FAT sector, one directory sector) holding `streams` in
 * regular sectors one after another. `loop` makes the named stream's chain point from its second sector
 * back to its first.
 */
function compoundFile(streams: Stream[], o: { loop?: string } = {}): Uint8Array {
  const sectorsOf = (s: Stream) => Math.ceil(s.data.length / SECTOR);
  const total = 2 + streams.reduce((n, s) => n + sectorsOf(s), 0);
  if (total > SECTOR / 4) throw new Error("too many sectors for one FAT sector");
  const file = new Uint8Array((1 + total) * SECTOR);
  const view = new DataView(file.buffer);
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  file.set(header);
  view.setUint16(24, 0x3e, true);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, 1, true); // FAT sectors
  view.setUint32(48, 1, true); // first directory sector
  view.setUint32(56, 4096, true); // mini-stream cutoff
  view.setUint32(60, END_OF_CHAIN, true);
  view.setUint32(68, END_OF_CHAIN, true);
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i === 0 ? 0 : FREE, true);
  const at = (sector: number) => (sector + 1) * SECTOR;
  const fat = (n: number, next: number) => view.setUint32(at(0) + n * 4, next, true);
  for (let n = 0; n < SECTOR / 4; n++) fat(n, FREE);
  fat(0, FAT_SECTOR);
  fat(1, END_OF_CHAIN);
  const entry = (
    i: number,
    name: string,
    type: number,
    start: number,
    size: number,
    child = FREE,
    right = FREE,
  ) => {
    const e = at(1) + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(e + k * 2, name.charCodeAt(k), true);
    view.setUint16(e + 64, (name.length + 1) * 2, true);
    file[e + 66] = type;
    file[e + 67] = 1; // black
    view.setUint32(e + 68, FREE, true);
    view.setUint32(e + 72, right, true);
    view.setUint32(e + 76, child, true);
    view.setUint32(e + 116, start, true);
    view.setUint32(e + 120, size, true);
  };
  entry(0, "Root Entry", 5, END_OF_CHAIN, 0, 1);
  let next = 2;
  streams.forEach((s, i) => {
    const n = sectorsOf(s);
    file.set(s.data, at(next));
    for (let k = 0; k < n; k++) fat(next + k, k === n - 1 ? END_OF_CHAIN : next + k + 1);
    if (o.loop === s.name && n > 1) fat(next + 1, next);
    entry(i + 1, s.name, 2, next, s.data.length, FREE, i + 1 < streams.length ? i + 2 : FREE);
    next += n;
  });
  return file;
}
