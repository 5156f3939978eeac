import { minorUnitDigits, type Money } from "@digistore/core";

/** Minor units as a form shows them: 1250 USD → "12.50", 500 JPY → "500". */
export function majorAmount(money: Money): string {
  const digits = minorUnitDigits(money.currency);
  return (money.amount / 10 ** digits).toFixed(digits);
}
