import { describe, expect, it, vi } from "vitest";
import { classifyEventType } from "./event-types";
import { normaliseEvent } from "./normalise-event";

const webhook = (type: string, data: object, timestamp = "2026-11-21T10:00:00.123456Z") => {
  const payload = { business_id: "bus_1", type, timestamp, data };
  return { webhookId: "msg_1", rawBody: JSON.stringify(payload), payload };
};
const NOW = new Date("2026-11-21T10:05:00.000Z");
const deps = (lookupOrderId: (paymentId: string) => Promise<string | null>) => ({
  lookupOrderId,
  isOurBusiness: (id: string) => Promise.resolve(id === "bus_1"),
  now: () => NOW,
});

describe("classifyEventType", () => {
  it.each([
    ["payment.succeeded", { kind: "payment", status: "succeeded" }],
    ["payment.failed", { kind: "payment", status: "failed" }],
    ["payment.cancelled", { kind: "payment", status: "cancelled" }],
    ["payment.processing", { kind: "payment", status: "processing" }],
    ["refund.succeeded", { kind: "refund", status: "succeeded" }],
    ["refund.failed", { kind: "refund", status: "failed" }],
    ["dispute.opened", { kind: "dispute", status: "opened" }],
    ["dispute.challenged", { kind: "dispute", status: "challenged" }],
    ["dispute.won", { kind: "dispute", status: "won" }],
    ["dispute.lost", { kind: "dispute", status: "lost" }],
    ["dispute.accepted", { kind: "dispute", status: "accepted" }],
    ["dispute.cancelled", { kind: "dispute", status: "cancelled" }],
    ["dispute.expired", { kind: "dispute", status: "expired" }],
    ["subscription.active", { kind: "other" }],
    ["payout.success", { kind: "other" }],
    ["toString", { kind: "other" }],
    ["payment.unknown", { kind: "other" }],
  ])("%s → %o", (type, expected) => {
    expect(classifyEventType(type)).toEqual(expected);
  });
});

