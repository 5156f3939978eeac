import { ValidationError, type Money } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import type { AppliedDiscount, CheckoutDiscounts, DiscountableProduct } from "./ports";

/**
 * The smallest amount the provider is told it may charge once a code lowered the price: the
 * store decides the exact amount per checkout, and the provider's floor only has to stay below
 * every discounted amount (ADR 0012).
 */
const DISCOUNTED_FLOOR = 1;

export interface CheckoutPricing {
  /** The product as the buyer buys it: price (or minimum) and suggestion after any code. */
  readonly product: Pick<DiscountableProduct, "price" | "payWhatYouWant" | "suggestedPrice">;
  readonly discount: AppliedDiscount | null;
  /** Set when the provider must accept a store-set amount: pay what you want, or a code. */
  readonly providerFloor: Money | undefined;
}

/** The price a buyer pays before choosing an amount: the product's, after the code if any. */
export async function checkoutPricing(
  ctx: { db: Kysely<Database>; discounts?: CheckoutDiscounts | undefined },
  buyerId: string,
  product: DiscountableProduct,
  code: string | undefined,
): Promise<CheckoutPricing> {
  if (code === undefined) {
    return {
      product,
      discount: null,
      providerFloor: product.payWhatYouWant ? product.price : undefined,
    };
  }
  if (!ctx.discounts) {
    throw new ValidationError("This code does not apply to this product.", {
      discountCode: ["This code does not apply to this product."],
    });
  }
  const discount = await ctx.discounts.apply(ctx.db, { code, buyerId, product });
  return {
    product: {
      price: discount.price,
      payWhatYouWant: product.payWhatYouWant,
      suggestedPrice: discount.suggestedPrice,
    },
    discount,
    providerFloor: { amount: DISCOUNTED_FLOOR, currency: product.price.currency },
  };
}
