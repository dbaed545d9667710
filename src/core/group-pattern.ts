/**
 * Unit-group patterns: regular expressions a province writes (rubric `groups[].patterns`, `--group-by`,
 * the pane's group rule) and the ranking runs on every unit's folded name. JavaScript's own engine
 * backtracks — `^(\w+\s?)+$` or `^\w*\w*\w*\w*\w*\w*!$` take minutes on one long name — and no scan of a
 * pattern's shape can tell every such case. So patterns run on RE2 (the `re2js` port: linear time in
 * the name's length, whatever the pattern); what RE2 does not have (back-references, look-around) is
 * refused with a message naming the pattern, before any unit is matched. Every surface (ranking, the
 * sample generator, the rubric schema, the pane) matches through this one module.
 */
import { RE2JS } from "re2js";
import type { Text } from "./finding";
import { fold } from "./fold";

/** What matching needs of a rubric (structural: the schema imports this module to check its patterns). */
export interface GroupedRubric {
  groups: readonly { id: string; label: string; labelEn?: string; patterns: readonly string[] }[];
}
type Group = GroupedRubric["groups"][number];

/** Longer patterns are refused: nobody groups units with a page of regular expression. */
export const MAX_PATTERN_LENGTH = 300;
/** Unit names are matched on at most this many characters (linear time already; this bounds the total). */
const MAX_NAME_LENGTH = 200;

/** Folded name for group rules; a stray leading "=" or "+" (typed to dodge Excel's formula parser) is ignored. */
export function groupKey(unit: string): string {
  return fold(unit.slice(0, MAX_NAME_LENGTH * 2))
    .replace(/^[=+\-@'\s]+/, "")
    .slice(0, MAX_NAME_LENGTH);
}

/** A compiled group pattern: `test` for membership, `exec` for the rule's captured group name. */
export interface GroupPattern {
  test(text: string): boolean;
  exec(text: string): (string | undefined)[] | null;
}

/**
 * Why a pattern cannot be used, or null: too long, or not a pattern RE2 compiles (invalid, or using a
 * back-reference or look-around, which no linear-time engine has). `group` names the rubric group.
 */
export function patternProblem(pattern: string, group?: string): Text | null {
  const of = group ? { vi: ` của nhóm "${group}"`, en: ` of group "${group}"` } : { vi: "", en: "" };
  const shown = pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern;
  if (pattern.length > MAX_PATTERN_LENGTH)
    return {
      vi: `Mẫu${of.vi} "${shown}" dài quá ${MAX_PATTERN_LENGTH} ký tự.`,
      en: `Pattern${of.en} "${shown}" is longer than ${MAX_PATTERN_LENGTH} characters.`,
    };
  const compiled = compileOrWhy(pattern);
  if ("why" in compiled) {
    const backReference = /\\[1-9]|\\k</.test(pattern);
    const lookAround = /\(\?<?[=!]/.test(pattern);
    if (backReference || lookAround)
      return {
        vi: `Mẫu${of.vi} "${shown}" dùng ${backReference ? "tham chiếu ngược (\\1, \\k<…>)" : "điều kiện nhìn trước/nhìn sau ((?=…), (?!…), (?<=…))"}, không được hỗ trợ: mẫu nhóm được so bằng bộ máy thời gian tuyến tính (RE2), không có các phép này. Hãy viết lại không dùng chúng.`,
        en: `Pattern${of.en} "${shown}" uses ${backReference ? "a back-reference (\\1, \\k<…>)" : "a look-ahead or look-behind ((?=…), (?!…), (?<=…))"}, which is not supported: group patterns run on a linear-time engine (RE2), which has no such thing. Write it without.`,
      };
    return {
      vi: `Mẫu${of.vi} "${shown}" không phải biểu thức chính quy hợp lệ (${compiled.why.vi}).`,
      en: `Pattern${of.en} "${shown}" is not a valid regular expression (${compiled.why.en}).`,
    };
  }
  return null;
}

function compileOrWhy(pattern: string): { re: RE2JS } | { why: Text } {
  try {
    return { re: RE2JS.compile(pattern) };
  } catch (e) {
    return { why: syntaxWhy(e instanceof Error ? e.message : String(e)) };
  }
}

/**
 * RE2's own words ("missing closing ): `(a`") said in each language: the English one went into the
 * Vietnamese message as it was. The piece of the pattern it quotes is the user's own and stays.
 */
const RE2_ERRORS: Record<string, string> = {
  "missing closing )": 'thiếu dấu đóng ")"',
  "missing closing ]": 'thiếu dấu đóng "]"',
  "unexpected )": 'dấu ")" thừa',
  "missing argument to repetition operator": "phép lặp (*, +, ?, {n}) không đứng sau gì cả",
  "invalid nested repetition operator": "hai phép lặp liền nhau",
  "invalid repeat count": "số lần lặp không hợp lệ (tối đa 1000)",
  "invalid character class range": "khoảng ký tự ngược hoặc không hợp lệ",
  "invalid escape sequence": "dấu \\ đứng trước một ký tự không dùng được",
  "trailing backslash at end of expression": "dấu \\ ở cuối mẫu",
  "invalid named capture": "tên nhóm không hợp lệ",
  "duplicate capture group name": "hai nhóm cùng tên",
  "invalid or unsupported Perl syntax": "cú pháp không được hỗ trợ",
  "expression too large": "mẫu quá lớn",
  "expression nests too deeply": "mẫu lồng quá sâu",
};

function syntaxWhy(message: string): Text {
  const en = message.replace(/^error parsing regexp: /, "");
  const m = /^(.*?)(: `.*`)?$/s.exec(en);
  const kind = m?.[1] ?? en;
  const vi = RE2_ERRORS[kind];
  return { vi: vi ? `${vi}${m?.[2] ?? ""}` : `lỗi cú pháp${m?.[2] ?? ""}`, en };
}

/** The pattern compiled for RE2, or null when `patternProblem` refuses it (the caller reports that problem). */
export function compileGroupPattern(pattern: string): GroupPattern | null {
  if (patternProblem(pattern)) return null;
  const compiled = compileOrWhy(pattern);
  return "re" in compiled ? compiled.re : null;
}

export interface RubricGroupMatcher {
  /** The rubric group a unit belongs to, or null ("other"). */
  (unit: string): Group | null;
  /** Patterns refused, named with their group (a loaded rubric has none: the schema rejects them). */
  problems: Text[];
}

/** Matches unit names to the rubric's groups: the first group with a matching pattern, in rubric order. */
export function rubricGroupMatcher(rubric: GroupedRubric): RubricGroupMatcher {
  let matcher = matchers.get(rubric);
  if (!matcher) {
    matcher = buildMatcher(rubric);
    matchers.set(rubric, matcher);
  }
  return matcher;
}

/** Rubrics are immutable once loaded (see rubricIndex): one compiled matcher per rubric object. */
const matchers = new WeakMap<GroupedRubric, RubricGroupMatcher>();

function buildMatcher(rubric: GroupedRubric): RubricGroupMatcher {
  const problems: Text[] = [];
  const groups = rubric.groups.map((g) => ({
    group: g,
    patterns: g.patterns.flatMap((p) => {
      const problem = patternProblem(p, g.label);
      if (problem) {
        problems.push(problem);
        return [];
      }
      const compiled = compileGroupPattern(p);
      return compiled ? [compiled] : [];
    }),
  }));
  const match = (unit: string) => {
    const key = groupKey(unit);
    return groups.find((g) => g.patterns.some((p) => p.test(key)))?.group ?? null;
  };
  return Object.assign(match, { problems });
}
