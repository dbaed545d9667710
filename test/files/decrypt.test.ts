import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { analyseUnits } from "../../src/app/units";
import { packSnapshot, unpackSnapshot } from "../../src/cli/snapshot-transfer";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { decryptPackage, EXCEL_DEFAULT_PASSWORD } from "../../src/files/crypt/decrypt";
import { webCryptoPort } from "../../src/files/crypt/port";
import { FileReadError } from "../../src/files/errors";
import { readWorkbookFile } from "../../src/files/node";
import { nodeCryptoPort } from "../../src/files/node-crypto";
import { readWorkbook } from "../../src/files/read-workbook";
import { readWorkbookBytes } from "../../src/files/read-workbook-bytes";
import { checkBytes } from "../../src/standalone/check";

/**
 * #24 item 9: workbooks encrypted with Excel's built-in password are decrypted (agile and standard
 * ECMA-376), by Node's crypto and by WebCrypto alike; a real password is refused as before. The encrypted
 * files come from independent encryptors (msoffcrypto-tool, scripts/make-encrypted-fixtures.py; excelize's
 * and msoffcrypto's own test files), never from this code.
 */
const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));
const bytesOf = (p: string) => new Uint8Array(readFileSync(fixture(p)));
const DEFAULT_KEY = "external/derived/Book1-default-key.xlsx";
const REAL_PASSWORD = "encrypted/Book1-real-password.xlsx";
const plain = readWorkbook(bytesOf("external/excelize/Book1.xlsx"), "Book1.xlsx");
const ports = { node: nodeCryptoPort, webcrypto: webCryptoPort() };

function reason(e: unknown): string {
  if (!(e instanceof FileReadError)) throw e;
  return e.reason;
}

describe("the platform's crypto: WebCrypto's unpadded CBC and ECB equal Node's", () => {
  for (const bits of [128, 256]) {
    it(`AES-${bits}, CBC and ECB, 1 to 300 blocks`, async () => {
      for (const blocks of [1, 2, 300]) {
        const key = randomBytes(bits / 8);
        const iv = randomBytes(16);
        const data = randomBytes(blocks * 16);
        for (const mode of ["cbc", "ecb"] as const) {
          const node = await nodeCryptoPort.aesDecrypt(mode, key, iv, data);
          const web = await ports.webcrypto.aesDecrypt(mode, key, iv, data);
          expect(node.length).toBe(data.length);
          expect(Buffer.from(web).equals(Buffer.from(node))).toBe(true);
        }
      }
    });
  }

  it("the spin is the same chain in both", async () => {
    const start = randomBytes(64);
    const a = await nodeCryptoPort.spin("SHA-512", start, 1000);
    const b = await ports.webcrypto.spin("SHA-512", start, 1000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(start)).toBe(false);
  });
});

describe("agile encryption (msoffcrypto-tool: SHA-512, AES-256, 100,000 spins)", () => {
  for (const [face, crypto] of Object.entries(ports)) {
    it(`${face}: the default-key workbook reads as the plain one, marked as protected`, async () => {
      const wb = await readWorkbookBytes(bytesOf(DEFAULT_KEY), "Book1-default-key.xlsx", { crypto });
      expect(wb.protection).toBe("excel-default-key");
      expect(wb.sheets).toEqual(plain.sheets);
    }, 60_000);

    it(`${face}: a real password is refused as encrypted, with the message it always had`, async () => {
      const e = await readWorkbookBytes(bytesOf(REAL_PASSWORD), "r.xlsx", { crypto }).catch((x) => x);
      expect(reason(e)).toBe("encrypted");
      expect(e.message).toEqual(new FileReadError("encrypted", "r.xlsx").message);
    }, 60_000);
  }

  it("the same derivation opens the real-password file with its password (the product never tries it)", async () => {
    const d = await decryptPackage(bytesOf(REAL_PASSWORD), "par-index-secret", nodeCryptoPort, "r", 1e9);
    expect(d?.scheme).toBe("agile");
    expect(readWorkbook(d?.bytes as Uint8Array, "r").sheets).toEqual(plain.sheets);
  });

  it("excelize's agile SHA-1 and SHA-512 files open with their password, not with the default one", async () => {
    for (const name of ["encryptSHA1", "encryptSHA512"]) {
      const bytes = bytesOf(`external/excelize/${name}.xlsx`);
      expect(await decryptPackage(bytes, EXCEL_DEFAULT_PASSWORD, nodeCryptoPort, name, 1e9)).toBeNull();
      const d = await decryptPackage(bytes, "password", nodeCryptoPort, name, 1e9);
      expect(d?.scheme).toBe("agile");
      expect(readWorkbook(d?.bytes as Uint8Array, name).sheets.length).toBeGreaterThan(0);
    }
  });

  it("the command line (Node's crypto through readWorkbookFile) reads it too", async () => {
    const wb = await readWorkbookFile(fixture(DEFAULT_KEY));
    expect(wb.protection).toBe("excel-default-key");
    expect(wb.sheets).toEqual(plain.sheets);
    expect(reason(await readWorkbookFile(fixture(REAL_PASSWORD)).catch((x) => x))).toBe("encrypted");
  });
});

