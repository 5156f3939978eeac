import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32";

describe("crc32", () => {
  it("matches the standard check value and known checksums", () => {
    expect(crc32("123456789")).toBe(0xcbf43926);
    expect(crc32("")).toBe(0);
    expect(crc32("The quick brown fox jumps over the lazy dog")).toBe(0x414fa339);
    expect(crc32(Buffer.from("IEND", "latin1"))).toBe(0xae426082);
  });

  it("continues over several buffers", () => {
    expect(crc32("6789", crc32("12345"))).toBe(0xcbf43926);
  });
});
