import type { DisputeListResponse } from "./dodo-types";
import { DodoApiError, notFound } from "./errors";
import { dodoId } from "./ids";
import { newestFirst, paginate } from "./pagination";
import { findStoredPayment, touchPayment } from "./payments";
import type { DISPUTE_OUTCOMES } from "./schemas";
import { nowTimestamp, type DisputeRecord, type EmulatorContext } from "./state";
import { disputeEventData } from "./webhooks/payloads";

export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/**
 * Moves a payment's dispute along and sends `dispute.<outcome>`. `opened` starts a new
 * dispute for the full amount; the other outcomes update the payment's latest dispute, or
 * create one already in that state when the payment has none.
 */
export function changeDispute(
  ctx: EmulatorContext,
  paymentId: string,
  outcome: DisputeOutcome,
): DisputeRecord {
  const payment = findStoredPayment(ctx, paymentId);
  if (payment.status !== "succeeded") {
    throw new DodoApiError(
      400,
      "PAYMENT_NOT_SUCCEEDED",
      `Payment ${paymentId} has status ${payment.status ?? "unknown"}; only succeeded payments can be disputed`,
    );
  }
  const latest =
    outcome === "opened"
      ? undefined
      : newestFirst(ctx.state.disputes.values()).find((d) => d.payment_id === paymentId);
  const dispute: DisputeRecord = latest
    ? { ...latest, dispute_status: `dispute_${outcome}` }
    : {
        dispute_id: dodoId("dp"),
        payment_id: paymentId,
        business_id: ctx.businessId,
        brand_id: payment.brand_id,
        amount: String(payment.total_amount),
        currency: payment.currency,
        created_at: nowTimestamp(ctx),
        customer: payment.customer,
        dispute_stage: "dispute",
        dispute_status: `dispute_${outcome}`,
        payment_provider: "dodo",
        is_resolved_by_rdr: false,
        reason: null,
        remarks: null,
      };
  ctx.state.disputes.set(dispute.dispute_id, dispute);
  touchPayment(ctx, paymentId);
  const id = dispute.dispute_id;
  ctx.webhooks.emit(`dispute.${outcome}`, () => disputeEventData(ctx, id));
  return dispute;
}

export function getDispute(ctx: EmulatorContext, id: string): DisputeRecord {
  const dispute = ctx.state.disputes.get(id);
  if (!dispute) throw notFound("Dispute", id);
  return dispute;
}

export function listDisputes(
  ctx: EmulatorContext,
  query: URLSearchParams,
): { items: DisputeListResponse[] } {
  const status = query.get("dispute_status");
  const items = newestFirst(ctx.state.disputes.values())
    .filter((dispute) => status === null || dispute.dispute_status === status)
    .map((dispute): DisputeListResponse => ({
      dispute_id: dispute.dispute_id,
      payment_id: dispute.payment_id,
      business_id: dispute.business_id,
      amount: dispute.amount,
      currency: dispute.currency,
      created_at: dispute.created_at,
      dispute_stage: dispute.dispute_stage,
      dispute_status: dispute.dispute_status,
      payment_provider: dispute.payment_provider,
      is_resolved_by_rdr: dispute.is_resolved_by_rdr ?? null,
    }));
  return paginate(items, query);
}
