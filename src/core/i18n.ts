/**
 * Every string the task pane shows, Vietnamese first and English beside it, in one table: a missing
 * translation is a type error, not a blank button. Numbers go through formatScore (84,85 in Vietnamese).
 */
import type { FindingCode, Text } from "./finding";
import { FINDING_SPECS } from "./finding-registry";
import { formatScore } from "./numbers";

export type Lang = "vi" | "en";

const STRINGS = {
  appTitle: { vi: "Chỉ số CCHC", en: "PAR Index" },
  tabCheck: { vi: "Kiểm tra", en: "Check" },
  tabRanking: { vi: "Xếp hạng", en: "Ranking" },
  tabIntake: { vi: "Tiếp nhận", en: "Intake" },
  tabDiff: { vi: "So sánh", en: "Compare" },
  tabSettings: { vi: "Cài đặt", en: "Settings" },
  switchLanguage: { vi: "English", en: "Tiếng Việt" },
  // The name begins with the visible text, so voice control ("click English") finds the button.
  switchLanguageLabel: { vi: "English — chuyển sang tiếng Anh", en: "Tiếng Việt — switch to Vietnamese" },
  check: { vi: "Kiểm tra", en: "Check" },
  recheck: { vi: "Kiểm tra lại", en: "Check again" },
  checking: { vi: "Đang kiểm tra…", en: "Checking…" },
  liveCheck: { vi: "Tự kiểm tra lại khi sửa", en: "Re-check as I edit" },
  liveUnsupported: {
    vi: "Excel này chưa hỗ trợ tự kiểm tra lại (cần ExcelApi 1.9).",
    en: "This Excel cannot re-check on edit (needs ExcelApi 1.9).",
  },
  highlight: { vi: "Tô màu ô có phát hiện", en: "Highlight cells with findings" },
  notChecked: {
    vi: "Bấm Kiểm tra để kiểm tra biểu chấm điểm đang mở.",
    en: "Press Check to validate the open scoring workbook.",
  },
  layout: { vi: "Nhận dạng bảng", en: "Recognised table" },
  layoutLine: { vi: 'Trang "{sheet}", dòng tiêu đề {row}', en: 'Sheet "{sheet}", header row {row}' },
  unitName: { vi: "Đơn vị: {unit}", en: "Unit: {unit}" },
  unitFromFile: { vi: "(chưa ghi tên, tạm lấy tên tệp)", en: "(not named; using the file name)" },
  totals: { vi: "Điểm theo lĩnh vực", en: "Totals by area" },
  lostPoints: { vi: "Mất điểm ở đâu", en: "Where the points were lost" },
  lostPointsPeers: {
    vi: "So với bình quân {count} đơn vị trong lần kiểm tra này.",
    en: "Against the average of the {count} units in this check.",
  },
  lostPointsAlone: {
    vi: "Chưa có bình quân nhóm: lần kiểm tra chỉ có một đơn vị (bình quân nhóm có ở thẻ Tiếp nhận).",
    en: "No group average: this check has one unit (the Intake tab gives one over the units taken in).",
  },
  fixColumns: { vi: "Nhận dạng sai cột? Sửa tại đây", en: "Wrong column? Correct it here" },
  areaOf: { vi: "Lĩnh vực {area} ({count})", en: "Area {area} ({count})" },
  areaNone: { vi: "Toàn bảng", en: "Whole table" },
  area: { vi: "Lĩnh vực", en: "Area" },
  max: { vi: "Tối đa", en: "Max" },
  self: { vi: "Tự chấm", en: "Self" },
  appraised: { vi: "Thẩm định", en: "Appraised" },
  final: { vi: "Cuối cùng", en: "Final" },
  index: { vi: "Chỉ số: {value}/{max}", en: "Index: {value}/{max}" },
  indexWithoutSurvey: {
    vi: "Chưa có điểm điều tra xã hội học — tạm tính (chưa gồm điều tra): {value}",
    en: "No social-survey score yet — provisional, without the survey: {value}",
  },
  rating: { vi: "Xếp loại: {rating}", en: "Rating: {rating}" },
  findings: { vi: "Phát hiện", en: "Findings" },
  noFindings: { vi: "Không có lỗi hay cảnh báo nào.", en: "No errors or warnings." },
  error: { vi: "Lỗi", en: "Errors" },
  warning: { vi: "Cảnh báo", en: "Warnings" },
  info: { vi: "Lưu ý", en: "Notes" },
  filterSeverity: { vi: "Mức độ", en: "Severity" },
  filterCode: { vi: "Loại", en: "Kind" },
  all: { vi: "Tất cả", en: "All" },
  show: { vi: "Hiển thị", en: "Show" },
  viewAll: { vi: "Mọi phát hiện", en: "All findings" },
  viewEvidence: { vi: "Thiếu tài liệu kiểm chứng", en: "Missing evidence" },
  evidenceToComplete: {
    vi: "{count} tiêu chí cần bổ sung tài liệu kiểm chứng",
    en: "{count} items need evidence",
  },
  goToCell: { vi: "Chọn ô {address}", en: "Select cell {address}" },
  rankingSources: { vi: "Nguồn", en: "Sources" },
  sourceSheets: { vi: "Các trang trong sổ này", en: "Sheets in this workbook" },
  sourceFiles: {
    vi: "Tệp .xlsx của các đơn vị (đọc ngay trên máy, không gửi đi đâu)",
    en: "Units' .xlsx files (read on this computer, never uploaded)",
  },
  sheetsToRank: { vi: "Các trang đưa vào xếp hạng", en: "Sheets to rank" },
  sheetsNone: {
    vi: "Sổ này chưa có trang nào ngoài các trang của add-in.",
    en: "This workbook has no sheets besides the add-in's own.",
  },
  hiddenSheet: { vi: "(đang ẩn)", en: "(hidden)" },
  chooseFiles: { vi: "Chọn tệp", en: "Choose files" },
  filesChosen: { vi: "{count} tệp đã chọn", en: "{count} files chosen" },
  groupRule: { vi: "Nhóm đơn vị", en: "Unit groups" },
  groupRubric: { vi: "Theo bộ chỉ số (xã / phường…)", en: "From the rubric (communes / wards…)" },
  groupPattern: { vi: "Theo mẫu tên đơn vị", en: "By a pattern in the unit name" },
  groupPatternLabel: {
    vi: "Mẫu (biểu thức chính quy; nhóm = phần trong ngoặc đầu tiên)",
    en: "Pattern (regular expression; group = first bracketed part)",
  },
  groupNone: { vi: "Không chia nhóm", en: "One list" },
  basis: { vi: "Xếp theo", en: "Rank on" },
  basisFinal: { vi: "Điểm cuối cùng", en: "Final score" },
  basisAppraised: { vi: "Điểm thẩm định", en: "Appraised score" },
  basisSelf: { vi: "Điểm tự chấm", en: "Self score" },
  dense: { vi: "Không bỏ hạng sau đồng hạng (1, 2, 2, 3)", en: "Dense ranks after ties (1, 2, 2, 3)" },
  rankPart: { vi: "Cơ sở xếp hạng", en: "Ranking basis" },
  rankPartIndex: {
    vi: "Chỉ số CCHC (đơn vị chưa có điểm điều tra XHH liệt kê riêng)",
    en: "PAR index (units without a survey score listed apart)",
  },
  rankPartEvidence: {
    vi: "Phần điểm tài liệu kiểm chứng cho mọi đơn vị (không xếp loại)",
    en: "Evidence part for every unit (not rated)",
  },
  previousMap: {
    vi: "Bảng đối chiếu đơn vị cũ → mới (sáp nhập, đổi tên; .csv hoặc .xlsx, không bắt buộc)",
    en: "Old → new unit map (mergers, renames; .csv or .xlsx, optional)",
  },
  unrankedEvidence: { vi: "phần kiểm chứng {score}", en: "evidence part {score}" },
  ratingScale: { vi: "Tên và ngưỡng xếp loại", en: "Rating names and thresholds" },
  ratingScaleHint: {
    vi: 'Ví dụ: "Xuất sắc=90,Tốt=80,Khá=70,Trung bình=50,Yếu=0" (mỗi mức từ ngưỡng trở lên)',
    en: 'For example "Xuất sắc=90,Tốt=80,Khá=70,Trung bình=50,Yếu=0" (each band from its threshold up)',
  },
  previousYear: {
    vi: "Bảng xếp hạng năm trước (.json hoặc .xlsx, không bắt buộc)",
    en: "Last year's ranking (.json or .xlsx, optional)",
  },
  // The survey import of the pane's and the page's ranking card (the CLI's `rank --survey`).
  surveyImport: { vi: "Nhập điểm điều tra", en: "Import survey scores" },
  surveyImportHint: {
    vi: 'bảng điểm điều tra xã hội học của tỉnh, cột "Đơn vị" và "Điểm" (.xlsx hoặc .csv, không bắt buộc)',
    en: 'the province\'s social-survey table, columns "Đơn vị"/unit and "Điểm"/score (.xlsx or .csv, optional)',
  },
  surveyReading: { vi: "Đang đọc bảng điểm điều tra…", en: "Reading the survey table…" },
  surveyRead: {
    vi: "Điểm điều tra từ {file}: {rows} dòng dùng được, {matched} đơn vị khớp.",
    en: "Survey scores from {file}: {rows} usable rows, {matched} units matched.",
  },
  surveyMatched: {
    vi: "Đơn vị đã khớp điểm điều tra ({count})",
    en: "Units matched to a survey score ({count})",
  },
  surveyMismatches: {
    vi: "Đơn vị chưa có dòng điều tra, dòng không khớp đơn vị nào ({count})",
    en: "Units without a survey row, rows that match no unit ({count})",
  },
  surveyRowsNotUsed: {
    vi: "Dòng của bảng không được dùng ({count})",
    en: "Rows of the table not used ({count})",
  },
  surveyRemove: { vi: "Bỏ bảng điểm điều tra", en: "Remove the survey table" },
  build: { vi: "Lập bảng xếp hạng", en: "Build ranking" },
  building: { vi: "Đang lập bảng xếp hạng…", en: "Building the ranking…" },
  reading: { vi: "Đang đọc {done}/{total} tệp…", en: "Reading {done}/{total} files…" },
  rankingWritten: {
    vi: 'Đã ghi trang "{sheet}": {ranked} đơn vị được xếp hạng, {unranked} chưa xếp hạng.',
    en: 'Wrote the "{sheet}" sheet: {ranked} units ranked, {unranked} not ranked.',
  },
  fileErrors: { vi: "Tệp không đọc được", en: "Files that could not be read" },
  unranked: { vi: "Chưa xếp hạng", en: "Not ranked" },
  // The ranking's own findings (a unit sent twice), headed as the ranking sheet heads them.
  rankingReview: { vi: "Cần xem lại ({count})", en: "To review ({count})" },
  rank: { vi: "Hạng", en: "Rank" },
  unit: { vi: "Đơn vị", en: "Unit" },
  score: { vi: "Điểm", en: "Score" },
  change: { vi: "So với năm trước", en: "Change" },
  rubric: { vi: "Bộ chỉ số", en: "Rubric" },
  rubricOwn: {
    vi: "Cấu trúc của chính biểu (không dùng bộ chỉ số)",
    en: "The workbook's own structure (no rubric)",
  },
  rubricCustom: { vi: "Bộ chỉ số đã nạp: {name}", en: "Loaded rubric: {name}" },
  rubricExample: { vi: "(ví dụ, không phải văn bản chính thức)", en: "(example, not an official text)" },
  loadJson: { vi: "Nạp bộ chỉ số JSON", en: "Load rubric JSON" },
  importTemplate: { vi: "Nhập từ biểu mẫu trống (.xlsx)", en: "Import from a blank template (.xlsx)" },
  precision: { vi: "Số chữ số thập phân", en: "Decimals" },
  ratingBands: { vi: "Thang xếp loại (từ … điểm)", en: "Rating bands (from … points)" },
  save: { vi: "Lưu vào sổ làm việc", en: "Save with the workbook" },
  saved: {
    vi: "Đã lưu: người mở sổ này sẽ dùng cùng cài đặt.",
    en: "Saved: whoever opens this workbook gets the same settings.",
  },
  rubricInvalid: { vi: "Bộ chỉ số không hợp lệ: {why}", en: "Invalid rubric: {why}" },
  outsideOfficeTitle: { vi: "Hãy mở trang này trong Excel", en: "Open this page in Excel" },
  outsideOfficeBody: {
    vi: "Đây là ngăn tác vụ của add-in Chỉ số CCHC. Nó chỉ chạy bên trong Excel (máy tính hoặc Excel trên web): Trang đầu › Bổ trợ › Chỉ số CCHC.",
    en: "This is the PAR Index add-in's task pane. It only runs inside Excel (desktop or on the web): Home › Add-ins › PAR Index.",
  },
  oldWebviewTitle: { vi: "Chỉ số CCHC", en: "PAR Index" },
  oldWebviewBody: {
    vi: "Phiên bản Excel này dùng trình duyệt nhúng quá cũ để chạy ngăn tác vụ. Hãy cập nhật Office (Microsoft 365) hoặc dùng Excel trên web.",
    en: "This version of Excel has a built-in browser too old to run the task pane. Please update Office (Microsoft 365) or use Excel on the web.",
  },
  legacyNotice: {
    vi: "Nếu dòng này vẫn còn, phiên bản Excel này quá cũ để chạy ngăn tác vụ: hãy cập nhật Office hoặc dùng Excel trên web.",
    en: "If this line stays, this version of Excel is too old to run the task pane: please update Office or use Excel on the web.",
  },
  unexpected: {
    vi: "Đã xảy ra lỗi không mong đợi: {message}",
    en: "Something unexpected went wrong: {message}",
  },
  dismiss: { vi: "Đóng", en: "Dismiss" },
  loading: { vi: "Đang tải…", en: "Loading…" },
  help: { vi: "Hướng dẫn sử dụng", en: "How to use it" },
  firstRun: {
    vi: "Mở biểu tự đánh giá của đơn vị rồi bấm Kiểm tra. Kết quả chỉ hiện ở ngăn này: sổ không bị thay đổi.",
    en: "Open the unit's scoring workbook and press Check. Results appear in this pane only: the workbook is not changed.",
  },
  tabs: { vi: "Các thẻ của Chỉ số CCHC", en: "PAR Index tabs" },
  summary: { vi: "Kết quả kiểm tra", en: "Check result" },
  activeRubric: { vi: "Bộ chỉ số: {name}", en: "Rubric: {name}" },
  changeRubric: { vi: "đổi", en: "change" },
  changeRubricLabel: { vi: "đổi bộ chỉ số", en: "change the rubric" },
  surveyPending: { vi: "chưa có điểm điều tra", en: "no survey score yet" },
  evidencePart: { vi: "Phần kiểm chứng: {value}/{max}", en: "Evidence part: {value}/{max}" },
  countErrors: { vi: "{count} lỗi", en: "{count} errors" },
  countWarnings: { vi: "{count} cảnh báo", en: "{count} warnings" },
  countNotes: { vi: "{count} lưu ý", en: "{count} notes" },
  // English singulars of the counts above (Vietnamese has no plural form).
  countError: { vi: "{count} lỗi", en: "{count} error" },
  countWarning: { vi: "{count} cảnh báo", en: "{count} warning" },
  countNote: { vi: "{count} lưu ý", en: "{count} note" },
  writeReport: { vi: "Ghi báo cáo vào sổ", en: "Write the report into the workbook" },
  writing: { vi: "Đang ghi…", en: "Writing…" },
  wrote: { vi: "Đã ghi trang {sheets} vào sổ.", en: "Wrote {sheets} into the workbook." },
  goThere: { vi: 'Mở trang "{sheet}"', en: 'Go to "{sheet}"' },
  // Issue #26 item 5: a host before ExcelApi 1.9 cannot set the page; said after every write, never silent.
  noPageSetup: {
    vi: "Excel này chưa hỗ trợ đặt trang in (cần ExcelApi 1.9): hãy chọn khổ A4, nằm ngang trong Bố cục trang.",
    en: "This Excel cannot set the printed page (needs ExcelApi 1.9): choose A4, landscape in Page Layout.",
  },
  writeAppraisal: {
    vi: "Ghi kết quả thẩm định vào sổ",
    en: "Write the appraisal result into the workbook",
  },
  wroteAppraisal: {
    vi: 'Đã ghi trang "{sheet}" cho đơn vị {unit} (theo lần kiểm tra vừa rồi), kèm biểu đồ mất điểm theo lĩnh vực.',
    en: 'Wrote the "{sheet}" sheet for {unit} (from the last check), with a chart of the points lost per area.',
  },
  appraisalPending: {
    vi: "{count} tiêu chí có điểm thẩm định khác điểm tự đánh giá nhưng chưa có ý kiến thẩm định: ghi lý do trước khi gửi đơn vị.",
    en: "{count} item(s) appraised differently with no note: add the reason before sending it to the unit.",
  },
  noGroupAverage: {
    vi: "Chưa có bình quân nhóm: lần kiểm tra chỉ có một đơn vị.",
    en: "No group average: the check covered one unit only.",
  },
  readOnlyHint: {
    vi: "Kiểm tra chỉ đọc sổ: không ghi gì, không chuyển trang.",
    en: "Checking only reads the workbook: nothing is written, you stay where you are.",
  },
  clean: {
    vi: "Không có lỗi hay cảnh báo nào: biểu sẵn sàng để nộp.",
    en: "No errors or warnings: the workbook is ready to submit.",
  },
  announceChecking: { vi: "Đang kiểm tra…", en: "Checking…" },
  announceDone: { vi: "Xong: {errors}, {warnings}", en: "Done: {errors}, {warnings}" },
  betterRubric: {
    vi: 'Biểu này khớp với bộ chỉ số "{name}" hơn bộ đang dùng ({fit}% khớp). Các lỗi bên dưới có thể do chọn nhầm bộ chỉ số.',
    en: 'This workbook fits the rubric "{name}" better than the one in use ({fit}% fit). The errors below may come from the wrong rubric.',
  },
  switchRubric: { vi: 'Dùng "{name}"', en: 'Use "{name}"' },
  manualColumns: { vi: "cột đã chỉnh tay", en: "columns corrected by hand" },
  resetColumns: { vi: "Bỏ chỉnh cột", en: "Undo column corrections" },
  settingsProblems: {
    vi: "Cài đặt lưu trong sổ có phần không dùng được",
    en: "Some settings saved in the workbook cannot be used",
  },
  workbookSettingsTitle: {
    vi: "Sổ này mang cài đặt riêng chưa được dùng",
    en: "This workbook carries settings of its own that are not used",
  },
  workbookSettingsWhy: {
    vi: "Kết quả kiểm tra theo lựa chọn của bạn; cài đặt của sổ khác ở:",
    en: "The check follows your own choice; the workbook's settings differ in:",
  },
  workbookSettingsResult: {
    vi: "Theo cài đặt của sổ: {result}",
    en: "With the workbook's settings: {result}",
  },
  workbookSettingsCurrent: { vi: "đang dùng: {result}", en: "now: {result}" },
  useWorkbookSettings: { vi: "Dùng cài đặt của sổ", en: "Use the workbook's settings" },
  rememberRubric: {
    vi: "Ghi nhớ bộ chỉ số này là đã chấp nhận (trên máy này)",
    en: "Remember this rubric as accepted (on this computer)",
  },
  ribbonNotice: { vi: "Lệnh trên thanh ribbon lúc {time}:", en: "Ribbon command at {time}:" },
  options: { vi: "Tuỳ chọn", en: "Options" },
  previousFinding: { vi: "Phát hiện trước", en: "Previous finding" },
  nextFinding: { vi: "Phát hiện tiếp", en: "Next finding" },
  findingPosition: { vi: "{n}/{total}", en: "{n} of {total}" },
  showMore: { vi: "Hiện thêm {count}", en: "Show {count} more" },
  collapsedKind: {
    vi: "{count} phát hiện cùng loại — xem",
    en: "{count} findings of this kind — show",
  },
  whyFix: { vi: "Vì sao và cách sửa", en: "Why, and how to fix it" },
  evidenceOnly: { vi: "Chỉ thiếu tài liệu kiểm chứng", en: "Missing evidence only" },
  showAll: { vi: "Hiện tất cả", en: "Show all" },
  total: { vi: "Tổng", en: "Total" },
  bonus: { vi: "Điểm thưởng", en: "Bonus" },
  penalty: { vi: "Điểm trừ", en: "Penalty" },
  surveyBySo: { vi: "do Sở chấm", en: "scored by the province" },
  areaBar: { vi: "{percent}% điểm tối đa", en: "{percent}% of the maximum" },
  selectAll: { vi: "Chọn tất cả", en: "Select all" },
  selectNone: { vi: "Bỏ chọn tất cả", en: "Select none" },
  searchSheets: { vi: "Tìm trang", en: "Find a sheet" },
  sheetsChosen: { vi: "Đã chọn {chosen}/{total} trang", en: "{chosen} of {total} sheets chosen" },
  groupCommune: { vi: "Xã / phường / đặc khu", en: "Commune / ward / special zone" },
  groupAgency: { vi: "Sở, ban, ngành", en: "Departments and agencies" },
  unitHasErrors: { vi: "có lỗi", en: "has errors" },
  chart: { vi: "Biểu đồ điểm theo nhóm {group}", en: "Scores in group {group}" },
  chooseFilesButton: { vi: "Chọn tệp…", en: "Choose files…" },
  chooseFolderButton: { vi: "Chọn thư mục…", en: "Choose a folder…" },
  chooseFileButton: { vi: "Chọn tệp…", en: "Choose a file…" },
  noFileChosen: { vi: "Chưa chọn tệp", en: "No file chosen" },
  unsaved: { vi: "Chưa lưu vào sổ", en: "Not saved with the workbook" },

  noTableInFile: { vi: "{file}: không tìm thấy bảng chấm điểm", en: "{file}: no scoring table found" },
  rubricNotImported: {
    vi: "Không nhập được bộ chỉ số từ {file}.",
    en: "Could not import a rubric from {file}.",
  },
  // Issue #25: the compact pane (header settings button, write menu, unit picker, what a re-check changed).
  settingsButton: { vi: "Cài đặt", en: "Settings" },
  writeMenu: { vi: "Ghi vào sổ", en: "Write to workbook" },
  unitPicker: { vi: "Đơn vị ({count} trang đơn vị)", en: "Unit ({count} unit sheets)" },
  unitLabel: { vi: "Đơn vị: ", en: "Unit: " },
  indexLabel: { vi: "chỉ số ", en: "index " },
  ratingLabel: { vi: "xếp loại ", en: "rating " },
  findingHelp: { vi: "Vì sao, sửa thế nào", en: "Why, and how to fix" },
  findingHelpLabel: { vi: "Vì sao, sửa thế nào: {kind}", en: "Why, and how to fix: {kind}" },
  isNew: { vi: "mới", en: "new" },
  findingLink: { vi: "Liên kết: {target}", en: "Link: {target}" },
  nothingChanged: { vi: "không có gì thay đổi", en: "nothing changed" },
  newErrors: { vi: "{count} lỗi mới", en: "{count} new errors" },
  newWarnings: { vi: "{count} cảnh báo mới", en: "{count} new warnings" },
  newNotes: { vi: "{count} lưu ý mới", en: "{count} new notes" },
  fixedErrors: { vi: "{count} lỗi đã sửa", en: "{count} errors fixed" },
  fixedWarnings: { vi: "{count} cảnh báo đã hết", en: "{count} warnings gone" },
  fixedNotes: { vi: "{count} lưu ý đã hết", en: "{count} notes gone" },
  newError: { vi: "{count} lỗi mới", en: "{count} new error" },
  newWarning: { vi: "{count} cảnh báo mới", en: "{count} new warning" },
  newNote: { vi: "{count} lưu ý mới", en: "{count} new note" },
  fixedError: { vi: "{count} lỗi đã sửa", en: "{count} error fixed" },
  fixedWarning: { vi: "{count} cảnh báo đã hết", en: "{count} warning gone" },
  fixedNote: { vi: "{count} lưu ý đã hết", en: "{count} note gone" },
  maxFull: { vi: "Điểm tối đa", en: "Maximum score" },
  selfFull: { vi: "Điểm tự chấm", en: "Self-assessed score" },
  finalShort: { vi: "Cuối", en: "Final" },
  finalFull: { vi: "Điểm cuối cùng", en: "Final score" },
} as const satisfies Record<string, { vi: string; en: string }>;

