/**
 * Choices saved with the workbook (Office document settings), so an appraiser opening the same file
 * sees the same rubric and ranking options as the clerk who filled it.
 *
 * What a workbook carries is data to verify, not to trust: a unit's file can carry a custom rubric
 * under a built-in rubric's id, a column map that points "self" at the maximum column, or a language
 * the pane does not have. `verifySettings` keeps what is valid, drops what is not with a sentence that
 * says what was found and what is used instead, and names the active rubric by its own content
 * (name + content hash), so a changed rubric can never pass for a built-in one.
 */
import { COLUMN_ROLES, type ColumnRole } from "../core/columns";
import type { Text } from "../core/finding";
import { columnLetters } from "../core/address";
import { groupRuleProblem, type RankBasis } from "../core/rank";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../core/rubric/builtin";
import { loadRubric } from "../core/rubric/load";
import type { Rubric } from "../core/rubric/schema";
import { roleName } from "../core/messages";
import { parseAnnex } from "../core/sheets/annex";
import { builtinIdentity, type RubricIdentity, rubricIdentity } from "../core/rubric/identity";

// The identity lives in core (the CLI names rubrics the same way); re-exported for the pane's imports.
export { contentHash, type RubricIdentity, rubricIdentity } from "../core/rubric/identity";

export interface ParSettings {
  /** Built-in rubric id, or null to use the workbook's own structure. */
  rubricId: string | null;
  /** A rubric loaded from JSON or imported from a template (validated again on use); wins over rubricId. */
  customRubric?: unknown;
  /** Ranking: score basis, group rule ("rubric", "none" or a regular expression), dense ties. */
  by?: RankBasis;
  groupBy?: string;
  dense?: boolean;
  /** Columns the user corrected in the pane when recognition guessed wrong: sheet and role → column. */
  columns?: ColumnMap;
  /** Pane language; absent: follow Office's display language. */
  language?: "vi" | "en";
  /**
   * The annex lines printed above the title of the ranking, intake and appraisal sheets ("Phụ lục 01|Kèm
   * theo Quyết định số …") and the signature block under the table ("NGƯỜI LẬP BIỂU|TM. …|…, ngày …"),
   * in the CLI's `--annex` / `--signature` format: the user's text only.
   */
  annex?: string;
  signature?: string;
}

export interface ColumnMap {
  sheet?: string;
  roles: Partial<Record<string, number | null>>;
}

export const SETTINGS_KEY = "parIndex.settings";

/** Excel's last column (XFD) as a 0-based index: a column map pointing past it is not a column. */
const LAST_COLUMN = 16_383;
const ROLES = COLUMN_ROLES;
const BASES: readonly RankBasis[] = ["final", "appraised", "self"];

/** The settings as stored, unverified (what `verifySettings` takes). */
export function readStoredSettings(): unknown {
  return globalThis.Office?.context?.document?.settings?.get(SETTINGS_KEY) ?? null;
}

/** The verified settings (invalid parts dropped); `verifySettings` says what was dropped. */
export function loadSettings(defaults: ParSettings): ParSettings {
  return verifySettings(readStoredSettings(), defaults).settings;
}

export function saveSettings(settings: ParSettings): Promise<void> {
  const store = globalThis.Office?.context?.document?.settings;
  if (!store) return Promise.resolve();
  store.set(SETTINGS_KEY, settings);
  return new Promise((resolve, reject) => {
    store.saveAsync((result) => {
      if (String(result.status) === "failed") reject(result.error);
      else resolve();
    });
  });
}

export interface VerifiedSettings {
  settings: ParSettings;
  rubric: Rubric | null;
  identity: RubricIdentity;
  /** The user's column corrections are in force ("cột đã chỉnh tay"). */
  manualColumns: boolean;
  /** Each part of the stored settings that was not used: what was found, why, what is used instead. */
  problems: Text[];
  /** The settings that change results, as `settingsLines` words them (pane summary, "Kết quả" sheet). */
  lines: Text[];
}

