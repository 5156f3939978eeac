import { z } from "zod";
import { PAYMENT_CURRENCIES } from "./payment-currencies";

/**
 * Money is an integer count of the currency's minor unit (cents for USD, yen for JPY) plus an
 * ISO 4217 code. No floats ever touch an amount; formatting is the only place decimals appear.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const supportedCurrencies: ReadonlySet<string> = new Set(PAYMENT_CURRENCIES);

/** A currency the store can sell in: one the payment provider charges in (not all of ISO 4217). */
export function isCurrency(code: string): boolean {
  return supportedCurrencies.has(code);
}

export const ZCurrency = z.string().trim().toUpperCase().refine(isCurrency, {
  message: "The payment provider does not take this currency: use one such as USD or EUR",
});

/**
 * Largest amount we accept, in minor units: 10^15 (a 50,000,000 IDR price is 5·10^9). Amount
 * columns are 64-bit on every engine; the bound stays well below 2^53 so an amount, and sums
 * of a few of them, are exact JS numbers (the pg driver refuses an int8 beyond 2^53).
 */
export const MAX_AMOUNT = 1_000_000_000_000_000;

export const ZAmount = z
  .number()
  .int("Amount must be a whole number of minor units (e.g. cents)")
  .min(0, "Amount cannot be negative")
  .max(MAX_AMOUNT, "Amount is too large");

// Building an Intl.NumberFormat costs far more than formatting with one, and the set of
// currencies and locales a store sees is small: keep one per key for the process.
const digitsByCurrency = new Map<string, number>();
const formatters = new Map<string, Intl.NumberFormat>();

export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Minor units as a form or a spreadsheet shows them: 1250 USD → "12.50", 500 JPY → "500". */
export function majorAmount(money: Money): string {
  const digits = minorUnitDigits(money.currency);
  return (money.amount / 10 ** digits).toFixed(digits);
}

export function formatMoney(money: Money, locale = "en-US"): string {
  const digits = minorUnitDigits(money.currency);
  const key = `${locale} ${money.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(money.amount / 10 ** digits);
}

/** Parses a human amount ("12.50") into minor units without floating-point rounding. */
export function parseMajorAmount(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const match = /^\s*(\d{1,16})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const amount = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(amount) && amount <= MAX_AMOUNT ? amount : null;
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new RangeError(`Cannot add ${a.currency} to ${b.currency}`);
  }
  return { amount: a.amount + b.amount, currency: a.currency };
}
