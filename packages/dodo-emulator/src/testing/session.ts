import type { CheckoutSessionFlags } from "dodopayments/resources/checkout-sessions";
import type { RunningEmulator } from "./fixtures";

/** A one-product checkout session for a German buyer, with the given feature flags. */
export function sessionFor(
  running: RunningEmulator,
  productId: string,
  options: { flags?: CheckoutSessionFlags; country?: "DE" | "US" } = {},
) {
  return running.client.checkoutSessions.create({
    product_cart: [{ product_id: productId, quantity: 1 }],
    customer: { email: "alice@example.com", name: "Alice" },
    billing_address: { country: options.country ?? "DE" },
    return_url: "https://shop.example.com/checkout/return",
    metadata: { order_id: "ord_7" },
    ...(options.flags ? { feature_flags: options.flags } : {}),
  });
}
