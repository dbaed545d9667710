import { createDecipheriv, createHash } from "node:crypto";
import type { CryptoPort, HashName } from "./crypt/port";

/**
 * Node's `crypto` behind the decryption's port (files/crypt/port.ts): synchronous, with ECB and unpadded
 * CBC built in, so the 100,000-round password spin is a plain loop. Used by the command line (files/node.ts).
 */
const NODE_HASH: Record<HashName, string> = {
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

function hashSync(hash: HashName, data: Uint8Array): Uint8Array {
  return createHash(NODE_HASH[hash]).update(data).digest();
}

export const nodeCryptoPort: CryptoPort = {
  digest: async (hash, data) => hashSync(hash, data),
  async spin(hash, start, count) {
    const name = NODE_HASH[hash];
    const index = Buffer.alloc(4);
    let h: Uint8Array = start;
    for (let i = 0; i < count; i++) {
      index.writeUInt32LE(i, 0);
      h = createHash(name).update(index).update(h).digest();
    }
    return h;
  },
  async aesDecrypt(mode, key, iv, data) {
    const cipher = `aes-${key.length * 8}-${mode}`;
    const d = createDecipheriv(cipher, key, mode === "ecb" ? null : iv);
    d.setAutoPadding(false);
    return new Uint8Array(Buffer.concat([d.update(data), d.final()]));
  },
};
