/**
 * Every finding's text, Vietnamese first and English beside it, in one place: wording is reviewed
 * here, and the task pane, report sheet and CLI all say the same thing.
 */
import { COLUMN_ROLE_SPECS, type ColumnRole, cliKey, roleName } from "./columns";
import type { Text } from "./finding";

/** The header names looked for, quoted, from the column-role registry (core/columns.ts). */
const LOOKED_FOR = (role: ColumnRole): string =>
  COLUMN_ROLE_SPECS[role].examples.map((e) => `"${e}"`).join(", ");

/** An example column letter for the fix: the one after the last recognised column. */
function nextLetter(columns: readonly string[]): string {
  const last = [...columns].sort((a, b) => a.length - b.length || a.localeCompare(b)).pop() ?? "D";
  if (last.length === 1 && last < "Z") return String.fromCharCode(last.charCodeAt(0) + 1);
  return "E";
}

export { roleName };

const n = (x: unknown) => String(x);
const viNum = (x: number | null | undefined) =>
  x === null || x === undefined ? "trống" : String(x).replace(".", ",");

export const msg = {
  tableNotFound: (source: string, sheets: number): Text => ({
    vi: `Không tìm thấy bảng chấm điểm trong ${source} (${sheets} trang tính). Đã tìm dòng tiêu đề có cột nội dung tiêu chí và cột điểm (tự đánh giá hoặc thẩm định).`,
    en: `No scoring table found in ${source} (${sheets} sheets). Looked for a header row with an item-label column and a score column (self or appraised).`,
  }),
  missingColumn: (role: ColumnRole, headerRow: number): Text => ({
    vi: `Thiếu cột ${roleName(role).vi} ở dòng tiêu đề ${headerRow + 1} (đã tìm các tên ${LOOKED_FOR(role)}).`,
    en: `Missing the ${roleName(role).en} column in header row ${headerRow + 1} (looked for ${LOOKED_FOR(role)}).`,
  }),
  blankTableSkipped: (sheet: string): Text => ({
    vi: `Trang "${sheet}" có bảng chấm điểm nhưng chưa có điểm nào được nhập (biểu mẫu trống?): không tính là một đơn vị.`,
    en: `Sheet "${sheet}" holds a scoring table with no score entered (a blank template?): not counted as a unit.`,
  }),
  /**
   * No column that holds the scores the table is for: say what was recognised, what is missing, and
   * how to point at the right column (the pane's "Sửa cột", the CLI's --columns).
   */
  missingKeyColumn: (
    role: ColumnRole,
    headerRow: number,
    recognised: readonly { role: ColumnRole; column: string; header: string }[],
  ): Text => {
    const found = (lang: "vi" | "en") =>
      recognised.length
        ? recognised
            .map((r) => `${roleName(r.role)[lang]} = ${r.column} ${headerWords(r.header, lang)}`)
            .join("; ")
        : lang === "vi"
          ? "không cột nào"
          : "none";
    const letter = recognised.length ? nextLetter(recognised.map((r) => r.column)) : "E";
    return {
      vi: `Không nhận ra cột ${roleName(role).vi} ở dòng tiêu đề ${headerRow + 1} (đã tìm các tên ${LOOKED_FOR(role)}), nên không tính được điểm. Đã nhận ra: ${found("vi")}. Cách sửa: trong ngăn tác vụ bấm "Sửa cột" và chọn cột ${roleName(role).vi}; ở dòng lệnh thêm --columns ${cliKey(role)}=${letter} (chữ cái của cột đó).`,
      en: `No ${roleName(role).en} column recognised in header row ${headerRow + 1} (looked for ${LOOKED_FOR(role)}), so nothing can be totalled. Recognised: ${found("en")}. To fix: in the task pane click "Sửa cột" (Fix columns) and pick the ${roleName(role).en} column; on the command line add --columns ${cliKey(role)}=${letter} (that column's letter).`,
    };
  },
  /** Two columns name one role: which was taken, why, and how to point at the other. */
  columnTwoColumns: (
    role: ColumnRole,
    chosen: { column: string; header: string },
    other: { column: string; header: string },
  ): Text => ({
    vi: `Cột ${chosen.column} ("${clip(chosen.header)}") và cột ${other.column} ("${clip(other.header)}") đều có thể là cột ${roleName(role).vi}; đã chọn cột ${chosen.column} (cột đứng trước), cột ${other.column} không được đọc. Nếu sai: trong ngăn tác vụ bấm "Sửa cột" và chọn cột ${roleName(role).vi}; ở dòng lệnh thêm --columns ${cliKey(role)}=${other.column}.`,
    en: `Columns ${chosen.column} ("${clip(chosen.header)}") and ${other.column} ("${clip(other.header)}") could both be the ${roleName(role).en} column; ${chosen.column} was chosen (the first from the left) and ${other.column} is not read. If that is wrong: in the task pane click "Sửa cột" (Fix columns) and pick the ${roleName(role).en} column; on the command line add --columns ${cliKey(role)}=${other.column}.`,
  }),
  /** One header names two roles: which was taken, why, and how to say otherwise. */
  columnTwoRoles: (
    role: ColumnRole,
    others: readonly ColumnRole[],
    at: { column: string; header: string },
    because: "names-a-score" | "precedence",
  ): Text => {
    const list = (lang: "vi" | "en") =>
      others.map((o) => roleName(o)[lang]).join(lang === "vi" ? " hoặc " : " or ");
    const first = others[0];
    return {
      vi: `Tiêu đề cột ${at.column} "${clip(at.header)}" có thể là cột ${roleName(role).vi} hoặc cột ${list("vi")}; đã đọc là ${roleName(role).vi}${because === "names-a-score" ? ' vì tiêu đề gọi tên một điểm ("Điểm …")' : " theo thứ tự ưu tiên của các tên cột"}. Nếu sai: trong ngăn tác vụ bấm "Sửa cột"; ở dòng lệnh thêm --columns ${cliKey(first)}=${at.column}.`,
      en: `The header of column ${at.column} "${clip(at.header)}" could be the ${roleName(role).en} column or the ${list("en")} column; it was read as ${roleName(role).en}${because === "names-a-score" ? ' because it names a score ("Điểm …")' : " by the order of precedence between header words"}. If that is wrong: in the task pane click "Sửa cột" (Fix columns); on the command line add --columns ${cliKey(first)}=${at.column}.`,
    };
  },
  missingItem: (code: string, label: string): Text => ({
    vi: `Thiếu tiêu chí ${code} "${label}" của bộ chỉ số.`,
    en: `Rubric item ${code} "${label}" is missing.`,
  }),
  unknownItem: (code: string | null, label: string | null): Text => ({
    vi: `Dòng "${code ?? ""} ${label ?? ""}" không có trong bộ chỉ số.`,
    en: `Row "${code ?? ""} ${label ?? ""}" is not in the rubric.`,
  }),
  duplicateItem: (code: string, firstRow: number): Text => ({
    vi: `Tiêu chí ${code} xuất hiện lần nữa (đã có ở dòng ${firstRow + 1}); dòng này không được tính.`,
    en: `Item ${code} appears again (already at row ${firstRow + 1}); this row is not counted.`,
  }),
  maxMismatch: (code: string, found: number, expected: number): Text => ({
    vi: `Điểm tối đa của ${code} là ${viNum(found)}, bộ chỉ số quy định ${viNum(expected)} (biểu mẫu sai phiên bản?).`,
    en: `Maximum of ${code} is ${n(found)}; the rubric says ${n(expected)} (wrong template version?).`,
  }),
  notANumber: (code: string, column: ColumnRole, found: unknown): Text => ({
    vi: `${roleName(column).vi} của ${code} không phải là số: "${n(found)}".`,
    en: `${roleName(column).en} of ${code} is not a number: "${n(found)}".`,
  }),
  numberAsText: (code: string, column: ColumnRole, text: string, value: number): Text => ({
    vi: `${roleName(column).vi} của ${code} là số lưu dạng văn bản "${text}" — đã tính là ${viNum(value)}, nhưng công thức SUM của Excel bỏ qua ô này. Hãy nhập lại dạng số.`,
    en: `${roleName(column).en} of ${code} is a number stored as text "${text}" — counted as ${n(value)}, but Excel's SUM skips it. Re-enter it as a number.`,
  }),
  outOfRange: (code: string, column: ColumnRole, value: number, max: number): Text => ({
    vi: `${roleName(column).vi} của ${code} là ${viNum(value)}, ngoài khoảng 0–${viNum(max)} (vẫn được cộng như đã ghi).`,
    en: `${roleName(column).en} of ${code} is ${n(value)}, outside 0–${n(max)} (still counted as written).`,
  }),
  notAllowed: (code: string, column: ColumnRole, value: number, allowed: number[]): Text => ({
    vi: `${roleName(column).vi} của ${code} là ${viNum(value)}, không phải mức điểm hướng dẫn cho phép (${allowed.map(viNum).join("; ")}).`,
    en: `${roleName(column).en} of ${code} is ${n(value)}, not one of the levels the guidance allows (${allowed.join("; ")}).`,
  }),
  notApplicableNotAllowed: (code: string, column: ColumnRole, text: string): Text => ({
    vi: `${roleName(column).vi} của ${code} ghi "${clip(text)}", nhưng bộ chỉ số không cho phép tiêu chí này "không áp dụng/không phát sinh": hãy chấm điểm (đang tính là 0).`,
    en: `${roleName(column).en} of ${code} says "${clip(text)}", but the rubric does not allow this item to be not applicable: score it (counted as 0 for now).`,
  }),
  missingScore: (code: string, column: ColumnRole): Text => ({
    vi: `Chưa có ${roleName(column).vi} cho ${code}.`,
    en: `No ${roleName(column).en} for ${code}.`,
  }),
  totalMismatch: (code: string, column: ColumnRole, found: number, expected: number): Text => ({
    vi: `${code === "TỔNG" ? "Tổng cộng" : `Tổng của ${code}`} (${roleName(column).vi}) là ${viNum(found)}, nhưng cộng các mục con được ${viNum(expected)}.`,
    en: `${code === "TỔNG" ? "The total" : `Total of ${code}`} (${roleName(column).en}) is ${n(found)}, but its children add up to ${n(expected)}.`,
  }),
  formulaOverwritten: (code: string, column: ColumnRole): Text => ({
    vi: `Ô tổng của ${code} (${roleName(column).vi}) là số gõ tay, trong khi các dòng tổng khác dùng công thức: công thức đã bị ghi đè.`,
    en: `The total cell of ${code} (${roleName(column).en}) holds a typed number where the other total rows use a formula: the formula was overwritten.`,
  }),
  formulaError: (code: string, column: ColumnRole, error: string): Text => ({
    vi: `${roleName(column).vi} của ${code} báo lỗi ${error} (công thức hỏng, ví dụ tham chiếu đến ô đã xoá).`,
    en: `${roleName(column).en} of ${code} shows ${error} (a broken formula, e.g. a reference to a deleted cell).`,
  }),
  missingEvidence: (code: string, score: number): Text => ({
    vi: `Tiêu chí ${code} tự chấm ${viNum(score)} điểm nhưng chưa có tài liệu kiểm chứng (hoặc giải trình).`,
    en: `Item ${code} is self-scored ${n(score)} but has no evidence (or explanation).`,
  }),
  evidenceUnverifiable: (code: string, text: string): Text => ({
    vi: `Tài liệu kiểm chứng của ${code} ("${clip(text)}") không nêu số, ngày văn bản hay đường dẫn nên không kiểm tra được.`,
    en: `The evidence for ${code} ("${clip(text)}") cites no document number, date or link, so it cannot be checked.`,
  }),
  evidenceOutOfPeriod: (code: string, date: string, year: number): Text => ({
    vi: `Tài liệu kiểm chứng của ${code} ghi ngày ${date}, ngoài năm đánh giá ${year}.`,
    en: `The evidence for ${code} is dated ${date}, outside the assessment year ${year}.`,
  }),
  appraisalWithoutNote: (code: string, self: number, appraised: number): Text => ({
    vi: `Điểm thẩm định của ${code} (${viNum(appraised)}) khác điểm tự đánh giá (${viNum(self)}) nhưng chưa ghi lý do.`,
    en: `The appraised score of ${code} (${n(appraised)}) differs from the self score (${n(self)}) with no note saying why.`,
  }),
  selfScoreOnSurvey: (code: string): Text => ({
    vi: `${code} thuộc phần điều tra xã hội học do tỉnh chấm; đơn vị không tự chấm phần này (điểm đã ghi không được tính).`,
    en: `${code} is part of the social survey scored by the province; units do not self-score it (the value is not counted).`,
  }),
  /** "TL 05" cited where the workbook has no evidence list sheet to look it up in. */
  evidenceListMissing: (code: string, text: string): Text => ({
    vi: `Tài liệu kiểm chứng của ${code} ("${clip(text)}") dẫn số trong danh mục tài liệu kiểm chứng, nhưng sổ không có trang "Danh mục tài liệu kiểm chứng" (tiêu đề và các cột STT, số/ký hiệu, ngày, trích yếu) nên không kiểm tra được. Thêm trang danh mục vào sổ, hoặc ghi số và ngày văn bản vào ô.`,
    en: `The evidence for ${code} ("${clip(text)}") cites numbers on an evidence list, but the workbook has no "Danh mục tài liệu kiểm chứng" sheet (a title and number, document-number, date, title columns), so it cannot be checked. Add the list sheet to the workbook, or write the document's number and date in the cell.`,
  }),
  evidenceNotListed: (code: string, numbers: readonly number[], list: string): Text => ({
    vi: `Tài liệu kiểm chứng của ${code} dẫn ${tl(numbers)}, không có trong danh mục "${list}".`,
    en: `The evidence for ${code} cites ${tl(numbers)}, which ${numbers.length > 1 ? "are" : "is"} not on the list "${list}".`,
  }),
  evidenceListUncited: (list: string, numbers: readonly number[]): Text => ({
    vi: `${numbers.length} tài liệu trong danh mục "${list}" không được tiêu chí nào dẫn: ${tl(numbers)}.`,
    en: `${numbers.length} document${numbers.length > 1 ? "s" : ""} on the list "${list}" ${numbers.length > 1 ? "are" : "is"} cited by no item: ${tl(numbers)}.`,
  }),
  linksNotRead: (sheet: string, limit: number): Text => ({
    vi: `Trang "${sheet}" có hơn ${limit} ô chữ: chỉ đọc liên kết của ${limit} ô đầu tiên, các ô tài liệu sau đó được kiểm tra như không có liên kết.`,
    en: `Sheet "${sheet}" has more than ${limit} text cells: links were read for the first ${limit} only; evidence cells after them are checked as if unlinked.`,
  }),
  openedWithDefaultKey: (file: string): Text => ({
    vi: `Tệp "${file}" được bảo vệ chỉ-đọc bằng mật khẩu mặc định của Excel (“Nên mở chỉ đọc”); đã giải mã để đọc, tệp không bị thay đổi.`,
    en: `"${file}" is protected read-only with Excel's built-in password (“Read-only recommended”); it was decrypted to be read, and the file is unchanged.`,
  }),
  missingUnitName: (): Text => ({
    vi: 'Chưa ghi tên đơn vị ở dòng "Đơn vị: …" — tạm dùng tên tệp.',
    en: 'The unit name is missing from the "Đơn vị: …" line — using the file name instead.',
  }),
};

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A column placed by hand ("Sửa cột", --columns) where the header has no words: said in the reader's language. */
const SET_BY_HAND: Text = { vi: "chọn tay", en: "set by hand" };

/** A recognised column's header as the user wrote it, quoted; "(chọn tay)" / "(set by hand)" when it has none. */
function headerWords(header: string, lang: "vi" | "en"): string {
  return header ? `("${clip(header)}")` : `(${SET_BY_HAND[lang]})`;
}

/** List numbers as cited: "TL 05, TL 07" (the first 20, then how many more). */
function tl(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 20).map((n) => `TL ${String(n).padStart(2, "0")}`);
  return numbers.length > 20 ? `${shown.join(", ")}, … (+${numbers.length - 20})` : shown.join(", ");
}
