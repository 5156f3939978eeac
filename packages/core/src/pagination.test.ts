import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors";
import { ZPageInput, decodeCursor, encodeCursor, toPage } from "./pagination";

describe("keyset pagination", () => {
  it("round-trips a cursor key", () => {
    const key = ["2026-01-01T00:00:00.000Z", 42, null];
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });

  it("rejects a tampered cursor as a validation error", () => {
    expect(() => decodeCursor("not-base64-json")).toThrow(ValidationError);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString("base64url"))).toThrow(
      ValidationError,
    );
  });

  it("uses the extra row only to know a next page exists", () => {
    const rows = [1, 2, 3, 4];
    const page = toPage(rows, 3, (n) => [n]);
    expect(page.items).toEqual([1, 2, 3]);
    expect(decodeCursor(page.nextCursor!)).toEqual([3]);
    expect(toPage([1, 2], 3, (n) => [n]).nextCursor).toBeNull();
  });

  it("bounds the page size", () => {
    expect(ZPageInput.parse({}).limit).toBe(24);
    expect(ZPageInput.safeParse({ limit: 0 }).success).toBe(false);
    expect(ZPageInput.safeParse({ limit: 101 }).success).toBe(false);
  });
});
