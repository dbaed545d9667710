import { strFromU8 } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";

/** The small parts of a workbook: sheet list, relationships, shared strings, number formats. */

export interface SheetEntry {
  name: string;
  path: string;
  hidden: boolean;
}

export function xml(bytes: Uint8Array | undefined): string {
  return bytes ? strFromU8(bytes) : "";
}

/** Runs a SAX pass; text handler only where a part needs text, so parsing stays cheap. */
export function sax(
  text: string,
  handlers: {
    open?: (tag: SaxesTagPlain) => void;
    close?: (name: string) => void;
    text?: (t: string) => void;
  },
): void {
  if (!text) return;
  const parser = new SaxesParser();
  if (handlers.open) parser.on("opentag", handlers.open);
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(tag.name));
  }
  if (handlers.text) parser.on("text", handlers.text);
  parser.write(text).close();
}

export function readSheetList(workbookXml: string, relsXml: string): SheetEntry[] {
  const targets = new Map<string, string>();
  sax(relsXml, {
    open(tag) {
      if (tag.name === "Relationship") targets.set(String(tag.attributes.Id), String(tag.attributes.Target));
    },
  });
  const sheets: SheetEntry[] = [];
  sax(workbookXml, {
    open(tag) {
      if (tag.name !== "sheet") return;
      const id = String(tag.attributes["r:id"] ?? "");
      const target = targets.get(id);
      if (!target) return;
      const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
      const state = String(tag.attributes.state ?? "visible");
      sheets.push({ name: String(tag.attributes.name ?? path), path, hidden: state !== "visible" });
    },
  });
  return sheets;
}

/** Shared strings; phonetic runs (<rPh>) are not part of the shown text. */
export function readSharedStrings(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let inT = false;
  let inPhonetic = 0;
  sax(text, {
    open(tag) {
      if (tag.name === "si") current = "";
      else if (tag.name === "t") inT = inPhonetic === 0;
      else if (tag.name === "rPh") inPhonetic++;
    },
    close(name) {
      if (name === "si") out.push(current);
      else if (name === "t") inT = false;
      else if (name === "rPh") inPhonetic--;
    },
    text(t) {
      if (inT) current += t;
    },
  });
  return out;
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Number format code per cell style index (cellXfs order). */
export function readStyles(text: string): string[] {
  const custom = new Map<number, string>();
  const formats: string[] = [];
  let inCellXfs = false;
  sax(text, {
    open(tag) {
      if (tag.name === "numFmt")
        custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? "General"));
      else if (tag.name === "cellXfs") inCellXfs = true;
      else if (tag.name === "xf" && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        formats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats;
}
