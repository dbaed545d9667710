/**
 * Office errors a clerk can act on, in Vietnamese and English. Everything Office throws passes through
 * `friendlyError` before the pane or a ribbon notification shows it, so no raw "GeneralException" reaches a user.
 */
import { UserError } from "../core/errors";
import type { Text } from "../core/finding";
import { fill } from "../core/i18n";

export class ExcelServiceError extends UserError {
  constructor(code: string, text: Text, cause?: unknown) {
    super(code, text, { cause });
    this.name = "ExcelServiceError";
  }
}

const KNOWN: Record<string, Text> = {
  AccessDenied: {
    vi: "Trang tính đang được bảo vệ hoặc sổ chỉ cho phép đọc. Bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại.",
    en: "The sheet is protected or the workbook is read-only. Unprotect it (Review → Unprotect Sheet) and try again.",
  },
  InvalidOperationInCellEditMode: {
    vi: "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để thoát khỏi ô rồi thử lại.",
    en: "Excel is in cell edit mode. Press Enter or Esc to leave the cell, then try again.",
  },
  RequestPayloadSizeLimitExceeded: {
    vi: "Dữ liệu quá lớn để Excel trên web xử lý trong một lần. Hãy thu gọn vùng dữ liệu rồi thử lại.",
    en: "The data is too large for Excel on the web to handle at once. Reduce the used range and try again.",
  },
  ItemNotFound: {
    vi: "Không tìm thấy trang tính hoặc ô cần dùng (có thể vừa bị xoá hoặc đổi tên).",
    en: "A sheet or cell the add-in needs was not found (it may have been deleted or renamed).",
  },
  ApiNotFound: {
    vi: "Phiên bản Excel này quá cũ cho tiện ích Chỉ số CCHC. Hãy cập nhật Office hoặc dùng Excel trên web.",
    en: "This version of Excel is too old for the PAR Index add-in. Update Office or use Excel on the web.",
  },
  UnsupportedRequirementSet: {
    vi: "Phiên bản Excel này quá cũ cho tiện ích Chỉ số CCHC (cần ExcelApi {set}). Hãy cập nhật Office hoặc dùng Excel trên web.",
    en: "This version of Excel is too old for the PAR Index add-in (it needs ExcelApi {set}). Update Office or use Excel on the web.",
  },
  SheetProtected: {
    vi: 'Trang "{sheet}" đang được bảo vệ nên tiện ích không ghi gì. Bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại.',
    en: 'The sheet "{sheet}" is protected, so the add-in wrote nothing. Unprotect it (Review → Unprotect Sheet) and try again.',
  },
  WorkbookProtected: {
    vi: 'Cấu trúc sổ đang được bảo vệ nên tiện ích không thể tạo trang "{sheet}" và không ghi gì. Bỏ bảo vệ sổ (Xem lại → Bảo vệ sổ làm việc) rồi thử lại.',
    en: 'The workbook\'s structure is protected, so the add-in cannot create the sheet "{sheet}" and wrote nothing. Unprotect the workbook (Review → Protect Workbook) and try again.',
  },
  OwnedSheetTaken: {
    vi: 'Sổ đã có trang "{sheet}" không do tiện ích tạo. Đổi tên trang đó để tiện ích ghi kết quả.',
    en: 'The workbook already has a sheet "{sheet}" the add-in did not create. Rename it so the add-in can write its results.',
  },
};

function fillText(text: Text, vars: Record<string, string>): Text {
  return { vi: fill(text.vi, vars), en: fill(text.en, vars) };
}

export function serviceError(code: keyof typeof KNOWN, vars: Record<string, string> = {}): ExcelServiceError {
  return new ExcelServiceError(code, fillText(KNOWN[code], vars));
}

/**
 * Any thrown thing → a bilingual message; Office's `error.code` decides which. An error that is already
 * worded for the user (any `UserError`: a rubric problem, a refused group rule…) passes unchanged, so its
 * own words are not buried under "Excel reported an error".
 */
export function friendlyError(error: unknown): UserError {
  if (error instanceof UserError) return error;
  const code =
    typeof error === "object" && error && "code" in error ? String((error as { code: unknown }).code) : "";
  const known = KNOWN[code];
  if (known) return new ExcelServiceError(code, known, error);
  const detail = error instanceof Error ? error.message : String(error);
  return new ExcelServiceError(
    code || "Unknown",
    {
      vi: `Excel báo lỗi: ${detail}. Hãy thử lại; nếu vẫn lỗi, lưu sổ và mở lại.`,
      en: `Excel reported an error: ${detail}. Try again; if it persists, save and reopen the workbook.`,
    },
    error,
  );
}

/** The requirement set the add-in needs everywhere; the manifest declares the same (test/manifest checks). */
export const REQUIRED_EXCEL_API = "1.7";

/** Throws a friendly error on hosts older than the manifest's minimum (the manifest alone may not stop them). */
export function requireExcelApi(version = REQUIRED_EXCEL_API): void {
  const requirements = globalThis.Office?.context?.requirements;
  if (!requirements?.isSetSupported("ExcelApi", version)) {
    throw serviceError("UnsupportedRequirementSet", { set: version });
  }
}

export function isExcelApiSupported(version: string): boolean {
  return Boolean(globalThis.Office?.context?.requirements?.isSetSupported("ExcelApi", version));
}
