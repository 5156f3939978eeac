import type {
  Dispute,
  IntentStatus,
  Payment,
  PaymentListResponse,
  RefundListItem,
} from "./dodo-types";
import { notFound } from "./errors";
import { dodoId } from "./ids";
import { newestFirst, paginate } from "./pagination";
import { discountDetail } from "./discounts";
import type { PaymentQuote } from "./pricing/quote";
import { nowTimestamp, type CheckoutSession, type EmulatorContext } from "./state";

/** How a payment attempt on the hosted page ends, for now: `processing` settles later. */
export type PaymentOutcome = Extract<IntentStatus, "succeeded" | "failed" | "processing">;

/** Sum of the payment's succeeded refunds, in minor units. */
export function refundedAmount(ctx: EmulatorContext, paymentId: string): number {
  let sum = 0;
  for (const refund of ctx.state.refunds.values()) {
    if (refund.payment_id === paymentId && refund.status === "succeeded") sum += refund.amount ?? 0;
  }
  return sum;
}

/** A payment as `GET /payments/{id}` returns it, with its refunds and disputes as of now. */
export function renderPayment(ctx: EmulatorContext, stored: Payment): Payment {
  const refunds: RefundListItem[] = [];
  for (const refund of ctx.state.refunds.values()) {
    if (refund.payment_id !== stored.payment_id) continue;
    refunds.push({
      refund_id: refund.refund_id,
      payment_id: refund.payment_id,
      business_id: refund.business_id,
      created_at: refund.created_at,
      status: refund.status,
      is_partial: refund.is_partial,
      amount: refund.amount ?? null,
      currency: refund.currency ?? null,
      reason: refund.reason ?? null,
    });
  }
  const disputes: Dispute[] = [];
  for (const dispute of ctx.state.disputes.values()) {
    if (dispute.payment_id !== stored.payment_id) continue;
    disputes.push({
      dispute_id: dispute.dispute_id,
      payment_id: dispute.payment_id,
      business_id: dispute.business_id,
      amount: dispute.amount,
      currency: dispute.currency,
      created_at: dispute.created_at,
      dispute_stage: dispute.dispute_stage,
      dispute_status: dispute.dispute_status,
      is_resolved_by_rdr: dispute.is_resolved_by_rdr ?? null,
      remarks: dispute.remarks ?? null,
    });
  }
  const refunded = refundedAmount(ctx, stored.payment_id);
  return {
    ...stored,
    refunds,
    disputes,
    refund_status: refunded === 0 ? null : refunded >= stored.total_amount ? "full" : "partial",
  };
}

export function findStoredPayment(ctx: EmulatorContext, id: string): Payment {
  const payment = ctx.state.payments.get(id);
  if (!payment) throw notFound("Payment", id);
  return payment;
}

export function getPayment(ctx: EmulatorContext, id: string): Payment {
  return renderPayment(ctx, findStoredPayment(ctx, id));
}

/** Records that something happened to the payment (a refund, a dispute). */
export function touchPayment(ctx: EmulatorContext, id: string): void {
  const payment = findStoredPayment(ctx, id);
  ctx.state.payments.set(id, { ...payment, updated_at: nowTimestamp(ctx) });
}

/** The payment a Pay / Decline on the hosted checkout creates for the whole cart, as quoted. */
export function createPayment(
  ctx: EmulatorContext,
  session: CheckoutSession,
  outcome: PaymentOutcome,
  quote: PaymentQuote,
): Payment {
  const now = nowTimestamp(ctx);
  const payment: Payment = {
    payment_id: dodoId("pay"),
    business_id: ctx.businessId,
    brand_id: ctx.businessId,
    created_at: now,
    updated_at: now,
    status: outcome,
    total_amount: quote.total_amount,
    currency: quote.currency as Payment["currency"],
    settlement_amount: quote.settlement_amount,
    settlement_currency: quote.settlement_currency as Payment["currency"],
    settlement_tax: quote.settlement_tax,
    tax: quote.tax,
    billing: session.billing,
    customer: session.customer,
    metadata: session.metadata,
    checkout_session_id: session.id,
    payment_link: session.checkout_url,
    product_cart: session.lines.map((line) => ({
      product_id: line.product_id,
      quantity: line.quantity,
    })),
    payment_provider: "dodo",
    payment_method: "card",
    payment_method_id: null,
    payment_method_type: null,
    card_holder_name: session.customer.name,
    card_issuing_country: session.billing.country,
    card_last_four: outcome === "failed" ? "0002" : "4242",
    card_network: "VISA",
    card_type: "CREDIT",
    ...paymentError(outcome),
    digital_products_delivered: false,
    discount_id: quote.discount?.discount_id ?? null,
    discounts: quote.discount ? [discountDetail(quote.discount)] : [],
    custom_field_responses: null,
    invoice_id: null,
    invoice_url: null,
    is_multi_subscription: false,
    is_update_payment_method: false,
    retry_attempt: 0,
    subscription_id: null,
    subscription_ids: [],
    refunds: [],
    disputes: [],
    refund_status: null,
  };
  ctx.state.payments.set(payment.payment_id, payment);
  return payment;
}

/** Dodo's error fields for a payment in `status`. */
export function paymentError(status: IntentStatus): Pick<Payment, "error_code" | "error_message"> {
  if (status === "failed") {
    return {
      error_code: "CARD_DECLINED",
      error_message: "The card was declined by the issuing bank",
    };
  }
  if (status === "cancelled") {
    return { error_code: "PAYMENT_CANCELLED", error_message: "The payment was cancelled" };
  }
  return { error_code: null, error_message: null };
}

function toListItem(ctx: EmulatorContext, stored: Payment): PaymentListResponse {
  const payment = renderPayment(ctx, stored);
  const lastDispute = payment.disputes.at(-1);
  return {
    payment_id: payment.payment_id,
    brand_id: payment.brand_id,
    created_at: payment.created_at,
    currency: payment.currency,
    customer: payment.customer,
    digital_products_delivered: payment.digital_products_delivered,
    has_license_key: false,
    is_multi_subscription: false,
    metadata: payment.metadata,
    payment_provider: payment.payment_provider,
    subscription_ids: [],
    total_amount: payment.total_amount,
    card_last_four: payment.card_last_four ?? null,
    card_network: payment.card_network ?? null,
    dispute_status: lastDispute?.dispute_status ?? null,
    invoice_id: null,
    invoice_url: null,
    payment_method: payment.payment_method ?? null,
    payment_method_type: payment.payment_method_type ?? null,
    refund_status: payment.refund_status ?? null,
    status: payment.status ?? null,
    subscription_id: null,
  };
}

export function listPayments(
  ctx: EmulatorContext,
  query: URLSearchParams,
): { items: PaymentListResponse[] } {
  const status = query.get("status");
  const matching = newestFirst(ctx.state.payments.values()).filter(
    (payment) => status === null || payment.status === status,
  );
  return paginate(
    matching.map((payment) => toListItem(ctx, payment)),
    query,
  );
}
