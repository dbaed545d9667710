import type { Text } from "../core/finding";
import type { WorkbookSnapshot } from "../core/snapshot";
import { decryptPackage, EXCEL_DEFAULT_PASSWORD } from "./crypt/decrypt";
import { isCfb } from "./crypt/cfb";
import { type CryptoPort, webCryptoPort } from "./crypt/port";
import { FileReadError } from "./errors";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import { readWorkbook } from "./read-workbook";
import { containsUtf16 } from "./xlsx/container";
import type { Inflate } from "./xlsx/zip";

export interface ReadBytesOptions {
  limits?: Partial<ReadLimits>;
  /** The platform's inflater (Node's zlib on the command line); fflate otherwise. */
  inflate?: Inflate;
  /** The platform's crypto (Node's on the command line); WebCrypto otherwise. */
  crypto?: CryptoPort;
}

/**
 * Every face's way into the reader. A workbook encrypted with Excel's built-in password (saved "read-only
 * recommended" or with only a password to modify: Excel opens it without asking, LibreOffice too) is
 * decrypted first — asynchronously, since the browser's crypto is — and the .xlsx inside is then read by
 * readWorkbook like any other, with the same limits (a decrypted zip bomb is still one). The snapshot says
 * it was protected (`protection`), so a face can tell the user. Any other password is refused as
 * `encrypted`, as before; everything else goes straight to readWorkbook. Throws only FileReadError.
 */
export async function readWorkbookBytes(
  bytes: Uint8Array,
  source: string,
  options: ReadBytesOptions = {},
): Promise<WorkbookSnapshot> {
  if (!isCfb(bytes)) return readWorkbook(bytes, source, options.limits, options.inflate);
  const maxFileBytes = options.limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  // Not an encrypted package (an .xls, say): readWorkbook says what it is.
  if (!containsUtf16(bytes, "EncryptedPackage"))
    return readWorkbook(bytes, source, options.limits, options.inflate);
  // WebCrypto exists only on secure pages (https, localhost, a file): elsewhere say so rather than fail.
  const subtle = globalThis.crypto?.subtle;
  if (!options.crypto && !subtle)
    throw new FileReadError("encrypted", source, {
      vi: "trình duyệt không cho dùng WebCrypto để giải mã (trang không mở qua https)",
      en: "the browser offers no WebCrypto to decrypt it (the page is not served over https)",
    });
  const crypto = options.crypto ?? webCryptoPort(subtle);
  const decrypted = await decryptPackage(bytes, EXCEL_DEFAULT_PASSWORD, crypto, source, maxFileBytes).catch(
    (e: unknown) => {
      // The contract is FileReadError only: a platform crypto error on a hostile file fails the file alone.
      if (e instanceof FileReadError) throw e;
      throw new FileReadError("encrypted", source, platformCryptoError(e));
    },
  );
  if (!decrypted) throw new FileReadError("encrypted", source);
  const wb = readWorkbook(decrypted.bytes, source, options.limits, options.inflate);
  return { ...wb, protection: "excel-default-key" };
}

/**
 * A platform crypto error (WebCrypto's "OperationError", Node's) in each language: its message is English,
 * so the Vietnamese says decrypting failed and keeps only the error's name, a code the same in both.
 */
function platformCryptoError(e: unknown): Text {
  const en = e instanceof Error ? e.message.slice(0, 160) : String(e).slice(0, 160);
  const name =
    e instanceof Error && e.name !== "Error" && /^[A-Za-z_]{1,40}$/.test(e.name) ? `, mã ${e.name}` : "";
  return { vi: `lỗi khi giải mã${name}`, en };
}
