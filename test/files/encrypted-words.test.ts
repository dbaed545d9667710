import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CryptoPort } from "../../src/files/crypt/port";
import { FileReadError } from "../../src/files/errors";
import { readWorkbookBytes } from "../../src/files/read-workbook-bytes";
import { ATTACKS } from "../reliability/hostile-gen";

/**
 * A damaged or hostile package is refused with what is wrong in words (files/crypt, the XML parser's
 * complaint): each language's text carries its own words only. They were "vi / en" in both texts.
 */
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
const ENGLISH =
  /\b(the|is|are|of|than|not|too|cut|short|spins|stream|loops?|chain|declares?|key|line|column|invalid)\b/i;
const WORDED = new Set(["encrypted", "malformed-xml", "damaged", "zip-bomb", "too-large"]);

describe("a package refused with words: one language per text", () => {
  const worded = ATTACKS.filter((a) => "reason" in a.verdict && WORDED.has(a.verdict.reason));

  it("covers the hostile packages refused with words (encrypted, damaged, too large)", () => {
    expect(worded.length).toBeGreaterThanOrEqual(6);
  });

  for (const a of worded) {
    it(a.name, async () => {
      const error = await readWorkbookBytes(a.build(), "tep.xlsx").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileReadError);
      const { text } = error as FileReadError;
      expect(text.vi.replace("tep.xlsx: ", "")).not.toMatch(ENGLISH);
      expect(text.en).not.toMatch(VIETNAMESE);
    }, 30_000);
  }
});

describe("the platform's crypto failing on a file: its English words in the English text only", () => {
  const path = fileURLToPath(new URL("../fixtures/external/derived/Book1-default-key.xlsx", import.meta.url));
  // WebCrypto's own words for a failed AES step: English, whatever the user's language.
  const failing = (): Promise<Uint8Array> => {
    const e = new Error("The operation failed for an operation-specific reason");
    e.name = "OperationError";
    return Promise.reject(e);
  };
  const crypto: CryptoPort = { digest: failing, spin: failing, aesDecrypt: failing };

  it("says in Vietnamese that decrypting failed, keeping only the error's name as a code", async () => {
    const bytes = new Uint8Array(readFileSync(path));
    const error = await readWorkbookBytes(bytes, "tep.xlsx", { crypto }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileReadError);
    const { reason, text } = error as FileReadError;
    expect(reason).toBe("encrypted");
    expect(text.en).toContain("The operation failed for an operation-specific reason");
    expect(text.vi).toContain("OperationError");
    expect(text.vi.replace("tep.xlsx: ", "")).not.toMatch(ENGLISH);
    expect(text.vi).not.toContain("operation failed");
  });
});
