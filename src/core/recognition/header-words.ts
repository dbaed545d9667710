/** Which column role a header's words name. */
import type { ColumnRole } from "../columns";
import { memoize } from "../memo";

/**
 * Header words per role, tried in this order: "Hướng dẫn chấm / Tài liệu kiểm chứng yêu cầu" is
 * guidance before it is evidence, "Ý kiến thẩm định" a note before an appraisal, "Giải trình/Ghi chú"
 * an explanation before a note.
 */
export const RULES: { role: ColumnRole | "appraised"; test: (h: string) => boolean }[] = [
  { role: "code", test: (h) => /^(stt|tt|so tt|so thu tu|ma|ma so|ma tieu chi|ky hieu)$/.test(h) },
  { role: "guidance", test: (h) => /huong dan|cach cham|cach tinh|phuong phap cham|yeu cau/.test(h) },
  { role: "self", test: (h) => /tu danh gia|tu cham|tu diem|diem tu/.test(h) },
  { role: "explanation", test: (h) => /giai trinh/.test(h) },
  { role: "note", test: (h) => /ghi chu|y kien|nhan xet/.test(h) },
  { role: "appraised", test: (h) => /tham dinh|cham thuc te|thuc te|hoi dong|diem dat duoc/.test(h) },
  {
    role: "evidence",
    test: (h) => /tai lieu kiem chung|tlkc|kiem chung|minh chung|van ban chung minh/.test(h),
  },
  { role: "max", test: (h) => /toi da|diem chuan|thang diem|diem quy dinh/.test(h) },
  { role: "label", test: (h) => /noi dung|linh vuc|tieu chi|chi so|ten chi tieu/.test(h) },
];

/** Header texts repeat across a batch's workbooks: classify each distinct one once. */
export const ruleFor = memoize((header: string) => RULES.find((x) => x.test(header)) ?? null, 20_000);

/** Roles a header can name: one per rule, and the appraisal rule names two rounds. */
export const ROLE_COUNT = RULES.length + 1;
