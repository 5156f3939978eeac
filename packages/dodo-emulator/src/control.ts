import { changeDispute, type DisputeOutcome } from "./disputes";
import type { Payment, Refund } from "./dodo-types";
import { completeCheckout, settlePayment, type SettleOutcome } from "./payment-attempts";
import { createRefund, type RefundOutcome } from "./refunds";
import {
  ZControlDispute,
  ZControlDuplicate,
  ZControlRefund,
  ZControlSettle,
  type TPaymentChoice,
} from "./schemas";
import type { DisputeRecord, EmulatorContext } from "./state";
import { parseRequest } from "./validate";
import type { WebhookEventRecord } from "./webhooks/dispatcher";

/** What the buyer picked on the hosted page: `{ currency?, discount_code? }`. */
type PaymentChoice = TPaymentChoice;

/**
 * What a test or demo does in place of a customer, a bank or Dodo's dashboard. Each method
 * throws `DodoApiError` (404 unknown id, 409 already paid, 400 refund too large, …).
 */
export interface DodoEmulatorControl {
  /**
   * The customer clicks Pay: a `succeeded` payment for the cart total, `payment.succeeded`.
   * `choice` is what they picked on the page (refused when the session does not offer it).
   */
  pay(sessionId: string, choice?: PaymentChoice): Payment;
  /** The customer clicks Decline: a `failed` payment, `payment.failed`. */
  decline(sessionId: string, choice?: PaymentChoice): Payment;
  /** The customer pays and the bank has not answered yet: `processing`, `payment.processing`. */
  process(sessionId: string, choice?: PaymentChoice): Payment;
  /** The bank answers a processing payment: `payment.succeeded` / `.failed` / `.cancelled`. */
  settle(paymentId: string, outcome: SettleOutcome): Payment;
  /**
   * Refunds `amount` minor units, or everything not yet refunded; `refund.succeeded`. With
   * `status: "failed"` the refund is refused by the bank: `refund.failed`, nothing refunded.
   */
  refund(paymentId: string, amount?: number, status?: RefundOutcome): Refund;
  /** Opens or moves a dispute along; `dispute.<status>`. */
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
    pay: (sessionId, choice) => completeCheckout(ctx, sessionId, "succeeded", choice),
    decline: (sessionId, choice) => completeCheckout(ctx, sessionId, "failed", choice),
    process: (sessionId, choice) => completeCheckout(ctx, sessionId, "processing", choice),
    settle: (paymentId, outcome) =>
      settlePayment(ctx, paymentId, parseRequest(ZControlSettle, { status: outcome }).status),
    refund: (paymentId, amount, status) =>
      createRefund(ctx, {
        payment_id: paymentId,
        ...parseRequest(ZControlRefund, { amount, status }),
      }),
    dispute: (paymentId, status) =>
      changeDispute(ctx, paymentId, parseRequest(ZControlDispute, { status }).status),
    send: (type, data) => ctx.webhooks.emit(type, () => data),
    resend: (webhookId) => ctx.webhooks.resend(webhookId),
    duplicate: (webhookId, times) =>
      ctx.webhooks.duplicate(webhookId, parseRequest(ZControlDuplicate, { times }).times),
    events: () => ctx.webhooks.events(),
    waitForDeliveries: () => ctx.webhooks.waitForDeliveries(),
  };
}
