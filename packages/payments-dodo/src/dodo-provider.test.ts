import { testDialects } from "@digistore/db/testing";
import { ZPaymentEvent } from "@digistore/domain-orders";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkoutRequest,
  insertProduct,
  startDodoHarness,
  type DodoHarness,
} from "./testing/harness";

describe.each(testDialects())("the Dodo provider on %s", (dialect) => {
  let h: DodoHarness;
  let product: { id: string; title: string };
  beforeEach(async () => {
    h = await startDodoHarness(dialect);
    product = await insertProduct(h.db);
  });
  afterEach(() => h.close());

  const mappings = () => h.db.db.selectFrom("provider_products").selectAll().execute();

  it("is named dodo", () => {
    expect(h.provider.name).toBe("dodo");
  });

  it("opens a hosted checkout whose session carries the order id and kind", async () => {
    const request = checkoutRequest(product, {
      billing: {
        country: "de",
        address: { street: "Hauptstr. 1", city: "Berlin", state: "", zipcode: "10115" },
      },
    });
    const { redirectUrl, checkoutId } = await h.provider.createCheckout(request);
    expect(checkoutId).toMatch(/^cks_/);
    expect(redirectUrl).toBe(`${h.emulator.url}/checkout/${checkoutId}`);

    const [mapping] = await mappings();
    const payment = h.emulator.control.pay(checkoutId);
    const stored = await h.client.payments.retrieve(payment.payment_id);
    expect(stored).toMatchObject({
      metadata: { order_id: request.orderId, kind: "product" },
      total_amount: 1999,
      currency: "USD",
      customer: { email: "alice@example.com", name: "Alice Buyer" },
      billing: { country: "DE", street: "Hauptstr. 1", city: "Berlin", zipcode: "10115" },
      product_cart: [{ product_id: mapping!.provider_product_id, quantity: 1 }],
    });
    expect(stored.billing.state ?? null).toBeNull();
  });

  it("reuses the Dodo product on the next checkout and updates it when the price changes", async () => {
    await h.provider.createCheckout(checkoutRequest(product));
    await h.provider.createCheckout(checkoutRequest(product));
    const [first] = await mappings();
    expect((await h.client.products.list()).items).toHaveLength(1);

    const { checkoutId } = await h.provider.createCheckout(
      checkoutRequest(product, { price: { amount: 2999, currency: "USD" } }),
    );
    const after = await mappings();
    expect(after).toEqual([
      expect.objectContaining({ provider_product_id: first!.provider_product_id, amount: 2999 }),
    ]);
    expect((await h.client.products.list()).items).toHaveLength(1);
    expect(h.emulator.control.pay(checkoutId).total_amount).toBe(2999);
  });

  it("charges a pay-what-you-want buyer exactly what they chose, over a product priced at the minimum", async () => {
    const usd = (amount: number) => ({ amount, currency: "USD" });
    const chosen = [1250, 4000];
    const sessions = [];
    for (const amount of chosen) {
      sessions.push(
        await h.provider.createCheckout(
          checkoutRequest(product, { price: usd(amount), minimumPrice: usd(500) }),
        ),
      );
    }
    const [mapping] = await mappings();
    expect(mapping).toMatchObject({ amount: 500, pay_what_you_want: 1 });
    expect(await h.client.products.retrieve(mapping!.provider_product_id)).toMatchObject({
      price: { price: 500, pay_what_you_want: true },
    });
    expect(
      sessions.map(({ checkoutId }) => h.emulator.control.pay(checkoutId).total_amount),
    ).toEqual(chosen);
    // Below the minimum, Dodo itself refuses: the store's own check is not the only one.
    await expect(
      h.provider.createCheckout(
        checkoutRequest(product, { price: usd(400), minimumPrice: usd(500) }),
      ),
    ).rejects.toThrow();
  });

  it("charges a discounted order exactly its amount, and keeps charging full-price orders their price", async () => {
    const usd = (amount: number) => ({ amount, currency: "USD" });
    const full = await h.provider.createCheckout(checkoutRequest(product, { price: usd(2000) }));
    // A code took 25% off: the store sets the amount, the copy's floor only has to be below it.
    const discounted = await h.provider.createCheckout(
      checkoutRequest(product, { price: usd(1500), minimumPrice: usd(1) }),
    );
    const [mapping] = await mappings();
    expect(mapping).toMatchObject({ amount: 1, pay_what_you_want: 1 });
    // The next full-price checkout does not flip the copy back under a discounted one.
    const later = await h.provider.createCheckout(checkoutRequest(product, { price: usd(2000) }));
    expect(await mappings()).toEqual([
      expect.objectContaining({ amount: 1, pay_what_you_want: 1 }),
    ]);
    expect((await h.client.products.list()).items).toHaveLength(1);
    expect(
      [full, discounted, later].map(
        ({ checkoutId }) => h.emulator.control.pay(checkoutId).total_amount,
      ),
    ).toEqual([2000, 1500, 2000]);
  });

  it("gives racing first checkouts one mapping row and the same Dodo product", async () => {
    const sessions = await Promise.all([
      h.provider.createCheckout(checkoutRequest(product)),
      h.provider.createCheckout(checkoutRequest(product)),
    ]);
    const rows = await mappings();
    expect(rows).toHaveLength(1);
    for (const { checkoutId } of sessions) {
      const payment = h.emulator.control.pay(checkoutId);
      expect(payment.product_cart).toEqual([
        { product_id: rows[0]!.provider_product_id, quantity: 1 },
      ]);
    }
  });

  it("turns the signed payment.succeeded delivery into a payment fact for the order", async () => {
    const request = checkoutRequest(product, {
      kind: "support",
      price: { amount: 999, currency: "USD" },
    });
    const { checkoutId } = await h.provider.createCheckout(request);
    const payment = h.emulator.control.pay(checkoutId);
    await h.emulator.control.waitForDeliveries();

    const delivery = h.receiver.one("payment.succeeded");
    const event = await h.provider.verifyAndParse(delivery.body, delivery.headers);
    expect(ZPaymentEvent.parse(event)).toEqual(event);
    const logged = h.emulator.control.events().find((e) => e.type === "payment.succeeded")!;
    expect(event).toEqual({
      eventId: delivery.headers["webhook-id"],
      type: "payment.succeeded",
      occurredAt: new Date(logged.timestamp).toISOString(),
      orderId: request.orderId,
      paymentId: payment.payment_id,
      fact: {
        kind: "payment",
        status: "succeeded",
        amount: 999,
        currency: "USD",
        settlement: { amount: 999, currency: "USD" },
      },
      raw: JSON.parse(delivery.body) as unknown,
    });
    expect(event.eventId).toMatch(/^msg_/);
  });

  it("turns a declined checkout into a failed payment fact", async () => {
    const request = checkoutRequest(product);
    const { checkoutId } = await h.provider.createCheckout(request);
    h.emulator.control.decline(checkoutId);
    await h.emulator.control.waitForDeliveries();
    const delivery = h.receiver.one("payment.failed");
    const event = await h.provider.verifyAndParse(delivery.body, delivery.headers);
    expect(event).toMatchObject({
      orderId: request.orderId,
      fact: { kind: "payment", status: "failed", amount: 1999, currency: "USD" },
    });
  });

  it("reports a checkout's status before and after paying", async () => {
    const { checkoutId } = await h.provider.createCheckout(checkoutRequest(product));
    expect(await h.provider.checkoutStatus(checkoutId)).toBe("pending");
    h.emulator.control.pay(checkoutId);
    expect(await h.provider.checkoutStatus(checkoutId)).toBe("succeeded");
  });

  it("reports a declined checkout as failed until it is paid after all", async () => {
    const { checkoutId } = await h.provider.createCheckout(checkoutRequest(product));
    h.emulator.control.decline(checkoutId);
    expect(await h.provider.checkoutStatus(checkoutId)).toBe("failed");
    h.emulator.control.pay(checkoutId);
    expect(await h.provider.checkoutStatus(checkoutId)).toBe("succeeded");
  });

  it("reports a checkout Dodo does not know as unknown", async () => {
    expect(await h.provider.checkoutStatus("cks_doesnotexist")).toBe("unknown");
  });

  it("fails a checkout Dodo refuses with Dodo's message", async () => {
    const error: unknown = await h.provider
      .createCheckout(checkoutRequest(product, { billing: { country: "Germany" } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^Dodo Payments could not create the checkout session: 422 .*country/i,
    );
  });
});
