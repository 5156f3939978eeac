import { describe, expect, it } from "vitest";
import {
  ZCurrency,
  MAX_AMOUNT,
  ZAmount,
  addMoney,
  formatMoney,
  minorUnitDigits,
  parseMajorAmount,
} from "./money";

describe("money", () => {
  it("formats minor units with the currency's own decimals", () => {
    expect(formatMoney({ amount: 1999, currency: "USD" })).toBe("$19.99");
    expect(formatMoney({ amount: 500, currency: "JPY" })).toBe("¥500");
    expect(formatMoney({ amount: 1000, currency: "KWD" })).toBe("KWD\u00a01.000");
    expect(minorUnitDigits("EUR")).toBe(2);
  });

  it("parses human amounts exactly, refusing extra precision and junk", () => {
    expect(parseMajorAmount("12.5", "USD")).toBe(1250);
    expect(parseMajorAmount("0.10", "USD")).toBe(10);
    expect(parseMajorAmount("19,99", "EUR")).toBe(1999);
    expect(parseMajorAmount("300", "JPY")).toBe(300);
    expect(parseMajorAmount("1.5", "JPY")).toBeNull();
    expect(parseMajorAmount("1.999", "USD")).toBeNull();
    expect(parseMajorAmount("-1", "USD")).toBeNull();
    expect(parseMajorAmount("abc", "USD")).toBeNull();
    expect(parseMajorAmount("50000000.00", "USD")).toBe(5_000_000_000);
    expect(parseMajorAmount("99999999999999", "USD")).toBeNull(); // above MAX_AMOUNT
  });

  it("validates ISO 4217 codes and integer amounts", () => {
    expect(ZCurrency.parse(" usd ")).toBe("USD");
    expect(ZCurrency.safeParse("XXY").success).toBe(false);
    expect(ZAmount.safeParse(12.5).success).toBe(false);
    expect(ZAmount.safeParse(-1).success).toBe(false);
    expect(ZAmount.safeParse(0).success).toBe(true);
    // Item 8 of #12: a real IDR price is above 32 bits; the bound stays below 2^53.
    expect(ZAmount.safeParse(5_000_000_000).success).toBe(true);
    expect(ZAmount.safeParse(MAX_AMOUNT).success).toBe(true);
    expect(ZAmount.safeParse(MAX_AMOUNT + 1).error?.issues[0]?.message).toBe("Amount is too large");
    expect(MAX_AMOUNT * 8).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it("refuses to add different currencies", () => {
    expect(addMoney({ amount: 1, currency: "USD" }, { amount: 2, currency: "USD" })).toEqual({
      amount: 3,
      currency: "USD",
    });
    expect(() => addMoney({ amount: 1, currency: "USD" }, { amount: 2, currency: "EUR" })).toThrow(
      RangeError,
    );
  });
});
