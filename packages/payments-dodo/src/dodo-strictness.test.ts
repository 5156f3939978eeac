import { testDialects } from "@digistore/db/testing";
import { paysForOrder, type CheckoutRequest, type PaymentEvent } from "@digistore/domain-orders";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkoutRequest,
  insertProduct,
  startDodoHarness,
  type DodoHarness,
} from "./testing/harness";

// What the stricter emulator (adaptive currency, Dodo discount codes, tax on top of
// tax-exclusive prices, every event type) means for the store, through the real adapter.
describe.each(testDialects())(
  "the store against a Dodo as strict as the real one on %s",
  (dialect) => {
    let h: DodoHarness;
    let request: CheckoutRequest;
    let checkoutId: string;
    beforeEach(async () => {
      h = await startDodoHarness(dialect);
      request = checkoutRequest(await insertProduct(h.db));
      ({ checkoutId } = await h.provider.createCheckout(request));
    });
    afterEach(() => h.close());

    /** Whether the event's payment pays for the order (the domain's rule); it must be a payment. */
    function pays(event: PaymentEvent): boolean {
      if (event.fact.kind !== "payment") throw new Error(`not a payment fact: ${event.fact.kind}`);
      return paysForOrder(request.price, event.fact);
    }

    /** The one delivery of `type`, normalised by the provider. */
    async function parsed(type: string) {
      await h.emulator.control.waitForDeliveries();
      const delivery = h.receiver.one(type);
      return h.provider.verifyAndParse(delivery.body, delivery.headers);
    }

    async function dodoProductId() {
      const row = await h.db.db
        .selectFrom("provider_products")
        .selectAll()
        .executeTakeFirstOrThrow();
      return row.provider_product_id;
    }

    it("opens checkouts where the buyer can switch neither currency nor enter a Dodo code", async () => {
      const page = await (await fetch(`${h.emulator.url}/checkout/${checkoutId}`)).text();
      expect(page).toContain("Pay $19.99");
      expect(page).not.toContain('name="currency"');
      expect(page).not.toContain('name="discount_code"');
      await h.client.discounts.create({ amount: 5000, type: "percentage", code: "HALF" });
      expect(() => h.emulator.control.pay(checkoutId, { currency: "EUR" })).toThrow(/paid in USD/);
      expect(() => h.emulator.control.pay(checkoutId, { discount_code: "HALF" })).toThrow(
        /does not take discount codes/,
      );
      h.emulator.control.pay(checkoutId);
      const event = await parsed("payment.succeeded");
      expect(event.fact).toMatchObject({ amount: 1999, currency: "USD" });
      expect(pays(event)).toBe(true);
    });

    it("counts an adaptive-currency success (paid in EUR, settled in USD) as paying the order", async () => {
      // A session made elsewhere with Dodo's defaults (e.g. an older one): the buyer pays in EUR.
      const session = await h.client.checkoutSessions.create({
        product_cart: [{ product_id: await dodoProductId(), quantity: 1 }],
        billing_address: { country: "FR" },
        metadata: { order_id: request.orderId, kind: "product" },
      });
      h.emulator.control.pay(session.session_id, { currency: "EUR" });
      const event = await parsed("payment.succeeded");
      expect(event.orderId).toBe(request.orderId);
      expect(event.fact).toEqual({
        kind: "payment",
        status: "succeeded",
        amount: 1817,
        currency: "EUR",
        settlement: { amount: 1999, currency: "USD" },
      });
      expect(pays(event)).toBe(true);
    });

    it("does not count a payment a Dodo discount code made cheaper", async () => {
      await h.client.discounts.create({ amount: 5000, type: "percentage", code: "HALF" });
      const session = await h.client.checkoutSessions.create({
        product_cart: [{ product_id: await dodoProductId(), quantity: 1 }],
        billing_address: { country: "US" },
        metadata: { order_id: request.orderId, kind: "product" },
      });
      h.emulator.control.pay(session.session_id, { discount_code: "HALF" });
      const event = await parsed("payment.succeeded");
      expect(event.fact).toMatchObject({ amount: 1000, currency: "USD" });
      expect(pays(event)).toBe(false);
    });

    it("counts a tax-exclusive payment, tax on top, as paid", async () => {
      const id = await dodoProductId();
      const { price } = await h.client.products.retrieve(id);
      await h.client.products.update(id, { price: { ...price, tax_inclusive: false } });
      // Billing country DE: 19 % on top of the price.
      const { checkoutId: taxed } = await h.provider.createCheckout(
        checkoutRequest(
          { id: request.product.id, title: request.product.title },
          {
            orderId: request.orderId,
          },
        ),
      );
      const payment = h.emulator.control.pay(taxed);
      expect(payment).toMatchObject({ total_amount: 2379, tax: 380 });
      const event = await parsed("payment.succeeded");
      expect(event.fact).toMatchObject({ amount: 2379, settlement: { amount: 2379 } });
      expect(pays(event)).toBe(true);
    });

    it("normalises payment.processing and payment.cancelled to payment facts", async () => {
      const { payment_id } = h.emulator.control.process(checkoutId);
      h.emulator.control.settle(payment_id, "cancelled");
      const processing = await parsed("payment.processing");
      const cancelled = await parsed("payment.cancelled");
      for (const [event, status] of [
        [processing, "processing"],
        [cancelled, "cancelled"],
      ] as const) {
        expect(event).toMatchObject({
          orderId: request.orderId,
          paymentId: payment_id,
          fact: { kind: "payment", status, amount: 1999, currency: "USD" },
        });
        expect(pays(event)).toBe(false);
      }
    });

    it("normalises refund.failed to a failed refund of the order", async () => {
      const { payment_id } = h.emulator.control.pay(checkoutId);
      const refund = h.emulator.control.refund(payment_id, 500, "failed");
      const event = await parsed("refund.failed");
      expect(event).toMatchObject({
        orderId: request.orderId,
        paymentId: payment_id,
        fact: { kind: "refund", refundId: refund.refund_id, status: "failed", amount: 500 },
      });
    });

    it("normalises dispute.challenged and dispute.expired to dispute facts of the order", async () => {
      const { payment_id } = h.emulator.control.pay(checkoutId);
      const dispute = h.emulator.control.dispute(payment_id, "challenged");
      h.emulator.control.dispute(payment_id, "expired");
      for (const status of ["challenged", "expired"] as const) {
        expect(await parsed(`dispute.${status}`)).toMatchObject({
          orderId: request.orderId,
          paymentId: payment_id,
          fact: { kind: "dispute", disputeId: dispute.dispute_id, status },
        });
      }
    });
  },
);
