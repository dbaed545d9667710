/**
 * How a rubric is named wherever a result is shown or written — the pane, the "Kết quả" sheet, the first
 * line of every written sheet, the CLI — by its own content: a built-in's name only when the content is
 * the built-in's exactly, otherwise "<name> #hash", or "<name> (đã sửa) #hash" when it claims a built-in's
 * id. Shared by the faces, so the CLI and the pane name the same rubric the same way.
 */
import type { Text } from "../finding";
import { inLang, type Lang } from "../i18n";
import { builtinRubric } from "./builtin";
import type { Rubric } from "./schema";

export interface RubricIdentity {
  kind: "builtin" | "custom" | "own";
  /** What to show: the built-in's name, "<name> #hash", "<name> (đã sửa) #hash", or the own-structure line. */
  label: Text;
  /** Content hash of a custom rubric (8 hex digits); null for a built-in or the workbook's own structure. */
  hash: string | null;
  /** A custom rubric that claims a built-in rubric's id but whose content differs from it. */
  modified: boolean;
}

/** A rubric's identity: its own name and content hash; never a built-in's name unless identical. */
export function rubricIdentity(rubric: Rubric): RubricIdentity {
  const builtin = builtinRubric(rubric.id);
  const text = canonicalJson(rubric);
  // Equal text, not equal hashes: an 8-digit hash can be forged to collide, the whole content cannot.
  if (builtin && canonicalJson(builtin) === text) return builtinIdentity(builtin);
  const hash = contentHash(rubric);
  const modified = builtin !== null;
  return {
    kind: "custom",
    label: {
      vi: `${rubric.name}${modified ? " (đã sửa)" : ""} #${hash}`,
      en: `${rubric.nameEn ?? rubric.name}${modified ? " (modified)" : ""} #${hash}`,
    },
    hash,
    modified,
  };
}

/** A built-in rubric's identity (its name, no hash); null: the workbook's own structure, no rubric. */
export function builtinIdentity(rubric: Rubric | null): RubricIdentity {
  if (!rubric) {
    return {
      kind: "own",
      label: {
        vi: "cấu trúc của chính biểu (không dùng bộ chỉ số)",
        en: "the workbook's own structure (no rubric)",
      },
      hash: null,
      modified: false,
    };
  }
  return {
    kind: "builtin",
    label: { vi: rubric.name, en: rubric.nameEn ?? rubric.name },
    hash: null,
    modified: false,
  };
}

/** FNV-1a over the canonical JSON (keys sorted): the same content always gives the same 8 hex digits. */
export function contentHash(value: unknown): string {
  const text = canonicalJson(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** JSON with object keys sorted and undefined members left out: one text per content. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The first line of every written sheet's own content: "Bộ chỉ số: <label>" in the sheet's language, so
 * a printed result always says which rubric — built-in, custom or changed ("(đã sửa) #hash") — made it.
 */
export function rubricLine(label: Text, lang: Lang = "vi"): string {
  return inLang(lang, { vi: `Bộ chỉ số: ${label.vi}`, en: `Rubric: ${label.en}` });
}

/** The label of the rubric a result was computed with: its identity, or the own-structure words for none. */
export function rubricLabel(rubric: Rubric | null | undefined): Text {
  return (rubric ? rubricIdentity(rubric) : builtinIdentity(null)).label;
}
