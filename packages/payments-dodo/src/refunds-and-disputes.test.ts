import { PaymentRefusedError } from "@digistore/domain-orders";
import { testDialects } from "@digistore/db/testing";
import type { CheckoutRequest } from "@digistore/domain-orders";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkoutRequest,
  insertProduct,
  startDodoHarness,
  type DodoHarness,
} from "./testing/harness";
import type { ReceivedWebhook } from "@digistore/dodo-emulator/testing";

describe.each(testDialects())("refund and dispute events on %s", (dialect) => {
  let h: DodoHarness;
  let request: CheckoutRequest;
  let paymentId: string;
  beforeEach(async () => {
    h = await startDodoHarness(dialect);
    const product = await insertProduct(h.db);
    request = checkoutRequest(product, { price: { amount: 5000, currency: "USD" } });
    const { checkoutId } = await h.provider.createCheckout(request);
    paymentId = h.emulator.control.pay(checkoutId).payment_id;
    await h.emulator.control.waitForDeliveries();
  });
  afterEach(() => h.close());

  const parse = (delivery: ReceivedWebhook) =>
    h.provider.verifyAndParse(delivery.body, delivery.headers);

  /** The deliveries of `type` after `waitForDeliveries`, oldest first. */
  async function delivered(type: string) {
    await h.emulator.control.waitForDeliveries();
    return h.receiver.received.filter((r) => r.type === type);
  }

  /** Redelivers an event's data as real Dodo sends it: refunds and disputes without the checkout's metadata. */
  async function withoutCheckoutMetadata(type: string, data: object, metadata?: object) {
    const { metadata: _dropped, ...rest } = data as { metadata?: unknown };
    const sent = h.emulator.control.send(
      type,
      metadata === undefined ? rest : { ...rest, metadata },
    );
    await h.emulator.control.waitForDeliveries();
    const delivery = h.receiver.received.find((r) => r.headers["webhook-id"] === sent.webhookId)!;
    expect(JSON.parse(delivery.body)).not.toHaveProperty("data.metadata.order_id");
    return delivery;
  }

  it("refunds a payment in full through refund() and normalises refund.succeeded", async () => {
    await h.provider.refund(paymentId, undefined, request.orderId, "The file was corrupt");
    const [delivery] = await delivered("refund.succeeded");
    // The seller's reason travels with the refund and Dodo keeps it.
    expect(JSON.parse(delivery!.body)).toHaveProperty("data.reason", "The file was corrupt");
    const event = await parse(delivery!);
    expect(event).toMatchObject({
      type: "refund.succeeded",
      orderId: request.orderId,
      paymentId,
      fact: { kind: "refund", status: "succeeded", amount: 5000 },
    });
    expect(event.fact.kind === "refund" && event.fact.refundId).toMatch(/^ref_/);
    expect((await h.client.payments.retrieve(paymentId)).refund_status).toBe("full");
  });

  it("refunds part of a payment through refund() by the payment's cart item", async () => {
    await h.provider.refund(paymentId, 1200, request.orderId);
    await h.provider.refund(paymentId, 800, request.orderId);
    const deliveries = await delivered("refund.succeeded");
    const events = await Promise.all(deliveries.map(parse));
    expect(events.map((e) => e.fact)).toEqual([
      expect.objectContaining({ kind: "refund", status: "succeeded", amount: 1200 }),
      expect.objectContaining({ kind: "refund", status: "succeeded", amount: 800 }),
    ]);
    expect(events.every((e) => e.orderId === request.orderId)).toBe(true);
    const payment = await h.client.payments.retrieve(paymentId);
    expect(payment.refund_status).toBe("partial");
    expect(payment.refunds.map((r) => r.amount)).toEqual([1200, 800]);
  });

  it("finds the order of a refund whose payload lacks the checkout's metadata", async () => {
    const refund = h.emulator.control.refund(paymentId, 700);
    const delivery = await withoutCheckoutMetadata(
      "refund.succeeded",
      { payload_type: "Refund", ...refund },
      {},
    );
    expect(await parse(delivery)).toMatchObject({
      orderId: request.orderId,
      paymentId,
      fact: { kind: "refund", refundId: refund.refund_id, status: "succeeded", amount: 700 },
    });
  });

  it("normalises refund.failed, looking the order up by payment", async () => {
    const refund = h.emulator.control.refund(paymentId);
    const delivery = await withoutCheckoutMetadata(
      "refund.failed",
      { ...refund, status: "failed" },
      {},
    );
    expect(await parse(delivery)).toMatchObject({
      type: "refund.failed",
      orderId: request.orderId,
      fact: { kind: "refund", refundId: refund.refund_id, status: "failed", amount: 5000 },
    });
  });

  it("normalises a refund made in Dodo's dashboard (the emulator's control)", async () => {
    h.emulator.control.refund(paymentId, 2500);
    const [delivery] = await delivered("refund.succeeded");
    expect(await parse(delivery!)).toMatchObject({
      orderId: request.orderId,
      fact: { kind: "refund", status: "succeeded", amount: 2500 },
    });
  });

  it("item 7: answers Dodo's refusal with a PaymentRefusedError carrying Dodo's message", async () => {
    await h.provider.refund(paymentId, undefined, request.orderId);
    const again: unknown = await h.provider
      .refund(paymentId, undefined, request.orderId)
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(PaymentRefusedError);
    expect((again as Error).message).toMatch(
      /^Dodo Payments could not refund the payment: 400 .*already fully refunded/,
    );

    const tooMuch: unknown = await h.provider
      .refund("pay_unknown", 100, request.orderId)
      .catch((e: unknown) => e);
    expect((tooMuch as Error).message).toMatch(
      /^Dodo Payments could not look up the payment to refund: 404/,
    );
    await expect(h.provider.refund(paymentId, 0, request.orderId)).rejects.toThrow(
      /positive whole number/,
    );
    await expect(h.provider.refund(paymentId, 12.5, request.orderId)).rejects.toThrow(
      /positive whole number/,
    );
  });

  it("item 12: sends the order id with the refund, so its event names the order", async () => {
    await h.provider.refund(paymentId, 1000, request.orderId);
    const [listed] = (await h.client.refunds.list()).items;
    const refund = await h.client.refunds.retrieve(listed!.refund_id);
    // Only what the refund itself was given: Dodo does not copy the payment's metadata.
    expect(refund.metadata).toEqual({ order_id: request.orderId });
  });

  it("refuses a partial refund larger than the payment", async () => {
    await expect(h.provider.refund(paymentId, 5001, request.orderId)).rejects.toThrow(
      PaymentRefusedError,
    );
  });

  it.each(["opened", "won", "lost", "accepted", "cancelled"] as const)(
    "normalises dispute.%s from the emulator, with and without metadata",
    async (status) => {
      const dispute = h.emulator.control.dispute(paymentId, status);
      const [delivery] = await delivered(`dispute.${status}`);
      const expected = {
        type: `dispute.${status}`,
        orderId: request.orderId,
        paymentId,
        fact: { kind: "dispute", disputeId: dispute.dispute_id, status },
      };
      expect(await parse(delivery!)).toMatchObject(expected);

      const bare = await withoutCheckoutMetadata(`dispute.${status}`, {
        payload_type: "Dispute",
        ...dispute,
      });
      expect(await parse(bare)).toMatchObject(expected);
    },
  );

  it.each(["challenged", "expired"] as const)(
    "normalises dispute.%s (which the emulator never sends itself)",
    async (status) => {
      const dispute = h.emulator.control.dispute(paymentId, "opened");
      const delivery = await withoutCheckoutMetadata(`dispute.${status}`, {
        ...dispute,
        dispute_status: `dispute_${status}`,
      });
      expect(await parse(delivery)).toMatchObject({
        orderId: request.orderId,
        fact: { kind: "dispute", disputeId: dispute.dispute_id, status },
      });
    },
  );

  it("names no order for a refund of a payment Dodo does not know", async () => {
    const refund = h.emulator.control.refund(paymentId);
    const delivery = await withoutCheckoutMetadata(
      "refund.succeeded",
      { ...refund, payment_id: "pay_unknown" },
      {},
    );
    expect(await parse(delivery)).toMatchObject({ orderId: null, paymentId: "pay_unknown" });
  });

  it("normalises payment.processing and payment.cancelled, and other events as other", async () => {
    const payment = await h.client.payments.retrieve(paymentId);
    for (const status of ["processing", "cancelled"] as const) {
      h.emulator.control.send(`payment.${status}`, { payload_type: "Payment", ...payment, status });
    }
    h.emulator.control.send("license_key.created", { id: "lic_1", payment_id: paymentId });
    h.emulator.control.send("subscription.active", {
      subscription_id: "sub_1",
      metadata: { order_id: request.orderId },
    });
    await h.emulator.control.waitForDeliveries();

    const byType = async (type: string) => parse(h.receiver.one(type));
    expect(await byType("payment.processing")).toMatchObject({
      orderId: request.orderId,
      fact: { kind: "payment", status: "processing", amount: 5000, currency: "USD" },
    });
    expect(await byType("payment.cancelled")).toMatchObject({
      fact: { kind: "payment", status: "cancelled" },
    });
    expect(await byType("license_key.created")).toMatchObject({
      orderId: null,
      paymentId,
      fact: { kind: "other" },
    });
    expect(await byType("subscription.active")).toMatchObject({
      orderId: request.orderId,
      paymentId: null,
      fact: { kind: "other" },
    });
  });
});
