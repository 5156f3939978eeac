import type { Payment, Refund } from "../dodo-types";
import { getPayment } from "../payments";
import type { DisputeRecord, EmulatorContext } from "../state";

// `data` of a Dodo webhook: the object as the GET endpoint returns it, tagged with
// `payload_type` (Dodo's `WebhookPayload` union).

export function paymentEventData(
  ctx: EmulatorContext,
  paymentId: string,
): Payment & { payload_type: "Payment" } {
  return { payload_type: "Payment", ...getPayment(ctx, paymentId) };
}

export function refundEventData(refund: Refund): Refund & { payload_type: "Refund" } {
  return { payload_type: "Refund", ...refund };
}

export function disputeEventData(
  dispute: DisputeRecord,
): DisputeRecord & { payload_type: "Dispute" } {
  return { payload_type: "Dispute", ...dispute };
}
