import { ZPaymentEvent, type PaymentFact } from "@digistore/domain-orders";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseEvent } from "./normalise-event";

// Dodo's documented example payload for each event type (docs.dodopayments.com, copied into
// the repository so CI needs nothing outside it).
const examples = JSON.parse(
  readFileSync(new URL("./testing/fixtures/docs-webhook-examples.json", import.meta.url), "utf8"),
) as Record<string, { business_id: string; type: string }>;

const expected: Record<string, Partial<PaymentFact>> = {
  "payment.succeeded": { kind: "payment", status: "succeeded", amount: 400, currency: "USD" },
  "payment.failed": { kind: "payment", status: "failed" },
  "payment.processing": { kind: "payment", status: "processing" },
  "payment.cancelled": { kind: "payment", status: "cancelled" },
  "refund.succeeded": { kind: "refund", status: "succeeded", amount: 400, isPartial: false },
  "refund.failed": { kind: "refund", status: "failed" },
  "dispute.opened": { kind: "dispute", status: "opened" },
  "dispute.challenged": { kind: "dispute", status: "challenged" },
  "dispute.won": { kind: "dispute", status: "won" },
  "dispute.lost": { kind: "dispute", status: "lost" },
  "dispute.accepted": { kind: "dispute", status: "accepted" },
  "dispute.cancelled": { kind: "dispute", status: "cancelled" },
  "dispute.expired": { kind: "dispute", status: "expired" },
};

describe("Dodo's documented webhook examples", () => {
  it.each(Object.entries(examples))("%s parses and normalises to its fact", async (type, body) => {
    const event = await normaliseEvent(
      { webhookId: "msg_doc", rawBody: JSON.stringify(body) },
      {
        lookupOrderId: () => Promise.resolve("ord_1"),
        isOurBusiness: (id) => Promise.resolve(id === body.business_id),
        now: () => new Date(),
      },
    );
    expect(ZPaymentEvent.parse(event)).toEqual(event);
    expect(event.type).toBe(type);
    expect(event.fact).toMatchObject(expected[type] ?? { kind: "other" });
  });
});
