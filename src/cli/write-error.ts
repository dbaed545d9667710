import { UserError } from "../core/errors";
import type { Text } from "../core/finding";

/**
 * A write the file system refused is the user's to fix (a folder without permission, a file where a
 * folder should be, a name too long, a full disk): said with the path and the cause in words, exit 2 —
 * never "a bug in the program" (exit 3), which would send the user to report what they can fix.
 */
export class WriteError extends UserError {
  constructor(text: Text, cause: unknown) {
    super("write-failed", text, { cause });
    this.name = "WriteError";
  }
}

const CAUSES: Record<string, Text> = {
  EACCES: { vi: "không có quyền ghi vào đó", en: "no permission to write there" },
  EPERM: { vi: "hệ điều hành không cho phép ghi", en: "the system does not allow the write" },
  EROFS: { vi: "ổ đĩa chỉ đọc", en: "the drive is read-only" },
  ENOTDIR: {
    vi: "một phần của đường dẫn là tệp chứ không phải thư mục",
    en: "part of the path is a file, not a folder",
  },
  EISDIR: { vi: "đó là một thư mục", en: "it is a folder" },
  ENAMETOOLONG: {
    vi: "tên tệp hoặc đường dẫn dài quá giới hạn của hệ thống tệp",
    en: "the file name or path is longer than the file system allows",
  },
  ENOSPC: { vi: "ổ đĩa đã đầy", en: "the drive is full" },
  EDQUOT: { vi: "đã hết hạn mức dung lượng", en: "the disk quota is used up" },
  ELOOP: { vi: "đường dẫn có liên kết vòng", en: "the path has a loop of links" },
  ENOENT: { vi: "thư mục không tồn tại", en: "the folder does not exist" },
  EEXIST: { vi: "đã có tệp cùng tên", en: "a file of that name already exists" },
  EBUSY: { vi: "tệp đang bị chương trình khác dùng", en: "the file is in use by another program" },
  EINVAL: {
    vi: "tên tệp không hợp lệ trên hệ thống tệp này",
    en: "the name is not valid on this file system",
  },
};

/** The error to throw for a failed write of `path`; a UserError (already worded) passes through. */
export function writeFailure(path: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? "";
  const cause = CAUSES[code] ?? {
    vi: error instanceof Error ? error.message : String(error),
    en: error instanceof Error ? error.message : String(error),
  };
  const tag = code ? ` (${code})` : "";
  return new WriteError(
    {
      vi: `Không ghi được ${path}: ${cause.vi}${tag}. Hãy chọn nơi ghi khác hoặc sửa quyền thư mục.`,
      en: `Could not write ${path}: ${cause.en}${tag}. Choose another place to write, or fix the folder's permissions.`,
    },
    error,
  );
}
