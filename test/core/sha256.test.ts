import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/core/sha256";

describe("sha256Hex", () => {
  it("gives the FIPS 180-4 digests of the standard vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("agrees with Node's crypto on text of every length around the block edges, Vietnamese included", () => {
    for (let n = 0; n < 200; n++) {
      const text = "Bộ chỉ số CCHC xã, phường — ".repeat(8).slice(0, n);
      expect(sha256Hex(text), String(n)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});
