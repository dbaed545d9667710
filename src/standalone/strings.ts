/**
 * The standalone page's own sentences, Vietnamese and English side by side (a missing translation is a
 * type error). Words the pane already has (totals, findings, ranking) come from core/i18n's `t`.
 */
import { fill, inLang, type Lang } from "../core/i18n";

const STRINGS = {
  title: { vi: "Chỉ số CCHC — kiểm tra biểu chấm điểm", en: "PAR Index — check scoring workbooks" },
  intro: {
    vi: "Kiểm tra biểu tự đánh giá, chấm điểm của đơn vị: cấu trúc, điểm số, công thức, tổng điểm và tài liệu kiểm chứng; nhiều tệp thì lập luôn bảng xếp hạng.",
    en: "Check a unit's scoring workbook: structure, scores, formulas, totals and evidence; with several files, the ranking too.",
  },
  privacy: {
    vi: "Tệp được đọc ngay trên máy này, không tải lên đâu cả.",
    en: "Files are read on this computer and never uploaded.",
  },
  addinHint: {
    vi: "Dùng Excel 2019, Microsoft 365 hoặc Excel trên web? Add-in Chỉ số CCHC làm việc này ngay trong sổ làm việc.",
    en: "Using Excel 2019, Microsoft 365 or Excel on the web? The PAR Index add-in does this inside the workbook.",
  },
  fromTaskpane: {
    vi: "Trang này là ngăn tác vụ của add-in, đang mở ngoài Excel: bạn vẫn kiểm tra được tệp ngay tại đây.",
    en: "This is the add-in's task pane, opened outside Excel: you can still check files right here.",
  },
  loading: { vi: "Đang tải…", en: "Loading…" },
  pickFiles: { vi: "Chọn tệp .xlsx…", en: "Choose .xlsx files…" },
  pickFolder: { vi: "Chọn cả thư mục…", en: "Choose a folder…" },
  dropHere: {
    vi: "hoặc kéo thả các tệp vào đây. Chọn nhiều tệp để lập bảng xếp hạng.",
    en: "or drop the files here. Pick several files to build a ranking.",
  },
  dropZone: { vi: "Vùng thả tệp", en: "File drop area" },
  firstRun: {
    vi: "Chưa có tệp nào. Chọn biểu chấm điểm (.xlsx) của một hay nhiều đơn vị để bắt đầu.",
    en: "No files yet. Choose one or more units' scoring workbooks (.xlsx) to start.",
  },
  clear: { vi: "Xoá danh sách tệp", en: "Clear the file list" },
  skipped: {
    vi: "Bỏ qua {count} tệp không phải sổ làm việc hoặc là tệp khoá của Excel (~$…): {names}",
    en: "Skipped {count} files that are not workbooks or are Excel lock files (~$…): {names}",
  },
  tooMany: {
    vi: "Chỉ kiểm tra {max} tệp mỗi lần; {count} tệp còn lại chưa được đọc. Hãy chia thành nhiều lần.",
    en: "At most {max} files are checked at once; {count} more were not read. Check them in several batches.",
  },
  done: {
    vi: "Xong: {files} tệp, {errors} lỗi, {warnings} cảnh báo.",
    en: "Done: {files} files, {errors} errors, {warnings} warnings.",
  },
  rubricInUse: { vi: "Bộ chỉ số: {name}", en: "Rubric: {name}" },
  rubricFrom: { vi: "{name} (từ tệp {file})", en: "{name} (from {file})" },
  rubricRemembered: {
    vi: "Lựa chọn được ghi nhớ trong trình duyệt này.",
    en: "The choice is remembered in this browser.",
  },
  counts: {
    vi: "{errors} lỗi, {warnings} cảnh báo, {infos} lưu ý",
    en: "{errors} errors, {warnings} warnings, {infos} notes",
  },
  noUnit: {
    vi: "Không tìm thấy bảng chấm điểm nào trong tệp này.",
    en: "No scoring table was found in this file.",
  },
  showingFirst: {
    vi: "Đang hiện {shown}/{total} phát hiện; tải tệp CSV để xem tất cả.",
    en: "Showing {shown} of {total} findings; download the CSV for all of them.",
  },
  downloadReport: {
    vi: "Tải báo cáo kiểm tra và Kết quả (.xlsx)",
    en: "Download the check report and result (.xlsx)",
  },
  downloadCsv: { vi: "Tải danh sách phát hiện (.csv)", en: "Download the findings (.csv)" },
  downloadAllReport: {
    vi: "Tải báo cáo kiểm tra của tất cả tệp (.xlsx)",
    en: "Download the check report of all files (.xlsx)",
  },
  downloadAllCsv: {
    vi: "Tải phát hiện của tất cả tệp (.csv)",
    en: "Download the findings of all files (.csv)",
  },
  downloadRanking: { vi: "Tải bảng xếp hạng (.xlsx)", en: "Download the ranking (.xlsx)" },
  writing: { vi: "Đang tạo tệp…", en: "Writing the file…" },
  reportName: { vi: "Báo cáo kiểm tra", en: "Check report" },
  findingsName: { vi: "Phát hiện", en: "Findings" },
  rankingName: { vi: "Xếp hạng", en: "Ranking" },
  allFiles: { vi: "Tất cả tệp", en: "All files" },
  ranking: { vi: "Bảng xếp hạng", en: "Ranking" },
  rankingSummary: {
    vi: "{ranked} đơn vị được xếp hạng, {unranked} chưa xếp hạng.",
    en: "{ranked} units ranked, {unranked} not ranked.",
  },
  rankingRubricDefault: {
    vi: "Các tệp được kiểm tra theo cấu trúc của chính chúng; bảng xếp hạng dùng nhóm và lĩnh vực của bộ chỉ số {name}.",
    en: "The files were checked against their own structure; the ranking uses the groups and areas of the rubric {name}.",
  },
  oneError: { vi: "Lỗi", en: "Error" },
  oneWarning: { vi: "Cảnh báo", en: "Warning" },
  oneNote: { vi: "Lưu ý", en: "Note" },
  ratingHeader: { vi: "Xếp loại", en: "Rating" },
  provisionalTitle: { vi: "Xếp hạng tạm tính", en: "Provisional ranking" },
  provisionalNoRating: {
    vi: "Cột xếp loại để trống: xếp loại tính trên chỉ số đầy đủ, mà điểm điều tra xã hội học (do tỉnh chấm) chưa có.",
    en: "The rating column is empty: ratings are given on the full index, and the social-survey score (scored by the province) is not in yet.",
  },
  surveyMissingTitle: {
    vi: "Có đơn vị chưa có điểm điều tra xã hội học",
    en: "Some units have no social-survey score yet",
  },
  notRatedYet: { vi: "chưa xếp loại", en: "not rated yet" },
  withErrors: { vi: "có lỗi", en: "has errors" },
  offlineReady: {
    vi: "Trang đã được lưu trên máy: lần sau mở được cả khi không có mạng, và có thể cài như một ứng dụng.",
    en: "This page is stored on this computer: next time it opens without a network too, and it can be installed as an app.",
  },
  results: { vi: "Kết quả kiểm tra", en: "Check results" },
  total: { vi: "Tổng", en: "Total" },
} as const satisfies Record<string, { vi: string; en: string }>;

export type StandaloneKey = keyof typeof STRINGS;

export function s(lang: Lang, key: StandaloneKey, params: Record<string, string | number> = {}): string {
  return fill(inLang(lang, STRINGS[key]), params);
}
