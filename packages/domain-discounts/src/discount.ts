import { formatMoney, type Money } from "@digistore/core";
import type { DiscountCodesTable } from "@digistore/db";
import type { Selectable } from "kysely";

export type DiscountRow = Selectable<DiscountCodesTable>;

/** What a code takes off: a percentage, or an amount in each currency it names. */
export type DiscountOff =
  | { readonly kind: "percent"; readonly percentOff: number }
  | { readonly kind: "fixed"; readonly amountsOff: readonly Money[] };

export interface Discount {
  readonly id: string;
  readonly code: string;
  readonly off: DiscountOff;
  readonly allProducts: boolean;
  readonly productIds: readonly string[];
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly maxRedemptions: number | null;
  readonly perCustomerLimit: number | null;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export function toDiscount(
  row: DiscountRow,
  amountsOff: readonly Money[],
  productIds: readonly string[],
): Discount {
  return {
    id: row.id,
    code: row.code,
    off:
      row.percent_off === null
        ? { kind: "fixed", amountsOff }
        : { kind: "percent", percentOff: row.percent_off },
    allProducts: row.all_products === 1,
    productIds,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    maxRedemptions: row.max_redemptions,
    perCustomerLimit: row.per_customer_limit,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}

/** The amount the code takes off this price, or null when it does not cover its currency. */
export function amountOff(off: DiscountOff, price: Money): Money | null {
  if (off.kind === "percent") {
    // BigInt: a large price times the percentage passes the largest exact double. Half up.
    const taken = (BigInt(price.amount) * BigInt(off.percentOff) + 50n) / 100n;
    return { amount: Number(taken), currency: price.currency };
  }
  return off.amountsOff.find((a) => a.currency === price.currency) ?? null;
}

/** "20% off" or "$5.00 off" (each currency, for the seller's list). */
export function offLabel(off: DiscountOff): string {
  if (off.kind === "percent") return `${off.percentOff}% off`;
  return `${off.amountsOff.map((a) => formatMoney(a)).join(" / ")} off`;
}
