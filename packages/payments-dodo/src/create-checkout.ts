import type { CheckoutRequest } from "@digistore/domain-orders";
import type { CheckoutSessionBillingAddress } from "dodopayments/resources/checkout-sessions";
import type { CountryCode } from "dodopayments/resources/misc";
import { callDodo } from "./dodo-client";
import { syncProduct, type SyncProductDeps } from "./sync-product";

/** Dodo's billing address: the country is required, empty optional fields are left out. */
export function billingAddress(billing: CheckoutRequest["billing"]): CheckoutSessionBillingAddress {
  const address: CheckoutSessionBillingAddress = {
    country: billing.country.trim().toUpperCase() as CountryCode,
  };
  for (const field of ["street", "city", "state", "zipcode"] as const) {
    const value = billing.address?.[field]?.trim();
    if (value) address[field] = value;
  }
  return address;
}

/**
 * Syncs the product, then opens Dodo's hosted checkout for one unit of it. Our order id and
 * kind travel as the session's metadata, so payment events name the order.
 */
export async function createDodoCheckout(
  deps: SyncProductDeps,
  request: CheckoutRequest,
): Promise<{ redirectUrl: string; checkoutId: string }> {
  const productId = await syncProduct(deps, {
    productId: request.product.id,
    kind: request.kind,
    title: request.product.title,
    price: request.price,
  });
  const name = request.customer.name.trim();
  const session = await callDodo("create the checkout session", () =>
    deps.client.checkoutSessions.create({
      product_cart: [{ product_id: productId, quantity: 1 }],
      customer: { email: request.customer.email, ...(name ? { name } : {}) },
      billing_address: billingAddress(request.billing),
      return_url: request.returnUrl,
      metadata: { order_id: request.orderId, kind: request.kind },
    }),
  );
  if (!session.checkout_url) {
    throw new Error(`Dodo Payments returned no checkout URL for session ${session.session_id}`);
  }
  return { redirectUrl: session.checkout_url, checkoutId: session.session_id };
}
