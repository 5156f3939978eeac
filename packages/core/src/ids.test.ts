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

  it("does not collide within one millisecond", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });

  it("rejects non-ids", () => {
    expect(isId("../etc/passwd")).toBe(false);
    expect(isId("")).toBe(false);
  });
});