describe("standard encryption (SHA-1, 50,000 spins, AES-128-ECB)", () => {
  for (const [face, crypto] of Object.entries(ports)) {
    it(`${face}: msoffcrypto's own test file decrypts to the bytes its project records`, async () => {
      const bytes = bytesOf("encrypted/ecma376standard_password.docx");
      expect(await decryptPackage(bytes, EXCEL_DEFAULT_PASSWORD, crypto, "s", 1e9)).toBeNull();
      const d = await decryptPackage(bytes, "Password1234_", crypto, "s", 1e9);
      expect(d?.scheme).toBe("standard");
      const expected = bytesOf("encrypted/ecma376standard_password_plain.docx");
      expect(Buffer.from(d?.bytes as Uint8Array).equals(Buffer.from(expected))).toBe(true);
    }, 60_000);
  }

  for (const [face, crypto] of Object.entries(ports)) {
    it(`${face}: a default-key workbook under standard encryption reads as the plain one`, async () => {
      const bytes = bytesOf("encrypted/Book1-default-key-standard.xlsx");
      const wb = await readWorkbookBytes(bytes, "Book1-default-key-standard.xlsx", { crypto });
      expect(wb.protection).toBe("excel-default-key");
      expect(wb.sheets).toEqual(plain.sheets);
    }, 60_000);
  }

  it("excelize's standard-encrypted workbook opens with its password; the product refuses it", async () => {
    const bytes = bytesOf("external/excelize/encryptAES.xlsx");
    const d = await decryptPackage(bytes, "password", nodeCryptoPort, "encryptAES", 1e9);
    expect(d?.scheme).toBe("standard");
    expect(Object.keys(unzipSync(d?.bytes as Uint8Array))).toContain("xl/workbook.xml");
    expect(reason(await readWorkbookFile(fixture("external/excelize/encryptAES.xlsx")).catch((x) => x))).toBe(
      "encrypted",
    );
  });
});

describe("damaged encrypted files fail alone, with a reason", () => {
  it("cut anywhere, the default-key file is refused (never read half, never thrown past FileReadError)", async () => {
    const bytes = bytesOf(DEFAULT_KEY);
    for (const cut of [600, 2048, 5000, 12_000, bytes.length - 100]) {
      const e = await readWorkbookBytes(bytes.subarray(0, cut), "cut.xlsx", { crypto: nodeCryptoPort }).catch(
        (x) => x,
      );
      expect(e, `cut at ${cut}`).toBeInstanceOf(FileReadError);
    }
  });

  it("bytes flipped all through the file: refused with a reason, or read — never a crash", async () => {
    for (const step of [97, 389, 1021]) {
      const bytes = new Uint8Array(bytesOf(DEFAULT_KEY));
      for (let i = 600; i < bytes.length; i += step) bytes[i] ^= 0x5a;
      const r = await readWorkbookBytes(bytes, "flip.xlsx", { crypto: nodeCryptoPort }).catch((x) => x);
      if (!("sheets" in r)) expect(r, `every ${step}th byte`).toBeInstanceOf(FileReadError);
    }
  });
});

describe("a page without WebCrypto (not served over https)", () => {
  it("refuses a default-key file as encrypted, saying why, instead of failing on an undefined", async () => {
    vi.stubGlobal("crypto", undefined);
    try {
      const e = await readWorkbookBytes(bytesOf(DEFAULT_KEY), "b.xlsx").catch((x) => x);
      expect(reason(e)).toBe("encrypted");
      expect(e.message).toContain("WebCrypto");
      // A plain workbook needs no crypto at all.
      const wb = await readWorkbookBytes(bytesOf("external/excelize/Book1.xlsx"), "Book1.xlsx");
      expect(wb.sheets).toEqual(plain.sheets);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("the decrypted package is held to the reader's limits", () => {
  it("a package larger than maxFileBytes is refused before it is decrypted", async () => {
    const e = await readWorkbookBytes(bytesOf(DEFAULT_KEY), "b.xlsx", {
      crypto: nodeCryptoPort,
      limits: { maxFileBytes: 1000 },
    }).catch((x) => x);
    expect(reason(e)).toBe("encrypted");
    expect(e.message).toMatch(/limit of 1000 B|limit of 0\.0 MB/);
  });

  it("the decrypted zip goes through the container's limits (a part over maxPartBytes)", async () => {
    const e = await readWorkbookBytes(bytesOf(DEFAULT_KEY), "b.xlsx", {
      crypto: nodeCryptoPort,
      limits: { maxPartBytes: 100 },
    }).catch((x) => x);
    expect(reason(e)).toBe("too-large");
  });
});

describe("never silent: a decrypted file says so in every face", () => {
  const rubric = builtinRubric("example-commune-2024") as Rubric;
  const notes = (findings: { code: string }[]) =>
    findings.filter((f) => f.code === "opened-with-default-key");

  it("the analysis carries one opened-with-default-key note naming the file; the plain file none", async () => {
    const wb = await readWorkbookFile(fixture(DEFAULT_KEY));
    const found = notes(analyseUnits(wb, { rubric, source: "Book1-default-key.xlsx" }).findings);
    expect(found).toEqual([expect.objectContaining({ severity: "info", sheet: null })]);
    expect((found[0] as unknown as { message: { vi: string; en: string } }).message.en).toContain(
      "Book1-default-key.xlsx",
    );
    expect(notes(analyseUnits(plain, { rubric, source: "Book1.xlsx" }).findings)).toEqual([]);
  });

  it("the command line's worker transfer keeps the mark (pack/unpack)", async () => {
    const wb = await readWorkbookFile(fixture(DEFAULT_KEY));
    expect(unpackSnapshot(packSnapshot(wb)).protection).toBe("excel-default-key");
    expect(unpackSnapshot(packSnapshot(plain)).protection).toBeUndefined();
  });

  it("the standalone page (WebCrypto) reads it and shows the note", async () => {
    const checked = await checkBytes(bytesOf(DEFAULT_KEY), "Book1-default-key.xlsx", rubric);
    expect(checked.error).toBeNull();
    expect(notes(checked.findings)).toHaveLength(1);
  }, 60_000);
});
