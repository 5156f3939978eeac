export type { Discount, DiscountOff } from "./discount";
export type { DiscountsContext } from "./ports";
export type { SellerDiscount, DiscountRedemption } from "./get-discount";
export { createCheckoutDiscounts } from "./checkout-discounts";
export { createDiscount } from "./create-discount";
export { listDiscounts, getDiscount } from "./get-discount";
export { setDiscountDisabled } from "./set-discount-disabled";
export { ZCreateDiscountInput, ZDiscountRef, ZSetDiscountDisabledInput } from "./discounts.schemas";
export type { TCreateDiscountInput } from "./discounts.schemas";
