import { SaxesParser } from "saxes";

/**
 * Two ways to walk a workbook part, with one set of callbacks. `scanXml` is a scanner for the XML that
 * spreadsheet programs write: it jumps to each `<` with indexOf and cuts out only the names and values a
 * handler asks for, several times faster than saxes, which looks at every character through a state
 * machine (the bench's batch is mostly this pass). It accepts only well-formed documents: anything it
 * does not fully understand (a DOCTYPE, an unknown entity, mismatched tags, characters XML forbids, …)
 * throws `XmlUnsupported`, and the part is read again with saxes, the full parser, which also words the
 * error for a damaged part. Tests check that both give the same events on workbooks and random XML.
 *
 * Element names are local (a `x:c` written by some generators is `c`); attribute names are as written.
 */

/** The attributes of the element being opened; valid only during the `open` call. */
export interface XmlAttributes {
  get(name: string): string | undefined;
  /** Attribute names as written, in document order. */
  names(): string[];
}

export interface XmlHandlers {
  open?: (name: string, attributes: XmlAttributes) => void;
  /** Also called right after `open` for a self-closing element. */
  close?: (name: string) => void;
  /** Text and CDATA inside the root element, entities decoded, line ends normalised. */
  text?: (text: string) => void;
}

export type XmlWalk = (xml: string, handlers: XmlHandlers) => void;

export class XmlUnsupported extends Error {}

/**
 * Runs `read` with the fast scanner, and again from scratch with saxes if the scanner gave up — `read`
 * must keep its state inside so that the second run starts clean.
 */
export function withXmlWalk<T>(read: (walk: XmlWalk) => T): T {
  try {
    return read(scanXml);
  } catch (e) {
    if (e instanceof XmlUnsupported) return read(saxesWalk);
    throw e;
  }
}

class RecordAttributes implements XmlAttributes {
  constructor(private readonly record: Record<string, string>) {}
  get(name: string): string | undefined {
    return this.record[name];
  }
  names(): string[] {
    return Object.keys(this.record);
  }
}

export const saxesWalk: XmlWalk = (xml, handlers) => {
  if (!xml) return;
  const parser = new SaxesParser();
  const { open, close, text } = handlers;
  if (open)
    parser.on("opentag", (tag) =>
      open(localName(tag.name), new RecordAttributes(tag.attributes as Record<string, string>)),
    );
  if (close) parser.on("closetag", (tag) => close(localName(tag.name)));
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  parser.write(xml).close();
};

/**
 * The scanner's attributes are offsets into the document, reused for every element: names and values are
 * cut out only when a handler asks (a fresh object per element, keyed by many different names, made the
 * scan several times slower, and most attributes — spans, widths, fonts — are never read).
 */
class ScannedAttributes implements XmlAttributes {
  count = 0;
  /** Where the tag read last ends (just after its `>`). */
  tagEnd = 0;
  readonly nameStart: number[] = [];
  readonly nameEnd: number[] = [];
  readonly valueStart: number[] = [];
  readonly valueEnd: number[] = [];

  constructor(private readonly xml: string) {}

  /** Whether the value holds an entity or white space to normalise; most hold neither. */
  readonly plain: boolean[] = [];

  get(name: string): string | undefined {
    const first = name.charCodeAt(0);
    for (let k = 0; k < this.count; k++) {
      const from = this.nameStart[k];
      if (
        this.nameEnd[k] - from === name.length &&
        this.xml.charCodeAt(from) === first &&
        this.xml.startsWith(name, from)
      ) {
        const raw = this.xml.slice(this.valueStart[k], this.valueEnd[k]);
        return this.plain[k] ? raw : decodeAttribute(raw);
      }
    }
    return undefined;
  }

  names(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.count; k++) out.push(this.xml.slice(this.nameStart[k], this.nameEnd[k]));
    return out;
  }

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, plain: boolean): void {
    const n = this.count;
    for (let k = 0; k < n; k++)
      if (sameText(this.xml, this.nameStart[k], this.nameEnd[k], nameStart, nameEnd))
        unsupported("repeated attribute");
    this.nameStart[n] = nameStart;
    this.nameEnd[n] = nameEnd;
    this.valueStart[n] = valueStart;
    this.valueEnd[n] = valueEnd;
    this.plain[n] = plain;
    this.count = n + 1;
  }
}

// Characters XML 1.0 does not allow anywhere in a document (saxes rejects them too).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is looked for.
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const AMP = 38;
const COLON = 58;

// ASCII classes: white space, the characters that end an element name, characters no name contains.
const SPACE = 1;
const NAME_END = 2;
const NOT_IN_NAME = 3;
const CLASS = new Uint8Array(128);
for (const c of [32, 9, 10, 13]) CLASS[c] = SPACE;
for (const c of [GT, SLASH]) CLASS[c] = NAME_END;
for (const c of `<="'&?!;,()[]{}|\`^*+$%@#~\\`) CLASS[c.charCodeAt(0)] = NOT_IN_NAME;

