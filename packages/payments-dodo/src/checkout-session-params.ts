import type { CheckoutRequest } from "@digistore/domain-orders";
import type {
  CheckoutSessionBillingAddress,
  CheckoutSessionCreateParams,
} from "dodopayments/resources/checkout-sessions";
import type { CountryCode } from "dodopayments/resources/misc";

/** Dodo's billing address: the country is required, empty optional fields are left out. */
export function billingAddress(billing: CheckoutRequest["billing"]): CheckoutSessionBillingAddress {
  const address: CheckoutSessionBillingAddress = {
    // The domain validated it against the country list that equals Dodo's CountryCode.
    country: billing.country.trim().toUpperCase() as CountryCode,
  };
  for (const field of ["street", "city", "state", "zipcode"] as const) {
    const value = billing.address?.[field]?.trim();
    if (value) address[field] = value;
  }
  return address;
}

/**
 * The body of `POST /checkouts` for one unit of the synced Dodo product. Typed as the SDK's
 * own params, so a field Dodo does not have fails to compile.
 */
export function checkoutSessionParams(
  request: CheckoutRequest,
  dodoProductId: string,
): CheckoutSessionCreateParams {
  const name = request.customer.name.trim();
  return {
    product_cart: [
      {
        product_id: dodoProductId,
        quantity: 1,
        // Always the order's amount: a pay-what-you-want copy charges exactly it, and Dodo
        // ignores it for a fixed price (ADR 0012).
        amount: request.price.amount,
      },
    ],
    customer: { email: request.customer.email, ...(name ? { name } : {}) },
    billing_address: billingAddress(request.billing),
    return_url: request.returnUrl,
    // Without it Dodo's hosted page has no back button.
    cancel_url: request.cancelUrl,
    feature_flags: {
      // The buyer pays the order's price in the order's currency (ADR 0005); Dodo's default
      // lets them switch to their local currency, which no longer matches the order.
      allow_currency_selection: false,
      // Dodo's own discount codes would charge less than the order asks for (and the order
      // would never count as paid); the store's discounts change the order's price instead.
      allow_discount_code: false,
    },
    metadata: { order_id: request.orderId, kind: request.kind },
  };
}
