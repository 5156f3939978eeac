import type { Product } from "../dodo-types";
import { DodoApiError } from "../errors";

/**
 * What one unit of a one-time product costs in a checkout: the price less its discount
 * (`discount_bps` wins over the deprecated percent `discount`), or the buyer's chosen `amount`
 * for pay-what-you-want products (never below the price, which is then the minimum).
 */
export function unitAmount(product: Product, requested: number | null | undefined): number {
  const price = product.price;
  if (price.type !== "one_time_price") {
    throw new DodoApiError(
      422,
      "SUBSCRIPTIONS_NOT_SUPPORTED",
      `Product ${product.product_id} is a subscription; the emulator only sells one-time products`,
    );
  }
  if (price.pay_what_you_want && requested != null) {
    if (requested < price.price) {
      throw new DodoApiError(
        400,
        "AMOUNT_BELOW_MINIMUM",
        `amount for ${product.product_id} must be at least ${price.price}`,
      );
    }
    return requested;
  }
  const bps = price.discount_bps ?? Math.round((price.discount ?? 0) * 100);
  return Math.round((price.price * (10_000 - bps)) / 10_000);
}
