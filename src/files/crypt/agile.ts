import { SaxesParser } from "saxes";
import { FileReadError } from "../errors";
import { count } from "../limits";
import { xmlFaultWords } from "../read-workbook";
import { type CryptoPort, concat, type HashName, uint32le } from "./port";
import { equal, refuse, utf16le, whole } from "./shared";

/**
 * ECMA-376 agile encryption (MS-OFFCRYPTO 2.3.4.10-2.3.4.15), as Excel 2010 and later write it: an XML
 * description, SHA-512 and AES-256-CBC by default, 100,000 spins, the package in 4,096-byte segments each
 * with its own IV.
 */

/**
 * Excel (and LibreOffice, msoffcrypto) write 100,000 spins: ~0.15 s of SHA-512 with Node's crypto, 1–3 s with
 * WebCrypto. The standard allows up to 10,000,000 — 15 s to minutes per file, past the reader's time budget —
 * so ten times Excel's count is the limit; a file claiming more is refused before a single spin.
 */
export const MAX_SPIN_COUNT = 1_000_000;
const SEGMENT = 4096;

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
    const why = xmlFaultWords(e);
    throw new FileReadError("encrypted", file, {
      vi: `EncryptionInfo: ${why.vi}`,
      en: `EncryptionInfo: ${why.en}`,
    });
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
      `spinCount ${count(spin, "vi")} vượt giới hạn ${count(MAX_SPIN_COUNT, "vi")} (Excel dùng ${count(100_000, "vi")})`,
      `spinCount ${count(spin, "en")} is over the limit of ${count(MAX_SPIN_COUNT, "en")} (Excel uses ${count(100_000, "en")})`,
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

export async function decryptAgile(
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