describe("normaliseEvent", () => {
  it("uses the payment's own metadata and never looks a payment event up", async () => {
    const lookup = vi.fn(() => Promise.resolve("ord_other"));
    const event = await normaliseEvent(
      webhook("payment.succeeded", {
        payment_id: "pay_1",
        total_amount: 1999,
        currency: "EUR",
        metadata: {},
      }),
      deps(lookup),
    );
    expect(event).toMatchObject({
      orderId: null,
      paymentId: "pay_1",
      occurredAt: "2026-11-21T10:00:00.123Z",
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it("prefers an order id in refund metadata and looks the payment up only without one", async () => {
    const lookup = vi.fn(() => Promise.resolve("ord_from_payment"));
    const refund = { refund_id: "ref_1", payment_id: "pay_1", amount: 500 };
    expect(
      await normaliseEvent(
        webhook("refund.succeeded", { ...refund, metadata: { order_id: "ord_1" } }),
        deps(lookup),
      ),
    ).toMatchObject({ orderId: "ord_1" });
    expect(lookup).not.toHaveBeenCalled();
    expect(
      await normaliseEvent(
        webhook("refund.succeeded", { ...refund, metadata: { order_id: 42 } }),
        deps(lookup),
      ),
    ).toMatchObject({
      orderId: "ord_from_payment",
    });
    expect(lookup).toHaveBeenCalledWith("pay_1");
  });

  it("reads amounts sent as digit strings as integer minor units", async () => {
    const event = await normaliseEvent(
      webhook("payment.succeeded", { payment_id: "pay_1", total_amount: "2500", currency: "USD" }),
      deps(() => Promise.resolve(null)),
    );
    expect(event.fact).toEqual({
      kind: "payment",
      status: "succeeded",
      amount: 2500,
      currency: "USD",
      settlement: null,
    });
    // Signed but unreadable: kept as an unparseable event with its raw body, never refused.
    const fractional = webhook("refund.succeeded", {
      refund_id: "r",
      payment_id: "p",
      amount: "12.5",
    });
    expect(
      await normaliseEvent(
        fractional,
        deps(() => Promise.resolve(null)),
      ),
    ).toMatchObject({
      fact: {
        kind: "unparseable",
        reason: expect.stringMatching(/malformed at data.amount|amount/) as string,
      },
      rawBody: fractional.rawBody,
    });
  });

  it("item 6: reads a refund without an amount, with Dodo's is_partial", async () => {
    const event = await normaliseEvent(
      webhook("refund.succeeded", {
        refund_id: "r",
        payment_id: "p",
        amount: null,
        is_partial: false,
      }),
      deps(() => Promise.resolve("ord_1")),
    );
    expect(event.fact).toEqual({
      kind: "refund",
      refundId: "r",
      status: "succeeded",
      amount: null,
      isPartial: false,
    });
  });

  it("item 8: reads amounts above 2,000,000,000 minor units (an IDR total with tax)", async () => {
    const event = await normaliseEvent(
      webhook("payment.succeeded", {
        payment_id: "pay_1",
        total_amount: 5_550_000_000,
        currency: "IDR",
        settlement_amount: 5_550_000_000,
        settlement_currency: "IDR",
      }),
      deps(() => Promise.resolve(null)),
    );
    expect(event.fact).toMatchObject({ kind: "payment", amount: 5_550_000_000 });
  });

  it("item 2: carries the settlement Dodo reports beside what the buyer paid", async () => {
    const event = await normaliseEvent(
      webhook("payment.succeeded", {
        payment_id: "pay_1",
        total_amount: 2_600_000,
        currency: "IDR",
        settlement_amount: 1500,
        settlement_currency: "USD",
      }),
      deps(() => Promise.resolve(null)),
    );
    expect(event.fact).toMatchObject({
      amount: 2_600_000,
      currency: "IDR",
      settlement: { amount: 1500, currency: "USD" },
    });
  });

  it("item 11: keeps an event for another business as ignored, never naming an order", async () => {
    const hook = webhook("payment.succeeded", {
      payment_id: "pay_1",
      total_amount: 1999,
      currency: "USD",
      metadata: { order_id: "ord_1" },
    });
    const foreign = { ...hook, rawBody: hook.rawBody.replace('"bus_1"', '"bus_other"') };
    expect(
      await normaliseEvent(
        foreign,
        deps(() => Promise.resolve(null)),
      ),
    ).toMatchObject({
      orderId: null,
      fact: { kind: "ignored", reason: expect.stringContaining("bus_other") as string },
    });
  });

  it("item 10: keeps a signed body that is not JSON, byte for byte", async () => {
    const event = await normaliseEvent(
      { webhookId: "msg_2", rawBody: "not json {" },
      deps(() => Promise.resolve(null)),
    );
    expect(event).toMatchObject({
      eventId: "msg_2",
      type: "unparseable",
      occurredAt: NOW.toISOString(),
      orderId: null,
      fact: { kind: "unparseable" },
      rawBody: "not json {",
    });
  });

  it("keeps the raw payload and the webhook id", async () => {
    const hook = webhook("dispute.opened", {
      dispute_id: "dis_1",
      payment_id: "pay_1",
      amount: "1999",
    });
    const event = await normaliseEvent(
      hook,
      deps(() => Promise.resolve("ord_1")),
    );
    expect(event).toEqual({
      eventId: "msg_1",
      type: "dispute.opened",
      occurredAt: "2026-11-21T10:00:00.123Z",
      orderId: "ord_1",
      paymentId: "pay_1",
      fact: { kind: "dispute", disputeId: "dis_1", status: "opened" },
      raw: hook.payload,
    });
  });

  it("keeps an unreadable timestamp as unparseable and ignores an order id that cannot be ours", async () => {
    expect(
      await normaliseEvent(
        webhook("payout.success", {}, "yesterday"),
        deps(() => Promise.resolve(null)),
      ),
    ).toMatchObject({
      type: "payout.success",
      fact: {
        kind: "unparseable",
        reason: expect.stringMatching(/timestamp is not a date/) as string,
      },
    });
    const event = await normaliseEvent(
      webhook("payment.failed", {
        payment_id: "pay_1",
        total_amount: 1,
        currency: "USD",
        metadata: { order_id: "x".repeat(65) },
      }),
      deps(() => Promise.resolve(null)),
    );
    expect(event.orderId).toBeNull();
  });

  it("lets a failed payment lookup fail the event, so the webhook is retried", async () => {
    await expect(
      normaliseEvent(
        webhook("dispute.lost", { dispute_id: "dis_1", payment_id: "pay_1" }),
        deps(() =>
          Promise.reject(
            new Error("Dodo Payments could not look up the payment: Connection error."),
          ),
        ),
      ),
    ).rejects.toThrow(/Connection error/);
  });
});
