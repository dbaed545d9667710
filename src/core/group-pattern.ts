/**
 * Unit-group patterns: regular expressions a province writes (rubric `groups[].patterns`, `--group-by`,
 * the pane's group rule) and the ranking runs on every unit's folded name. JavaScript's engine
 * backtracks, so a pattern like `^(\w+\s?)+$` takes seconds to minutes on one name: a pattern whose
 * repeated part itself repeats or chooses (nested quantifiers, a quantified alternation) is refused
 * with a message naming it, before any unit is matched, and names are bounded in length. Every surface
 * (ranking, the sample generator, the rubric schema, the pane) matches through this one module.
 */
import type { Text } from "./finding";
import { fold } from "./fold";

/** What matching needs of a rubric (structural: the schema imports this module to check its patterns). */
export interface GroupedRubric {
  groups: readonly { id: string; label: string; labelEn?: string; patterns: readonly string[] }[];
}
type Group = GroupedRubric["groups"][number];

/** Longer patterns are refused: nobody groups units with a page of regular expression. */
export const MAX_PATTERN_LENGTH = 300;
/** Unit names are matched on at most this many characters: bounds the work of any accepted pattern. */
const MAX_NAME_LENGTH = 200;

/** Folded name for group rules; a stray leading "=" or "+" (typed to dodge Excel's formula parser) is ignored. */
export function groupKey(unit: string): string {
  return fold(unit.slice(0, MAX_NAME_LENGTH * 2))
    .replace(/^[=+\-@'\s]+/, "")
    .slice(0, MAX_NAME_LENGTH);
}

/**
 * Why a pattern cannot be used, or null: not a valid regular expression, too long, a back-reference,
 * or a shape that backtracks catastrophically. `group` names the rubric group in the message.
 */
export function patternProblem(pattern: string, group?: string): Text | null {
  const of = group ? { vi: ` của nhóm "${group}"`, en: ` of group "${group}"` } : { vi: "", en: "" };
  const shown = pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern;
  if (pattern.length > MAX_PATTERN_LENGTH)
    return {
      vi: `Mẫu${of.vi} "${shown}" dài quá ${MAX_PATTERN_LENGTH} ký tự.`,
      en: `Pattern${of.en} "${shown}" is longer than ${MAX_PATTERN_LENGTH} characters.`,
    };
  try {
    new RegExp(pattern);
  } catch {
    return {
      vi: `Mẫu${of.vi} "${shown}" không phải biểu thức chính quy hợp lệ.`,
      en: `Pattern${of.en} "${shown}" is not a valid regular expression.`,
    };
  }
  const risk = backtrackingRisk(pattern);
  if (risk === "backreference")
    return {
      vi: `Mẫu${of.vi} "${shown}" dùng tham chiếu ngược (\\1, \\k<…>), không được hỗ trợ vì có thể chạy rất lâu.`,
      en: `Pattern${of.en} "${shown}" uses a back-reference (\\1, \\k<…>), not supported because it can run for very long.`,
    };
  if (risk === "nested")
    return {
      vi: `Mẫu${of.vi} "${shown}" có một phần lặp chứa phần lặp hoặc lựa chọn khác (như (\\w+\\s?)+ hay (a|b)+): có thể treo máy khi so tên đơn vị. Viết lại không lồng (ví dụ ^phuong thay vì ^(\\w+\\s?)+phuong).`,
      en: `Pattern${of.en} "${shown}" repeats a part that itself repeats or alternates (like (\\w+\\s?)+ or (a|b)+): matching unit names could hang. Write it without nesting (e.g. ^phuong instead of ^(\\w+\\s?)+phuong).`,
    };
  return null;
}

interface Frame {
  /** The group holds an unbounded quantifier (directly or in a nested group). */
  repeats: boolean;
  /** The group holds a top-level `|`. */
  alternates: boolean;
}

/**
 * A conservative scan of the pattern's structure (character classes and escapes skipped): a group with an
 * unbounded quantifier after it (`*`, `+`, `{n,}`, `{n,m}` with a large m) must hold neither an unbounded
 * quantifier nor an alternation. That rules out the exponential shapes ((a+)+, (a|a)*, (\w+\s?)+).
 */
function backtrackingRisk(src: string): "nested" | "backreference" | null {
  const stack: Frame[] = [{ repeats: false, alternates: false }];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const top = stack[stack.length - 1];
    if (c === "\\") {
      const next = src[i + 1] ?? "";
      if (/[1-9]/.test(next) || next === "k") return "backreference";
      i += 2;
      i = afterQuantifier(src, i, top);
      continue;
    }
    if (c === "[") {
      i = classEnd(src, i);
      i = afterQuantifier(src, i, top);
      continue;
    }
    if (c === "(") {
      stack.push({ repeats: false, alternates: false });
      i++;
      if (src[i] === "?") {
        // (?: (?= (?! (?<= (?<! (?<name>
        i++;
        if (src[i] === "<" && src[i + 1] !== "=" && src[i + 1] !== "!") {
          const close = src.indexOf(">", i);
          i = close < 0 ? src.length : close + 1;
        } else i += src[i] === "<" ? 2 : 1;
      }
      continue;
    }
    if (c === ")") {
      const group = stack.length > 1 ? (stack.pop() as Frame) : { repeats: false, alternates: false };
      const parent = stack[stack.length - 1];
      i++;
      const q = quantifierAt(src, i);
      if (q?.unbounded && (group.repeats || group.alternates)) return "nested";
      parent.repeats ||= group.repeats || q?.unbounded === true;
      if (q) i += q.length;
      continue;
    }
    if (c === "|") {
      top.alternates = true;
      i++;
      continue;
    }
    const q = quantifierAt(src, i);
    if (q) {
      top.repeats ||= q.unbounded;
      i += q.length;
      continue;
    }
    i++;
  }
  return null;
}

function afterQuantifier(src: string, i: number, frame: Frame): number {
  const q = quantifierAt(src, i);
  if (!q) return i;
  frame.repeats ||= q.unbounded;
  return i + q.length;
}

/** A quantifier at `i` (with its lazy `?`), and whether it lets the part repeat without a small bound. */
function quantifierAt(src: string, i: number): { unbounded: boolean; length: number } | null {
  const c = src[i];
  let length = 0;
  let unbounded = false;
  if (c === "*" || c === "+") {
    length = 1;
    unbounded = true;
  } else if (c === "?") length = 1;
  else if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 24));
    if (!m) return null;
    length = m[0].length;
    unbounded = m[2] !== undefined && (m[3] === "" || Number(m[3]) > 10);
  } else return null;
  if (src[i + length] === "?") length++;
  return { unbounded, length };
}

/** Index after the `]` closing the class that opens at `i`. */
function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === "^") j++;
  if (src[j] === "]") j++;
  while (j < src.length && src[j] !== "]") j += src[j] === "\\" ? 2 : 1;
  return j + 1;
}

/** The pattern compiled, or null when `patternProblem` refuses it (the caller reports that problem). */
export function compileGroupPattern(pattern: string): RegExp | null {
  return patternProblem(pattern) ? null : new RegExp(pattern);
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
      return [new RegExp(p)];
    }),
  }));
  const match = (unit: string) => {
    const key = groupKey(unit);
    return groups.find((g) => g.patterns.some((p) => p.test(key)))?.group ?? null;
  };
  return Object.assign(match, { problems });
}