function unsupported(why: string): never {
  throw new XmlUnsupported(why);
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the reader's hot loop over every tag of every part, kept in one function on purpose: avoiding calls and allocations per tag is what makes it ~4x faster than saxes, which stays the reference it is tested against
export const scanXml: XmlWalk = (xml, handlers) => {
  if (!xml) return;
  if (FORBIDDEN.test(xml)) unsupported("forbidden character");
  const { open, close, text } = handlers;
  const n = xml.length;
  const attributes = new ScannedAttributes(xml);
  const names = new NameCache();
  // Open elements: the local name given to the handlers, and where the written (maybe prefixed) name is.
  const openNames: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let depth = 0;
  let sawRoot = false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (depth === 0) {
        if (!isBlank(xml, i, end)) unsupported("text outside the root element");
      } else if (text) {
        const raw = xml.slice(i, end);
        if (raw.includes("]]>")) unsupported("]]> in text");
        text(decodeText(raw));
      }
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === SLASH) {
      const gt = xml.indexOf(">", lt + 2);
      if (gt < 0 || depth === 0) unsupported("unexpected end tag");
      depth--;
      if (!sameText(xml, starts[depth], ends[depth], lt + 2, trimEnd(xml, lt + 2, gt)))
        unsupported("mismatched end tag");
      close?.(openNames[depth]);
      i = gt + 1;
    } else if (next === BANG) {
      i = skipMarkup(xml, lt, depth > 0, text);
    } else if (next === QUESTION) {
      i = skipProcessingInstruction(xml, lt);
    } else {
      if (depth === 0 && sawRoot) unsupported("second root element");
      sawRoot = true;
      // The name, and where its local part starts (after a prefix's colon).
      let j = lt + 1;
      let local = j;
      for (; j < n; j++) {
        const c = xml.charCodeAt(j);
        if (c < 128 && CLASS[c] !== 0) {
          if (CLASS[c] === NOT_IN_NAME) unsupported("bad element name");
          break;
        }
        if (c === COLON) local = j + 1;
      }
      if (j === lt + 1 || local === j || startsBadly(xml.charCodeAt(lt + 1))) unsupported("bad element name");
      const name = names.intern(xml, local, j);
      const selfClosing = readAttributes(xml, j, attributes);
      open?.(name, attributes);
      if (selfClosing) close?.(name);
      else {
        openNames[depth] = name;
        starts[depth] = lt + 1;
        ends[depth] = j;
        depth++;
      }
      i = attributes.tagEnd;
    }
  }
  if (depth > 0 || !sawRoot) unsupported("unclosed document");
};

/**
 * Element names as strings without cutting a new one out for every element: a worksheet is thousands of
 * `<c>`, `<v>` and `<row>`, and a fresh string each was a good share of the garbage collector's work.
 * One remembered name per first character is enough for a sheet's few distinct names.
 */
class NameCache {
  private readonly byFirst: (string | undefined)[] = new Array(128);

  intern(xml: string, from: number, to: number): string {
    const first = xml.charCodeAt(from);
    if (first >= 128) return xml.slice(from, to);
    const known = this.byFirst[first];
    if (known !== undefined && known.length === to - from && xml.startsWith(known, from)) return known;
    const name = xml.slice(from, to);
    this.byFirst[first] = name;
    return name;
  }
}

/**
 * The attributes from `from` (just after the element name) to the tag's end, checked as saxes would; returns
 * whether the tag closes itself, and leaves where text resumes in `attributes.tagEnd`.
 */
function readAttributes(xml: string, from: number, attributes: ScannedAttributes): boolean {
  const n = xml.length;
  let j = from;
  attributes.count = 0;
  for (;;) {
    const afterValue = j;
    j = skipSpace(xml, j);
    const c = xml.charCodeAt(j);
    if (c === GT) {
      attributes.tagEnd = j + 1;
      return false;
    }
    if (c === SLASH && xml.charCodeAt(j + 1) === GT) {
      attributes.tagEnd = j + 2;
      return true;
    }
    // Attributes are separated by white space: `a="1"b="2"` is not XML.
    if (j === afterValue || j >= n || startsBadly(c)) unsupported("malformed tag");
    const nameStart = j;
    for (; j < n; j++) {
      const d = xml.charCodeAt(j);
      if (d < 128 && CLASS[d] !== 0) {
        if (d === EQUALS || CLASS[d] === SPACE) break;
        unsupported("bad attribute name");
      }
    }
    const nameEnd = j;
    j = skipSpace(xml, j);
    if (nameEnd === nameStart || xml.charCodeAt(j) !== EQUALS) unsupported("attribute without value");
    j = skipSpace(xml, j + 1);
    const quote = xml.charCodeAt(j);
    if (quote !== DQUOTE && quote !== SQUOTE) unsupported("unquoted attribute");
    const valueStart = j + 1;
    let hasEntity = false;
    let hasSpace = false;
    for (j = valueStart; j < n; j++) {
      const d = xml.charCodeAt(j);
      if (d === quote) break;
      if (d === LT) unsupported("< in attribute");
      if (d === AMP) hasEntity = true;
      else if (d === 9 || d === 10 || d === 13) hasSpace = true;
    }
    if (j >= n) unsupported("unclosed attribute");
    // Entities are checked now (an unknown one sends the part to saxes), decoded only when asked for.
    if (hasEntity) decodeEntities(xml.slice(valueStart, j));
    attributes.add(nameStart, nameEnd, valueStart, j, !hasEntity && !hasSpace);
    j++;
  }
}

