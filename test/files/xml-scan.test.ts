import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { consolidationWorkbook, generateUnits, seedCommuneWorkbook } from "../../src/sample";
import { writeWorkbook } from "../../src/files/write-workbook";
import { saxesWalk, scanXml, withXmlWalk, type XmlWalk, XmlUnsupported } from "../../src/files/xlsx/xml-scan";

/**
 * The fast scanner against saxes, the full parser it stands in for: on every part of real workbooks and on
 * random documents they must report the same elements, attributes and text; on damaged documents the
 * scanner may give up (the part then goes to saxes) but must never accept what saxes rejects.
 */
type Event = ["open", string, [string, string | undefined][]] | ["close", string] | ["text", string];

function events(walk: XmlWalk, xml: string): Event[] {
  const out: Event[] = [];
  let depth = 0;
  walk(xml, {
    open: (name, a) => {
      depth++;
      out.push(["open", name, a.names().map((n) => [n, a.get(n)])]);
    },
    close: (name) => {
      depth--;
      out.push(["close", name]);
    },
    text: (t) => {
      // saxes also reports the white space around the root element; it is nobody's content.
      if (depth === 0) return;
      // saxes may split one run of text in two; only the text between tags matters.
      const last = out[out.length - 1];
      if (last?.[0] === "text") last[1] += t;
      else out.push(["text", t]);
    },
  });
  return out;
}

/** Outcome of a walker: its events, or "rejected". */
function outcome(walk: XmlWalk, xml: string): Event[] | "rejected" | "unsupported" {
  try {
    return events(walk, xml);
  } catch (e) {
    return e instanceof XmlUnsupported ? "unsupported" : "rejected";
  }
}

const partsOf = (bytes: Uint8Array) => {
  const parts = unzipSync(bytes);
  return Object.keys(parts)
    .filter((n) => n.endsWith(".xml") || n.endsWith(".rels"))
    .map((n) => [n, strFromU8(parts[n])] as const);
};

describe("scanner and saxes agree", () => {
  let workbooks: Uint8Array[] = [];
  beforeAll(async () => {
    const rubric = builtinRubric("example-commune-2024") as Rubric;
    const units = generateUnits(rubric, {
      count: 12,
      seed: 5,
      appraisal: 2,
      defectRate: 0.5,
      variantRate: 1,
    });
    workbooks = await Promise.all([
      ...units.map((u) => writeWorkbook(u.sheets)),
      writeWorkbook(consolidationWorkbook(units.slice(0, 4))),
      writeWorkbook(seedCommuneWorkbook().sheets),
    ]);
  });

  it("on every part of generated workbooks (layout variants, defects, consolidation, the seed commune)", () => {
    let parts = 0;
    for (const bytes of workbooks) {
      for (const [name, xml] of partsOf(bytes)) {
        expect(events(scanXml, xml), name).toEqual(events(saxesWalk, xml));
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(100);
  });

  it("on the XML other writers produce: prefixes, entities, CDATA, comments, CRLF, single quotes, BOM", () => {
    const docs = [
      '\uFEFF<?xml version="1.0"?>\r\n<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a &amp; b &lt;c&gt; &#7843;&#x1EA1;</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
      "<sst count='2'><!-- made by hand --><si><t xml:space='preserve'>  line 1\r\nline 2\r</t></si><si><t><![CDATA[<b>&raw</b>]]></t></si></sst>",
      '<a  b = "1"\tc=\'x&quot;y\'\n d="tab\there&#10;cr\r\nlf" ><b/><b  /><?pi data?></a >',
      '<root xmlns="urn:r" xmlns:r="urn:rel"><sheet name="Xã &quot;A&quot; &amp; B" r:id="rId1"/></root>\n',
    ];
    for (const xml of docs) expect(events(scanXml, xml), xml).toEqual(events(saxesWalk, xml));
  });

  it("on random documents", () => {
    const name = fc.constantFrom("c", "v", "row", "x:c", "t", "si", "a-b", "n.1", "Đ");
    const text = fc.string({
      unit: fc.constantFrom(
        "a",
        " ",
        "\n",
        "\r\n",
        "&amp;",
        "&lt;",
        "&#65;",
        "&#x1EA1;",
        ">",
        "ệ",
        "'",
        '"',
        "]",
      ),
    });
    const value = fc.string({
      unit: fc.constantFrom("a", " ", "\t", "\n", "&amp;", "&quot;", "&#9;", "'", ">", "ô"),
    });
    const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom("r", "s", "t", "x:id", "xml:space"), value), {
      selector: (a) => a[0],
      maxLength: 3,
    });
    const spacing = fc.constantFrom(" ", "  ", "\n", "\t ");
    const element: fc.Memo<string> = fc.memo((depth) =>
      fc
        .tuple(
          name,
          attrs,
          spacing,
          fc.array(depth > 1 ? fc.oneof(text, element(depth - 1)) : text, { maxLength: 4 }),
          fc.boolean(),
        )
        .map(([n, as, sp, children, self]) => {
          const a = as
            .map(([k, v]) => `${sp}${k}=${v.includes('"') ? `'${v.replace(/'/g, "&apos;")}'` : `"${v}"`}`)
            .join("");
          return self && children.length === 0 ? `<${n}${a}${sp}/>` : `<${n}${a}>${children.join("")}</${n}>`;
        }),
    );
    fc.assert(
      fc.property(element(3), (xml) => {
        const fast = outcome(scanXml, xml);
        const full = outcome(saxesWalk, xml);
        // What saxes rejects (`]]>` in text, say) the scanner must not read; the rest it reads the same.
        if (full === "rejected") expect(fast).toBe("unsupported");
        else if (fast !== "unsupported") expect(fast).toEqual(full);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it("on damaged documents the scanner gives up rather than accepting what saxes rejects", () => {
    const sheet = partsOf(workbooks[0]).find(([n]) => n.includes("worksheets/"))?.[1] ?? "";
    const edits = [
      "",
      "<",
      ">",
      "&",
      "&bogus;",
      '"',
      "'",
      "<c>",
      "</row>",
      "</x:row>",
      "<!DOCTYPE x>",
      "\u0001",
      "=",
      " r=",
      "<?",
      "<!--",
      "]]>",
      "/>",
    ];
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 30 }), fc.constantFrom(...edits), (at, len, insert) => {
        const i = at % sheet.length;
        const damaged = sheet.slice(0, i) + insert + sheet.slice(i + len);
        const fast = outcome(scanXml, damaged);
        if (fast === "unsupported") return;
        expect(fast).toEqual(outcome(saxesWalk, damaged));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it("withXmlWalk reruns the reader on saxes after the scanner gives up, from a clean start", () => {
    const xml = '<!DOCTYPE r><r><c a="1"/><c a="2"/></r>';
    const walks: string[] = [];
    const seen = withXmlWalk((walk) => {
      walks.push(walk === scanXml ? "scan" : "saxes");
      const values: string[] = [];
      walk(xml, { open: (n, a) => n === "c" && values.push(a.get("a") ?? "") });
      return values;
    });
    expect(walks).toEqual(["scan", "saxes"]);
    expect(seen).toEqual(["1", "2"]);
  });
});
