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
  | "io-error";

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
  encrypted: () => ({
    vi: "tệp được đặt mật khẩu mở. Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại.",
    en: "the file is password-protected. Remove the password (File › Info › Protect Workbook) and send it again.",
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
};

export class FileReadError extends UserError {
  constructor(
    readonly reason: FileReadReason,
    readonly file: string,
    detail = "",
  ) {
    const why = WHY[reason](detail);
    super(reason, { vi: `${file}: ${why.vi}`, en: `${file}: ${why.en}` });
    this.name = "FileReadError";
  }
}
