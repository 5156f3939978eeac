import type { PaymentCountry, PaymentCurrency } from "@digistore/core";
import type { CheckoutSessionCreateParams } from "dodopayments/resources/checkout-sessions";
import type { CountryCode, Currency } from "dodopayments/resources/misc";
import type { RefundCreateParams } from "dodopayments/resources/refunds";
import { describe, expect, expectTypeOf, it } from "vitest";
import { checkoutSessionParams } from "./checkout-session-params";
import { refundParams } from "./refund";
import { checkoutRequest } from "./testing/harness";

// The SDK's types are the contract with Dodo: `npm run typecheck` fails if our lists or
// request bodies drift from them.

describe("the dodopayments SDK's types", () => {
  it("item 1 / 9: our country and currency lists are exactly Dodo's CountryCode and Currency", () => {
    expectTypeOf<PaymentCountry>().toEqualTypeOf<CountryCode>();
    expectTypeOf<PaymentCurrency>().toEqualTypeOf<Currency>();
  });

  it("the checkout and refund bodies are the SDK's parameter types", () => {
    expectTypeOf(checkoutSessionParams).returns.toEqualTypeOf<CheckoutSessionCreateParams>();
    expectTypeOf(refundParams).returns.resolves.toEqualTypeOf<RefundCreateParams>();
  });

  it("items 2, 3, 12: the session turns off currency switching and Dodo's discount codes, and has a back button", () => {
    const request = checkoutRequest({ id: "p1", title: "Icons" });
    const params = checkoutSessionParams(request, "pdt_1") satisfies CheckoutSessionCreateParams;
    expect(params.feature_flags).toEqual({
      allow_currency_selection: false,
      allow_discount_code: false,
    });
    expect(params.cancel_url).toBe(request.cancelUrl);
    expect(params.metadata).toEqual({ order_id: request.orderId, kind: "product" });
  });
});
