import type { PaymentFact } from "@digistore/domain-orders";

type FactKind = PaymentFact["kind"];
type StatusOf<K extends FactKind> =
  Extract<PaymentFact, { kind: K }> extends { status: infer S } ? S : never;

export type EventClass =
  | { readonly kind: "payment"; readonly status: StatusOf<"payment"> }
  | { readonly kind: "refund"; readonly status: StatusOf<"refund"> }
  | { readonly kind: "dispute"; readonly status: StatusOf<"dispute"> }
  | { readonly kind: "other" };

/** Dodo event type → the fact it reports (the SDK's `UnwrapWebhookEvent` types). */
const PAYMENT_EVENTS: Readonly<Record<string, StatusOf<"payment">>> = {
  "payment.succeeded": "succeeded",
  "payment.failed": "failed",
  "payment.cancelled": "cancelled",
  "payment.processing": "processing",
};

const REFUND_EVENTS: Readonly<Record<string, StatusOf<"refund">>> = {
  "refund.succeeded": "succeeded",
  "refund.failed": "failed",
};

const DISPUTE_EVENTS: Readonly<Record<string, StatusOf<"dispute">>> = {
  "dispute.opened": "opened",
  "dispute.challenged": "challenged",
  "dispute.won": "won",
  "dispute.lost": "lost",
  "dispute.accepted": "accepted",
  "dispute.cancelled": "cancelled",
  "dispute.expired": "expired",
};

export function classifyEventType(type: string): EventClass {
  if (Object.hasOwn(PAYMENT_EVENTS, type))
    return { kind: "payment", status: PAYMENT_EVENTS[type]! };
  if (Object.hasOwn(REFUND_EVENTS, type)) return { kind: "refund", status: REFUND_EVENTS[type]! };
  if (Object.hasOwn(DISPUTE_EVENTS, type))
    return { kind: "dispute", status: DISPUTE_EVENTS[type]! };
  return { kind: "other" };
}