/** `<!-- … -->` is skipped, `<![CDATA[ … ]]>` is text; a DOCTYPE (entity declarations) goes to saxes. */
function skipMarkup(xml: string, lt: number, inRoot: boolean, text: XmlHandlers["text"]): number {
  if (xml.startsWith("<!--", lt)) {
    const e = xml.indexOf("-->", lt + 4);
    if (e < 0) unsupported("unclosed comment");
    return e + 3;
  }
  if (inRoot && xml.startsWith("<![CDATA[", lt)) {
    const e = xml.indexOf("]]>", lt + 9);
    if (e < 0) unsupported("unclosed CDATA");
    text?.(normaliseLineEnds(xml.slice(lt + 9, e)));
    return e + 3;
  }
  return unsupported("DOCTYPE or unknown markup");
}

const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.\d\1(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>/;

/** `<?target …?>` is skipped; the XML declaration is checked, since saxes rejects a malformed one. */
function skipProcessingInstruction(xml: string, lt: number): number {
  const e = xml.indexOf("?>", lt + 2);
  if (e < 0) unsupported("unclosed processing instruction");
  let t = lt + 2;
  while (t < e && CLASS[xml.charCodeAt(t)] !== SPACE) t++;
  if (!isName(xml, lt + 2, t)) unsupported("bad processing instruction target");
  if (/^xml[\s?]/i.test(xml.slice(lt + 2, lt + 6))) {
    const start = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (lt !== start || !XML_DECLARATION.test(xml.slice(lt, e + 2))) unsupported("XML declaration");
  }
  return e + 2;
}

function isName(xml: string, from: number, to: number): boolean {
  if (to <= from || startsBadly(xml.charCodeAt(from))) return false;
  for (let k = from; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (c < 128 && CLASS[c] !== 0) return false;
  }
  return true;
}

/** A name may not start with a digit, `-` or `.`. */
function startsBadly(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function sameText(xml: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++)
    if (xml.charCodeAt(aStart + k) !== xml.charCodeAt(bStart + k)) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function skipSpace(xml: string, from: number): number {
  let j = from;
  while (j < xml.length) {
    const c = xml.charCodeAt(j);
    if (!isSpace(c)) break;
    j++;
  }
  return j;
}

function isBlank(xml: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (!isSpace(c)) return false;
  }
  return true;
}

/** Where the text from `from` to `to` ends without its trailing white space. */
function trimEnd(xml: string, from: number, to: number): number {
  let e = to;
  while (e > from) {
    const c = xml.charCodeAt(e - 1);
    if (!isSpace(c)) break;
    e--;
  }
  return e;
}

export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function normaliseLineEnds(s: string): string {
  return s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
}

function decodeText(raw: string): string {
  return decodeEntities(normaliseLineEnds(raw));
}

/** XML's attribute-value normalisation: each white-space character (a CR LF pair counts once) is a space. */
function decodeAttribute(raw: string): string {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === AMP || c === 9 || c === 10 || c === 13)
      return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, " "));
  }
  return raw;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  let out = "";
  let from = 0;
  for (;;) {
    const amp = s.indexOf("&", from);
    if (amp < 0) return out + s.slice(from);
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) unsupported("unterminated entity");
    out += s.slice(from, amp) + entity(s.slice(amp + 1, semi));
    from = semi + 1;
  }
}

function entity(body: string): string {
  const named = NAMED[body];
  if (named !== undefined) return named;
  const code = /^#x[0-9a-fA-F]{1,6}$/.test(body)
    ? Number.parseInt(body.slice(2), 16)
    : /^#[0-9]{1,7}$/.test(body)
      ? Number.parseInt(body.slice(1), 10)
      : -1;
  if (!isXmlChar(code)) unsupported("unknown entity or character reference");
  return String.fromCodePoint(code);
}

function isXmlChar(c: number): boolean {
  return (
    c === 9 ||
    c === 10 ||
    c === 13 ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}
