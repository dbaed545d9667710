/** Which column role a header's words name. */
import { COLUMN_ROLE_SPECS, type ColumnRole } from "../columns";
import { memoize } from "../memo";

const words = (role: ColumnRole) => COLUMN_ROLE_SPECS[role].words;

/**
 * Header words per role (the registry's, core/columns.ts), tried in this order: "Hướng dẫn chấm / Tài liệu kiểm chứng yêu cầu" is
 * guidance before it is evidence, "Ý kiến thẩm định" a note before an appraisal, "Giải trình/Ghi chú"
 * an explanation before a note.
 */
export const RULES: { role: ColumnRole | "appraised"; test: (h: string) => boolean }[] = [
  { role: "code", test: (h) => words("code").test(h) },
  { role: "guidance", test: (h) => words("guidance").test(h) },
  { role: "self", test: (h) => words("self").test(h) },
  { role: "explanation", test: (h) => words("explanation").test(h) },
  { role: "note", test: (h) => words("note").test(h) },
  { role: "appraised", test: (h) => words("appraised1").test(h) },
  { role: "evidence", test: (h) => words("evidence").test(h) },
  { role: "max", test: (h) => words("max").test(h) },
  { role: "label", test: (h) => words("label").test(h) },
];

/** Header texts repeat across a batch's workbooks: classify each distinct one once. */
export const ruleFor = memoize((header: string) => RULES.find((x) => x.test(header)) ?? null, 20_000);

/** Roles a header can name: one per rule, and the appraisal rule names two rounds. */
export const ROLE_COUNT = RULES.length + 1;
