import { WebhookVerificationError } from "@digistore/domain-orders";
import { describe, expect, it, vi } from "vitest";
import { classifyEventType } from "./event-types";
import { normaliseEvent } from "./normalise-event";

const webhook = (type: string, data: object, timestamp = "2026-11-21T10:00:00.123456Z") => ({
  webhookId: "msg_1",
  payload: { business_id: "bus_1", type, timestamp, data },
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
      lookup,
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
        lookup,
      ),
    ).toMatchObject({ orderId: "ord_1" });
    expect(lookup).not.toHaveBeenCalled();
    expect(
      await normaliseEvent(
        webhook("refund.succeeded", { ...refund, metadata: { order_id: 42 } }),
        lookup,
      ),
    ).toMatchObject({
      orderId: "ord_from_payment",
    });
    expect(lookup).toHaveBeenCalledWith("pay_1");
  });

  it("reads amounts sent as digit strings as integer minor units", async () => {
    const event = await normaliseEvent(
      webhook("payment.succeeded", { payment_id: "pay_1", total_amount: "2500", currency: "USD" }),
      () => Promise.resolve(null),
    );
    expect(event.fact).toEqual({
      kind: "payment",
      status: "succeeded",
      amount: 2500,
      currency: "USD",
    });
    await expect(
      normaliseEvent(
        webhook("refund.succeeded", { refund_id: "r", payment_id: "p", amount: "12.5" }),
        () => Promise.resolve(null),
      ),
    ).rejects.toThrow(WebhookVerificationError);
    await expect(
      normaliseEvent(
        webhook("refund.succeeded", { refund_id: "r", payment_id: "p", amount: null }),
        () => Promise.resolve(null),
      ),
    ).rejects.toThrow(/malformed at amount/);
  });

  it("keeps the raw payload and the webhook id", async () => {
    const hook = webhook("dispute.opened", {
      dispute_id: "dis_1",
      payment_id: "pay_1",
      amount: "1999",
    });
    const event = await normaliseEvent(hook, () => Promise.resolve("ord_1"));
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

  it("rejects an unreadable timestamp or an order id that cannot be ours", async () => {
    await expect(
      normaliseEvent(webhook("payout.success", {}, "yesterday"), () => Promise.resolve(null)),
    ).rejects.toThrow(/timestamp is not a date/);
    const event = await normaliseEvent(
      webhook("payment.failed", {
        payment_id: "pay_1",
        total_amount: 1,
        currency: "USD",
        metadata: { order_id: "x".repeat(65) },
      }),
      () => Promise.resolve(null),
    );
    expect(event.orderId).toBeNull();
  });

  it("lets a failed payment lookup fail the event, so the webhook is retried", async () => {
    await expect(
      normaliseEvent(webhook("dispute.lost", { dispute_id: "dis_1", payment_id: "pay_1" }), () =>
        Promise.reject(new Error("Dodo Payments could not look up the payment: Connection error.")),
      ),
    ).rejects.toThrow(/Connection error/);
  });
});
