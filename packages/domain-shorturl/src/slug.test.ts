import { describe, expect, it } from "vitest";
import {
  CUSTOM_SLUG_PATTERN,
  isReservedSlug,
  normaliseSlug,
  RANDOM_SLUG_ALPHABET,
  RANDOM_SLUG_LENGTH,
  randomSlug,
} from "./slug";

describe("slugs", () => {
  it("draws random slugs of 7 unambiguous characters", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const slug = randomSlug();
      expect(slug).toHaveLength(RANDOM_SLUG_LENGTH);
      expect([...slug].every((c) => RANDOM_SLUG_ALPHABET.includes(c))).toBe(true);
      seen.add(slug);
    }
    expect(seen.size).toBe(2000);
    for (const ambiguous of ["0", "o", "1", "l", "i"]) {
      expect(RANDOM_SLUG_ALPHABET).not.toContain(ambiguous);
    }
  });

  it("compares slugs without case and refuses reserved words in any case", () => {
    expect(normaliseSlug("  Black-Friday ")).toBe("black-friday");
    expect(isReservedSlug("Admin")).toBe(true);
    expect(isReservedSlug("LOGIN")).toBe(true);
    expect(isReservedSlug("api")).toBe(true);
    expect(isReservedSlug("spring-sale")).toBe(false);
  });

  it("allows custom slugs of 3 to 64 letters, digits, - and _ only", () => {
    for (const ok of ["abc", "a-b_c", "x".repeat(64), "2026"])
      expect(CUSTOM_SLUG_PATTERN.test(ok)).toBe(true);
    for (const bad of [
      "ab",
      "x".repeat(65),
      "a b",
      "a/b",
      "a.b",
      "ab%",
      "ABC",
      "é-promo",
      "../x",
    ]) {
      expect([bad, CUSTOM_SLUG_PATTERN.test(bad)]).toEqual([bad, false]);
    }
  });
});
