import { toTimestamp } from "@digistore/core";
import {
  WebhookVerificationError,
  ZPaymentEvent,
  type PaymentEvent,
  type PaymentFact,
} from "@digistore/domain-orders";
import type { z } from "zod";
import { classifyEventType } from "./event-types";
import type { PaymentOrderLookup } from "./payment-order-lookup";
import type { VerifiedWebhook } from "./verify-webhook";
import {
  orderIdFromMetadata,
  ZDisputeData,
  ZPaymentData,
  ZRefundData,
  ZWebhookEnvelope,
} from "./webhook-payload.schemas";

function parsePayload<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "body";
    throw new WebhookVerificationError(`Dodo ${what} is malformed at ${where}`);
  }
  return parsed.data;
}

function occurredAt(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) {
    throw new WebhookVerificationError("Dodo webhook timestamp is not a date");
  }
  return toTimestamp(date);
}

interface Normalised {
  readonly orderId: string | null;
  readonly paymentId: string | null;
  readonly fact: PaymentFact;
}

/**
 * A verified Dodo webhook as a `PaymentEvent`. Refund and dispute payloads do not reliably
 * carry the checkout's metadata, so without an order id their payment is looked up.
 */
export async function normaliseEvent(
  webhook: VerifiedWebhook,
  lookupOrderId: PaymentOrderLookup,
): Promise<PaymentEvent> {
  const envelope = parsePayload(ZWebhookEnvelope, webhook.payload, "webhook");
  const kind = classifyEventType(envelope.type);
  let normalised: Normalised;
  switch (kind.kind) {
    case "payment": {
      const data = parsePayload(ZPaymentData, envelope.data, `${envelope.type} data`);
      normalised = {
        orderId: orderIdFromMetadata(data.metadata),
        paymentId: data.payment_id,
        fact: {
          kind: "payment",
          status: kind.status,
          amount: data.total_amount,
          currency: data.currency,
        },
      };
      break;
    }
    case "refund": {
      const data = parsePayload(ZRefundData, envelope.data, `${envelope.type} data`);
      normalised = {
        orderId: orderIdFromMetadata(data.metadata) ?? (await lookupOrderId(data.payment_id)),
        paymentId: data.payment_id,
        fact: {
          kind: "refund",
          refundId: data.refund_id,
          status: kind.status,
          amount: data.amount,
        },
      };
      break;
    }
    case "dispute": {
      const data = parsePayload(ZDisputeData, envelope.data, `${envelope.type} data`);
      normalised = {
        orderId: orderIdFromMetadata(data.metadata) ?? (await lookupOrderId(data.payment_id)),
        paymentId: data.payment_id,
        fact: { kind: "dispute", disputeId: data.dispute_id, status: kind.status },
      };
      break;
    }
    case "other": {
      const { metadata, payment_id: paymentId } = envelope.data;
      normalised = {
        orderId: orderIdFromMetadata(
          typeof metadata === "object" ? (metadata as Record<string, unknown> | null) : null,
        ),
        paymentId: typeof paymentId === "string" && paymentId.length <= 200 ? paymentId : null,
        fact: { kind: "other" },
      };
      break;
    }
  }
  return parsePayload(
    ZPaymentEvent,
    {
      eventId: webhook.webhookId,
      type: envelope.type,
      occurredAt: occurredAt(envelope.timestamp),
      ...normalised,
      raw: webhook.payload,
    },
    "event",
  );
}
