import { FileReadError } from "../errors";
import type { Container } from "./container";
import { xml } from "./parts";
import { withXmlWalk } from "./xml-scan";

/**
 * Where the workbook's parts are. Excel puts them at xl/workbook.xml and friends, but the package says so
 * through relationships (`_rels/.rels` → the workbook, the workbook's own .rels → sheets, shared strings,
 * styles), and other programs put the workbook at the root or under another folder: those are followed the
 * way LibreOffice and Excel follow them, with Excel's usual names as the fallback for archives whose
 * relationships are missing.
 */
export interface WorkbookParts {
  workbook: string;
  /** Sheet part by relationship id. */
  sheets: Map<string, string>;
  sharedStrings: string | null;
  styles: string | null;
}

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

const NOT_CELLS = /\/(chartsheet|dialogsheet|macrosheet|xlMacrosheet|xlIntlMacrosheet)$/;

export function locateParts(container: Container, file: string): WorkbookParts {
  const workbook = findWorkbook(container, file);
  const dir = workbook.slice(0, workbook.lastIndexOf("/") + 1);
  const rels = readRelationships(container, `${dir}_rels/${workbook.slice(dir.length)}.rels`);
  const sheets = new Map<string, string>();
  let sharedStrings: string | null = null;
  let styles: string | null = null;
  for (const [id, rel] of rels) {
    if (rel.external) continue;
    const path = resolve(dir, rel.target);
    if (rel.type.endsWith("/sharedStrings")) sharedStrings ??= path;
    else if (rel.type.endsWith("/styles")) styles ??= path;
    // Any other target a <sheet> names is read as a worksheet, except the kinds that hold no cells (a
    // chart sheet, a dialog or macro sheet): a mistyped relationship still finds its sheet, as before.
    else if (!NOT_CELLS.test(rel.type)) sheets.set(id, path);
  }
  return {
    workbook,
    sheets,
    sharedStrings: sharedStrings ?? existing(container, `${dir}sharedStrings.xml`),
    styles: styles ?? existing(container, `${dir}styles.xml`),
  };
}

function findWorkbook(container: Container, file: string): string {
  for (const [, rel] of packageRelationships(container)) {
    if (rel.external || !rel.type.endsWith("/officeDocument")) continue;
    const path = resolve("", rel.target);
    if (path.endsWith(".bin")) throw new FileReadError("xlsb", file);
    if (container.has(path)) return path;
  }
  if (container.has("xl/workbook.xml")) return "xl/workbook.xml";
  const names = container.names;
  if (names.includes("xl/workbook.bin")) throw new FileReadError("xlsb", file);
  if (names.includes("content.xml") && names.includes("mimetype")) throw new FileReadError("ods", file);
  const kind = names.includes("word/document.xml")
    ? "Word .docx"
    : names.includes("ppt/presentation.xml")
      ? "PowerPoint .pptx"
      : "";
  throw new FileReadError("not-a-workbook", file, kind);
}

/**
 * The package's own relationships; when `_rels/.rels` is damaged (not well-formed XML) and the workbook is
 * where Excel puts it, none — so the usual-place fallback below reads it, as Excel and LibreOffice do —
 * instead of refusing a workbook whose cells are whole. Without xl/workbook.xml the damage is reported.
 */
function packageRelationships(container: Container): Map<string, Relationship> {
  try {
    return readRelationships(container, "_rels/.rels");
  } catch (e) {
    if (e instanceof FileReadError || !container.has("xl/workbook.xml")) throw e;
    return new Map();
  }
}

export function readRelationships(container: Container, path: string): Map<string, Relationship> {
  const text = xml(container.read(path));
  return withXmlWalk((walk) => {
    const found = new Map<string, Relationship>();
    walk(text, {
      open(name, a) {
        if (name !== "Relationship") return;
        const id = a.get("Id") ?? "";
        if (found.has(id)) return; // the first wins, as in Excel
        found.set(id, {
          type: a.get("Type") ?? "",
          target: a.get("Target") ?? "",
          external: a.get("TargetMode") === "External",
        });
      },
    });
    return found;
  });
}

/** A relationship target as a part name: absolute ("/xl/…") or relative to the source part's folder. */
export function resolve(dir: string, target: string): string {
  const absolute = target.startsWith("/");
  const segments = (absolute ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "" || s === ".") continue;
    if (s === "..") out.pop();
    else out.push(s);
  }
  return out.join("/");
}

function existing(container: Container, path: string): string | null {
  return container.has(path) ? path : null;
}
