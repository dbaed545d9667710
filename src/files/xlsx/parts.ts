import { strFromU8 } from "fflate";
import { withXmlWalk } from "./xml-scan";

/** The small parts of a workbook: sheet list, relationships, shared strings, number formats. */

export interface SheetEntry {
  name: string;
  path: string;
  hidden: boolean;
}

export function xml(bytes: Uint8Array | undefined): string {
  return bytes ? strFromU8(bytes) : "";
}

export function readSheetList(workbookXml: string, relsXml: string): SheetEntry[] {
  const targets = withXmlWalk((walk) => {
    const found = new Map<string, string>();
    walk(relsXml, {
      open(name, a) {
        if (name === "Relationship") found.set(a.get("Id") ?? "", a.get("Target") ?? "");
      },
    });
    return found;
  });
  return withXmlWalk((walk) => {
    const sheets: SheetEntry[] = [];
    walk(workbookXml, {
      open(name, a) {
        if (name !== "sheet") return;
        const target = targets.get(a.get("r:id") ?? "");
        if (!target) return;
        const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
        const state = a.get("state") ?? "visible";
        sheets.push({ name: a.get("name") ?? path, path, hidden: state !== "visible" });
      },
    });
    return sheets;
  });
}

/** Shared strings; phonetic runs (<rPh>) are not part of the shown text. */
export function readSharedStrings(text: string): string[] {
  return withXmlWalk((walk) => {
    const out: string[] = [];
    let current = "";
    let inT = false;
    let inPhonetic = 0;
    walk(text, {
      open(name) {
        if (name === "si") current = "";
        else if (name === "t") inT = inPhonetic === 0;
        else if (name === "rPh") inPhonetic++;
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
  });
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
  return withXmlWalk((walk) => {
    const custom = new Map<number, string>();
    const formats: string[] = [];
    let inCellXfs = false;
    walk(text, {
      open(name, a) {
        if (name === "numFmt") custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "General");
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) {
          const id = Number(a.get("numFmtId") ?? 0);
          formats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
        }
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    });
    return formats;
  });
}
