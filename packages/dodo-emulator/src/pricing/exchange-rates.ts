import { minorUnitDigits } from "@digistore/core";

/**
 * The emulator's fixed exchange rates (US dollars per major unit) for adaptive pricing. Real
 * Dodo uses live rates; these only need to be stable and different from 1.
 */
const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.1,
  GBP: 1.25,
  INR: 0.012,
  JPY: 0.0065,
  IDR: 0.00006,
  BRL: 0.2,
};

/** The currencies a buyer may switch to on the hosted page, when the session allows it. */
export function buyerCurrencies(productCurrency: string): string[] {
  if (!Object.hasOwn(USD_PER_UNIT, productCurrency)) return [productCurrency];
  return Object.keys(USD_PER_UNIT);
}

/** `amount` minor units of `from` in minor units of `to`, rounded to the nearest unit. */
export function convert(amount: number, from: string, to: string): number {
  if (from === to) return amount;
  const fromRate = USD_PER_UNIT[from];
  const toRate = USD_PER_UNIT[to];
  if (fromRate === undefined || toRate === undefined) {
    throw new RangeError(`The emulator has no exchange rate between ${from} and ${to}`);
  }
  const major = (amount / 10 ** minorUnitDigits(from)) * fromRate;
  return Math.round((major / toRate) * 10 ** minorUnitDigits(to));
}
