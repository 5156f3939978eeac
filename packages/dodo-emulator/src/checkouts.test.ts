import { ManualClock } from "@digistore/core";
import { describe, expect, it } from "vitest";
import { createCheckoutSession, getCheckoutStatus } from "./checkouts";
import { DodoApiError } from "./errors";
import { createProduct } from "./products";
import { completeCheckout } from "./payment-attempts";
import { createState, type EmulatorContext } from "./state";
import { newWebhookSecret } from "./testing/fixtures";
import { thrown } from "./testing/thrown";
import { createWebhookDispatcher } from "./webhooks/dispatcher";

function context(): EmulatorContext {
  const clock = new ManualClock("2026-11-21T10:00:00.000Z");
  const businessId = "bus_test";
  const webhooks = createWebhookDispatcher({
    secret: newWebhookSecret(),
    clock,
    businessId,
    retryScheduleMs: [0],
  });
  return { state: createState(), clock, businessId, webhooks };
}

const url = (id: string) => `http://emulator.test/checkout/${id}`;

describe("checkout sessions", () => {
  it("stores nothing when the cart names an unknown product", () => {
    const ctx = context();
    const product = createProduct(ctx, {
      name: "Pixel Icons",
      price: { type: "one_time_price", price: 1999, currency: "USD" },
      tax_category: "digital_products",
    });
    const attempt = () =>
      createCheckoutSession(
        ctx,
        {
          product_cart: [
            { product_id: product.product_id, quantity: 1 },
            { product_id: "pdt_missing", quantity: 1 },
          ],
          customer: { email: "new@example.com", name: "New" },
        },
        url,
      );
    expect(attempt).toThrow(DodoApiError);
    expect(attempt).toThrow(/pdt_missing/);
    expect(ctx.state.sessions.size).toBe(0);
    expect(ctx.state.customers.size).toBe(0);
  });

  it("refuses carts mixing currencies", () => {
    const ctx = context();
    const usd = createProduct(ctx, {
      name: "USD",
      price: { type: "one_time_price", price: 100, currency: "USD" },
      tax_category: "saas",
    });
    const eur = createProduct(ctx, {
      name: "EUR",
      price: { type: "one_time_price", price: 100, currency: "EUR" },
      tax_category: "saas",
    });
    expect(
      thrown(() =>
        createCheckoutSession(
          ctx,
          {
            product_cart: [
              { product_id: usd.product_id, quantity: 1 },
              { product_id: eur.product_id, quantity: 1 },
            ],
          },
          url,
        ),
      ),
    ).toMatchObject({ code: "CURRENCY_MISMATCH", status: 400 });
  });

  it("reuses a customer by email and lets a declined session be paid later", () => {
    const ctx = context();
    const product = createProduct(ctx, {
      name: "Pixel Icons",
      price: { type: "one_time_price", price: 1999, currency: "USD" },
      tax_category: "digital_products",
    });
    const cart = [{ product_id: product.product_id, quantity: 1 }];
    const first = createCheckoutSession(
      ctx,
      { product_cart: cart, customer: { email: "alice@example.com", name: "Alice" } },
      url,
    );
    createCheckoutSession(
      ctx,
      { product_cart: cart, customer: { email: "Alice@Example.com" } },
      url,
    );
    expect(ctx.state.customers.size).toBe(1);

    const declined = completeCheckout(ctx, first.session_id, "failed");
    expect(declined).toMatchObject({ status: "failed", error_code: "CARD_DECLINED" });
    const paid = completeCheckout(ctx, first.session_id, "succeeded");
    expect(getCheckoutStatus(ctx, first.session_id)).toMatchObject({
      payment_id: paid.payment_id,
      payment_status: "succeeded",
      customer_email: "alice@example.com",
    });
    expect(thrown(() => completeCheckout(ctx, first.session_id, "succeeded"))).toMatchObject({
      code: "CHECKOUT_SESSION_CONSUMED",
      status: 409,
    });
  });
});
