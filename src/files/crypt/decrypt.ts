import { count, megabytes } from "../limits";
import { decryptAgile, parseAgile } from "./agile";
import { CfbDamaged, openCfb } from "./cfb";
import type { CryptoPort } from "./port";
import { refuse } from "./shared";
import { decryptStandard, parseStandard } from "./standard";

export { MAX_SPIN_COUNT } from "./agile";

/**
 * ECMA-376 document encryption (MS-OFFCRYPTO), the two kinds Excel writes: "agile" (Office 2010 and later:
 * an XML description, SHA-512 and AES-256 by default, 100,000 spins, the package in 4,096-byte CBC
 * segments) and "standard" (Office 2007: a binary description, SHA-1, 50,000 spins, AES-128-ECB).
 *
 * The product only ever tries Excel's built-in password, "VelvetSweatshop": Excel encrypts with it a
 * workbook saved "read-only recommended" or with only a password to modify, and opens it without asking,
 * so the unit never knew it was encrypted. A real password fails the verifier and the file is refused as
 * before. Every number in the file is bounded before it costs anything: the spin count, the sizes of the
 * description, the keys and the package.
 */
export const EXCEL_DEFAULT_PASSWORD = "VelvetSweatshop";

/** Excel's agile description is about 1 KB. */
const MAX_INFO_BYTES = 64 * 1024;

export type EncryptionScheme = "agile" | "standard";

export interface Decrypted {
  /** The workbook's own .xlsx bytes, to be read like any other (with the same limits). */
  bytes: Uint8Array;
  scheme: EncryptionScheme;
}

/**
 * The workbook inside an encrypted compound file, decrypted with `password`; null when the password is
 * not the file's. Throws FileReadError ("encrypted", with words) for a file that cannot be decrypted at
 * all: damaged, hostile, or encrypted in a way Excel does not write.
 */
export async function decryptPackage(
  cfbBytes: Uint8Array,
  password: string,
  crypto: CryptoPort,
  file: string,
  maxPackageBytes: number,
): Promise<Decrypted | null> {
  let info: Uint8Array | undefined;
  let pkg: Uint8Array | undefined;
  try {
    const cfb = openCfb(cfbBytes);
    info = cfb.stream("EncryptionInfo");
    if (info && info.length > MAX_INFO_BYTES)
      refuse(
        file,
        `mô tả mã hóa dài ${count(info.length, "vi")} byte`,
        `an encryption description of ${count(info.length, "en")} bytes`,
      );
    pkg = cfb.stream("EncryptedPackage");
  } catch (e) {
    if (e instanceof CfbDamaged) refuse(file, `tệp kép hỏng: ${e.vi}`, `damaged compound file: ${e.en}`);
    throw e;
  }
  if (!info || !pkg || info.length < 8 || pkg.length < 8)
    refuse(
      file,
      "thiếu phần mô tả mã hóa hoặc gói dữ liệu",
      "the encryption description or the package is missing",
    );
  const declared = new DataView(pkg.buffer, pkg.byteOffset, 8);
  const size = declared.getUint32(0, true) + declared.getUint32(4, true) * 2 ** 32;
  if (size > pkg.length - 8 || size > maxPackageBytes)
    refuse(
      file,
      `gói dữ liệu khai báo ${count(size, "vi")} byte, lớn hơn phần thực có (${count(pkg.length - 8, "vi")} byte) hoặc giới hạn ${megabytes(maxPackageBytes, "vi")}`,
      `the package declares ${count(size, "en")} bytes, more than it holds (${count(pkg.length - 8, "en")} bytes) or the limit of ${megabytes(maxPackageBytes, "en")}`,
    );
  const major = info[0] | (info[1] << 8);
  const minor = info[2] | (info[3] << 8);
  const body = pkg.subarray(8);
  if (major === 4 && minor === 4) {
    const bytes = await decryptAgile(parseAgile(info.subarray(8), file), password, crypto, body, size, file);
    return bytes && { bytes, scheme: "agile" };
  }
  if ((major === 2 || major === 3 || major === 4) && minor === 2) {
    const bytes = await decryptStandard(parseStandard(info, file), password, crypto, body, size);
    return bytes && { bytes, scheme: "standard" };
  }
  return refuse(
    file,
    `kiểu mã hóa ${major}.${minor} không được hỗ trợ`,
    `encryption version ${major}.${minor} is not supported`,
  );
}
