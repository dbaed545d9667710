import { FileReadError } from "../errors";

// Small helpers shared by the agile and standard decryptions.

/** Refused without trying further: the detail says what in words, each language in its own text. */
export function refuse(file: string, vi: string, en: string): never {
  throw new FileReadError("encrypted", file, { vi, en });
}

export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

export function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function whole(data: Uint8Array): Uint8Array {
  return data.subarray(0, data.length - (data.length % 16));
}
