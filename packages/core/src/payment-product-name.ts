/**
 * The longest product name the payment provider takes. Dodo documents no limit; 100 is the
 * assumption the emulator enforces too (see ADR 0005), so a title that fits here fits there.
 */
export const PAYMENT_PRODUCT_NAME_MAX = 100;

const SUPPORT_PREFIX = "Support: ";

/** The longest title a product may have, so its paid-support name ("Support: …") still fits. */
export const PRODUCT_TITLE_MAX = PAYMENT_PRODUCT_NAME_MAX - SUPPORT_PREFIX.length;

/**
 * What the buyer sees on the provider's checkout and receipt for a product or its paid
 * support. A title saved before the limit existed is shortened, never refused at checkout.
 */
export function paymentProductName(title: string, kind: "product" | "support"): string {
  const name = kind === "support" ? `${SUPPORT_PREFIX}${title}` : title;
  return name.length <= PAYMENT_PRODUCT_NAME_MAX
    ? name
    : `${name.slice(0, PAYMENT_PRODUCT_NAME_MAX - 1)}…`;
}