/** Checks stored settings part by part; never throws, whatever `raw` is. */
export function verifySettings(
  raw: unknown,
  defaults: ParSettings = { rubricId: DEFAULT_RUBRIC_ID },
): VerifiedSettings {
  const problems: Text[] = [];
  const stored = isRecord(raw) ? raw : {};
  const settings: ParSettings = { rubricId: verifyRubricId(stored, defaults, problems) };
  const language = stored.language;
  if (language === "vi" || language === "en") settings.language = language;
  else if (language !== undefined && language !== null) problems.push(unknownLanguage(language));
  if (BASES.includes(stored.by as RankBasis)) settings.by = stored.by as RankBasis;
  if (typeof stored.dense === "boolean") settings.dense = stored.dense;
  if (typeof stored.groupBy === "string") {
    const problem = groupRuleProblem(stored.groupBy);
    if (problem) problems.push(droppedGroupRule(problem));
    else settings.groupBy = stored.groupBy;
  }
  if (stored.columns !== undefined && stored.columns !== null) {
    const columns = verifyColumnMap(stored.columns);
    if ("problem" in columns) problems.push(columns.problem);
    else if (Object.keys(columns.map.roles).length > 0) settings.columns = columns.map;
  }
  verifyAnnex(stored, settings, problems);
  const { rubric, identity } = resolveRubric(stored.customRubric, settings, problems);
  const lines = settingsLines({ identity, settings });
  return { settings, rubric, identity, manualColumns: settings.columns !== undefined, problems, lines };
}

/** The annex text kept only when both parts are text that `parseAnnex` accepts; else dropped with why. */
function verifyAnnex(stored: Record<string, unknown>, settings: ParSettings, problems: Text[]): void {
  const { annex, signature } = stored;
  if ((annex === undefined || annex === null) && (signature === undefined || signature === null)) return;
  const text = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? undefined : null);
  const a = text(annex);
  const s = text(signature);
  const problem =
    a === null || s === null ? { vi: "không phải chữ", en: "not text" } : parseAnnex(a, s).problem;
  if (problem) {
    problems.push({
      vi: `Sổ lưu phụ lục / khối chữ ký không dùng được (${problem.vi}); đã bỏ qua, bảng in không có phụ lục. Nhập lại ở thẻ Cài đặt.`,
      en: `The workbook's saved annex / signature block cannot be used (${problem.en}); it is ignored and the sheets print without it. Enter it again on the Settings tab.`,
    });
    return;
  }
  if (a !== undefined && a !== null) settings.annex = a;
  if (s !== undefined && s !== null) settings.signature = s;
}

// Kept in its own module so the pane's first load can use it without this one (see settings-annex.ts).
export { annexOf } from "./settings-annex";

function verifyRubricId(
  stored: Record<string, unknown>,
  defaults: ParSettings,
  problems: Text[],
): string | null {
  if (!("rubricId" in stored) || stored.rubricId === undefined) return defaults.rubricId;
  const id = stored.rubricId;
  if (id === null) return null;
  if (typeof id === "string" && builtinRubric(id)) return id;
  const fallback = defaults.rubricId ?? DEFAULT_RUBRIC_ID;
  const name = builtinRubric(fallback)?.name ?? fallback;
  problems.push({
    vi: `Sổ lưu bộ chỉ số "${String(id)}" nhưng tiện ích không có bộ này; đang dùng "${name}". Chọn lại bộ chỉ số ở thẻ Cài đặt.`,
    en: `The workbook names rubric "${String(id)}", which the add-in does not have; using "${name}". Choose the rubric again on the Settings tab.`,
  });
  return fallback;
}

/** The custom rubric if it still loads (else the reason and the fallback), and how to name it. */
function resolveRubric(
  custom: unknown,
  settings: ParSettings,
  problems: Text[],
): { rubric: Rubric | null; identity: RubricIdentity } {
  const fallback = () => {
    const rubric = settings.rubricId ? builtinRubric(settings.rubricId) : null;
    return { rubric, identity: builtinIdentity(rubric) };
  };
  if (custom === undefined || custom === null) return fallback();
  const loaded = loadRubric(custom);
  if (!loaded.ok) {
    const why = loaded.problems[0]?.message ?? { vi: "không rõ lý do", en: "no reason given" };
    const used = fallback();
    problems.push({
      vi: `Bộ chỉ số đã lưu trong sổ không còn dùng được (${why.vi}); đang dùng ${used.identity.label.vi}. Nạp lại bộ chỉ số ở thẻ Cài đặt.`,
      en: `The rubric saved in the workbook no longer loads (${why.en}); using ${used.identity.label.en}. Load the rubric again on the Settings tab.`,
    });
    return used;
  }
  settings.customRubric = custom;
  return { rubric: loaded.rubric, identity: rubricIdentity(loaded.rubric) };
}

