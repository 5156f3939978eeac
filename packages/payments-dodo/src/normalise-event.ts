import { toTimestamp } from "@digistore/core";
import { ZPaymentEvent, type PaymentEvent, type PaymentFact } from "@digistore/domain-orders";
import type { z } from "zod";
import { classifyEventType } from "./event-types";
import type { PaymentOrderLookup } from "./payment-order-lookup";
import {
  orderIdFromMetadata,
  ZDisputeData,
  ZPaymentData,
  ZRefundData,
  ZWebhookEnvelope,
} from "./webhook-payload.schemas";

/** A webhook whose signature checked out (or that did when it first arrived). */
export interface SignedWebhook {
  /** The `webhook-id` header: the same on every retry of the event. */
  readonly webhookId: string;
  /** The body exactly as received. */
  readonly rawBody: string;
}

export interface NormaliseDeps {
  readonly lookupOrderId: PaymentOrderLookup;
  /** Whether `business_id` is ours; an event for another business is kept but never applied. */
  readonly isOurBusiness: (businessId: string) => Promise<boolean>;
  /** When an event without a readable timestamp is taken to have happened. */
  readonly now: () => Date;
}

/** The body is signed but not what this code understands: the event is kept, not refused. */
class UnreadablePayload extends Error {}

function parsePayload<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "body";
    throw new UnreadablePayload(`Dodo ${what} is malformed at ${where}: ${issue?.message ?? ""}`);
  }
  return parsed.data;
}

function occurredAt(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime()))
    throw new UnreadablePayload("Dodo webhook timestamp is not a date");
  return toTimestamp(date);
}

interface Normalised {
  readonly orderId: string | null;
  readonly paymentId: string | null;
  readonly fact: PaymentFact;
}

/**
 * A signed Dodo webhook as a `PaymentEvent`. Refund and dispute payloads do not carry the
 * checkout's metadata on Dodo, so without an order id their payment is looked up. A body
 * this code cannot read becomes an `unparseable` event carrying the raw body, so it is stored
 * and can be parsed again later; only a failed lookup (network) throws, for Dodo to retry.
 */
export async function normaliseEvent(
  webhook: SignedWebhook,
  deps: NormaliseDeps,
): Promise<PaymentEvent> {
  let payload: unknown = null;
  try {
    payload = JSON.parse(webhook.rawBody);
    const envelope = parsePayload(ZWebhookEnvelope, payload, "webhook");
    const base = {
      eventId: webhook.webhookId,
      type: envelope.type,
      occurredAt: occurredAt(envelope.timestamp),
      raw: payload,
    };
    if (!(await deps.isOurBusiness(envelope.business_id))) {
      const reason = `event for business ${envelope.business_id.slice(0, 100)}, not ours`;
      return { ...base, orderId: null, paymentId: null, fact: { kind: "ignored", reason } };
    }
    const normalised = await normaliseData(envelope, deps.lookupOrderId);
    return parsePayload(ZPaymentEvent, { ...base, ...normalised }, "event");
  } catch (error) {
    if (!(error instanceof UnreadablePayload) && !(error instanceof SyntaxError)) throw error;
    return unparseableEvent(webhook, payload, error.message, deps.now());
  }
}

function unparseableEvent(
  webhook: SignedWebhook,
  payload: unknown,
  reason: string,
  now: Date,
): PaymentEvent {
  const type = (payload as { type?: unknown } | null)?.type;
  return {
    eventId: webhook.webhookId,
    type: typeof type === "string" && type.length > 0 && type.length <= 100 ? type : "unparseable",
    occurredAt: toTimestamp(now),
    orderId: null,
    paymentId: null,
    fact: { kind: "unparseable", reason: reason.slice(0, 500) },
    raw: payload,
    rawBody: webhook.rawBody,
  };
}

async function normaliseData(
  envelope: z.output<typeof ZWebhookEnvelope>,
  lookupOrderId: PaymentOrderLookup,
): Promise<Normalised> {
  const kind = classifyEventType(envelope.type);
  const what = `${envelope.type} data`;
  switch (kind.kind) {
    case "payment": {
      const data = parsePayload(ZPaymentData, envelope.data, what);
      const settled = data.settlement_amount != null && data.settlement_currency;
      return {
        orderId: orderIdFromMetadata(data.metadata),
        paymentId: data.payment_id,
        fact: {
          kind: "payment",
          status: kind.status,
          amount: data.total_amount,
          currency: data.currency,
          settlement: settled
            ? { amount: data.settlement_amount!, currency: data.settlement_currency! }
            : null,
        },
      };
    }
    case "refund": {
      const data = parsePayload(ZRefundData, envelope.data, what);
      return {
        orderId: orderIdFromMetadata(data.metadata) ?? (await lookupOrderId(data.payment_id)),
        paymentId: data.payment_id,
        fact: {
          kind: "refund",
          refundId: data.refund_id,
          status: kind.status,
          amount: data.amount ?? null,
          isPartial: data.is_partial ?? null,
        },
      };
    }
    case "dispute": {
      const data = parsePayload(ZDisputeData, envelope.data, what);
      return {
        orderId: orderIdFromMetadata(data.metadata) ?? (await lookupOrderId(data.payment_id)),
        paymentId: data.payment_id,
        fact: { kind: "dispute", disputeId: data.dispute_id, status: kind.status },
      };
    }
    case "other": {
      const { metadata, payment_id: paymentId } = envelope.data;
      return {
        orderId: orderIdFromMetadata(
          typeof metadata === "object" ? (metadata as Record<string, unknown> | null) : null,
        ),
        paymentId: typeof paymentId === "string" && paymentId.length <= 200 ? paymentId : null,
        fact: { kind: "other" },
      };
    }
  }
}
