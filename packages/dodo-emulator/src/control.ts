import { completeCheckout } from "./checkouts";
import { changeDispute, type DisputeOutcome } from "./disputes";
import type { Payment, Refund } from "./dodo-types";
import { createRefund } from "./refunds";
import { ZControlDispute, ZControlDuplicate } from "./schemas";
import type { DisputeRecord, EmulatorContext } from "./state";
import { parseRequest } from "./validate";
import type { WebhookEventRecord } from "./webhooks/dispatcher";

/**
 * What a test or demo does in place of a customer, a bank or Dodo's dashboard. Each method
 * throws `DodoApiError` (404 unknown id, 409 already paid, 400 refund too large, …).
 */
export interface DodoEmulatorControl {
  /** The customer clicks Pay: a `succeeded` payment for the cart total, `payment.succeeded`. */
  pay(sessionId: string): Payment;
  /** The customer clicks Decline: a `failed` payment, `payment.failed`. */
  decline(sessionId: string): Payment;
  /** Refunds `amount` minor units, or everything not yet refunded; `refund.succeeded`. */
  refund(paymentId: string, amount?: number): Refund;
  /** Opens or resolves a dispute; `dispute.<status>`. */
  dispute(paymentId: string, status: DisputeOutcome): DisputeRecord;
  /** Sends an arbitrary signed event, e.g. a payment for an order the store never made. */
  send(type: string, data: unknown): WebhookEventRecord;
  resend(webhookId: string): WebhookEventRecord;
  duplicate(webhookId: string, times?: number): WebhookEventRecord;
  /** The delivery log, oldest event first. */
  events(): WebhookEventRecord[];
  waitForDeliveries(): Promise<void>;
}

export function createControl(ctx: EmulatorContext): DodoEmulatorControl {
  return {
    pay: (sessionId) => completeCheckout(ctx, sessionId, "succeeded"),
    decline: (sessionId) => completeCheckout(ctx, sessionId, "failed"),
    refund: (paymentId, amount) => createRefund(ctx, { payment_id: paymentId, amount }),
    dispute: (paymentId, status) =>
      changeDispute(ctx, paymentId, parseRequest(ZControlDispute, { status }).status),
    send: (type, data) => ctx.webhooks.emit(type, data),
    resend: (webhookId) => ctx.webhooks.resend(webhookId),
    duplicate: (webhookId, times) =>
      ctx.webhooks.duplicate(webhookId, parseRequest(ZControlDuplicate, { times }).times),
    events: () => ctx.webhooks.events(),
    waitForDeliveries: () => ctx.webhooks.waitForDeliveries(),
  };
}
