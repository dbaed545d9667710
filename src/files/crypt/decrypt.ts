import { SaxesParser } from "saxes";
import { FileReadError } from "../errors";
import { count, megabytes } from "../limits";
import { xmlFaultWords } from "../read-workbook";
import { CfbDamaged, openCfb } from "./cfb";
import { type CryptoPort, concat, type HashName, uint32le } from "./port";

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

/**
 * Excel (and LibreOffice, msoffcrypto) write 100,000 spins: ~0.15 s of SHA-512 with Node's crypto, 1–3 s with
 * WebCrypto. The standard allows up to 10,000,000 — 15 s to minutes per file, past the reader's time budget —
 * so ten times Excel's count is the limit; a file claiming more is refused before a single spin.
 */
export const MAX_SPIN_COUNT = 1_000_000;
/** Excel's agile description is about 1 KB. */
const MAX_INFO_BYTES = 64 * 1024;
const SEGMENT = 4096;

export type EncryptionScheme = "agile" | "standard";

export interface Decrypted {
  /** The workbook's own .xlsx bytes, to be read like any other (with the same limits). */
  bytes: Uint8Array;
  scheme: EncryptionScheme;
}

/** Refused without trying further: the detail says what in words, in both languages. */
function refuse(file: string, vi: string, en: string): never {
  throw new FileReadError("encrypted", file, `${vi} / ${en}`);
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
        `mô tả mã hóa dài ${count(info.length)} byte`,
        `an encryption description of ${count(info.length)} bytes`,
      );
    pkg = cfb.stream("EncryptedPackage");
  } catch (e) {
    if (e instanceof CfbDamaged)
      refuse(
        file,
        `tệp kép hỏng: ${e.message.split(" / ")[0]}`,
        `damaged compound file: ${e.message.split(" / ")[1]}`,
      );
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
      `gói dữ liệu khai báo ${count(size)} byte, lớn hơn phần thực có (${count(pkg.length - 8)} byte) hoặc giới hạn ${megabytes(maxPackageBytes)}`,
      `the package declares ${count(size)} bytes, more than it holds (${count(pkg.length - 8)} bytes) or the limit of ${megabytes(maxPackageBytes)}`,
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

// ---------------------------------------------------------------- agile

interface AgileKey {
  salt: Uint8Array;
  hash: HashName;
  keyBytes: number;
  blockSize: number;
}

interface AgileInfo {
  data: AgileKey;
  password: AgileKey & {
    spinCount: number;
    verifierInput: Uint8Array;
    verifierValue: Uint8Array;
    keyValue: Uint8Array;
  };
}

const HASHES: Record<string, HashName> = {
  SHA1: "SHA-1",
  "SHA-1": "SHA-1",
  SHA256: "SHA-256",
  SHA384: "SHA-384",
  SHA512: "SHA-512",
};

/** The agile XML description: `keyData` and the password `encryptedKey`, every field checked. */
export function parseAgile(xmlBytes: Uint8Array, file: string): AgileInfo {
  const found: Record<string, Record<string, string>> = {};
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const local = tag.name.slice(tag.name.indexOf(":") + 1);
    const attrs = tag.attributes as Record<string, string>;
    // The first of each; only the password key encryptor has a spin count (a certificate one has none).
    if (local === "keyData") found.keyData ??= attrs;
    if (local === "encryptedKey" && "spinCount" in attrs) found.encryptedKey ??= attrs;
  });
  try {
    // Trailing NULs or blanks (a stream padded to its sector) are not part of the XML.
    const text = new TextDecoder("utf-8", { fatal: false }).decode(xmlBytes);
    parser.write(text.replace(/^\uFEFF/, "").replace(/[\0\s]+$/, "")).close();
  } catch (e) {
    // In words, as a damaged part of the workbook is told (read-workbook.ts xmlFaultWords), naming the stream.
    throw new FileReadError("encrypted", file, `EncryptionInfo: ${xmlFaultWords(e)}`);
  }
  const keyData = found.keyData;
  const encryptedKey = found.encryptedKey;
  if (!keyData || !encryptedKey)
    refuse(
      file,
      "mô tả mã hóa thiếu keyData hoặc encryptedKey",
      "the encryption description lacks keyData or encryptedKey",
    );
  const data = agileKey(keyData, file);
  const spin = Number(encryptedKey.spinCount);
  if (!Number.isInteger(spin) || spin < 0)
    refuse(
      file,
      `spinCount "${encryptedKey.spinCount}" không hợp lệ`,
      `spinCount "${encryptedKey.spinCount}" is not valid`,
    );
  if (spin > MAX_SPIN_COUNT)
    refuse(
      file,
      `spinCount ${count(spin)} vượt giới hạn ${count(MAX_SPIN_COUNT)} (Excel dùng 100,000)`,
      `spinCount ${count(spin)} is over the limit of ${count(MAX_SPIN_COUNT)} (Excel uses 100,000)`,
    );
  return {
    data,
    password: {
      ...agileKey(encryptedKey, file),
      spinCount: spin,
      verifierInput: base64(encryptedKey.encryptedVerifierHashInput, file),
      verifierValue: base64(encryptedKey.encryptedVerifierHashValue, file),
      keyValue: base64(encryptedKey.encryptedKeyValue, file),
    },
  };
}

