/**
 * The appraiser's settings rule (issue #24 item 7): whose settings a check uses when a workbook carries
 * its own. Pure — no Office, no storage — so the whole decision table is tested without a host.
 *
 * A unit's file can carry a rubric under a built-in's id with other bands, and column corrections that
 * read a different column: opened by an appraiser, both change the unit's result (67 → 89 "Xuất sắc").
 * So the workbook's rubric and columns apply without asking only when
 * - they are what this user would use anyway ("same"), or
 * - they name a rubric known on this machine, unchanged — a built-in whose content is the built-in's
 *   exactly, or a custom rubric this user accepted before — and carry no column corrections, or
 * - this user saved or applied exactly these settings before (the clerk's own workbook: a clerk who
 *   corrected a column and saved must not be asked about their own correction every time it opens).
 * Otherwise the check runs with the user's own choice (their last saved rubric choice, or the default)
 * and the pane shows what the workbook's settings would change, with a button to use them.
 *
 * Acceptance is keyed by SHA-256 of the content, never by the 8-digit label hash (which can be forged to
 * collide). The other saved parts (language, ranking options, annex) are not results of the check and
 * keep applying as verified by `verifySettings`.
 */
import type { Text } from "../core/finding";
import { canonicalJson } from "../core/rubric/identity";
import { sha256Hex } from "../core/sha256";
import { type ParSettings, settingsLines, type VerifiedSettings, verifySettings } from "./settings";

/** What this user accepted, kept in the pane's own per-user storage, never in a workbook. */
export interface UserSettings {
  /** SHA-256 of custom rubrics this user chose to remember ("ghi nhớ bộ chỉ số này"). */
  rubrics: string[];
  /** SHA-256 of whole result-changing settings (rubric + column corrections) this user saved or applied. */
  settings: string[];
  /** The rubric choice this user last saved: what a check uses when a workbook's settings are not applied. */
  choice: Pick<ParSettings, "rubricId" | "customRubric"> | null;
}

export const NO_USER_SETTINGS: UserSettings = { rubrics: [], settings: [], choice: null };

export type AppliedBecause = "same" | "none" | "builtin" | "accepted-rubric" | "accepted-settings";

export type SettingsDecision =
  | { apply: true; because: AppliedBecause }
  /** Not applied: each way the workbook's settings differ from what is known, worded for the pane. */
  | { apply: false; differences: Text[] };

export interface ResolvedSettings {
  /** What the workbook carries, verified (invalid parts already dropped with a problem each). */
  workbook: VerifiedSettings;
  decision: SettingsDecision;
  /** What the check uses: the workbook's settings when applied, else the user's choice (no column corrections). */
  used: VerifiedSettings;
  /** The settings lines of `used` and one line saying whose settings they are and why (pane, "Kết quả"). */
  lines: Text[];
  /**
   * Whose settings the check uses and why (the last of `lines`) — null when they are simply the user's
   * own ("same", "none"): nothing then needs saying, on the pane or on a sheet.
   */
  why: Text | null;
}

/** SHA-256 of a custom rubric's content as loaded; null for a built-in or the workbook's own structure. */
export function rubricDigest(v: Pick<VerifiedSettings, "identity" | "rubric">): string | null {
  return v.identity.kind === "custom" && v.rubric ? sha256Hex(canonicalJson(v.rubric)) : null;
}

/** SHA-256 of what changes a check's result: the rubric (by content when custom) and the column corrections. */
export function settingsDigest(v: Pick<VerifiedSettings, "identity" | "rubric" | "settings">): string {
  const rubric = v.identity.kind === "custom" ? v.rubric : (v.settings.rubricId ?? null);
  return sha256Hex(canonicalJson({ rubric, columns: v.settings.columns ?? null }));
}

/** The decision table; `choice` is what this user would use without the workbook's settings. */
export function decideSettings(
  workbook: VerifiedSettings,
  choice: VerifiedSettings,
  user: UserSettings,
): SettingsDecision {
  const digest = settingsDigest(workbook);
  if (digest === settingsDigest(choice)) return { apply: true, because: "same" };
  if (user.settings.includes(digest)) return { apply: true, because: "accepted-settings" };
  const differences: Text[] = [];
  const { identity } = workbook;
  const rubric = rubricDigest(workbook);
  const accepted = rubric !== null && user.rubrics.includes(rubric);
  if (identity.kind === "custom" && !accepted) {
    differences.push(
      identity.modified
        ? {
            vi: `bộ chỉ số "${identity.label.vi}": mang mã của bộ có sẵn nhưng nội dung đã sửa`,
            en: `rubric "${identity.label.en}": carries a built-in rubric's id but its content was changed`,
          }
        : {
            vi: `bộ chỉ số riêng "${identity.label.vi}", chưa được chấp nhận trên máy này`,
            en: `custom rubric "${identity.label.en}", not accepted on this computer`,
          },
    );
  }
  if (identity.kind === "own") {
    differences.push({
      vi: "không dùng bộ chỉ số nào (điểm tối đa lấy từ chính biểu)",
      en: "no rubric (the maximum points are taken from the workbook itself)",
    });
  }
  // The same words as the settings line ("Cột đã chỉnh tay: Tự chấm → E"), without its label.
  const columns = settingsLines(workbook)[1];
  if (workbook.settings.columns && columns) {
    differences.push({
      vi: `cột đã chỉnh tay (${columns.vi.replace(/^Cột đã chỉnh tay: /, "")})`,
      en: `columns corrected by hand (${columns.en.replace(/^Columns corrected by hand: /, "")})`,
    });
  }
  if (differences.length) return { apply: false, differences };
  return { apply: true, because: accepted ? "accepted-rubric" : "builtin" };
}

