import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

/**
 * SHA-256 of a string's UTF-8 bytes, synchronous and pure. The per-user trust list keys accepted rubrics and
 * settings by it: the 8-digit label hash (FNV-1a) is for people to read and can be forged to collide in
 * minutes, so it never decides what is trusted. WebCrypto's digest is async and absent in some Office
 * webviews, so the digest comes from @noble/hashes (MIT, audited, no dependencies), which runs wherever the
 * engine runs.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
