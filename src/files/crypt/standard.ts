import { type CryptoPort, concat, uint32le } from "./port";
import { equal, refuse, utf16le, whole } from "./shared";

/**
 * ECMA-376 standard encryption (MS-OFFCRYPTO 2.3.4.5-2.3.4.9), as Excel 2007 writes it: a binary
 * description, SHA-1, 50,000 spins, AES-ECB over the whole package.
 */

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

export async function decryptStandard(
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