function agileKey(attrs: Record<string, string>, file: string): AgileKey {
  const hash = HASHES[attrs.hashAlgorithm];
  const keyBits = Number(attrs.keyBits);
  const blockSize = Number(attrs.blockSize);
  if (attrs.cipherAlgorithm !== "AES" || attrs.cipherChaining !== "ChainingModeCBC" || !hash)
    refuse(
      file,
      `mã hóa ${attrs.cipherAlgorithm}/${attrs.cipherChaining}/${attrs.hashAlgorithm} không được hỗ trợ`,
      `${attrs.cipherAlgorithm}/${attrs.cipherChaining}/${attrs.hashAlgorithm} encryption is not supported`,
    );
  if (![128, 192, 256].includes(keyBits) || blockSize !== 16)
    refuse(
      file,
      `khóa ${attrs.keyBits} bit, khối ${attrs.blockSize} byte`,
      `a ${attrs.keyBits}-bit key, ${attrs.blockSize}-byte blocks`,
    );
  return { salt: base64(attrs.saltValue, file), hash, keyBytes: keyBits / 8, blockSize };
}

function base64(text: string | undefined, file: string): Uint8Array {
  try {
    if (text === undefined || text.length > 4096) throw new Error();
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return refuse(
      file,
      "một giá trị base64 của mô tả mã hóa bị hỏng",
      "a base64 value of the encryption description is damaged",
    );
  }
}

const BLOCK_VERIFIER_INPUT = new Uint8Array([0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79]);
const BLOCK_VERIFIER_VALUE = new Uint8Array([0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e]);
const BLOCK_KEY_VALUE = new Uint8Array([0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6]);

/** Cut to `length`, or padded with 0x36 (MS-OFFCRYPTO 2.3.4.11/2.3.4.12). */
function fitLength(bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.length >= length) return bytes.subarray(0, length);
  const out = new Uint8Array(length).fill(0x36);
  out.set(bytes);
  return out;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function whole(data: Uint8Array): Uint8Array {
  return data.subarray(0, data.length - (data.length % 16));
}

async function decryptAgile(
  info: AgileInfo,
  password: string,
  crypto: CryptoPort,
  body: Uint8Array,
  size: number,
  file: string,
): Promise<Uint8Array | null> {
  const p = info.password;
  const h0 = await crypto.digest(p.hash, concat(p.salt, utf16le(password)));
  const hn = await crypto.spin(p.hash, h0, p.spinCount);
  const keyFor = async (block: Uint8Array) =>
    fitLength(await crypto.digest(p.hash, concat(hn, block)), p.keyBytes);
  const iv = fitLength(p.salt, p.blockSize);
  const input = await crypto.aesDecrypt(
    "cbc",
    await keyFor(BLOCK_VERIFIER_INPUT),
    iv,
    whole(p.verifierInput),
  );
  const value = await crypto.aesDecrypt(
    "cbc",
    await keyFor(BLOCK_VERIFIER_VALUE),
    iv,
    whole(p.verifierValue),
  );
  const expected = await crypto.digest(p.hash, input.subarray(0, p.salt.length));
  if (!equal(expected, value.subarray(0, expected.length))) return null;
  const secret = (
    await crypto.aesDecrypt("cbc", await keyFor(BLOCK_KEY_VALUE), iv, whole(p.keyValue))
  ).subarray(0, info.data.keyBytes);
  if (secret.length !== info.data.keyBytes)
    refuse(file, "khóa mã hóa bị cắt cụt", "the encrypted key is cut short");
  const out = new Uint8Array(size);
  for (let i = 0, at = 0; at < size; i++, at += SEGMENT) {
    const segment = whole(body.subarray(at, at + SEGMENT));
    const segmentIv = fitLength(
      await crypto.digest(info.data.hash, concat(info.data.salt, uint32le(i))),
      info.data.blockSize,
    );
    const plain = await crypto.aesDecrypt("cbc", secret, segmentIv, segment);
    out.set(plain.subarray(0, Math.min(plain.length, size - at)), at);
  }
  return out;
}

