import { describe, expect, it } from "vitest";
import { isId, newId } from "./ids";

describe("newId", () => {
  it("makes UUIDv7 strings that sort by creation time", () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(isId(a)).toBe(true);
    expect(a[14]).toBe("7");
    expect(a < b).toBe(true);
  });

  it("carries the millisecond timestamp in its first 48 bits and the RFC 9562 variant", () => {
    const at = Date.UTC(2026, 10, 21, 23, 59, 59, 999);
    const id = newId(at);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
    expect(id[19]).toMatch(/[89ab]/);
    expect(newId(0).slice(0, 13)).toBe("00000000-0000");
    expect(newId(2 ** 48 - 1).slice(0, 13)).toBe("ffffffff-ffff");
  });

  it("does not collide within one millisecond", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });

  it("rejects non-ids", () => {
    expect(isId("../etc/passwd")).toBe(false);
    expect(isId("")).toBe(false);
  });
});
