import { findSession, processingPayment, succeededPayment } from "./checkouts";
import { useDiscount } from "./discounts";
import type { Payment } from "./dodo-types";
import { DodoApiError } from "./errors";
import {
  createPayment,
  findStoredPayment,
  paymentError,
  renderPayment,
  type PaymentOutcome,
} from "./payments";
import { quotePayment } from "./pricing/quote";
import type { TPaymentChoice } from "./schemas";
import { nowTimestamp, type EmulatorContext } from "./state";
import { paymentEventData } from "./webhooks/payloads";

/** How a `processing` payment ends. */
export type SettleOutcome = "succeeded" | "failed" | "cancelled";

function emitPaymentEvent(ctx: EmulatorContext, payment: Payment): void {
  const id = payment.payment_id;
  // Rendered again on every attempt: a retry carries the payment as it is then.
  ctx.webhooks.emit(`payment.${payment.status}`, () => paymentEventData(ctx, id));
}

function countDiscountUse(ctx: EmulatorContext, payment: Payment): void {
  if (payment.status === "succeeded" && payment.discount_id) useDiscount(ctx, payment.discount_id);
}

/**
 * Pay (`succeeded`), Decline (`failed`) or start a payment that settles later (`processing`)
 * on a session, as the hosted page does, with what the buyer chose there (a currency, a
 * discount code; refused when the session's feature flags do not allow them), and send
 * `payment.<outcome>`. A declined session can be paid again (a new attempt, as on Dodo); a
 * paid one answers 409 CHECKOUT_SESSION_CONSUMED, one with a processing payment 409
 * PAYMENT_IN_PROGRESS.
 */
export function completeCheckout(
  ctx: EmulatorContext,
  sessionId: string,
  outcome: PaymentOutcome,
  choice?: TPaymentChoice,
): Payment {
  const session = findSession(ctx, sessionId);
  if (succeededPayment(ctx, session)) {
    throw new DodoApiError(
      409,
      "CHECKOUT_SESSION_CONSUMED",
      `Checkout session ${sessionId} is already paid`,
    );
  }
  if (processingPayment(ctx, session)) {
    throw new DodoApiError(
      409,
      "PAYMENT_IN_PROGRESS",
      `Checkout session ${sessionId} has a payment still processing`,
    );
  }
  const quote = quotePayment(ctx, session, choice);
  const stored = createPayment(ctx, session, outcome, quote);
  session.payment_ids.push(stored.payment_id);
  countDiscountUse(ctx, stored);
  emitPaymentEvent(ctx, stored);
  return renderPayment(ctx, stored);
}

/** Ends a `processing` payment (the bank answered) and sends `payment.<outcome>`. */
export function settlePayment(
  ctx: EmulatorContext,
  paymentId: string,
  outcome: SettleOutcome,
): Payment {
  const payment = findStoredPayment(ctx, paymentId);
  if (payment.status !== "processing") {
    throw new DodoApiError(
      400,
      "PAYMENT_NOT_PROCESSING",
      `Payment ${paymentId} has status ${payment.status ?? "unknown"}; only a processing payment settles`,
    );
  }
  const settled: Payment = {
    ...payment,
    status: outcome,
    updated_at: nowTimestamp(ctx),
    card_last_four: outcome === "failed" ? "0002" : payment.card_last_four,
    ...paymentError(outcome),
  };
  ctx.state.payments.set(paymentId, settled);
  countDiscountUse(ctx, settled);
  emitPaymentEvent(ctx, settled);
  return renderPayment(ctx, settled);
}