/**
 * A column map is accepted only whole: known roles, columns inside the sheet, no column used for two
 * roles, and never the self score read from the maximum column (which would make every score full marks).
 */
export function verifyColumnMap(raw: unknown): { map: ColumnMap } | { problem: Text } {
  const reject = (vi: string, en: string) => ({
    problem: {
      vi: `Sổ lưu một cách chỉnh cột không hợp lệ (${vi}); đã bỏ qua, các cột được nhận dạng tự động.`,
      en: `The workbook carries an invalid column correction (${en}); it is ignored and the columns are recognised automatically.`,
    },
  });
  if (!isRecord(raw) || !isRecord(raw.roles)) return reject("không đúng dạng", "not in the expected form");
  if (raw.sheet !== undefined && typeof raw.sheet !== "string")
    return reject("tên trang không phải chữ", "the sheet name is not text");
  const roles: Partial<Record<ColumnRole, number | null>> = {};
  const used = new Map<number, ColumnRole>();
  for (const [role, col] of Object.entries(raw.roles)) {
    if (!ROLES.includes(role as ColumnRole))
      return reject(`vai trò "${role}" không có`, `unknown role "${role}"`);
    const name = roleName(role as ColumnRole);
    if (col === null) {
      roles[role as ColumnRole] = null;
      continue;
    }
    if (typeof col !== "number" || !Number.isInteger(col) || col < 0 || col > LAST_COLUMN) {
      return reject(
        `cột của "${name.vi}" nằm ngoài trang tính`,
        `the column of "${name.en}" is outside the sheet`,
      );
    }
    const other = used.get(col);
    if (other) {
      const letter = columnLetters(col);
      return reject(
        `cột ${letter} được gán cho cả "${roleName(other).vi}" và "${name.vi}"`,
        `column ${letter} is given to both "${roleName(other).en}" and "${name.en}"`,
      );
    }
    used.set(col, role as ColumnRole);
    roles[role as ColumnRole] = col;
  }
  return { map: { ...(typeof raw.sheet === "string" ? { sheet: raw.sheet } : {}), roles } };
}

/**
 * The settings that change results, one line each in both languages, for the pane's summary and the
 * "Kết quả" sheet: the rubric by its identity, manual columns, and a group rule other than the rubric's.
 */
export function settingsLines(verified: Pick<VerifiedSettings, "identity" | "settings">): Text[] {
  const lines: Text[] = [
    { vi: `Bộ chỉ số: ${verified.identity.label.vi}`, en: `Rubric: ${verified.identity.label.en}` },
  ];
  const columns = verified.settings.columns;
  if (columns) {
    const list = (lang: "vi" | "en") =>
      Object.entries(columns.roles)
        .map(
          ([role, col]) =>
            `${roleName(role as ColumnRole)[lang]} → ${col === null || col === undefined ? "—" : columnLetters(col)}`,
        )
        .join(", ");
    lines.push({ vi: `Cột đã chỉnh tay: ${list("vi")}`, en: `Columns corrected by hand: ${list("en")}` });
  }
  return lines;
}

function unknownLanguage(language: unknown): Text {
  return {
    vi: `Sổ lưu ngôn ngữ "${String(language)}" mà tiện ích không có; dùng ngôn ngữ của Office.`,
    en: `The workbook names language "${String(language)}", which the add-in does not have; following Office's language.`,
  };
}

function droppedGroupRule(problem: Text): Text {
  return {
    vi: `${problem.vi} Quy tắc nhóm đã lưu bị bỏ qua; dùng nhóm theo bộ chỉ số.`,
    en: `${problem.en} The saved group rule is ignored; grouping follows the rubric.`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