export type StringKey = keyof typeof STRINGS;

const SINGULAR = {
  countErrors: "countError",
  countWarnings: "countWarning",
  countNotes: "countNote",
  newErrors: "newError",
  newWarnings: "newWarning",
  newNotes: "newNote",
  fixedErrors: "fixedError",
  fixedWarnings: "fixedWarning",
  fixedNotes: "fixedNote",
} as const;

/** "1 error", "2 errors" (the Vietnamese is the same for both): never "1 errors". */
export function tCount(lang: Lang, key: keyof typeof SINGULAR, count: number): string {
  return t(lang, count === 1 ? SINGULAR[key] : key, { count });
}
export const STRING_KEYS = Object.keys(STRINGS) as StringKey[];

/** The finding codes as the pane's "kind" filter names them (the registry's `kind`; codes stay the stable API). */
export function findingKind(lang: Lang, code: FindingCode): string {
  const spec = (FINDING_SPECS as Partial<Record<string, { kind: Text }>>)[code];
  return spec ? inLang(lang, spec.kind) : code;
}

export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return fill(inLang(lang, STRINGS[key]), params);
}

/**
 * The one fill-in function of every text table (this one, and the views' own tables): "{name}" becomes
 * params.name; a placeholder without a value stays visible, so a missing value shows rather than vanishes.
 */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}

/** A string in both languages, for messages that are stored or raised before the language is known. */
export function textOf(key: StringKey, params: Record<string, string | number> = {}): Text {
  return { vi: t("vi", key, params), en: t("en", key, params) };
}

/** A score as the pane shows it: Vietnamese decimal comma, the rubric's decimals, trailing zeros dropped. */
export function formatNumber(x: number | null | undefined, decimals: number, lang: Lang): string {
  return x === null || x === undefined ? "–" : formatScore(x, decimals, lang);
}

/** Office's display language ("vi-VN", "en-US", …) → the pane's language; anything but Vietnamese gets English. */
export function languageFrom(displayLanguage: string | undefined | null): Lang {
  return displayLanguage?.toLowerCase().startsWith("vi") ? "vi" : displayLanguage ? "en" : "vi";
}

/** The words of a {vi, en} pair in `lang`: where code chooses between the two languages, it does so here. */
export function inLang(lang: Lang, text: Text): string {
  return text[lang];
}
