import type { Metadata, Refund } from "./dodo-types";
import { DodoApiError, notFound } from "./errors";
import { dodoId } from "./ids";
import { newestFirst, paginate } from "./pagination";
import { findStoredPayment, refundedAmount, touchPayment } from "./payments";
import type { REFUND_OUTCOMES, TRefundCreate } from "./schemas";
import { nowTimestamp, type EmulatorContext } from "./state";
import { refundEventData } from "./webhooks/payloads";

/** Dodo refunds payments up to 30 days old. */
const REFUND_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export interface RefundInput {
  readonly payment_id: string;
  /** Dodo's per-item partial refund (`POST /refunds`). */
  readonly items?: TRefundCreate["items"];
  /** A plain amount in minor units (control API only; Dodo's API has no such field). */
  readonly amount?: number;
  readonly reason?: string | null;
  readonly metadata?: Metadata;
  /** Control API only: `failed` is a refund the bank refused (`refund.failed`, nothing refunded). */
  readonly status?: RefundOutcome;
}

export type RefundOutcome = (typeof REFUND_OUTCOMES)[number];

/** How much refunding `items` means: each item is a cart product, its whole line by default. */
function itemsAmount(
  ctx: EmulatorContext,
  paymentId: string,
  items: NonNullable<TRefundCreate["items"]>,
) {
  const payment = findStoredPayment(ctx, paymentId);
  const session = payment.checkout_session_id
    ? ctx.state.sessions.get(payment.checkout_session_id)
    : undefined;
  let sum = 0;
  for (const item of items) {
    const line = session?.lines.find((l) => l.product_id === item.item_id);
    if (!line) {
      throw new DodoApiError(
        400,
        "INVALID_REFUND_ITEM",
        `Item ${item.item_id} is not part of payment ${paymentId}`,
      );
    }
    const lineTotal = line.unit_amount * line.quantity;
    if (item.amount != null && item.amount > lineTotal) {
      throw new DodoApiError(
        400,
        "REFUND_AMOUNT_EXCEEDS_PAYMENT",
        `Refund amount ${item.amount} for ${item.item_id} exceeds its paid amount ${lineTotal}`,
      );
    }
    sum += item.amount ?? lineTotal;
  }
  return sum;
}

/**
 * Refunds a succeeded payment, fully (the rest not yet refunded) or partially, and sends
 * `refund.succeeded` (or `refund.failed`, which refunds nothing). Refunds never add up to more
 * than the payment's total.
 */
export function createRefund(ctx: EmulatorContext, input: RefundInput): Refund {
  if (input.amount !== undefined && !(Number.isSafeInteger(input.amount) && input.amount > 0)) {
    throw new DodoApiError(422, "INVALID_REQUEST_BODY", "amount must be a positive integer");
  }
  const payment = findStoredPayment(ctx, input.payment_id);
  if (payment.status !== "succeeded") {
    throw new DodoApiError(
      400,
      "PAYMENT_NOT_SUCCEEDED",
      `Payment ${payment.payment_id} has status ${payment.status ?? "unknown"}; only succeeded payments can be refunded`,
    );
  }
  // Like Dodo: no refunds once its refund window after the payment has passed.
  if (ctx.clock.now().getTime() - Date.parse(payment.created_at) > REFUND_WINDOW_MS) {
    throw new DodoApiError(
      400,
      "REFUND_WINDOW_EXPIRED",
      `Payment ${payment.payment_id} is older than Dodo's 30-day refund window`,
    );
  }
  const refundable = payment.total_amount - refundedAmount(ctx, payment.payment_id);
  if (refundable <= 0) {
    throw new DodoApiError(
      400,
      "PAYMENT_ALREADY_REFUNDED",
      `Payment ${payment.payment_id} is already fully refunded`,
    );
  }
  const amount =
    input.items && input.items.length > 0
      ? itemsAmount(ctx, payment.payment_id, input.items)
      : (input.amount ?? refundable);
  if (amount > refundable) {
    throw new DodoApiError(
      400,
      "REFUND_AMOUNT_EXCEEDS_PAYMENT",
      `Refund amount ${amount} exceeds the refundable amount ${refundable} of payment ${payment.payment_id}`,
    );
  }
  const refund: Refund = {
    refund_id: dodoId("ref"),
    payment_id: payment.payment_id,
    business_id: ctx.businessId,
    brand_id: payment.brand_id,
    created_at: nowTimestamp(ctx),
    customer: payment.customer,
    status: input.status ?? "succeeded",
    amount,
    currency: payment.currency,
    is_partial: amount < payment.total_amount,
    reason: input.reason ?? null,
    // Like Dodo: only the refund's own metadata, never the payment's.
    metadata: input.metadata ?? {},
  };
  ctx.state.refunds.set(refund.refund_id, refund);
  touchPayment(ctx, payment.payment_id);
  const id = refund.refund_id;
  ctx.webhooks.emit(`refund.${refund.status}`, () => refundEventData(ctx, id));
  return refund;
}

export function getRefund(ctx: EmulatorContext, id: string): Refund {
  const refund = ctx.state.refunds.get(id);
  if (!refund) throw notFound("Refund", id);
  return refund;
}

export function listRefunds(ctx: EmulatorContext, query: URLSearchParams): { items: Refund[] } {
  const status = query.get("status");
  const items = newestFirst(ctx.state.refunds.values()).filter(
    (refund) => status === null || refund.status === status,
  );
  return paginate(items, query);
}
