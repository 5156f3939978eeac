import DodoPayments, {
  APIError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  UnprocessableEntityError,
} from "dodopayments";
import type { Payment } from "dodopayments/resources/payments";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ebook, startEmulator, type RunningEmulator } from "./testing/fixtures";

describe("the official dodopayments SDK against the emulator", () => {
  let running: RunningEmulator;
  beforeEach(async () => {
    running = await startEmulator();
  });
  afterEach(() => running.emulator.close());

  async function paidCheckout(price = 1999, quantity = 1) {
    const { client } = running;
    const product = await ebook(client, "Pixel Icons", price);
    const session = await client.checkoutSessions.create({
      product_cart: [{ product_id: product.product_id, quantity }],
      customer: { email: "alice@example.com", name: "Alice" },
      billing_address: { country: "DE" },
      return_url: "https://shop.example.com/checkout/return",
      metadata: { order_id: "ord_123" },
    });
    const paid = await running.control("POST", `checkouts/${session.session_id}/pay`);
    expect(paid.status).toBe(200);
    return { product, session, payment: paid.json as Payment };
  }

  it("creates, updates and retrieves a product with Dodo's fields", async () => {
    const { client, emulator } = running;
    const product = await ebook(client);
    expect(product.product_id).toMatch(/^pdt_[0-9A-Za-z]{21}$/);
    expect(product).toMatchObject({
      name: "Pixel Icons",
      business_id: emulator.businessId,
      is_recurring: false,
      tax_category: "digital_products",
      price: { type: "one_time_price", price: 1999, currency: "USD", discount: 0 },
    });

    const updated = await client.products.update(product.product_id, {
      name: "Pixel Icons 2",
      description: "Now with 500 icons",
      price: {
        type: "one_time_price",
        price: 2499,
        currency: "USD",
        discount: 0,
        purchasing_power_parity: false,
      },
    });
    expect(updated).toBeFalsy(); // Dodo answers an update with an empty body

    const fetched = await client.products.retrieve(product.product_id);
    expect(fetched).toMatchObject({
      name: "Pixel Icons 2",
      description: "Now with 500 icons",
      price: { price: 2499 },
      created_at: product.created_at,
    });

    const listed = await client.products.list();
    expect(listed.items.map((p) => p.product_id)).toEqual([product.product_id]);
    expect(listed.items[0]).toMatchObject({ price: 2499, currency: "USD" });
  });

  it("creates a checkout session, pays it and shows the payment with its metadata", async () => {
    const { client } = running;
    const product = await ebook(client);
    const session = await client.checkoutSessions.create({
      product_cart: [{ product_id: product.product_id, quantity: 2 }],
      customer: { email: "alice@example.com", name: "Alice" },
      billing_address: { country: "DE", city: "Berlin", zipcode: "10115" },
      return_url: "https://shop.example.com/checkout/return?order=ord_123",
      metadata: { order_id: "ord_123", attempt: 1 },
    });
    expect(session.session_id).toMatch(/^cks_/);
    expect(session.checkout_url).toBe(`${running.url}/checkout/${session.session_id}`);

    const before = await client.checkoutSessions.retrieve(session.session_id);
    expect(before).toMatchObject({
      id: session.session_id,
      customer_email: "alice@example.com",
      customer_name: "Alice",
      payment_id: null,
      payment_status: null,
    });

    const paid = await running.control("POST", `checkouts/${session.session_id}/pay`);
    const paymentId = (paid.json as Payment).payment_id;
    expect(paymentId).toMatch(/^pay_/);

    const after = await client.checkoutSessions.retrieve(session.session_id);
    expect(after).toMatchObject({ payment_id: paymentId, payment_status: "succeeded" });

    const payment = await client.payments.retrieve(paymentId);
    expect(payment).toMatchObject({
      payment_id: paymentId,
      status: "succeeded",
      total_amount: 3998,
      currency: "USD",
      metadata: { order_id: "ord_123", attempt: 1 },
      checkout_session_id: session.session_id,
      customer: { email: "alice@example.com", name: "Alice" },
      billing: { country: "DE", city: "Berlin", zipcode: "10115" },
      product_cart: [{ product_id: product.product_id, quantity: 2 }],
      refunds: [],
      disputes: [],
      refund_status: null,
    });

    const list = await client.payments.list();
    expect(list.items.map((p) => p.payment_id)).toEqual([paymentId]);

    // A paid session cannot be paid again.
    const again = await running.control("POST", `checkouts/${session.session_id}/pay`);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: "CHECKOUT_SESSION_CONSUMED" });
  });

  it("applies the product discount and pay-what-you-want amounts to the total", async () => {
    const { client } = running;
    const discounted = await client.products.create({
      name: "Discounted",
      price: { type: "one_time_price", price: 2000, currency: "USD", discount_bps: 2500 },
      tax_category: "digital_products",
    });
    const pwyw = await client.products.create({
      name: "Tip jar",
      price: { type: "one_time_price", price: 500, currency: "USD", pay_what_you_want: true },
      tax_category: "digital_products",
    });
    const session = await client.checkoutSessions.create({
      product_cart: [
        { product_id: discounted.product_id, quantity: 1 },
        { product_id: pwyw.product_id, quantity: 1, amount: 1234 },
      ],
    });
    const paid = await running.control("POST", `checkouts/${session.session_id}/pay`);
    expect((paid.json as Payment).total_amount).toBe(1500 + 1234);

    await expect(
      client.checkoutSessions.create({
        product_cart: [{ product_id: pwyw.product_id, quantity: 1, amount: 100 }],
      }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });

  it("refunds partially and fully, and never more than was paid", async () => {
    const { client } = running;
    const { product, payment } = await paidCheckout(1999, 2); // 3998 paid

    const partial = await client.refunds.create({
      payment_id: payment.payment_id,
      items: [{ item_id: product.product_id, amount: 1000 }],
      reason: "Customer asked",
    });
    expect(partial).toMatchObject({
      payment_id: payment.payment_id,
      status: "succeeded",
      amount: 1000,
      currency: "USD",
      is_partial: true,
      reason: "Customer asked",
      // Only the refund's own metadata (none given here), never the payment's.
      metadata: {},
      customer: { email: "alice@example.com" },
    });
    expect(partial.refund_id).toMatch(/^ref_/);
    expect(await client.refunds.retrieve(partial.refund_id)).toEqual(partial);
    expect(await client.payments.retrieve(payment.payment_id)).toMatchObject({
      refund_status: "partial",
      refunds: [{ refund_id: partial.refund_id, amount: 1000, is_partial: true }],
    });

    // More than what is left (2998) fails with an APIError the SDK surfaces.
    const tooMuch = client.refunds.create({
      payment_id: payment.payment_id,
      items: [{ item_id: product.product_id, amount: 3500 }],
    });
    await expect(tooMuch).rejects.toBeInstanceOf(APIError);
    await expect(tooMuch).rejects.toMatchObject({
      status: 400,
      error: { code: "REFUND_AMOUNT_EXCEEDS_PAYMENT" },
    });

    // Without items: the rest of the payment.
    const rest = await client.refunds.create({ payment_id: payment.payment_id });
    expect(rest).toMatchObject({ amount: 2998, is_partial: true });
    expect(await client.payments.retrieve(payment.payment_id)).toMatchObject({
      refund_status: "full",
    });

    // Nothing left to refund.
    await expect(client.refunds.create({ payment_id: payment.payment_id })).rejects.toMatchObject({
      status: 400,
      error: { code: "PAYMENT_ALREADY_REFUNDED" },
    });
    const listed = await client.refunds.list();
    expect(listed.items).toHaveLength(2);
  });

  it("refunds a whole payment in one go", async () => {
    const { payment } = await paidCheckout(1999);
    const full = await running.client.refunds.create({ payment_id: payment.payment_id });
    expect(full).toMatchObject({ amount: 1999, is_partial: false });
  });

  it("rejects a wrong API key with an AuthenticationError (401)", async () => {
    const wrong = new DodoPayments({ bearerToken: "not-the-key", baseURL: running.url });
    const attempt = wrong.products.list();
    await expect(attempt).rejects.toBeInstanceOf(AuthenticationError);
    await expect(attempt).rejects.toMatchObject({ status: 401, error: { code: "UNAUTHORIZED" } });
  });

  it("answers bad input with 4xx and unknown ids with 404", async () => {
    const { client } = running;
    const unknownProduct = client.checkoutSessions.create({
      product_cart: [{ product_id: "pdt_doesnotexist", quantity: 1 }],
    });
    await expect(unknownProduct).rejects.toBeInstanceOf(BadRequestError);
    await expect(unknownProduct).rejects.toMatchObject({ error: { code: "PRODUCT_NOT_FOUND" } });

    const product = await ebook(client);
    const zeroQuantity = client.checkoutSessions.create({
      product_cart: [{ product_id: product.product_id, quantity: 0 }],
    });
    await expect(zeroQuantity).rejects.toBeInstanceOf(UnprocessableEntityError);
    const zeroError = (await zeroQuantity.catch((error: unknown) => error)) as APIError;
    expect(zeroError.error).toMatchObject({ code: "INVALID_REQUEST_BODY" });
    expect(zeroError.message).toContain("product_cart.0.quantity");

    await expect(
      client.products.create({
        name: "No price",
        tax_category: "saas",
      } as unknown as DodoPayments.ProductCreateParams),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);

    await expect(client.payments.retrieve("pay_unknown")).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.refunds.retrieve("ref_unknown")).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.products.retrieve("pdt_unknown")).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.checkoutSessions.retrieve("cks_unknown")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(client.refunds.create({ payment_id: "pay_unknown" })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    expect(running.emulator.control.events()).toEqual([]);
    expect((await client.payments.list()).items).toEqual([]);
  });
});
