import { formatMoney, type Money } from "@digistore/core";

/** A price as buyers read it: a pay-what-you-want price is a minimum ("from $5.00"). */
export function priceLabel(product: { price: Money; payWhatYouWant?: boolean }): string {
  return product.payWhatYouWant ? `from ${formatMoney(product.price)}` : formatMoney(product.price);
}
