/**
 * The roles a column of a unit's scoring table can play, and everything each role needs in one
 * table: the header words that name it, the key `--columns` takes, and how the user reads it (the
 * pane's "Sửa cột" field, the findings). Its own module so that recognition, validation, messages, the
 * CLI and the pane can name a role without importing the pipeline that calls them.
 *
 * To add a role: add it to ColumnRole and give it a COLUMN_ROLE_SPECS entry — the type refuses an entry
 * with a field missing, and test/core/columns.test.ts checks every field is filled and every key unique.
 */
import type { Text } from "./finding";

export type ColumnRole =
  | "code"
  | "label"
  | "max"
  | "guidance"
  | "self"
  | "appraised1"
  | "appraised2"
  | "evidence"
  | "explanation"
  | "note";

export interface ColumnRoleSpec {
  /** The role as the user reads it: findings, the pane's "Sửa cột" field label, the settings sheet. */
  name: Text;
  /** The key `--columns` takes for it (`--columns self=E`); the first is the one messages suggest. */
  cliKeys: readonly [string, ...string[]];
  /**
   * Words (folded: no accents, lower case, single spaces) in a header that name this role. For the
   * appraisal rounds, the words that say which round ("lần 2", "sau giải trình") on a header that
   * names an appraised score; recognition/header-words.ts decides between roles by meaning.
   */
  words: RegExp;
  /** Header names as templates write them, shown in the missing-column finding ("looked for …"). */
  examples: readonly string[];
  /** Place in the pane's "Sửa cột" form (the order a unit's table usually runs, left to right). */
  fixOrder: number;
}

/** One entry per role: a role cannot be half-added (the Record type asks for every role and field). */
export const COLUMN_ROLE_SPECS: Readonly<Record<ColumnRole, ColumnRoleSpec>> = {
  code: {
    name: { vi: "STT/mã tiêu chí", en: "item code" },
    cliKeys: ["code"],
    words: /^(stt|tt|so tt|so thu tu|ma|ma so|ma tieu chi|ky hieu)$/,
    examples: ["STT", "TT", "Mã tiêu chí"],
    fixOrder: 0,
  },
  label: {
    name: { vi: "nội dung tiêu chí", en: "item label" },
    cliKeys: ["label"],
    words: /noi dung|linh vuc|tieu chi|chi so|ten chi tieu/,
    examples: ["Nội dung", "Lĩnh vực/tiêu chí", "Tiêu chí"],
    fixOrder: 1,
  },
  max: {
    name: { vi: "điểm tối đa", en: "maximum points" },
    cliKeys: ["max"],
    words: /toi da|diem chuan|thang diem|diem quy dinh/,
    examples: ["Điểm tối đa", "Điểm chuẩn"],
    fixOrder: 2,
  },
  guidance: {
    name: { vi: "hướng dẫn chấm", en: "scoring guidance" },
    cliKeys: ["guidance"],
    words: /huong dan|cach cham|cach tinh|phuong phap cham|yeu cau/,
    examples: ["Hướng dẫn chấm", "Cách chấm"],
    fixOrder: 3,
  },
  self: {
    name: { vi: "điểm tự đánh giá", en: "self score" },
    cliKeys: ["self"],
    words: /tu danh gia|tu cham|tu diem|diem tu/,
    examples: ["Điểm tự đánh giá", "Tự chấm", "Điểm thẩm định", "Điểm chấm thực tế"],
    fixOrder: 4,
  },
  appraised1: {
    name: { vi: "điểm thẩm định", en: "appraised score" },
    cliKeys: ["appraised", "appraised1"],
    words: /tham dinh|cham thuc te|thuc te|hoi dong|diem dat duoc/,
    examples: ["Điểm thẩm định", "Điểm thẩm định lần 1", "Điểm chấm thực tế"],
    fixOrder: 7,
  },
  appraised2: {
    name: { vi: "điểm thẩm định lần 2", en: "appraised score (round 2)" },
    cliKeys: ["appraised2"],
    words: /\blan (2|ii)\b|\bvong (2|ii)\b|sau giai trinh|sau phuc tra|phuc tra/,
    examples: ["Điểm thẩm định lần 2", "Điểm sau giải trình", "Điểm sau phúc tra"],
    fixOrder: 8,
  },
  evidence: {
    name: { vi: "tài liệu kiểm chứng", en: "evidence" },
    cliKeys: ["evidence"],
    words: /tai lieu kiem chung|tlkc|kiem chung|minh chung|van ban chung minh/,
    examples: ["Tài liệu kiểm chứng", "TLKC", "Minh chứng"],
    fixOrder: 5,
  },
  explanation: {
    name: { vi: "giải trình", en: "explanation" },
    cliKeys: ["explanation"],
    words: /giai trinh/,
    examples: ["Giải trình của đơn vị"],
    fixOrder: 6,
  },
  note: {
    name: { vi: "ghi chú/ý kiến", en: "note" },
    cliKeys: ["note"],
    words: /ghi chu|y kien|nhan xet/,
    examples: ["Ghi chú", "Ý kiến thẩm định"],
    fixOrder: 9,
  },
};

/** Every role, in the order tables list them. */
export const COLUMN_ROLES: readonly ColumnRole[] = Object.keys(COLUMN_ROLE_SPECS) as ColumnRole[];

/** The roles in the order the pane's "Sửa cột" form offers them. */
export const FIX_COLUMN_ROLES: readonly ColumnRole[] = [...COLUMN_ROLES].sort(
  (a, b) => COLUMN_ROLE_SPECS[a].fixOrder - COLUMN_ROLE_SPECS[b].fixOrder,
);

/** `--columns` key → role ("appraised" and "appraised1" both name the first round). */
export const COLUMN_KEYS: ReadonlyMap<string, ColumnRole> = new Map(
  COLUMN_ROLES.flatMap((role) => COLUMN_ROLE_SPECS[role].cliKeys.map((key) => [key, role] as const)),
);

export function roleName(role: ColumnRole): Text {
  return COLUMN_ROLE_SPECS[role].name;
}

/** The `--columns` key messages suggest for a role. */
export function cliKey(role: ColumnRole): string {
  return COLUMN_ROLE_SPECS[role].cliKeys[0];
}