/**
 * The workbook's settings (as stored, unverified), this user's, and the defaults → what a check uses and
 * why. Never throws: storage and workbook alike are untrusted and verified here.
 */
export function resolveSettings(
  stored: unknown,
  user: UserSettings,
  defaults: ParSettings,
): ResolvedSettings {
  const workbook = verifySettings(stored, defaults);
  const choice = userChoice(workbook.settings, user, defaults);
  // A workbook that names no rubric and corrects no column has nothing to apply: the user's choice
  // stands (were the defaults taken as the workbook's "built-in", an appraiser's own rubric would lose).
  const decision: SettingsDecision = carriesResultSettings(stored)
    ? decideSettings(workbook, choice, user)
    : { apply: true, because: "none" };
  if (decision.apply && decision.because === "none")
    return { workbook, decision, used: choice, lines: choice.lines, why: null };
  const used = decision.apply ? workbook : choice;
  const why = decision.apply && decision.because === "same" ? null : whyLine(decision);
  return { workbook, decision, used, lines: why ? [...used.lines, why] : used.lines, why };
}

/**
 * The user's own choice on this workbook: the workbook's settings that are not results of the check
 * (language, ranking options, annex), the rubric this user last saved (or the default), no column
 * corrections. A stored choice that no longer loads falls back to the default, as `verifySettings` says.
 */
function userChoice(workbook: ParSettings, user: UserSettings, defaults: ParSettings): VerifiedSettings {
  const { customRubric: _c, columns: _k, ...rest } = workbook;
  const rubric = user.choice ?? { rubricId: defaults.rubricId };
  return verifySettings({ ...rest, rubricId: rubric.rubricId, customRubric: rubric.customRubric }, defaults);
}

/** Whether stored settings name a rubric (a built-in id, none, or their own) or correct a column. */
function carriesResultSettings(stored: unknown): boolean {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return false;
  const s = stored as Record<string, unknown>;
  const given = (v: unknown) => v !== undefined && v !== null;
  // rubricId null is a choice ("the workbook's own structure"); customRubric and columns null are none.
  return s.rubricId !== undefined || given(s.customRubric) || given(s.columns);
}

/** One line saying whose settings the check uses and why: the pane never decides silently. */
export function whyLine(decision: SettingsDecision): Text {
  if (!decision.apply) {
    const vi = decision.differences.map((d) => d.vi).join("; ");
    const en = decision.differences.map((d) => d.en).join("; ");
    return {
      vi: `Cài đặt riêng của sổ chưa được dùng (${vi}); đang dùng lựa chọn của người kiểm tra.`,
      en: `The workbook's own settings are not used (${en}); the checker's own choice is used.`,
    };
  }
  const why: Record<AppliedBecause, Text> = {
    same: {
      vi: "Cài đặt của sổ trùng với lựa chọn của người kiểm tra.",
      en: "The workbook's settings are the checker's own choice.",
    },
    none: {
      vi: "Sổ không lưu bộ chỉ số hay cách chỉnh cột: dùng lựa chọn của người kiểm tra.",
      en: "The workbook saves no rubric or column corrections: the checker's own choice is used.",
    },
    builtin: {
      vi: "Dùng cài đặt của sổ: bộ chỉ số có sẵn, không sửa, không chỉnh cột.",
      en: "The workbook's settings are used: a built-in rubric, unchanged, no column corrections.",
    },
    "accepted-rubric": {
      vi: "Dùng cài đặt của sổ: bộ chỉ số người kiểm tra đã chấp nhận trước đây, không chỉnh cột.",
      en: "The workbook's settings are used: a rubric the checker accepted before, no column corrections.",
    },
    "accepted-settings": {
      vi: "Dùng cài đặt của sổ: chính người kiểm tra đã lưu hoặc đã chọn dùng các cài đặt này.",
      en: "The workbook's settings are used: the checker saved or chose these settings before.",
    },
  };
  return why[decision.because];
}

/** Most digests kept per list: the oldest go first, so the storage stays small whatever happens. */
export const MAX_ACCEPTED = 200;

/** `user` with the digest added (once, newest last, capped). */
export function withAccepted(list: readonly string[], digest: string): string[] {
  return [...list.filter((d) => d !== digest), digest].slice(-MAX_ACCEPTED);
}

/** What stored user settings hold that is usable; anything else is dropped (the storage is untrusted). */
export function parseUserSettings(raw: unknown): UserSettings {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return NO_USER_SETTINGS;
  const r = raw as Record<string, unknown>;
  const digests = (v: unknown) =>
    Array.isArray(v)
      ? v.filter((d): d is string => typeof d === "string" && /^[0-9a-f]{64}$/.test(d)).slice(-MAX_ACCEPTED)
      : [];
  const c = r.choice;
  const choice =
    typeof c === "object" && c !== null && !Array.isArray(c)
      ? (() => {
          const { rubricId, customRubric } = c as Record<string, unknown>;
          if (rubricId !== null && typeof rubricId !== "string") return null;
          return { rubricId, ...(customRubric === undefined ? {} : { customRubric }) };
        })()
      : null;
  return { rubrics: digests(r.rubrics), settings: digests(r.settings), choice };
}
