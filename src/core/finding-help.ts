/**
 * Why each finding matters and how to fix it: the longest wording the pane has, so it is its own module,
 * loaded after the first paint (src/taskpane/check/useFindingHelp.ts) — a result with findings comes
 * after the engine's own load anyway. The CLI and report sheets never show it.
 */
import type { FindingCode, Text } from "./finding";
import type { Lang } from "./i18n";

/** Why each finding matters and how to fix it, one table in both languages (the pane's "why / how to fix"). */
const FINDING_HELP = {
  "table-not-found": {
    vi: "Không trang nào có dòng tiêu đề gồm cột tên tiêu chí và cột điểm. Mở đúng biểu tự đánh giá, hoặc chỉnh cột ở mục Nhận dạng bảng.",
    en: "No sheet has a header row with an item-label column and a score column. Open the scoring workbook itself, or correct the columns under Recognised table.",
  },
  "missing-column": {
    vi: "Thiếu một cột của biểu mẫu. Thêm cột đó hoặc chỉ ra cột đúng ở mục Nhận dạng bảng.",
    en: "A column of the template is missing. Add it, or point at the right column under Recognised table.",
  },
  "missing-item": {
    vi: "Biểu thiếu tiêu chí mà bộ chỉ số có: có thể dùng biểu mẫu khác năm, hoặc chọn nhầm bộ chỉ số.",
    en: "The workbook lacks an item the rubric has: another year's template, or the wrong rubric.",
  },
  "unknown-item": {
    vi: "Dòng này không có trong bộ chỉ số. Kiểm tra mã tiêu chí, hoặc đổi bộ chỉ số ở thẻ Cài đặt.",
    en: "This row is not in the rubric. Check the item code, or change the rubric on the Settings tab.",
  },
  "duplicate-item": {
    vi: "Một tiêu chí xuất hiện hai lần: xoá dòng thừa để điểm không bị tính hai lần.",
    en: "An item appears twice: delete the extra row so it is not counted twice.",
  },
  "max-mismatch": {
    vi: "Điểm tối đa khác bộ chỉ số: có thể là biểu mẫu cũ. Dùng biểu mẫu đúng năm.",
    en: "The maximum differs from the rubric: probably an old template. Use this year's template.",
  },
  "not-a-number": {
    vi: "Ô điểm phải là số. Xoá chữ, ngày tháng hoặc TRUE/FALSE và nhập điểm.",
    en: "A score cell must hold a number. Replace the text, date or TRUE/FALSE with the score.",
  },
  "number-as-text": {
    vi: 'Điểm ghi dạng chữ ("1,5"): được tính, nhưng hàm SUM của Excel bỏ qua. Nhập lại thành số.',
    en: 'A score stored as text ("1,5"): counted here, but Excel\'s SUM skips it. Re-enter it as a number.',
  },
  "score-out-of-range": {
    vi: "Điểm nhỏ hơn 0 hoặc lớn hơn điểm tối đa của tiêu chí. Sửa lại theo hướng dẫn chấm.",
    en: "The score is below 0 or above the item's maximum. Correct it by the scoring guidance.",
  },
  "score-not-allowed": {
    vi: "Mức điểm này không có trong hướng dẫn chấm của tiêu chí. Chọn một mức được phép.",
    en: "This score is not one of the levels the guidance allows. Pick an allowed level.",
  },
  "missing-score": {
    vi: 'Tiêu chí chưa được chấm. Nhập điểm, hoặc ghi "không áp dụng" nếu đúng như vậy.',
    en: 'The item has no score. Enter one, or write "không áp dụng" if it does not apply.',
  },
  "total-mismatch": {
    vi: "Dòng tổng không bằng tổng các dòng con. Khôi phục công thức SUM hoặc sửa điểm.",
    en: "A total row is not the sum of its children. Restore the SUM formula or fix the scores.",
  },
  "formula-overwritten": {
    vi: "Dòng tổng bị gõ đè bằng số. Khôi phục công thức để tổng tự cập nhật.",
    en: "A total row was typed over with a number. Restore the formula so it updates.",
  },
  "formula-error": {
    vi: "Công thức báo lỗi (#REF!, #VALUE!…). Sửa công thức hoặc ô mà nó tham chiếu.",
    en: "A formula shows an error (#REF!, #VALUE!…). Fix it or the cells it refers to.",
  },
  "missing-evidence": {
    vi: "Có điểm mà không có tài liệu kiểm chứng hay giải trình. Ghi số, ký hiệu, ngày văn bản hoặc đường dẫn.",
    en: "A score with no evidence and no explanation. Cite the document's number, date or a link.",
  },
  "evidence-unverifiable": {
    vi: "Tài liệu kiểm chứng không có số, ngày hay đường dẫn để Tổ thẩm định tra cứu. Ghi đủ số và ngày văn bản.",
    en: "The evidence cites no number, date or link the appraisers can look up. Add the document's number and date.",
  },
  "evidence-out-of-period": {
    vi: "Văn bản được dẫn ngoài năm đánh giá. Dẫn văn bản trong kỳ, hoặc giải trình.",
    en: "The cited document is dated outside the assessment year. Cite one from the period, or explain.",
  },
  "appraisal-without-note": {
    vi: "Điểm thẩm định khác điểm tự chấm mà không ghi lý do. Ghi chú lý do vào cột ghi chú.",
    en: "The appraised score differs from the self score with no reason. Add the reason in the note column.",
  },
  "self-score-on-survey": {
    vi: "Phần điều tra xã hội học do Sở chấm, đơn vị không tự chấm: xoá điểm tự chấm ở phần này.",
    en: "The social survey is scored by the province, not the unit: clear the self score there.",
  },
  "missing-unit-name": {
    vi: 'Dòng "Đơn vị: …" còn trống nên tạm lấy tên tệp. Ghi tên đơn vị vào biểu.',
    en: '"Đơn vị: …" is blank, so the file name is used. Write the unit\'s name in the workbook.',
  },
  "unreadable-file": {
    vi: "Tệp không đọc được như một sổ .xlsx. Mở bằng Excel và lưu lại dạng .xlsx.",
    en: "The file cannot be read as an .xlsx workbook. Open it in Excel and save it as .xlsx.",
  },
  "number-format-ambiguous": {
    vi: "Không biết dấu chấm hay dấu phẩy là dấu thập phân trong cột điểm của tệp nhập. Xuất lại tệp với một kiểu dấu thập phân thống nhất.",
    en: "The imported table's score column does not tell whether the point or the comma is the decimal mark. Export it again with one decimal mark throughout.",
  },
  "unusable-row": {
    vi: "Một dòng của tệp nhập (điểm điều tra, xếp hạng năm trước) không dùng được: xem lý do, sửa dòng đó trong tệp rồi nhập lại.",
    en: "A row of an imported table (survey scores, last year's ranking) could not be used: see the reason, fix that row and import again.",
  },
  "duplicate-unit": {
    vi: "Cùng một đơn vị có hai bản: chỉ một bản được xếp hạng. Bỏ bản cũ khỏi thư mục hoặc danh sách.",
    en: "The same unit came twice: only one copy is ranked. Remove the old copy from the folder or list.",
  },
  "wrong-rubric": {
    vi: "Bảng này khớp với một bộ chỉ số khác hơn hẳn bộ đang chọn: chọn đúng bộ chỉ số rồi kiểm tra lại.",
    en: "This table fits another rubric far better than the one chosen: choose the right rubric and check again.",
  },
  "ambiguous-column": {
    vi: 'Tiêu đề cột có thể hiểu hai cách (hai cột cùng một vai trò, hoặc một tiêu đề nêu hai vai trò): xem cột đã chọn; nếu sai, bấm "Sửa cột" hoặc dùng --columns.',
    en: 'A column header can be read two ways (two columns for one role, or one header naming two roles): check the column chosen; if wrong, use "Sửa cột" (Fix columns) or --columns.',
  },
  "evidence-not-listed": {
    vi: 'Ô tài liệu kiểm chứng dẫn số tài liệu (như "TL 05") không có trong trang Danh mục tài liệu kiểm chứng. Thêm tài liệu vào danh mục, hoặc sửa số dẫn cho đúng.',
    en: 'The evidence cell cites a document number (like "TL 05") that is not on the evidence list sheet. Add the document to the list, or correct the number cited.',
  },
  "evidence-list-uncited": {
    vi: "Một số tài liệu trong danh mục không được tiêu chí nào dẫn tới: có thể dẫn thiếu, hoặc danh mục có tài liệu thừa.",
    en: "Some documents on the evidence list are cited by no item: a citation may be missing, or the list holds extra documents.",
  },
  "links-not-read": {
    vi: "Trong Excel, liên kết của ô được đọc từng ô một, có giới hạn số ô mỗi trang để kiểm tra không bị treo. Ô tài liệu có liên kết nằm sau giới hạn này có thể bị báo là không kiểm chứng được. Hãy xóa bớt các dòng chữ thừa dưới bảng, hoặc kiểm tra tệp bằng dòng lệnh (đọc mọi liên kết).",
    en: "In Excel, cell links are read cell by cell, with a bound per sheet so the check cannot hang. A linked evidence cell beyond it may be reported as unverifiable. Remove stray text rows below the table, or check the file on the command line (which reads every link).",
  },
  "opened-with-default-key": {
    vi: "Excel mã hóa sổ được lưu với “Nên mở chỉ đọc” (hoặc chỉ có mật khẩu sửa) bằng mật khẩu mặc định của nó và mở mà không hỏi; chương trình đã giải mã để kiểm tra, tệp không bị thay đổi. Để bỏ: mở tệp, Tệp › Lưu thành › Công cụ › Tùy chọn chung, xóa mật khẩu, bỏ chọn “Nên mở chỉ đọc” rồi lưu lại.",
    en: "Excel encrypts a workbook saved “Read-only recommended” (or with only a password to modify) with its built-in password and opens it without asking; it was decrypted to be checked, and the file is unchanged. To remove it: open the file, File › Save As › Tools › General Options, clear the passwords and “Read-only recommended”, and save.",
  },
} as const satisfies Record<FindingCode, Text>;

/** Why the finding matters and what to do, for any code (a code added later gets a generic line). */
export function findingHelp(lang: Lang, code: FindingCode): string {
  const help = (FINDING_HELP as Partial<Record<string, Text>>)[code];
  return help
    ? help[lang]
    : lang === "vi"
      ? "Xem thông báo để biết cách sửa."
      : "See the message for what to fix.";
}