// ---------------------------------------------------------------- standard

interface StandardInfo {
  keyBytes: number;
  salt: Uint8Array;
  verifier: Uint8Array;
  verifierHash: Uint8Array;
}

/** The binary description of standard encryption (MS-OFFCRYPTO 2.3.4.5): AES with SHA-1 only. */
export function parseStandard(info: Uint8Array, file: string): StandardInfo {
  const v = new DataView(info.buffer, info.byteOffset, info.byteLength);
  const short = () => refuse(file, "mô tả mã hóa bị cắt cụt", "the encryption description is cut short");
  if (info.length < 12 + 32) short();
  const headerSize = v.getUint32(8, true);
  const flags = v.getUint32(12, true);
  const algId = v.getUint32(20, true);
  const keyBits = v.getUint32(28, true);
  // fCryptoAPI (0x04) and fAES (0x20): anything else is RC4 or a custom scheme Excel 2007+ never writes.
  const aes = (flags & 0x24) === 0x24 && [0, 0x660e, 0x660f, 0x6610].includes(algId);
  if (!aes || ![128, 192, 256].includes(keyBits))
    refuse(
      file,
      `mã hóa chuẩn không phải AES (cờ ${flags}, thuật toán ${algId})`,
      `standard encryption that is not AES (flags ${flags}, algorithm ${algId})`,
    );
  const at = 12 + headerSize;
  if (headerSize > info.length || at + 4 + 16 + 16 + 4 + 32 > info.length) short();
  const saltSize = v.getUint32(at, true);
  if (saltSize !== 16) refuse(file, `muối dài ${saltSize} byte`, `a salt of ${saltSize} bytes`);
  return {
    keyBytes: keyBits / 8,
    salt: info.subarray(at + 4, at + 20),
    verifier: info.subarray(at + 20, at + 36),
    verifierHash: info.subarray(at + 40, at + 72),
  };
}

const STANDARD_SPIN = 50_000;

async function decryptStandard(
  info: StandardInfo,
  password: string,
  crypto: CryptoPort,
  body: Uint8Array,
  size: number,
): Promise<Uint8Array | null> {
  const h0 = await crypto.digest("SHA-1", concat(info.salt, utf16le(password)));
  const hn = await crypto.spin("SHA-1", h0, STANDARD_SPIN);
  const final = await crypto.digest("SHA-1", concat(hn, uint32le(0)));
  // MS-OFFCRYPTO 2.3.4.7: the key is cut from SHA-1 of the hash XORed into 64 bytes of 0x36, then of 0x5C.
  const derive = (fill: number) => {
    const buf = new Uint8Array(64).fill(fill);
    for (let i = 0; i < final.length; i++) buf[i] ^= final[i];
    return crypto.digest("SHA-1", buf);
  };
  const key = concat(await derive(0x36), await derive(0x5c)).subarray(0, info.keyBytes);
  const verifier = await crypto.aesDecrypt("ecb", key, new Uint8Array(16), info.verifier);
  const verifierHash = await crypto.aesDecrypt("ecb", key, new Uint8Array(16), info.verifierHash);
  const expected = await crypto.digest("SHA-1", verifier);
  if (!equal(expected, verifierHash.subarray(0, 20))) return null;
  const plain = await crypto.aesDecrypt("ecb", key, new Uint8Array(16), whole(body));
  return plain.subarray(0, size);
}
