import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "./errors";
import { parseInput, ZId } from "./validation";

describe("parseInput", () => {
  const schema = z.object({ email: z.email("Enter a valid email"), age: z.number().int() });

  it("returns parsed data", () => {
    expect(parseInput(schema, { email: "a@b.co", age: 3 })).toEqual({ email: "a@b.co", age: 3 });
  });

  it("throws a ValidationError with per-field messages", () => {
    try {
      parseInput(schema, { email: "nope", age: 1.5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const v = error as ValidationError;
      expect(v.fieldErrors.email).toEqual(["Enter a valid email"]);
      expect(v.fieldErrors.age).toHaveLength(1);
      expect(v.message).toBe("Enter a valid email");
    }
  });
});

describe("ZId", () => {
  it("accepts an id, trimmed, and refuses empty or oversized ones with a readable message", () => {
    expect(ZId.parse("  0192e4c1-0000-7000-8000-000000000000 ")).toBe(
      "0192e4c1-0000-7000-8000-000000000000",
    );
    expect(() => parseInput(ZId, "   ")).toThrow("An id is required.");
    expect(() => parseInput(ZId, "x".repeat(65))).toThrow("That id is too long.");
    expect(() => parseInput(ZId, 42)).toThrow(ValidationError);
  });
});
