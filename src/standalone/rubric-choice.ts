/**
 * The rubric the standalone page checks against, as the pane's settings offer it (a built-in example,
 * the workbook's own structure, or a rubric loaded from JSON or imported from a blank template),
 * remembered in the browser's localStorage. What comes back from storage is untrusted like any input:
 * a loaded rubric is checked again by loadRubric, and anything unusable is replaced by the default
 * with a message saying so — never silently.
 */
import type { Text } from "../core/finding";
import { UserError } from "../core/errors";
import { jsonWhy } from "../core/json-why";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../core/rubric/builtin";
import { importRubricFromWorkbook } from "../core/rubric/import";
import { loadRubric } from "../core/rubric/load";
import type { Rubric } from "../core/rubric/schema";
import { readWorkbookBytes } from "../files/read-workbook-bytes";

export type RubricChoice =
  | { kind: "builtin"; id: string }
  | { kind: "own" }
  /** `from`: the file it was loaded from, shown beside its name. */
  | { kind: "custom"; rubric: Rubric; from: string };

export const STORAGE_KEY = "par-index.standalone.rubric";
export const DEFAULT_CHOICE: RubricChoice = { kind: "builtin", id: DEFAULT_RUBRIC_ID };

/** The subset of the Web Storage API used here (a test hands in a Map-backed one). */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

export function restoreChoice(store: KeyValueStore | null): { choice: RubricChoice; problem: Text | null } {
  let raw: string | null = null;
  try {
    raw = store?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage disabled (private mode, site data blocked): the default, as on a first visit.
    return { choice: DEFAULT_CHOICE, problem: null };
  }
  if (raw === null) return { choice: DEFAULT_CHOICE, problem: null };
  const forgotten = (why: Text): { choice: RubricChoice; problem: Text } => ({
    choice: DEFAULT_CHOICE,
    problem: {
      vi: `Không dùng lại được bộ chỉ số đã chọn lần trước (${why.vi}); đang dùng bộ mặc định, hãy chọn lại nếu cần.`,
      en: `The rubric chosen last time could not be used again (${why.en}); the default is in use, choose again if needed.`,
    },
  });
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return forgotten({ vi: "dữ liệu lưu bị hỏng", en: "the saved data is damaged" });
  }
  const d = data as { kind?: unknown; id?: unknown; rubric?: unknown; from?: unknown };
  if (d?.kind === "own") return { choice: { kind: "own" }, problem: null };
  if (d?.kind === "builtin" && typeof d.id === "string") {
    if (builtinRubric(d.id)) return { choice: { kind: "builtin", id: d.id }, problem: null };
    return forgotten({ vi: `không còn bộ chỉ số "${d.id}"`, en: `there is no rubric "${d.id}" any more` });
  }
  if (d?.kind === "custom") {
    const loaded = loadRubric(d.rubric);
    if (loaded.ok) {
      const from = typeof d.from === "string" ? d.from : loaded.rubric.name;
      return { choice: { kind: "custom", rubric: loaded.rubric, from }, problem: null };
    }
    return forgotten(loaded.problems[0]?.message ?? { vi: "không hợp lệ", en: "invalid" });
  }
  return forgotten({ vi: "dữ liệu lưu không rõ", en: "unrecognised saved data" });
}

/** Remembers the choice; returns a message when the browser refuses (storage full or disabled). */
export function rememberChoice(store: KeyValueStore | null, choice: RubricChoice): Text | null {
  if (!store) return null;
  try {
    store.setItem(STORAGE_KEY, JSON.stringify(choice));
    return null;
  } catch {
    return {
      vi: "Trình duyệt không cho lưu lựa chọn bộ chỉ số; lần sau hãy chọn lại.",
      en: "The browser would not store the rubric choice; choose it again next time.",
    };
  }
}

/** null: the workbook's own structure. */
export function rubricOf(choice: RubricChoice): Rubric | null {
  if (choice.kind === "own") return null;
  if (choice.kind === "custom") return choice.rubric;
  return builtinRubric(choice.id) ?? builtinRubric(DEFAULT_RUBRIC_ID);
}

/**
 * A rubric from a picked file: JSON as `par-index rubric import` writes it, or a province's blank
 * template (.xlsx) read by the rubric import. Throws a UserError naming the file and the first problem.
 */
export async function rubricFromFile(name: string, bytes: Uint8Array): Promise<Rubric> {
  let data: unknown;
  if (/\.json$/i.test(name)) {
    const text = new TextDecoder().decode(bytes);
    try {
      data = JSON.parse(text);
    } catch (e) {
      // The parser's English stays out of the Vietnamese text: it says where instead (core/json-why.ts).
      const why = jsonWhy(e instanceof Error ? e.message : String(e), text);
      throw new UserError("invalid-rubric", {
        vi: `${name}: không phải JSON hợp lệ (${why.vi}).`,
        en: `${name}: not valid JSON (${why.en}).`,
      });
    }
  } else {
    const imported = importRubricFromWorkbook(await readWorkbookBytes(bytes, name));
    if (!imported.rubric) {
      const why = imported.problems[0]?.message ?? { vi: "không rõ lý do", en: "no reason given" };
      throw new UserError("invalid-rubric", {
        vi: `${name}: không nhập được bộ chỉ số từ biểu mẫu (${why.vi}).`,
        en: `${name}: no rubric could be imported from the template (${why.en}).`,
      });
    }
    data = imported.rubric;
  }
  const loaded = loadRubric(data);
  if (!loaded.ok) {
    const why = loaded.problems.map((p) => p.message);
    throw new UserError("invalid-rubric", {
      vi: `${name}: bộ chỉ số không hợp lệ — ${why.map((w) => w.vi).join("; ")}`,
      en: `${name}: invalid rubric — ${why.map((w) => w.en).join("; ")}`,
    });
  }
  return loaded.rubric;
}
