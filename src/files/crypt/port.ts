/**
 * The few primitives decrypting an Office file needs, given by the platform: Node's `crypto` (sync, in
 * files/node-crypto.ts, for the command line) or WebCrypto (async, here, for the pane and the page). The
 * decryption is written once against this interface, so both faces open the same files the same way.
 */
export type HashName = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

export interface CryptoPort {
  digest(hash: HashName, data: Uint8Array): Promise<Uint8Array>;
  /**
   * ECMA-376's password spin: h ← H(uint32le(i) ‖ h) for i = 0 … count−1. One call, so a platform with a
   * synchronous hash runs the 100,000 rounds in a tight loop instead of 100,000 promises.
   */
  spin(hash: HashName, start: Uint8Array, count: number): Promise<Uint8Array>;
  /** AES decryption without padding (`data` is whole 16-byte blocks); ECB ignores `iv`. */
  aesDecrypt(mode: "cbc" | "ecb", key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function uint32le(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n >>> 0, true);
  return out;
}

/** A copy that owns a plain ArrayBuffer, as WebCrypto's BufferSource wants. */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/**
 * WebCrypto (`globalThis.crypto.subtle`: the browser, and Node ≥ 20). It has neither ECB nor CBC without
 * padding, so both are built from CBC with PKCS#7 padding: a ciphertext is decrypted unpadded by appending
 * the block CBC would have produced for a full padding block (encrypted with the last ciphertext block as
 * IV), which the decryption then strips; ECB is CBC under a zero IV with each block's CBC chaining
 * (the previous ciphertext block) XORed back out.
 */
export function webCryptoPort(subtle: SubtleCrypto = globalThis.crypto.subtle): CryptoPort {
  const digest = async (hash: HashName, data: Uint8Array) =>
    new Uint8Array(await subtle.digest(hash, own(data)));
  const rawCbc = async (key: Uint8Array, iv: Uint8Array, data: Uint8Array) => {
    if (data.length === 0) return new Uint8Array(0);
    const k = await subtle.importKey("raw", own(key), "AES-CBC", false, ["encrypt", "decrypt"]);
    const last = data.subarray(data.length - 16);
    const pad = new Uint8Array(16).fill(16);
    const padBlock = new Uint8Array(
      await subtle.encrypt({ name: "AES-CBC", iv: own(last) }, k, pad),
    ).subarray(0, 16);
    const plain = await subtle.decrypt({ name: "AES-CBC", iv: own(iv) }, k, own(concat(data, padBlock)));
    return new Uint8Array(plain);
  };
  return {
    digest,
    async spin(hash, start, count) {
      let h = start;
      const buf = new Uint8Array(4 + start.length);
      const view = new DataView(buf.buffer);
      for (let i = 0; i < count; i++) {
        view.setUint32(0, i, true);
        buf.set(h, 4);
        h = await digest(hash, buf);
      }
      return h;
    },
    async aesDecrypt(mode, key, iv, data) {
      if (mode === "cbc") return rawCbc(key, iv, data);
      const out = await rawCbc(key, new Uint8Array(16), data);
      for (let i = 16; i < out.length; i++) out[i] ^= data[i - 16];
      return out;
    },
  };
}
