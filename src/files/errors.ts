import type { Text } from "../core/finding";
import { UserError } from "../core/errors";

/**
 * Why a file could not be read, with a message that names the file and says what to do. The reader
 * throws nothing else, so a batch of hundreds reports the bad file and goes on.
 */
export type FileReadReason =
  | "empty-file"
  | "not-a-zip"
  | "truncated"
  | "zip-bomb"
  | "encrypted"
  | "legacy-xls"
  | "xlsb"
  | "csv-or-text"
  | "ods"
  | "not-a-workbook"
  | "no-sheets"
  | "too-large"
  | "malformed-xml"
  | "io-error"
  // Added with the hardening of issue #13 (codes are only ever added).
  | "damaged"
  | "duplicate-entry"
  | "windows-paths"
  | "not-a-file";

const SAVE_AS: Text = {
  vi: "Hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).",
  en: "Open it in Excel and save it as an Excel Workbook (.xlsx).",
};

const WHY: Record<FileReadReason, (detail: string) => Text> = {
  "empty-file": () => ({ vi: "tệp rỗng (0 byte).", en: "the file is empty (0 bytes)." }),
  "not-a-zip": () => ({
    vi: `không phải tệp Excel .xlsx. ${SAVE_AS.vi}`,
    en: `not an Excel .xlsx file. ${SAVE_AS.en}`,
  }),
  truncated: () => ({
    vi: "tệp bị cắt cụt hoặc hỏng (tải về/sao chép chưa hết). Hãy xin đơn vị gửi lại.",
    en: "the file is truncated or damaged (incomplete download or copy). Ask the unit to send it again.",
  }),
  "zip-bomb": (d) => ({
    vi: `tệp giải nén ra quá lớn (${d}); đã từ chối đọc để bảo vệ máy.`,
    en: `the file would unpack to too much data (${d}); refused to protect this computer.`,
  }),
  // Excel also encrypts with its built-in default password ("VelvetSweatshop") a workbook saved as
  // read-only-recommended or with only a modify password: it opens without a prompt, so the user does not
  // know it is encrypted. The message covers both, since telling them apart needs the decryption itself.
  // A detail (a damaged or hostile encrypted file: what is wrong) comes first, in parentheses; without one
  // the message is the one it always was.
  encrypted: (d) => ({
    vi:
      `tệp được mã hóa${d ? ` (${d})` : ""}. ` +
      "Nếu Excel mở tệp mà không hỏi mật khẩu thì đó là chế độ bảo vệ chỉ-đọc của Excel: mở tệp, chọn Tệp › Lưu thành › Công cụ › Tùy chọn chung, xóa cả hai ô mật khẩu, bỏ chọn “Nên mở chỉ đọc” rồi lưu lại. " +
      "Nếu Excel hỏi mật khẩu, hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, để trống) rồi gửi lại.",
    en:
      `the file is encrypted${d ? ` (${d})` : ""}. ` +
      "If Excel opens it without asking for a password, it carries Excel's read-only protection: open it, choose File › Save As › Tools › General Options, clear both passwords and “Read-only recommended”, and save. " +
      "If Excel asks for a password, remove it (File › Info › Protect Workbook › Encrypt with Password, left empty) and send it again.",
  }),
  "legacy-xls": () => ({
    vi: `đây là tệp Excel 97-2003 (.xls). ${SAVE_AS.vi}`,
    en: `this is an Excel 97-2003 file (.xls). ${SAVE_AS.en}`,
  }),
  xlsb: () => ({
    vi: `đây là Sổ làm việc nhị phân (.xlsb). ${SAVE_AS.vi}`,
    en: `this is an Excel Binary Workbook (.xlsb). ${SAVE_AS.en}`,
  }),
  "csv-or-text": () => ({
    vi: `đây là tệp văn bản/CSV, không phải .xlsx (có thể bị đổi đuôi). ${SAVE_AS.vi}`,
    en: `this is a text/CSV file, not an .xlsx (perhaps renamed). ${SAVE_AS.en}`,
  }),
  ods: () => ({
    vi: `đây là bảng tính OpenDocument (.ods). ${SAVE_AS.vi}`,
    en: `this is an OpenDocument spreadsheet (.ods). ${SAVE_AS.en}`,
  }),
  "not-a-workbook": (d) => ({
    vi: `tệp nén này không phải sổ làm việc Excel${d ? ` (${d})` : ""}.`,
    en: `this archive is not an Excel workbook${d ? ` (${d})` : ""}.`,
  }),
  "no-sheets": () => ({ vi: "sổ làm việc không có trang tính nào.", en: "the workbook has no worksheets." }),
  "too-large": (d) => ({ vi: `quá lớn để kiểm tra: ${d}.`, en: `too large to check: ${d}.` }),
  "malformed-xml": (d) => ({
    vi: `nội dung tệp bị hỏng (${d}). Hãy mở bằng Excel, lưu lại rồi gửi lại.`,
    en: `the file's contents are damaged (${d}). Open it in Excel, save it and send it again.`,
  }),
  "io-error": (d) => ({ vi: `không đọc được tệp (${d}).`, en: `cannot read the file (${d}).` }),
  damaged: (d) => ({
    vi: `tệp nén bị hỏng (${d}): dữ liệu không khớp mã kiểm tra CRC hoặc kích thước ghi trong tệp. Hãy xin đơn vị gửi lại, hoặc mở bằng Excel và lưu lại.`,
    en: `the archive is damaged (${d}): its data does not match the CRC or size recorded in the file. Ask the unit to send it again, or open it in Excel and save it.`,
  }),
  "duplicate-entry": (d) => ({
    vi: `tệp nén chứa hai mục cùng tên "${d}", không biết mục nào là thật (Excel không tạo ra tệp như vậy). Hãy mở bằng Excel, lưu lại rồi gửi lại.`,
    en: `the archive holds two entries named "${d}" and which one is real cannot be told (Excel never writes such a file). Open it in Excel, save it and send it again.`,
  }),
  "windows-paths": (d) => ({
    vi: `tệp nén do một công cụ ghi đường dẫn kiểu Windows tạo ra ("${d}"), không phải Excel. Hãy mở bằng Excel (hoặc LibreOffice) và lưu lại dưới dạng .xlsx.`,
    en: `the archive was made by a tool that writes Windows paths ("${d}"), not by Excel. Open it in Excel (or LibreOffice) and save it as .xlsx.`,
  }),
  "not-a-file": (d) => ({
    vi: `không phải tệp thông thường (${d}); đã bỏ qua.`,
    en: `not a regular file (${d}); skipped.`,
  }),
};

export class FileReadError extends UserError {
  /**
   * `detail` is a code or number the same in both languages, or words given in each language: the
   * message is then built once per language, so neither text carries the other's words.
   */
  constructor(
    readonly reason: FileReadReason,
    readonly file: string,
    detail: string | Text = "",
  ) {
    const words = typeof detail === "string" ? { vi: detail, en: detail } : detail;
    const vi = WHY[reason](words.vi).vi;
    const en = WHY[reason](words.en).en;
    super(reason, { vi: `${file}: ${vi}`, en: `${file}: ${en}` });
    this.name = "FileReadError";
  }
}
