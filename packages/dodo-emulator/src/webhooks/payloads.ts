import { getDispute } from "../disputes";
import type { Payment, Refund } from "../dodo-types";
import { getPayment } from "../payments";
import { getRefund } from "../refunds";
import type { DisputeRecord, EmulatorContext } from "../state";

// `data` of a Dodo webhook: the object as the GET endpoint returns it, tagged with
// `payload_type` (Dodo's `WebhookPayload` union).

export function paymentEventData(
  ctx: EmulatorContext,
  paymentId: string,
): Payment & { payload_type: "Payment" } {
  return { payload_type: "Payment", ...getPayment(ctx, paymentId) };
}

export function refundEventData(
  ctx: EmulatorContext,
  refundId: string,
): Refund & { payload_type: "Refund" } {
  return { payload_type: "Refund", ...getRefund(ctx, refundId) };
}

export function disputeEventData(
  ctx: EmulatorContext,
  disputeId: string,
): DisputeRecord & { payload_type: "Dispute" } {
  return { payload_type: "Dispute", ...getDispute(ctx, disputeId) };
}
